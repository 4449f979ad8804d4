/* Service register: instant filters, a specialist shortlist kept in localStorage, copy and
 * print. Progressive enhancement only: without this script every service is listed by
 * topic and linked, and the filter and shortlist panels stay hidden.
 * Plain ES2017, no build step. Data comes from the page's own markup (data-* attributes,
 * text nodes); nothing is ever written with innerHTML. */
(function () {
  "use strict";

  const KEY = "ici.register.shortlist";
  const stringsNode = document.getElementById("ici-register-strings");
  if (!stringsNode) return;
  const S = JSON.parse(stringsNode.textContent);

  // ---- shortlist storage: localStorage when allowed, else this page's memory ----------
  let memory = [];
  function readList() {
    try {
      const list = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(list) ? list.filter((id) => typeof id === "string") : [];
    } catch (err) {
      return memory.slice();
    }
  }
  function writeList(list) {
    memory = list.slice();
    try {
      window.localStorage.setItem(KEY, JSON.stringify(list));
    } catch (err) {
      /* private mode or storage disabled: the list lives as long as the page */
    }
  }
  function toggle(id) {
    const list = readList();
    const at = list.indexOf(id);
    if (at === -1) list.push(id);
    else list.splice(at, 1);
    writeList(list);
    render();
  }

  function button(label, onClick, className) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = className || "md-button";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  function clean(text) {
    return (text || "").replace(/\s+/g, " ").trim();
  }

  // ---- pin buttons: one per [data-ici-pin] slot, created only here -------------------
  function nameNode(slot) {
    const owner = slot.closest("[data-ici-service]");
    return owner ? owner.querySelector(".ici-svc-name") : null;
  }
  function renderPins() {
    const list = readList();
    document.querySelectorAll("[data-ici-pin]").forEach((slot) => {
      const id = slot.getAttribute("data-ici-pin");
      let b = slot.querySelector("button");
      if (!b) {
        b = button("", () => toggle(id), "md-button ici-pin");
        const name = nameNode(slot);
        if (name) {
          // many buttons share a label: tell assistive technology which service it is for
          name.id = name.id || "ici-name-" + id;
          b.setAttribute("aria-describedby", name.id);
        }
        slot.appendChild(b);
      }
      const on = list.indexOf(id) !== -1;
      b.textContent = on ? S.pinned : S.pin;
      b.classList.toggle("md-button--primary", on);
      b.setAttribute("data-pinned", on ? "true" : "false");
    });
  }

  // ---- register index: filters and the shortlist panel --------------------------------
  const register = document.querySelector("[data-ici-register]");
  const filters = document.querySelector("[data-ici-filters]");
  const shortlist = document.querySelector("[data-ici-shortlist]");
  const toggleButton = document.querySelector("[data-ici-filter-toggle]");
  const items = register ? Array.from(register.querySelectorAll("[data-ici-service]")) : [];
  function card(id) {
    return register ? register.querySelector('[data-ici-service="' + CSS.escape(id) + '"]') : null;
  }

  const facets = filters
    ? Array.from(filters.querySelectorAll("fieldset[data-facet]")).map((fs) => ({
        key: fs.getAttribute("data-facet"),
        attrs: fs.getAttribute("data-attrs").split(" "),
        inputs: Array.from(fs.querySelectorAll("input[type=checkbox]")),
      }))
    : [];

  // a large register lists only the start of each topic; filters load the rest
  // (register-paged.js)
  const paged =
    register && register.hasAttribute("data-ici-paged") && window.IciRegisterPaged
      ? window.IciRegisterPaged.create({
          register: register,
          facets: facets,
          filters: filters,
          wanted: wanted,
          showState: showState,
          render: render,
          button: button,
          strings: S,
        })
      : null;

  // every item's values per facet, read once from its data-* attributes
  const entries = items.map((item) => {
    const values = {};
    facets.forEach((f) => {
      const set = new Set();
      f.attrs.forEach((attr) => {
        (item.getAttribute("data-" + attr) || "").split(" ").forEach((v) => v && set.add(v));
      });
      values[f.key] = set;
    });
    return { item: item, values: values };
  });

  function selection() {
    const sel = {};
    facets.forEach((f) => {
      sel[f.key] = f.inputs.filter((i) => i.checked).map((i) => i.value);
    });
    return sel;
  }

  // the values a facet asks for; an unticked status facet asks for the current services,
  // so ended ones show only with "ended" ticked (?status=ended)
  function wanted(f, sel) {
    return f.key === "status" && sel[f.key].length === 0 ? ["active"] : sel[f.key];
  }

  // any ticked value within a facet, every facet across them; `skip` leaves one facet out
  // so that an option's count says how many services ticking it would show
  function matches(entry, sel, skip) {
    return facets.every((f) => {
      const values = wanted(f, sel);
      return f.key === skip || values.length === 0 || values.some((v) => entry.values[f.key].has(v));
    });
  }

  // the services of the chosen status, whatever the other filters: "shown n of total"
  function inStatus(entry, sel) {
    return facets.every((f) => {
      const values = f.key === "status" ? wanted(f, sel) : [];
      return values.length === 0 || values.some((v) => entry.values[f.key].has(v));
    });
  }

  function readUrl() {
    const params = new URLSearchParams(window.location.search);
    facets.forEach((f) => {
      const wanted = (params.get(f.key) || "").split(",").filter(Boolean);
      f.inputs.forEach((i) => {
        i.checked = wanted.indexOf(i.value) !== -1;
      });
    });
  }

  function writeUrl(sel) {
    const params = new URLSearchParams(window.location.search);
    facets.forEach((f) => {
      if (sel[f.key].length) params.set(f.key, sel[f.key].join(","));
      else params.delete(f.key);
    });
    const query = params.toString().replace(/%2C/g, ",");
    const url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", url);
  }

  function applyFilters(updateUrl) {
    if (paged) {
      paged.apply(selection(), updateUrl);
      return;
    }
    const sel = selection();
    let shown = 0;
    entries.forEach((e) => {
      const ok = matches(e, sel, null);
      e.item.hidden = !ok;
      if (ok) shown += 1;
    });
    const unfiltered = facets.every((f) => sel[f.key].length === 0);
    register.querySelectorAll("[data-ici-group]").forEach((group) => {
      const visible = group.querySelectorAll("[data-ici-service]:not([hidden])").length;
      // a topic whose services have all ended keeps its help in the default view
      const help = unfiltered && group.querySelector("[data-ici-listing-help]");
      group.hidden = visible === 0 && !help;
      const jump = register.querySelector('[data-ici-jump="' + group.getAttribute("data-ici-group") + '"]');
      if (jump) {
        jump.hidden = group.hidden;
        jump.querySelector("[data-ici-jump-count]").textContent = "(" + visible + ")";
      }
    });
    facets.forEach((f) => {
      f.inputs.forEach((input) => {
        const n = entries.filter((e) => matches(e, sel, f.key) && e.values[f.key].has(input.value))
          .length;
        input.closest("label").querySelector("[data-ici-count]").textContent = "(" + n + ")";
      });
    });
    showState(sel, shown, entries.filter((e) => inStatus(e, sel)).length, updateUrl);
  }

  // the filter button, "shown n of total", the empty state, the URL and the shortlist
  function showState(sel, shown, total, updateUrl) {
    const active = facets.reduce((n, f) => n + sel[f.key].length, 0);
    toggleButton.querySelector("[data-ici-filter-active]").textContent = active
      ? "(" + S.filters_active.replace("{n}", String(active)) + ")"
      : "";
    document.querySelector("[data-ici-status]").textContent = S.shown
      .replace("{shown}", String(shown))
      .replace("{total}", String(total));
    document.querySelector("[data-ici-empty]").hidden = shown !== 0;
    if (updateUrl) writeUrl(sel);
    if (shortlist) renderShortlist(); // the nearest places follow the region filter
  }

  function clearFilters() {
    facets.forEach((f) => f.inputs.forEach((i) => (i.checked = false)));
    applyFilters(true);
  }

  // ---- shortlist panel ------------------------------------------------------------------
  // cards of pinned services the page does not list (a large register's index shows the
  // start of each topic): loaded from the listing pages, kept out of the page
  const pinnedCards = {};
  const sought = new Set();
  function pinnedItems() {
    return readList()
      .map((id) => card(id) || pinnedCards[id])
      .filter(Boolean);
  }

  function findPinned() {
    const missing = readList().filter((id) => !card(id) && !pinnedCards[id] && !sought.has(id));
    if (!paged || !missing.length) return;
    missing.forEach((id) => sought.add(id));
    paged.cards(missing).then((found) => {
      found.forEach((li) => (pinnedCards[li.getAttribute("data-ici-service")] = li));
      if (found.length) renderShortlist();
    }, () => {});
  }

  function renderShortlist() {
    findPinned();
    const list = pinnedItems();
    const ol = shortlist.querySelector("[data-ici-shortlist-items]");
    ol.textContent = "";
    list.forEach((src) => {
      const id = src.getAttribute("data-ici-service");
      const li = document.createElement("li");
      li.className = "ici-shortlist-item";
      li.setAttribute("data-ici-shortlisted", id);
      const heading = document.createElement("h3");
      heading.appendChild(src.querySelector(".ici-svc-name a").cloneNode(true));
      li.appendChild(heading);
      // provider, the facts (cost, languages), hours and contacts, then the place in the
      // region the register is filtered by (the client's), with its phone and hours
      [".ici-svc-provider", ".ici-meta:not(.ici-svc-hours)", ".ici-svc-hours", ".ici-contacts"].forEach((sel) => {
        const part = src.querySelector(sel);
        if (part) li.appendChild(part.cloneNode(true));
      });
      nearestPoints(src).forEach((point) => {
        const p = document.createElement("p");
        p.className = "ici-nearest";
        const label = document.createElement("strong");
        label.textContent = S.nearest.replace("{region}", point.getAttribute("data-region-name")) + ": ";
        p.appendChild(label);
        Array.from(point.childNodes).forEach((node) => p.appendChild(node.cloneNode(true)));
        li.appendChild(p);
      });
      const remove = button(S.remove, () => toggle(id), "md-button ici-shortlist-remove");
      const name = src.querySelector(".ici-svc-name");
      if (name && name.id) remove.setAttribute("aria-describedby", name.id);
      li.appendChild(remove);
      ol.appendChild(li);
    });
    const empty = list.length === 0;
    // the panel (after the list, so it moves nothing above it) shows only with something in it
    shortlist.hidden = empty;
    shortlist.querySelector("[data-ici-shortlist-empty]").hidden = !empty;
    shortlist.querySelectorAll(".ici-shortlist-actions button").forEach((b) => {
      b.disabled = empty;
    });
    document.querySelectorAll("[data-ici-shortlist-count]").forEach((node) => {
      node.hidden = empty;
      node.textContent = S.shortlist_count.replace("{n}", String(list.length));
    });
  }

  // the places of a service in the regions ticked in the register's region filter
  function nearestPoints(src) {
    const regions = facets.length ? selection().region || [] : [];
    return regions
      .map((r) => src.querySelector('[data-ici-points] li[data-region="' + r + '"]'))
      .filter(Boolean);
  }

  function shortlistText() {
    return pinnedItems()
      .map((src, n) => {
        const link = src.querySelector(".ici-svc-name a");
        const lines = [n + 1 + ". " + clean(link.textContent)];
        const provider = src.querySelector(".ici-svc-provider");
        if (provider) lines.push("   " + S.provider + ": " + clean(provider.textContent));
        const phones = Array.from(src.querySelectorAll(".ici-contact-phone a"));
        if (phones.length) {
          lines.push("   " + S.phone + ": " + phones.map((a) => clean(a.textContent)).join(", "));
        }
        nearestPoints(src).forEach((point) => {
          lines.push("   " + S.nearest.replace("{region}", point.getAttribute("data-region-name")) + ": " + clean(point.textContent));
        });
        const mail = src.querySelector(".ici-contact-email a");
        if (mail) lines.push("   " + S.email + ": " + clean(mail.textContent));
        const skype = src.querySelector(".ici-skype");
        if (skype) lines.push("   " + S.skype + ": " + clean(skype.textContent));
        const web = src.querySelector(".ici-website");
        if (web) lines.push("   " + S.website + ": " + web.href);
        lines.push("   " + S.page + ": " + new URL(link.getAttribute("href"), window.location.href).href);
        return lines.join("\n");
      })
      .join("\n\n");
  }

  function copyShortlist() {
    const text = shortlistText();
    const box = shortlist.querySelector("[data-ici-copy-box]");
    const area = shortlist.querySelector("[data-ici-shortlist-text]");
    const status = shortlist.querySelector("[data-ici-copy-status]");
    box.hidden = false;
    area.value = text;
    const manual = () => {
      area.focus();
      area.select();
      status.textContent = S.copy_manual;
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(() => {
        status.textContent = S.copied;
      }, manual);
    } else {
      manual();
    }
  }

  function printShortlist() {
    // the print stylesheet then prints only the shortlist, on A4
    document.documentElement.setAttribute("data-ici-print", "shortlist");
    window.print();
  }

  function render() {
    renderPins();
    if (shortlist) renderShortlist();
  }

  // ---- start ----------------------------------------------------------------------------
  // shown now, in the room they had from the start (register.css): nothing moves
  document.querySelectorAll(".ici-js-only").forEach((node) => {
    node.classList.add("is-ready");
  });
  if (register && filters && toggleButton) {
    // the filters fold behind one button, which says how many are on
    toggleButton.addEventListener("click", () => {
      const open = toggleButton.getAttribute("aria-expanded") !== "true";
      toggleButton.setAttribute("aria-expanded", open ? "true" : "false");
      filters.hidden = !open;
      if (open && paged) applyFilters(false); // the counts need every facet's data
    });
    toggleButton.classList.add("is-ready");
    readUrl();
    facets.forEach((f) => f.inputs.forEach((i) => i.addEventListener("change", () => applyFilters(true))));
    document.querySelectorAll("[data-ici-clear]").forEach((b) => b.addEventListener("click", clearFilters));
    applyFilters(false);
  }
  if (shortlist) {
    shortlist.querySelector("[data-ici-print]").addEventListener("click", printShortlist);
    shortlist.querySelector("[data-ici-copy]").addEventListener("click", copyShortlist);
    shortlist.querySelector("[data-ici-shortlist-clear]").addEventListener("click", () => {
      writeList([]);
      render();
    });
  }
  window.addEventListener("afterprint", () => {
    document.documentElement.removeAttribute("data-ici-print");
  });
  window.addEventListener("storage", (event) => {
    if (event.key === KEY) render();
  });
  render();
})();
