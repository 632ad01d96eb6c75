import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatInstant, formatLegalDate, plural, sortFr } from "./format";

describe("formats français", () => {
  it("writes « 1er » for the first day of a month, for legal days and instants", () => {
    assert.equal(formatLegalDate("2026-04-01"), "1er avril 2026");
    assert.equal(formatLegalDate("2026-11-26"), "26 novembre 2026");
    assert.equal(formatLegalDate("2026-04-11"), "11 avril 2026");
    assert.match(formatInstant("2026-03-01T08:05:00Z"), /^1er mars 2026 à 09:05$/);
    assert.match(formatInstant("2026-03-21T08:05:00Z"), /^21 mars 2026/);
  });

  it("gives instants in Paris time (23:30 UTC on 31 March is 1 April in Paris)", () => {
    assert.match(formatInstant("2026-03-31T23:30:00Z"), /^1er avril 2026 à 01:30$/);
  });

  it("sorts in French order, accents and case ignored", () => {
    assert.deepEqual(
      sortFr(["Zoé", "élodie", "Émile", "Eva", "andré"], (s) => s),
      ["andré", "élodie", "Émile", "Eva", "Zoé"],
    );
  });

  it("counts in French", () => {
    assert.equal(plural(1, "compte"), "1 compte");
    assert.equal(plural(1234, "compte").replace(/\s/gu, " "), "1 234 comptes");
  });
});
