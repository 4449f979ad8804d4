// Unit tests of the Latvian query stemmer (overrides/assets/javascripts/lv-stem.js).
// Run with `make test-js` (node --test); plain CommonJS, no packages.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const lv = require(path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "lv-stem.js"));

// Inflected forms of one word share a stem that is a prefix of every form on the pages.
const FAMILIES = [
  ["atļauja", "atļaujas", "atļauju", "atļaujai", "atļaujām", "atlauju"],
  ["psihologs", "psihologa", "psihologam", "psihologu", "psihologi", "psihologiem"],
  ["Daugavpils", "Daugavpilī", "Daugavpilij", "daugavpili"],
  ["tālrunis", "tālruņa", "tālrunim", "tālruņi", "talrunis"],
  ["konsultācija", "konsultācijas", "konsultāciju", "konsultācijām", "konsultacijas"],
  ["reģionālais", "reģionālajam", "reģionālajā", "reģionālajiem", "reģionālā"],
  ["kontaktpunkts", "kontaktpunkta", "kontaktpunktā", "kontaktpunktos", "kontaktpunktiem"],
  ["Jelgava", "Jelgavā", "Jelgavas", "Jelgavu"],
  ["uzturēšanās", "uzturēšanas", "uzturesanas"],
  ["tulks", "tulka", "tulku", "tulki", "tulkiem"],
];

for (const family of FAMILIES) {
  test(`forms of ${family[0]} share a stem that prefixes every form`, () => {
    const stems = new Set(family.map(lv.stem));
    assert.equal(stems.size, 1, [...stems].join(", "));
    const [stem] = stems;
    for (const form of family) {
      assert.ok(lv.fold(form).startsWith(stem), `${stem} is not a prefix of ${form}`);
    }
  });
}

test("exact stems of typical query words", () => {
  assert.equal(lv.stem("atļauju"), "atlauj");
  assert.equal(lv.stem("Daugavpilī"), "daugavpil");
  assert.equal(lv.stem("Rīgas"), "riga");
  assert.equal(lv.stem("Cēsīs"), "cesi");
  assert.equal(lv.stem("pieteikties"), "pieteik");
  assert.equal(lv.stem("strādāt"), "strada");
});

test("short words and stems stay long enough", () => {
  assert.equal(lv.stem("NVA"), "nva");
  assert.equal(lv.stem("PMLP"), "pmlp");
  assert.equal(lv.stem("Rīgā"), "riga"); // four letters: folded only
  assert.equal(lv.stem("valsts"), "valst");
  for (const word of ["mājas", "ielas", "darbs", "Cēsis", "vīzas"]) {
    assert.ok(lv.stem(word).length >= lv.MIN_STEM, word);
  }
});

test("the ending list runs from longest to shortest", () => {
  const lengths = lv.ENDINGS.map((e) => e.length);
  assert.deepEqual(lengths, [...lengths].sort((a, b) => b - a));
});

test("stemQuery stems Latin words and keeps Cyrillic words and punctuation", () => {
  assert.equal(lv.stemQuery("uzturēšanās atļauju", "all"), "uzturesan atlauj");
  assert.equal(lv.stemQuery("вид на жительство atļauju", "all"), "вид на жительство atlauj");
  assert.equal(lv.stemQuery("PMLP, Rīgā!", "all"), "pmlp, riga!");
  assert.equal(lv.stemQuery('"uzturēšanās atļauja"', "all"), '"uzturēšanās atļauja"');
});

test("on English pages only words with Latvian letters are stemmed first", () => {
  assert.equal(lv.stemQuery("residence permits atļauju", "latvian"), "residence permits atlauj");
});

test("queryVariants per page language", () => {
  assert.deepEqual(lv.queryVariants("  atļauju  Rīgā ", "lv"), ["atlauj riga"]);
  assert.deepEqual(lv.queryVariants("атлауя atļauju", "ru"), ["атлауя atlauj"]);
  assert.deepEqual(lv.queryVariants("permit atlaujas", "en"), ["permit atlaujas", "permi atlauj"]);
  assert.deepEqual(lv.queryVariants("NVA", "en"), ["NVA"]);
  assert.deepEqual(lv.queryVariants("Pilsonības PMLP", "en"), ["pilsonib PMLP"]);
  assert.deepEqual(lv.queryVariants("   ", "lv"), []);
});
