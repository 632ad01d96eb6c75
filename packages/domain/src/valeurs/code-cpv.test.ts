import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError } from "../commun/errors";
import { CodeCpv, CPV_COUNT, normaliserTexte, searchCpv } from "./code-cpv";

describe("CodeCpv validity (official list, never a computed check digit)", () => {
  it("holds the 9,454 codes of CPV 2008", () => assert.equal(CPV_COUNT, 9454));

  const valid = ["45112500", "45112500-0", " 45112500-0 ", "72267100-0", "03300000-2", "03000000-1"];
  for (const raw of valid) {
    it(`${JSON.stringify(raw)} is valid`, () => assert.equal(CodeCpv.isValid(raw), true));
  }

  const invalid: [string, string][] = [
    ["45112500-5", "CPV_CHECK_DIGIT_INVALID"], // the official check digit is 0
    ["72267100-1", "CPV_CHECK_DIGIT_INVALID"],
    ["99999999", "CPV_UNKNOWN"],
    ["45112501", "CPV_UNKNOWN"],
    ["4511250", "CPV_FORMAT_INVALID"],
    ["45112500-", "CPV_FORMAT_INVALID"],
    ["45112500-00", "CPV_FORMAT_INVALID"],
    ["AA01-1", "CPV_FORMAT_INVALID"],
  ];
  for (const [raw, code] of invalid) {
    it(`${raw} is refused with ${code}`, () => {
      assert.equal(CodeCpv.isValid(raw), false);
      assert.throws(
        () => CodeCpv.parse(raw, ["codeCpv"]),
        (e: unknown) => isDomainError(e) && e.code === code && e.kind === "invalid-input" && e.issues[0]?.path[0] === "codeCpv",
      );
    });
  }

  it("says which check digit is official", () => {
    assert.throws(() => CodeCpv.parse("45112500-5"), /45112500-0/);
  });
});

describe("CodeCpv hierarchy", () => {
  it("gives label, level, parent and ancestors", () => {
    const code = CodeCpv.parse("45112500");
    assert.equal(code.code, "45112500-0");
    assert.equal(code.code8, "45112500");
    assert.equal(code.libelle, "Travaux de terrassement");
    assert.equal(code.niveau, 6);
    assert.equal(code.niveauLibelle, "sous-catégorie");
    assert.equal(code.division, "45");
    assert.equal(code.parent()?.code, "45112000-5");
    assert.deepEqual(
      code.ancetres().map((a) => a.code8),
      ["45000000", "45100000", "45110000", "45112000"],
    );
    assert.equal(code.isWithin(CodeCpv.parse("45000000")), true);
    assert.equal(code.isWithin(CodeCpv.parse("71000000")), false);
  });

  it("a division has no parent", () => {
    const division = CodeCpv.parse("45000000-7");
    assert.equal(division.niveauLibelle, "division");
    assert.equal(division.parent(), null);
    assert.deepEqual(division.ancetres(), []);
  });
});

describe("searchCpv", () => {
  it("finds by code prefix, in code order", () => {
    const found = searchCpv("4511", 100).map((c) => c.code8);
    assert.ok(found.length > 10);
    assert.ok(found.every((c) => c.startsWith("4511")));
    assert.deepEqual(found, [...found].sort());
    assert.equal(searchCpv("45112500-0")[0]?.libelle, "Travaux de terrassement");
    assert.deepEqual(searchCpv("45112500-5"), []);
  });

  it("is accent- and case-insensitive on label words", () => {
    const withAccents = searchCpv("béton armé").map((c) => c.code);
    const without = searchCpv("BETON arme").map((c) => c.code);
    assert.deepEqual(withAccents, without);
    assert.ok(withAccents.includes("45223500-1"), "Structures en béton armé");
    assert.equal(searchCpv("electricite", 1)[0]?.code, "09310000-5");
  });

  it("matches word prefixes, ignores short French stop words, and handles œ", () => {
    assert.ok(searchCpv("terrass").some((c) => c.code8 === "45112500"));
    assert.deepEqual(
      searchCpv("travaux de terrassement").map((c) => c.code8),
      searchCpv("travaux terrassement").map((c) => c.code8),
    );
    assert.ok(searchCpv("mise en oeuvre beton").some((c) => c.code === "45262310-7"));
    assert.equal(normaliserTexte("Mise en œuvre, béton !"), "mise en oeuvre beton");
  });

  it("respects the limit and returns nothing for an empty or absent match", () => {
    assert.equal(searchCpv("travaux", 5).length, 5);
    assert.deepEqual(searchCpv("   "), []);
    assert.deepEqual(searchCpv("zzzzqqq"), []);
  });
});
