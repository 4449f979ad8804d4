/* What the search box asks Pagefind for one query: synonyms, places, partial matches.
 *
 * Pagefind finds the pages that hold every word of a query. Readers ask otherwise:
 * "юрист" where the site says "юридическая консультация", "ПМЖ", "residence permit
 * Daugavpils". From the language's search/terms.json (hooks/ici/search_terms.py) this
 * module plans the searches:
 *   full     - the query as typed; the query with each reader's word replaced by the
 *              site's word (data/synonyms/<lang>.yaml); and, when the query names a town
 *              or region in any language and case form (Daugavpils, Даугавпилсе,
 *              Daugavpilī), the rest of the query narrowed to that region's pages (the
 *              pages' region filter). Results of these rank first.
 *   partial  - when those find too few pages: the query without one of its words at a
 *              time, each result marked with the words it lacks.
 * search-engine.js runs the searches and fuses their ranked lists.
 *
 * Plain ES2017, no dependencies: a browser global (IciSearchPlan) and a CommonJS module
 * for `node --test` (tests/js/). Used by search.js.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.IciSearchPlan = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Case endings a name or synonym may take in a query, folded (no diacritics): Latvian
  // nouns and adjectives, Russian and Ukrainian nouns, English plurals. A word matches a
  // phrase word when it is that word's root (the word without its final vowels or -s)
  // plus one of these, so "Даугавпилсе" and "Daugavpilī" match "Daugavpils".
  var ENDINGS = [
    "", "a", "as", "ai", "am", "ajam", "u", "us", "e", "es", "ei", "em", "i", "is", "im",
    "ij", "ie", "iem", "ies", "os", "o", "s", "ys", "ies", "ie",
    "а", "я", "ы", "и", "е", "у", "ю", "о", "ой", "ей", "ом", "ем", "ах", "ях", "ам", "ям",
    "ами", "ями", "ов", "ев", "ия", "ии", "ию", "ие", "ией", "иям", "иях", "ого", "ому",
    "ая", "ую", "ые", "ых", "ым", "ий", "ое", "ці", "ою", "ею", "ів", "і", "ї", "ь"
  ].map(fold);
  var TRAILING = /[aeiouyаеёиоуыэюяьйіїєs\u0441]$/;
  // words a search may drop without losing the reader's question
  var SHORT = 2;
  // "too few": fewer full results than this bring in the partial ones
  var FEW = 5;
  // at most this many words are dropped one at a time (longer queries keep their order)
  var MAX_UNITS = 6;
  // the fusion weight of a query as typed when a synonym gives the site's words for it
  var TYPED_WEIGHT = 0.5;

  /** Lower case without diacritics or punctuation, as Pagefind compares words. */
  function fold(word) {
    return String(word)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}-]/gu, "");
  }

  /** The query's words as typed, with their folded keys (quotes and punctuation dropped). */
  function tokens(query) {
    return String(query)
      .split(/[\s,;:!?()"«»“”„]+/)
      .map(function (text) {
        return { text: text, key: fold(text) };
      })
      .filter(function (t) {
        return t.key;
      });
  }

  /** A word's roots: itself, then with one and two final vowels or -s cut off (3+ letters). */
  function roots(key) {
    var out = [key];
    var r = key;
    for (var i = 0; i < 2 && r.length > 3 && TRAILING.test(r) && r.slice(-2) !== "ss"; i++) {
      r = r.slice(0, -1);
      out.push(r);
    }
    return out;
  }

  /** Whether the query word (folded) is a form of the phrase word (folded). */
  function sameWord(key, target) {
    if (key === target) {
      return true;
    }
    if (target.length <= SHORT) {
      return false;
    }
    return roots(target).some(function (r) {
      return key.indexOf(r) === 0 && ENDINGS.indexOf(key.slice(r.length)) !== -1;
    });
  }

  function phraseKeys(phrase) {
    return tokens(phrase).map(function (t) {
      return t.key;
    });
  }

  /** Where ``keys`` (a phrase) occurs in the tokens from ``at``: the number of words, or 0. */
  function matchAt(toks, at, keys) {
    if (!keys.length || at + keys.length > toks.length) {
      return 0;
    }
    for (var j = 0; j < keys.length; j++) {
      if (!sameWord(toks[at + j].key, keys[j])) {
        return 0;
      }
    }
    return keys.length;
  }

  /** Prepared terms: phrase keys worked out once per language. */
  function prepare(terms) {
    var t = terms || {};
    return {
      synonyms: (t.synonyms || []).map(function (g) {
        return {
          canonical: g.canonical,
          variants: (g.variants || []).map(phraseKeys).filter(function (k) {
            return k.length;
          })
        };
      }),
      places: (t.places || []).map(function (p) {
        return { keys: phraseKeys(p.name), region: p.region };
      }),
      regions: t.regions || {}
    };
  }

  /** Places named in the tokens: [{at, length, region}], longest names first. */
  function findPlaces(toks, prepared) {
    var found = [];
    var taken = {};
    for (var at = 0; at < toks.length; at++) {
      var best = null;
      prepared.places.forEach(function (p) {
        var n = matchAt(toks, at, p.keys);
        if (n && (!best || n > best.length)) {
          best = { at: at, length: n, region: p.region };
        }
      });
      if (best && !taken[at]) {
        for (var k = 0; k < best.length; k++) {
          taken[at + k] = true;
        }
        found.push(best);
        at += best.length - 1;
      }
    }
    return found;
  }

  /** Where readers' words of a synonym group occur: [{at, length, canonicals}]. */
  function synonymSpans(toks, prepared) {
    var spans = [];
    for (var at = 0; at < toks.length; at++) {
      var here = [];
      var longest = 0;
      prepared.synonyms.forEach(function (g) {
        g.variants.forEach(function (keys) {
          var n = matchAt(toks, at, keys);
          if (n && n >= longest) {
            if (n > longest) {
              here = [];
              longest = n;
            }
            if (here.indexOf(g.canonical) === -1) {
              here.push(g.canonical);
            }
          }
        });
      });
      if (longest) {
        spans.push({ at: at, length: longest, canonicals: here });
        at += longest - 1;
      }
    }
    return spans;
  }

  /**
   * The tokens with readers' words replaced by the site's: every combination of the
   * groups that match (at most ``limit``), each as text; the tokens as typed are not
   * among them.
   */
  function expansions(toks, prepared, limit) {
    var spans = synonymSpans(toks, prepared);
    if (!spans.length) {
      return [];
    }
    var out = [[]];
    var pos = 0;
    spans.forEach(function (span) {
      var before = toks.slice(pos, span.at).map(function (t) {
        return t.text;
      });
      var next = [];
      out.forEach(function (words) {
        span.canonicals.forEach(function (c) {
          if (next.length < limit) {
            next.push(words.concat(before, [c]));
          }
        });
      });
      out = next;
      pos = span.at + span.length;
    });
    var rest = toks.slice(pos).map(function (t) {
      return t.text;
    });
    return out.map(function (words) {
      return words.concat(rest).join(" ");
    });
  }

  /**
   * The units of a query part: a synonym's phrase (with the site's words as alternatives)
   * or one word. One- and two-letter words are left out unless nothing else is left.
   */
  function units(toks, prepared) {
    var spans = synonymSpans(toks, prepared);
    var out = [];
    for (var i = 0; i < toks.length; i++) {
      var span = spans.filter(function (s) {
        return s.at === i;
      })[0];
      var n = span ? span.length : 1;
      var part = toks.slice(i, i + n);
      out.push({ toks: part, alts: (span ? span.canonicals : []).concat([text(part)]) });
      i += n - 1;
    }
    var long = out.filter(function (u) {
      return u.toks.length > 1 || u.toks[0].key.length > SHORT;
    });
    return long.length ? long : out;
  }

  /**
   * Every query the units make, one alternative of each (at most ``limit``):
   * [{query, weight}], half weight where a reader's word stands for a site's word.
   */
  function combos(list, limit) {
    var out = [{ query: "", weight: 1 }];
    list.forEach(function (u) {
      var next = [];
      out.forEach(function (c) {
        u.alts.forEach(function (alt, i) {
          if (next.length < limit) {
            var typed = u.alts.length > 1 && i === u.alts.length - 1;
            next.push({
              query: c.query ? c.query + " " + alt : alt,
              weight: typed ? TYPED_WEIGHT : c.weight
            });
          }
        });
      });
      out = next;
    });
    return out.filter(function (c) {
      return c.query;
    });
  }

  function text(toks) {
    return toks
      .map(function (t) {
        return t.text;
      })
      .join(" ");
  }

  /**
   * The query with the site's words, then as typed: [{query, weight}]. Where a reader's
   * word has a site's word, the typed query counts half in the fusion: the site's word
   * is what its pages are about.
   */
  function withSynonyms(toks, prepared) {
    var expanded = expansions(toks, prepared, 4);
    var typed = { query: text(toks), weight: expanded.length ? TYPED_WEIGHT : 1 };
    return expanded
      .map(function (q) {
        return { query: q, weight: 1 };
      })
      .concat([typed]);
  }

  /**
   * The searches for ``query``: {full: [...], partial: [...], places, words}. Each search
   * is {query, filters, missing}: ``filters`` narrows to a region ({region: value}) or is
   * empty, ``missing`` lists the words of the query it leaves out (partial searches).
   */
  function plan(query, prepared) {
    var toks = tokens(query);
    var places = findPlaces(toks, prepared);
    var inPlace = {};
    places.forEach(function (p) {
      for (var k = 0; k < p.length; k++) {
        inPlace[p.at + k] = true;
      }
    });
    var topic = toks.filter(function (t, i) {
      return !inPlace[i];
    });
    var regions = [];
    places.forEach(function (p) {
      var value = prepared.regions[p.region];
      if (value && regions.indexOf(value) === -1) {
        regions.push(value);
      }
    });
    var full = [];
    var seen = {};
    function add(list, c, filters, missing) {
      var key = c.query + "|" + JSON.stringify(filters);
      if (c.query && !seen[key]) {
        seen[key] = true;
        list.push({ query: c.query, filters: filters, missing: missing || [], weight: c.weight });
      }
    }
    withSynonyms(toks, prepared).forEach(function (c) {
      add(full, c, {});
    });
    var parts = topic.length ? units(topic, prepared) : [];
    if (parts.length && regions.length) {
      combos(parts, 4).forEach(function (c) {
        regions.forEach(function (value) {
          add(full, c, { region: value });
        });
      });
    }
    // partial: each unit (a word or phrase of the topic, or the place) left out in turn
    if (places.length) {
      var named = toks.filter(function (t, i) {
        return inPlace[i];
      });
      parts.push({ toks: named, alts: [text(named)], place: true });
    }
    var partial = [];
    var checks = parts.map(function (u) {
      return { text: text(u.toks), alts: u.alts, place: Boolean(u.place) };
    });
    if (parts.length >= 2 && parts.length <= MAX_UNITS) {
      parts.forEach(function (left) {
        var keep = parts.filter(function (u) {
          return u !== left;
        });
        var narrowed = keep.length > 1 && keep.some(function (u) {
          return u.place;
        });
        var kept = keep.filter(function (u) {
          return !(narrowed && u.place);
        });
        var missing = [text(left.toks)];
        combos(kept, 4).forEach(function (c) {
          if (narrowed) {
            regions.forEach(function (value) {
              add(partial, c, { region: value }, missing);
            });
          } else {
            add(partial, c, {}, missing);
          }
        });
      });
    }
    return {
      full: full,
      partial: partial,
      units: checks,
      regions: regions,
      words: toks.map(function (t) {
        return t.text;
      })
    };
  }

  return {
    FEW: FEW,
    fold: fold,
    plan: plan,
    prepare: prepare,
    roots: roots,
    sameWord: sameWord,
    tokens: tokens
  };
});
