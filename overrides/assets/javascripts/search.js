/* The ICI search box: Pagefind's JS API behind our own small interface.
 *
 * Why not Pagefind's ready-made UIs: they would work under the CSP (they inject no <style>
 * elements or style attributes; their CSS is a file), but the Component UI adds 175 KB of
 * script and 42 KB of CSS to the first search (this file is ~13 KB), and this interface
 * stems Latvian queries before searching (lv-stem.js), merges the query variants, and
 * takes every word (kinds, filter names) from data/strings/<lang>.yaml.
 * Pagefind (pagefind.js, its worker and WebAssembly, the language's index) and the
 * language's synonyms and place names (search/terms.json) are fetched on the first focus
 * of the box, so readers who never search download none of it. Pagefind picks the index
 * of the page's <html lang>. search-plan.js turns a query into searches (synonyms, a
 * place narrowing to its region, partial matches); the filter index (facet counts) is
 * loaded only when the reader opens the filters.
 *
 * Markup: overrides/ici/search_box.html. Words: the JSON block #ici-search-strings.
 * Without JavaScript, WebAssembly or this script the box stays hidden and the browse links
 * (service register, guide) show instead.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-ici-search]");
  var stemmer = window.IciLvStem;
  var planner = window.IciSearchPlan;
  if (!root || !stemmer || !planner || !window.IciSearchEngine || typeof WebAssembly !== "object" || !window.fetch || !window.URL) {
    return;
  }

  var PAGE_SIZE = 8;
  var DEBOUNCE_MS = 200;
  // filter groups in this order; other keys follow alphabetically
  var FILTER_ORDER = ["kind", "category", "event_kind", "course_kind", "region", "language", "provider_type", "cost"];

  var words = JSON.parse(document.getElementById("ici-search-strings").textContent);
  var form = root.querySelector("[data-ici-search-form]");
  var input = form.querySelector("input");
  var browse = root.querySelector("[data-ici-search-browse]");
  var panel = root.querySelector("[data-ici-search-panel]");
  var status = panel.querySelector("[data-ici-search-status]");
  var filterBox = panel.querySelector("[data-ici-search-filters]");
  var list = panel.querySelector("[data-ici-search-results]");
  var more = panel.querySelector("[data-ici-search-more]");
  var toggle = panel.querySelector("[data-ici-search-filter-toggle]");
  var help = panel.querySelector("[data-ici-search-help]");
  var unmatchedLine = panel.querySelector("[data-ici-search-unmatched]");
  var termsUrl = new URL(root.getAttribute("data-terms"), document.baseURI).href;
  var lang = (document.documentElement.getAttribute("lang") || "lv").slice(0, 2);
  var bundleUrl = new URL(root.getAttribute("data-pagefind"), document.baseURI).href;

  var engine = window.IciSearchEngine.create({
    bundleUrl: bundleUrl, termsUrl: termsUrl, lang: lang, stemmer: stemmer, planner: planner
  });
  var find = engine.find;
  var timer = 0;
  var seq = 0;
  var current = {
    query: "", filters: {}, sort: "", hits: [], facets: {}, shown: 0, sortable: false, open: false
  };

  function word(key, vars) {
    var text = Object.prototype.hasOwnProperty.call(words, key) ? words[key] : "";
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return vars && name in vars ? String(vars[name]) : all;
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function safeUrl(url) {
    return /^(\/|https?:\/\/)/.test(url || "") ? url : "#";
  }

  function renderHit(data, hit) {
    var item = el("li", "ici-search__hit");
    var link = el("a", "ici-search__link");
    link.href = safeUrl(data.url);
    var meta = data.meta || {};
    var kind = meta.kind ? word("kind_" + meta.kind) : "";
    if (kind) {
      link.appendChild(el("span", "ici-search__kind", kind));
    }
    link.appendChild(el("span", "ici-search__title", meta.title || data.url));
    if (meta.detail) {
      link.appendChild(el("span", "ici-search__detail", meta.detail));
    }
    // a service that is no longer offered says so before its excerpt
    if (meta.ended) {
      link.appendChild(el("span", "ici-search__ended", meta.ended));
    }
    // an event or course is past or coming by the reader's clock, never by indexed text
    var end = Date.parse(meta.end || "");
    if ((meta.kind === "event" || meta.kind === "course") && !isNaN(end)) {
      var past = end <= Date.now();
      var when = el("span", "ici-search__when", word(meta.kind + (past ? "_past" : "_upcoming")));
      when.setAttribute("data-ici-when", past ? "past" : "upcoming");
      link.appendChild(when);
    }
    if (hit.partial) {
      link.appendChild(el("span", "ici-search__partial", word("partial_missing", { words: hit.missing.join(", ") })));
    }
    var excerpt = el("span", "ici-search__excerpt");
    window.IciSearchEngine.appendExcerpt(excerpt, data.excerpt);
    link.appendChild(excerpt);
    item.appendChild(link);
    return item;
  }

  function filterKeys(facets) {
    var keys = Object.keys(facets).filter(function (key) {
      var values = Object.keys(facets[key] || {}).filter(function (v) {
        return facets[key][v] > 0;
      });
      return values.length > 1 || current.filters[key];
    });
    return keys.sort(function (a, b) {
      var ia = FILTER_ORDER.indexOf(a);
      var ib = FILTER_ORDER.indexOf(b);
      if (ia === -1 && ib === -1) {
        return a < b ? -1 : 1;
      }
      return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
    });
  }

  function select(id, label, options, value, onChange) {
    var wrap = el("div", "ici-search__filter");
    var lab = el("label", "", label);
    lab.htmlFor = id;
    var box = el("select", "ici-search__select");
    box.id = id;
    options.forEach(function (opt) {
      var o = el("option", "", opt.label);
      o.value = opt.value;
      o.selected = opt.value === value;
      box.appendChild(o);
    });
    box.addEventListener("change", function () {
      onChange(box.value);
    });
    wrap.appendChild(lab);
    wrap.appendChild(box);
    return wrap;
  }

  function renderFilters() {
    filterBox.textContent = "";
    filterKeys(current.facets).forEach(function (key) {
      var counts = current.facets[key] || {};
      var options = [{ value: "", label: word("filter_any") }];
      var values = Object.keys(counts);
      if (current.filters[key] && values.indexOf(current.filters[key]) === -1) {
        values.push(current.filters[key]);
      }
      values.sort().forEach(function (value) {
        if (counts[value] > 0 || current.filters[key] === value) {
          var label = key === "kind" ? word("kind_" + value) || value : value;
          options.push({ value: value, label: label + " (" + (counts[value] || 0) + ")" });
        }
      });
      filterBox.appendChild(
        select("ici-search-filter-" + key, word("filter_" + key) || key, options, current.filters[key] || "", function (v) {
          if (v) {
            current.filters[key] = v;
          } else {
            delete current.filters[key];
          }
          run();
        })
      );
    });
    if (current.sortable || current.sort) {
      filterBox.appendChild(
        select("ici-search-sort", word("sort_label"), [
          { value: "", label: word("sort_relevance") },
          { value: "asc", label: word("sort_date_asc") },
          { value: "desc", label: word("sort_date_desc") }
        ], current.sort, function (v) {
          current.sort = v;
          run();
        })
      );
    }
  }

  async function renderHits(from) {
    var mine = seq;
    var slice = current.hits.slice(from, current.shown);
    var datas = await Promise.all(slice.map(function (hit) {
      return hit.data();
    }));
    if (mine !== seq) {
      return;
    }
    // the date order is offered when every result shown has a date (events, courses, news)
    current.sortable = current.hits.length > 1 && datas.every(function (data) {
      return data.meta && data.meta.date;
    });
    if (from === 0) {
      toggle.hidden = !current.hits.length && !Object.keys(current.filters).length;
      filterBox.hidden = !current.open;
      if (current.open) {
        renderFilters();
      }
    }
    var first = null;
    // by relevance, an ended service never comes before a current result of the same
    // page, and a partial result never before a full one of the same kind
    var pairs = datas.map(function (data, i) {
      return { data: data, hit: slice[i] };
    });
    if (!current.sort) {
      pairs = window.IciSearchEngine.shownOrder(pairs);
    }
    pairs.forEach(function (pair) {
      var item = renderHit(pair.data, pair.hit);
      first = first || item;
      list.appendChild(item);
    });
    more.hidden = current.shown >= current.hits.length;
    panel.setAttribute("data-ici-search-done", current.query);
    return first;
  }

  function open() {
    panel.hidden = false;
  }

  function close() {
    panel.hidden = true;
  }

  /** The status line: the count, or that only pages with most of the words were found. */
  function statusText(query, hits) {
    if (!hits.length) {
      return word("no_results", { query: query });
    }
    var partial = hits.every(function (h) {
      return h.partial;
    });
    return word(partial ? "results_partial" : "results_for", { query: query, count: hits.length });
  }

  // Filters and sort stay as chosen while the query changes ("tulks" narrowed to Latgale
  // stays narrowed when the reader types "tulku"); the reader resets them in the lists.
  async function run() {
    var query = input.value.trim();
    var mine = ++seq;
    if (!query) {
      current.query = "";
      close();
      return;
    }
    current.query = query;
    panel.removeAttribute("data-ici-search-done");
    status.textContent = word("searching");
    open();
    var result;
    try {
      var sort = current.sort ? { date: current.sort } : {};
      result = await find(query, { filters: current.filters, sort: sort });
    } catch (err) {
      if (mine === seq) {
        // offline, the index is not kept (see hooks/ici/precache.py): say what works
        status.textContent = word(navigator.onLine === false ? "offline" : "unavailable");
        browse.hidden = false;
      }
      return;
    }
    if (mine !== seq) {
      return;
    }
    current.hits = result.hits;
    current.facets = result.facets;
    current.shown = Math.min(PAGE_SIZE, result.hits.length);
    list.textContent = "";
    status.textContent = statusText(query, result.hits);
    // nothing found: the words that found nothing, the information line (while one is
    // current), the register and the guide (overrides/ici/search_box.html)
    help.hidden = result.hits.length > 0;
    unmatchedLine.hidden = !result.unmatched.length;
    unmatchedLine.textContent = word("unmatched", { words: result.unmatched.join(", ") });
    await renderHits(0);
  }

  /** Open or close the filters; opening loads the filter index and counts the results. */
  async function setFiltersOpen(wanted) {
    current.open = wanted;
    toggle.setAttribute("aria-expanded", String(wanted));
    if (wanted && !engine.facetsLoaded()) {
      await engine.loadFacets();
      await run();
    } else {
      filterBox.hidden = !wanted;
      if (wanted) {
        renderFilters();
      }
    }
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  // The box replaces the browse links once this script runs.
  form.hidden = false;
  browse.hidden = true;
  root.classList.add("ici-search--ready");

  input.addEventListener("focus", function () {
    engine.warm(); // start loading while the reader types
    if (current.query && input.value.trim() === current.query) {
      open();
    }
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run().then(function () {
      var all = links();
      if (all.length) {
        all[0].focus();
      }
    });
  });
  toggle.addEventListener("click", function () {
    setFiltersOpen(!current.open).catch(function () {});
  });
  more.addEventListener("click", function () {
    var from = current.shown;
    current.shown = Math.min(current.shown + PAGE_SIZE, current.hits.length);
    renderHits(from).then(function (first) {
      if (first) {
        first.querySelector("a").focus();
      }
    });
  });

  // Keyboard: down arrow from the box into the results, arrows between them, Escape back.
  root.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "Escape" && !panel.hidden) {
      close();
      input.focus();
      event.preventDefault();
    } else if (event.key === "ArrowDown" && !panel.hidden && all.length) {
      if (document.activeElement === input || at !== -1) {
        all[Math.min(at + 1, all.length - 1)].focus();
        event.preventDefault();
      }
    } else if (event.key === "ArrowUp" && at !== -1) {
      (at === 0 ? input : all[at - 1]).focus();
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    if (!root.contains(event.target)) {
      close();
    }
  });
  // Tabbing out of the box and its results closes them, so they never cover the page.
  root.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !root.contains(event.relatedTarget)) {
      close();
    }
  });
  // "/" focuses the box, as on many sites, unless the reader is typing somewhere.
  document.addEventListener("keydown", function (event) {
    var t = event.target;
    var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
    }
  });

  // For tests and the size benchmark (tests/searchbench.py): search without the interface;
  // a page of results is PAGE_SIZE hits, shown in IciSearchEngine.shownOrder.
  window.IciSearch = { find: find, lang: lang, pageSize: PAGE_SIZE };
})();
