/* The ICI search box: Pagefind's JS API behind our own small interface.
 *
 * Why not Pagefind's ready-made UIs: they would work under the CSP (they inject no <style>
 * elements or style attributes; their CSS is a file), but the Component UI adds 175 KB of
 * script and 42 KB of CSS to the first search (this file is ~13 KB), and this interface
 * stems Latvian queries before searching (lv-stem.js), merges the query variants, and
 * takes every word (kinds, filter names) from data/strings/<lang>.yaml.
 * Pagefind (pagefind.js, its worker and WebAssembly, the language's index) is imported on
 * the first focus of the box, so readers who never search download none of it. Pagefind
 * picks the index of the page's <html lang>.
 *
 * Markup: overrides/ici/search_box.html. Words: the JSON block #ici-search-strings.
 * Without JavaScript, WebAssembly or this script the box stays hidden and the browse links
 * (service register, guide) show instead.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-ici-search]");
  var stemmer = window.IciLvStem;
  if (!root || !stemmer || typeof WebAssembly !== "object" || !window.fetch || !window.URL) {
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
  var lang = (document.documentElement.getAttribute("lang") || "lv").slice(0, 2);
  var bundleUrl = new URL(root.getAttribute("data-pagefind"), document.baseURI).href;

  var loading = null;
  var timer = 0;
  var seq = 0;
  var current = { query: "", filters: {}, sort: "", hits: [], facets: {}, shown: 0, sortable: false };

  function word(key, vars) {
    var text = Object.prototype.hasOwnProperty.call(words, key) ? words[key] : "";
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return vars && name in vars ? String(vars[name]) : all;
    });
  }

  /** Pagefind, imported once (a failed import is retried on the next search). */
  function pagefind() {
    if (!loading) {
      loading = import(bundleUrl)
        .then(function (pf) {
          return pf.options({ excerptLength: 24 }).then(function () {
            return pf.init();
          }).then(function () {
            // load the (small) filter index: without it results carry no filter counts
            return pf.filters();
          }).then(function () {
            return pf;
          });
        })
        .catch(function (err) {
          loading = null;
          throw err;
        });
    }
    return loading;
  }

  /**
   * Search as the box does: each query variant (stemmed words first, see lv-stem.js) in
   * turn, results merged without duplicates until a page of results is full. Returns the
   * Pagefind results (with .data() to load each one), the filter counts and the variants.
   */
  async function find(query, options) {
    var opts = options || {};
    var pf = await pagefind();
    var variants = stemmer.queryVariants(query, lang);
    if (opts.sort && opts.sort.date) {
      variants = variants.slice(0, 1); // one ordered list; merged lists would not be sorted
    }
    var seen = new Set();
    var hits = [];
    var facets = null;
    for (var i = 0; i < variants.length && hits.length < PAGE_SIZE; i++) {
      var found = await pf.search(variants[i], { filters: opts.filters || {}, sort: opts.sort || {} });
      if (!found) {
        continue;
      }
      if (!facets) {
        // counts for the query without filters: every value the reader can switch to
        facets = found.totalFilters || found.filters || {};
      }
      found.results.forEach(function (hit) {
        if (!seen.has(hit.id)) {
          seen.add(hit.id);
          hits.push(hit);
        }
      });
    }
    return { variants: variants, hits: hits, facets: facets || {} };
  }

  function decodeEntities(text) {
    var named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, function (all, name) {
      if (name.charAt(0) === "#") {
        var code = name.charAt(1) === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
      }
      return named[name];
    });
  }

  /** The excerpt as text nodes with <mark> elements: Pagefind's HTML is never parsed. */
  function appendExcerpt(parent, excerpt) {
    var target = parent;
    String(excerpt || "").split(/(<mark>|<\/mark>)/).forEach(function (part) {
      if (part === "<mark>") {
        target = parent.appendChild(document.createElement("mark"));
      } else if (part === "</mark>") {
        target = parent;
      } else if (part) {
        target.appendChild(document.createTextNode(decodeEntities(part)));
      }
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

  function renderHit(data) {
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
    var excerpt = el("span", "ici-search__excerpt");
    appendExcerpt(excerpt, data.excerpt);
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
      renderFilters();
    }
    var first = null;
    // by relevance, an ended service never comes before a current result of the same page
    var ordered = current.sort ? datas : datas.filter(function (data) {
      return !(data.meta && data.meta.ended);
    }).concat(datas.filter(function (data) {
      return Boolean(data.meta && data.meta.ended);
    }));
    ordered.forEach(function (data) {
      var item = renderHit(data);
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
    status.textContent = result.hits.length
      ? word("results_for", { query: query, count: result.hits.length })
      : word("no_results", { query: query });
    if (!result.hits.length) {
      browse.hidden = false;
    } else {
      browse.hidden = true;
    }
    await renderHits(0);
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  // The box replaces the browse links once this script runs.
  form.hidden = false;
  browse.hidden = true;
  root.classList.add("ici-search--ready");

  input.addEventListener("focus", function () {
    pagefind().catch(function () {}); // start loading while the reader types
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

  // For tests and the size benchmark (tests/searchbench.py): search without the interface.
  window.IciSearch = { find: find, lang: lang };
})();
