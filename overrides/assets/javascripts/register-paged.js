/* The service register at national scale (register.js uses it when the index is paged):
 * filters over per-facet bitsets (register/facets/<facet>.json), the matching cards loaded
 * from the topics' listing pages, and the cards of pinned services the index does not
 * list (register/facets/order.json). Plain ES2017, no build step; nothing is written with
 * innerHTML. A browser global, IciRegisterPaged.create(env). */
(function () {
  "use strict";

  /**
   * register/facets/<facet>.json holds one bitset per value over every service in the
   * register's order (topics in order, each by name, then the ended ones); a topic's
   * listing pages (data-href, data-page-size per page) hold its cards in the same order.
   *
   * env: register (the [data-ici-register] node), facets and filters (register.js's),
   * wanted(facet, selection), showState(sel, shown, total, updateUrl), render(),
   * button(label, onClick), strings (the register's interface strings).
   * Returns {apply(selection, updateUrl), cards(ids)}.
   */
  function create(env) {
    const register = env.register;
    const facets = env.facets;
    const filters = env.filters;
    const wanted = env.wanted;
    const showState = env.showState;
    const render = env.render;
    const base = register.getAttribute("data-facets");
    const pageSize = Number(register.getAttribute("data-page-size"));
    const groups = Array.from(register.querySelectorAll("[data-ici-group]")).map((node) => ({
      node: node,
      key: node.getAttribute("data-ici-group"),
      offset: Number(node.getAttribute("data-offset")),
      count: Number(node.getAttribute("data-count")),
      href: node.getAttribute("data-href"),
      list: node.querySelector(".ici-service-list"),
      first: Array.from(node.querySelectorAll("[data-ici-service]")),
      limit: 0,
    }));
    const loaded = {};
    const pages = {};
    let run = 0;

    function decode(text) {
      const raw = atob(text);
      const bytes = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
      return bytes;
    }
    function facet(key) {
      if (!loaded[key]) {
        loaded[key] = fetch(base + key + ".json").then((r) => {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        }).then((doc) => {
          const values = {};
          Object.keys(doc.values).forEach((v) => (values[v] = decode(doc.values[v])));
          return { n: doc.n, values: values };
        });
        loaded[key].catch(() => delete loaded[key]);
      }
      return loaded[key];
    }
    function union(data, values) {
      const out = new Uint8Array(Math.ceil(data.n / 8));
      values.forEach((v) => {
        const bits = data.values[v];
        if (bits) for (let i = 0; i < out.length; i += 1) out[i] |= bits[i];
      });
      return out;
    }
    function and(a, b) {
      const out = new Uint8Array(a.length);
      for (let i = 0; i < a.length; i += 1) out[i] = a[i] & b[i];
      return out;
    }
    function count(bits, from, to) {
      let n = 0;
      for (let i = from; i < to; i += 1) if (bits[i >> 3] & (1 << (i & 7))) n += 1;
      return n;
    }
    // the services every facet but `skip` lets through (null: no condition at all)
    function matching(data, sel, skip) {
      let bits = null;
      facets.forEach((f) => {
        const values = wanted(f, sel);
        if (f.key === skip || values.length === 0) return;
        const u = union(data[f.key], values);
        bits = bits ? and(bits, u) : u;
      });
      return bits;
    }
    // a listing page's cards, links made absolute (they were relative to that page)
    function listingPage(url) {
      if (!pages[url]) {
        pages[url] = fetch(url).then((r) => {
          if (!r.ok) throw new Error(r.status);
          return r.text();
        }).then((text) => {
          const doc = new DOMParser().parseFromString(text, "text/html");
          const at = new URL(url, window.location.href);
          return Array.from(doc.querySelectorAll("[data-ici-register] [data-ici-service]")).map((li) => {
            // a listing page's h2 card headings sit below the index's topic headings (h3)
            const name = li.querySelector(".ici-svc-name");
            if (name && name.tagName !== "H4") {
              const h4 = doc.createElement("h4");
              Array.from(name.attributes).forEach((a) => h4.setAttribute(a.name, a.value));
              while (name.firstChild) h4.appendChild(name.firstChild);
              name.replaceWith(h4);
            }
            li.querySelectorAll("a[href]").forEach((a) => {
              const href = a.getAttribute("href");
              if (!/^[a-z]+:/i.test(href)) a.setAttribute("href", new URL(href, at).href);
            });
            return li;
          });
        });
        pages[url].catch(() => delete pages[url]);
      }
      return pages[url];
    }
    function cardAt(group, index) {
      const page = Math.floor((index - group.offset) / pageSize);
      const url = new URL(group.href + (page ? page + 1 + "/" : ""), window.location.href).href;
      return listingPage(url).then((cards) => cards[(index - group.offset) % pageSize]);
    }
    function restore() {
      groups.forEach((g) => {
        g.node.hidden = false;
        g.list.textContent = "";
        g.first.forEach((li) => g.list.appendChild(li));
        const all = g.node.querySelector("[data-ici-see-all]");
        if (all) all.hidden = false;
        const more = g.node.querySelector("[data-ici-more]");
        if (more) more.remove();
        jumpCount(g, g.count, false);
      });
    }
    function jumpCount(g, n, hide) {
      const jump = register.querySelector('[data-ici-jump="' + g.key + '"]');
      if (jump) {
        jump.hidden = hide;
        jump.querySelector("[data-ici-jump-count]").textContent = "(" + n + ")";
      }
    }
    function showGroup(g, bits, token) {
      const found = [];
      for (let i = g.offset; i < g.offset + g.count; i += 1) {
        if (bits[i >> 3] & (1 << (i & 7))) found.push(i);
      }
      g.node.hidden = found.length === 0;
      jumpCount(g, found.length, found.length === 0);
      const all = g.node.querySelector("[data-ici-see-all]");
      if (all) all.hidden = true;
      const old = g.node.querySelector("[data-ici-more]");
      if (old) old.remove();
      const shown = found.slice(0, g.limit);
      return Promise.all(shown.map((i) => cardAt(g, i))).then((cards) => {
        if (token !== run) return;
        g.list.textContent = "";
        cards.forEach((li) => li && g.list.appendChild(document.importNode(li, true)));
        if (found.length > shown.length) {
          const p = document.createElement("p");
          p.setAttribute("data-ici-more", "");
          p.appendChild(env.button(env.strings.show_more, () => {
            g.limit += pageSize;
            const again = run;
            register.setAttribute("aria-busy", "true");
            showGroup(g, bits, again).then(render, failed).then(() => done(again));
          }));
          g.node.appendChild(p);
        }
      });
    }
    function failed() {
      document.querySelector("[data-ici-status]").textContent = env.strings.load_failed;
    }
    function counts(data, sel) {
      facets.forEach((f) => {
        const others = matching(data, sel, f.key);
        f.inputs.forEach((input) => {
          const bits = data[f.key].values[input.value];
          const n = bits ? count(others ? and(others, bits) : bits, 0, data[f.key].n) : 0;
          input.closest("label").querySelector("[data-ici-count]").textContent = "(" + n + ")";
        });
      });
    }
    // every facet's data once the filters are open (the counts need them all); before
    // that only the facets the URL or the reader ticked, and the status
    function needed(sel) {
      const open = !filters.hidden;
      return facets.filter((f) => open || f.key === "status" || sel[f.key].length).map((f) => f.key);
    }
    // aria-busy while cards load; the last run's end clears it
    function done(token) {
      if (token === run) register.removeAttribute("aria-busy");
    }
    function apply(sel, updateUrl) {
      const token = (run += 1);
      register.setAttribute("aria-busy", "true");
      return load(sel, updateUrl, token).then(() => done(token), () => done(token));
    }
    function load(sel, updateUrl, token) {
      const keys = needed(sel);
      const unfiltered = facets.every((f) => sel[f.key].length === 0);
      if (unfiltered) restore();
      if (unfiltered && keys.length === 1) {
        const total = groups.filter((g) => g.key !== "ended").reduce((n, g) => n + g.count, 0);
        showState(sel, total, total, updateUrl);
        return Promise.resolve();
      }
      return Promise.all(keys.map(facet)).then((docs) => {
        if (token !== run) return null;
        const data = {};
        keys.forEach((k, i) => (data[k] = docs[i]));
        const n = data.status.n;
        const bits = matching(data, sel, null);
        const status = union(data.status, wanted(facets.find((f) => f.key === "status"), sel));
        if (keys.length === facets.length) counts(data, sel);
        const shown = count(bits, 0, n);
        showState(sel, shown, count(status, 0, n), updateUrl);
        if (unfiltered) return null;
        const hits = groups.filter((g) => count(bits, g.offset, g.offset + g.count) > 0);
        groups.forEach((g) => (g.limit = hits.length === 1 ? pageSize : Math.max(g.first.length, 1)));
        return Promise.all(groups.map((g) => showGroup(g, bits, token))).then(() => {
          if (token === run) render();
        });
      }).catch(failed);
    }
    // the cards of these services, wherever their topic's listing pages hold them
    let order = null;
    function cards(ids) {
      if (!order) {
        order = fetch(base + "order.json").then((r) => {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        });
        order.catch(() => (order = null));
      }
      return order.then((doc) => Promise.all(ids.map((id) => {
        const i = doc.ids.indexOf(id);
        const g = groups.find((x) => x.offset <= i && i < x.offset + x.count);
        return i < 0 || !g ? null : cardAt(g, i).catch(() => null);
      }))).then((found) => found.filter((li, k) => li && li.getAttribute("data-ici-service") === ids[k]));
    }
    return { apply: apply, cards: cards };
  }

  window.IciRegisterPaged = { create: create };
})();
