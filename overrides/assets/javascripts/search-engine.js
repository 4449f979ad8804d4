/* The search box's engine: Pagefind and the query plan (search-plan.js) put together.
 *
 * create() returns find(query, {filters, sort}): the full searches of the plan, fused;
 * when they find fewer than IciSearchPlan.FEW pages, the partial ones after them, marked
 * with the words they lack; and the query's words or phrases that find nothing on their
 * own (named to the reader, and the results marked as partial). Pagefind and the
 * language's search/terms.json load on first use (warm()); the filter index, which only
 * the filter lists' counts need, loads with loadFacets(). fuse() merges ranked lists
 * (reciprocal rank fusion), so a page that several searches find rises, and a single
 * search keeps Pagefind's order. A browser global (IciSearchEngine) and a CommonJS module
 * for `node --test`. Used by search.js.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.IciSearchEngine = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /**
   * Reciprocal rank fusion of ranked lists of {id, ...}, each a list or {entries, weight}:
   * each list adds weight / (K + rank) to the pages it holds. Returns the entries (the
   * first seen of each id) best first; ties keep the order of the lists.
   */
  function fuse(lists) {
    var K = 5;
    var score = {};
    var first = {};
    var order = [];
    lists.forEach(function (list) {
      var entries = Array.isArray(list) ? list : list.entries;
      var weight = Array.isArray(list) ? 1 : list.weight;
      entries.forEach(function (entry, rank) {
        if (!(entry.id in score)) {
          score[entry.id] = 0;
          first[entry.id] = entry;
          order.push(entry.id);
        }
        score[entry.id] += weight / (K + rank);
      });
    });
    return order
      .map(function (id, i) {
        return { id: id, i: i };
      })
      .sort(function (a, b) {
        return score[b.id] - score[a.id] || a.i - b.i;
      })
      .map(function (x) {
        return first[x.id];
      });
  }

  function create(cfg) {
    var stemmer = cfg.stemmer;
    var planner = cfg.planner;
    var lang = cfg.lang;
    var bundleUrl = cfg.bundleUrl;
    var termsUrl = cfg.termsUrl;
    var loading = null;
    var terms = null;
    var facetsLoaded = false;

    /** Pagefind, imported once (a failed import is retried on the next search). */
    function pagefind() {
      if (!loading) {
        loading = import(bundleUrl)
          .then(function (pf) {
            // noWorker: Pagefind searches on the page's thread (a few milliseconds per query
            // here) instead of fetching its 41 kB worker script (12 kB gzip) on a first query
            return pf.options({ excerptLength: 24, noWorker: true }).then(function () {
              return pf.init();
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

    /** The language's synonyms and places (search/terms.json); without them, plain search. */
    function searchTerms() {
      if (!terms) {
        terms = fetch(termsUrl)
          .then(function (response) {
            return response.ok ? response.json() : {};
          })
          .catch(function () {
            return {};
          })
          .then(planner.prepare);
      }
      return terms;
    }

    /** The filter index, for the counts in the filter lists: only once the reader asks. */
    function loadFacets() {
      return pagefind().then(function (pf) {
        return pf.filters();
      }).then(function () {
        facetsLoaded = true;
      });
    }

    /**
     * Run one planned search (each of its stemmed variants, see lv-stem.js): ranked lists of
     * {id, data, missing}. A search narrowed to a region the reader's own filter excludes
     * is skipped.
     */
    async function runSearch(pf, search, opts, state) {
      var filters = Object.assign({}, opts.filters || {});
      if (search.filters.region) {
        if (filters.region && filters.region !== search.filters.region) {
          return [];
        }
        filters.region = search.filters.region;
      }
      var variants = stemmer.queryVariants(search.query, lang);
      if (opts.sort && opts.sort.date) {
        variants = variants.slice(0, 1); // one ordered list; merged lists would not be sorted
      }
      var lists = [];
      for (var i = 0; i < variants.length; i++) {
        var found = await pf.search(variants[i], { filters: filters, sort: opts.sort || {} });
        if (!found) {
          continue;
        }
        if (!state.facets && !search.filters.region && facetsLoaded) {
          // counts for the query without filters: every value the reader can switch to
          state.facets = found.totalFilters || found.filters || {};
        }
        lists.push({
          weight: search.weight || 1,
          entries: found.results.map(function (hit) {
            return { id: hit.id, data: hit.data, missing: search.missing };
          })
        });
      }
      return lists;
    }

    async function runAll(pf, searches, opts, state) {
      var lists = [];
      for (var i = 0; i < searches.length; i++) {
        lists = lists.concat(await runSearch(pf, searches[i], opts, state));
      }
      return fuse(lists);
    }

    /**
     * Search as the box does (search-plan.js): the full searches, then, when they find
     * fewer than IciSearchPlan.FEW pages, the partial ones, marked with the words they
     * lack. Returns the hits ({id, data, partial, missing}), the filter counts (once the
     * filter index is loaded), the plan, and, when nothing is found, the query's words that
     * find nothing on their own.
     */
    /** Whether one unit of the query (a word, a synonym's phrase, a place) finds a page. */
    async function finds(pf, unit, opts) {
      var alone = unit.alts.map(function (q) {
        return { query: q, filters: {}, missing: [] };
      });
      return (await runAll(pf, alone, { filters: opts.filters }, {})).length > 0;
    }

    async function find(query, options) {
      var opts = options || {};
      var pf = await pagefind();
      var prepared = await searchTerms();
      var plan = planner.plan(query, prepared);
      var sorted = Boolean(opts.sort && opts.sort.date);
      var state = { facets: null };
      // Pagefind leaves out a word it does not know at all ("паспорт Даугавпилс" finds the
      // Daugavpils pages): such words are named, and the results marked as partial. A
      // place no page of this language names ("Даугавпилс" on an English page) still
      // narrows by region, but the searches for its text would ignore it: they are left out.
      var unmatched = [];
      var searches = sorted ? plan.full.slice(0, 1) : plan.full;
      if (plan.units.length > 1) {
        for (var i = 0; i < plan.units.length; i++) {
          var unit = plan.units[i];
          if (!(await finds(pf, unit, opts))) {
            if (unit.place && plan.regions.length) {
              searches = searches.filter(function (s) {
                return s.filters.region;
              });
            } else {
              unmatched.push(unit.text);
            }
          }
        }
      }
      var full = await runAll(pf, searches, opts, state);
      var hits = full.map(function (h) {
        return { id: h.id, data: h.data, partial: unmatched.length > 0, missing: unmatched };
      });
      if (!sorted && hits.length < planner.FEW && plan.partial.length) {
        var seen = new Set(hits.map(function (h) { return h.id; }));
        (await runAll(pf, plan.partial, opts, state)).forEach(function (h) {
          if (!seen.has(h.id)) {
            seen.add(h.id);
            var missing = h.missing.concat(unmatched.filter(function (w) {
              return h.missing.indexOf(w) === -1;
            }));
            hits.push({ id: h.id, data: h.data, partial: true, missing: missing });
          }
        });
      }
      if (!hits.length && plan.units.length === 1 && !(await finds(pf, plan.units[0], opts))) {
        unmatched.push(plan.units[0].text);
      }
      return { hits: hits, facets: state.facets || {}, plan: plan, unmatched: unmatched };
    }

    return {
      find: find,
      loadFacets: loadFacets,
      facetsLoaded: function () {
        return facetsLoaded;
      },
      warm: function () {
        pagefind().catch(function () {});
        searchTerms();
      }
    };
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

  /**
   * The order the box shows one page of results in, by relevance: an ended service never
   * before a current result, a partial result never before a full one; otherwise the
   * engine's order. ``pairs``: [{data, hit}] in the engine's order; returns a new list.
   */
  function shownOrder(pairs) {
    var ranked = pairs.map(function (pair, i) {
      return { pair: pair, rank: i };
    });
    ranked.sort(function (a, b) {
      var ea = Boolean(a.pair.data.meta && a.pair.data.meta.ended);
      var eb = Boolean(b.pair.data.meta && b.pair.data.meta.ended);
      return (ea - eb) || (a.pair.hit.partial - b.pair.hit.partial) || (a.rank - b.rank);
    });
    return ranked.map(function (r) {
      return r.pair;
    });
  }

  return { appendExcerpt: appendExcerpt, create: create, fuse: fuse, shownOrder: shownOrder };
});
