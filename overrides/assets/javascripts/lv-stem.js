/* Latvian query stemming for Pagefind, which has no Latvian stemmer.
 *
 * Pagefind folds diacritics (atlauja finds atļauja) and matches every query word as a
 * prefix, but an inflected query ("atļauju", "Daugavpilī", "psihologs") is not a prefix
 * of the forms on the pages ("atļauja", "Daugavpils", "psihologa"). Cutting the case or
 * verb ending off each query word leaves a stem that is a prefix of every form, so the
 * prefix search finds them all: atļauju -> atlauj, Daugavpilī -> daugavpil.
 *
 * Plain ES2017, no dependencies: a browser global (IciLvStem) and a CommonJS module for
 * `node --test` (tests/js/). Used by search.js.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.IciLvStem = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Only words longer than this are stemmed; short words are prefixes already.
  var MIN_WORD = 5;
  // A stem keeps at least this many letters, else it would match unrelated words.
  var MIN_STEM = 4;

  // Endings with their diacritics folded (ā -> a), longest first: noun and adjective case
  // endings of all six declensions, definite adjective endings, and the verb endings
  // (infinitive -t, reflexive -ties, present persons) that queries use; -ij is the
  // dative of the 6th declension (Daugavpilij).
  // Two-letter verb endings such as -ju, -ja, -ts are left out: atlauju -> atlau would
  // also find atlaide (a discount); the single -u already gives atlauj.
  var ENDINGS = [
    "ajiem", // definite adj. dative plural: reģionālajiem
    "ajam", "ajai", "ajas", "ajos", // definite adj.: reģionālajam, -ajai, -ajās, -ajos
    "ties", // reflexive infinitive: pieteikties
    "iem", // dative plural m.: birojiem
    "ais", // definite adj. nom. m.: reģionālais
    "aja", // definite adj. locative: reģionālajā; also Liepāja -> liep
    "am", "ai", "as", "os", "es", "is", "us", "ei", "em", "im", "um", "ie", "ij",
    "a", "e", "i", "u", "s", "o", "t"
  ];

  // Letters of Latvian (and other Latin) words: ASCII plus Latin Extended-A (ā č ē ģ ī
  // ķ ļ ņ š ū ž). Cyrillic words are left to Pagefind's Russian stemmer.
  var LATIN_WORD = /[A-Za-z\u00C0-\u024F]+/g;
  var LATVIAN_LETTER = /[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]/;

  /** Lower case without diacritics, as Pagefind compares words: "Rīgā" -> "riga". */
  function fold(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  /** The stem of one Latvian word (folded): the longest ending that leaves MIN_STEM. */
  function stem(word) {
    var w = fold(word);
    if (w.length < MIN_WORD) {
      return w;
    }
    for (var i = 0; i < ENDINGS.length; i++) {
      var end = ENDINGS[i];
      if (w.length - end.length >= MIN_STEM && w.slice(-end.length) === end) {
        return w.slice(0, -end.length);
      }
    }
    return w;
  }

  /**
   * The query with its Latin-script words stemmed. `which` chooses the words: "all", or
   * "latvian" (only words with a Latvian letter, for English pages, where other Latin
   * words are English and get Pagefind's English stemmer). Quoted phrases stay as typed.
   */
  function stemQuery(query, which) {
    if (query.indexOf('"') !== -1) {
      return query;
    }
    return query.replace(LATIN_WORD, function (word) {
      if (which === "latvian" && !LATVIAN_LETTER.test(word)) {
        return word;
      }
      return stem(word);
    });
  }

  /**
   * The queries to run, in order, for a page language. Latvian and Russian pages: one
   * query with every Latin-script word stemmed (on Russian pages those are Latvian names
   * and terms). English pages: the query with only clearly Latvian words stemmed, then,
   * to catch Latvian terms typed without diacritics, one with every Latin word stemmed.
   */
  function queryVariants(query, lang) {
    var q = query.trim().replace(/\s+/g, " ");
    if (!q) {
      return [];
    }
    var variants = lang === "en" ? [stemQuery(q, "latvian"), stemQuery(q, "all")] : [stemQuery(q, "all")];
    // Pagefind ignores case, so variants that differ only in case are one search
    var seen = variants.map(function (v) {
      return v.toLowerCase();
    });
    return variants.filter(function (v, i) {
      return seen.indexOf(v.toLowerCase()) === i;
    });
  }

  return {
    ENDINGS: ENDINGS,
    MIN_STEM: MIN_STEM,
    MIN_WORD: MIN_WORD,
    fold: fold,
    queryVariants: queryVariants,
    stem: stem,
    stemQuery: stemQuery
  };
});
