// Unit tests of the search box's query plan (overrides/assets/javascripts/search-plan.js):
// places in any language and case form, synonyms, partial searches, rank fusion.
// Run with `make test-js` (node --test); plain CommonJS, no packages.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const JS = path.join(__dirname, "..", "..", "overrides", "assets", "javascripts");
const plan = require(path.join(JS, "search-plan.js"));
const engine = require(path.join(JS, "search-engine.js"));

// the shape of search/terms.json (hooks/ici/search_terms.py), with names the data gives
const TERMS = plan.prepare({
  places: [
    { name: "Daugavpils", region: "latgale" },
    { name: "Даугавпилс", region: "latgale" },
    { name: "Rīga", region: "riga" },
    { name: "Рига", region: "riga" },
    { name: "Ризі", region: "riga" },
    { name: "Liepāja", region: "kurzeme" },
    { name: "Лиепая", region: "kurzeme" },
    { name: "Cēsis", region: "vidzeme" },
    { name: "Цесис", region: "vidzeme" },
    { name: "Latgale", region: "latgale" },
    { name: "Латгале", region: "latgale" },
  ],
  regions: { latgale: "Латгале", riga: "Рига", kurzeme: "Курземе", vidzeme: "Видземе" },
  synonyms: [
    { canonical: "юридическая консультация", variants: ["юрист", "адвокат"] },
    { canonical: "проживание", variants: ["вид на жительство", "ВНЖ", "ПМЖ"] },
    { canonical: "legal advice", variants: ["lawyer", "attorney"] },
  ],
});

const PLACES = {
  latgale: ["Daugavpils", "Daugavpilī", "Daugavpilij", "daugavpili", "Даугавпилс", "Даугавпилсе",
    "Даугавпилса", "Даугавпилсом", "Latgalē", "Latgales", "Латгале"],
  // Ризі: a Ukrainian form the glossary lists (data/glossary.yaml forms:)
  riga: ["Rīga", "Rīgā", "Rīgas", "Rigai", "Riga", "Рига", "Риге", "Ригу", "Риги", "Ризі"],
  kurzeme: ["Liepāja", "Liepājā", "Liepājas", "Лиепая", "Лиепае", "Лиепаю"],
  vidzeme: ["Cēsis", "Cēsīs", "Cēsu", "Цесис", "Цесисе", "Цесиса"],
};

for (const [region, forms] of Object.entries(PLACES)) {
  test(`every form of a ${region} place narrows to its region`, () => {
    for (const form of forms) {
      const p = plan.plan(`tulks ${form}`, TERMS);
      assert.deepEqual(p.regions, [TERMS.regions[region]], form);
      assert.ok(p.full.some((s) => s.query === "tulks" && s.filters.region === TERMS.regions[region]), form);
    }
  });
}

test("words that only look like a place name narrow nothing", () => {
  for (const word of ["rigid", "rights", "cesija", "latgaliešu", "даугава", "ригель"]) {
    assert.deepEqual(plan.plan(`help ${word}`, TERMS).regions, [], word);
  }
});

test("a reader's word in any case form also searches the site's word, first", () => {
  for (const q of ["юрист", "юриста", "юристу", "адвокатом", "Адвокат"]) {
    const queries = plan.plan(q, TERMS).full.map((s) => s.query);
    assert.deepEqual(queries, ["юридическая консультация", q], q);
  }
  assert.deepEqual(plan.plan("внж", TERMS).full.map((s) => s.query), ["проживание", "внж"]);
  assert.deepEqual(plan.plan("attorneys", TERMS).full.map((s) => s.query), ["legal advice", "attorneys"]);
  // a phrase is replaced whole, words around it stay
  assert.deepEqual(plan.plan("вид на жительство детям", TERMS).full.map((s) => s.query), [
    "проживание детям",
    "вид на жительство детям",
  ]);
  // no expansion without a variant
  assert.deepEqual(plan.plan("юридическая", TERMS).full.map((s) => s.query), ["юридическая"]);
});

test("a topic and a place: the topic narrowed to the region, then partial searches", () => {
  const p = plan.plan("вид на жительство Даугавпилсе", TERMS);
  const narrowed = p.full.filter((s) => s.filters.region);
  assert.deepEqual(narrowed.map((s) => s.query), ["проживание", "вид на жительство"]);
  assert.ok(narrowed.every((s) => s.filters.region === "Латгале"));
  // each unit (the synonym's phrase, the place) left out in turn, named as missing
  assert.deepEqual(
    p.partial.map((s) => [s.query, s.missing]),
    [
      ["Даугавпилсе", ["вид на жительство"]],
      ["проживание", ["Даугавпилсе"]],
      ["вид на жительство", ["Даугавпилсе"]],
    ]
  );
  assert.deepEqual(p.units.map((u) => u.text), ["вид на жительство", "Даугавпилсе"]);
});

test("partial searches leave out one word at a time, never a short word alone", () => {
  const p = plan.plan("psychologist in zzyzx", TERMS);
  assert.deepEqual(
    p.partial.map((s) => [s.query, s.missing]),
    [["zzyzx", ["psychologist"]], ["psychologist", ["zzyzx"]]]
  );
  assert.deepEqual(plan.plan("psychologist", TERMS).partial, []);
});

test("rank fusion keeps one list's order and lifts pages several lists find", () => {
  const ids = (list) => list.map((e) => e.id);
  const one = [{ id: "a" }, { id: "b" }, { id: "c" }];
  assert.deepEqual(ids(engine.fuse([one])), ["a", "b", "c"]);
  const other = [{ id: "c" }, { id: "d" }];
  assert.deepEqual(ids(engine.fuse([one, other])), ["c", "a", "b", "d"]);
  // a query as typed counts half where a synonym gives the site's words
  const typed = { entries: [{ id: "x" }, { id: "a" }], weight: 0.5 };
  assert.deepEqual(ids(engine.fuse([typed, one])), ["a", "b", "c", "x"]);
});

test("a page of results: ended services and partial results move down, stably", () => {
  const pair = (id, ended, partial) => ({
    data: { url: id, meta: ended ? { ended: "Ended" } : {} },
    hit: { id, partial }
  });
  const pairs = [
    pair("ended-full", true, false),
    pair("current-partial", false, true),
    pair("current-full", false, false),
    pair("ended-partial", true, true),
    pair("current-full-2", false, false)
  ];
  const order = engine.shownOrder(pairs).map((p) => p.hit.id);
  assert.deepEqual(order, [
    "current-full", "current-full-2", "current-partial", "ended-full", "ended-partial"
  ]);
  assert.equal(pairs[0].hit.id, "ended-full", "the input list is left as it was");
  assert.deepEqual(engine.shownOrder([]), []);
});
