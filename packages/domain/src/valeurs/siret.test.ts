import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError } from "../commun/errors";
import { isValidSiren, isValidSiret, luhnIsValid, Siren, Siret } from "./siret";

// Test vectors of the legal summary (sources S24, docs/sources.md), checked there with a local script.
describe("SIRET", () => {
  const vectors: [string, boolean, string][] = [
    ["73282932000074", true, "plain Luhn"],
    ["35600000049837", true, "La Poste: fails Luhn, digit sum multiple of 5"],
    ["35600000000048", true, "La Poste head office, passes Luhn"],
    ["12345678912345", false, "fails Luhn"],
    ["55208131766522", true, "plain Luhn"],
    ["22940028800010", true, "Département du Val-de-Marne"],
    ["732 829 320 00074", true, "spaces are ignored"],
    ["7328293200007", false, "13 digits"],
    ["732829320000740", false, "15 digits"],
    ["7328293200007A", false, "not a digit"],
    ["35600000049838", false, "La Poste, digit sum not a multiple of 5 and fails Luhn"],
    ["", false, "empty"],
  ];
  for (const [raw, valid, why] of vectors) {
    it(`${JSON.stringify(raw)} is ${valid ? "valid" : "invalid"} (${why})`, () => {
      assert.equal(isValidSiret(raw), valid);
      if (valid) assert.equal(Siret.parse(raw).value, raw.replace(/\s/g, ""));
      else
        assert.throws(
          () => Siret.parse(raw, ["siret"]),
          (e: unknown) => isDomainError(e) && e.code === "SIRET_INVALID" && e.issues[0]?.path[0] === "siret",
        );
    });
  }

  it("a 13-digit number that passes Luhn is still not a SIRET", () => {
    const thirteen = "7328293200007"; // find a 13-digit Luhn-valid variant by changing the last digit
    const luhnValid = [...Array(10).keys()].map((d) => `${thirteen.slice(0, 12)}${d}`).find(luhnIsValid);
    assert.equal(luhnIsValid(luhnValid ?? ""), true);
    assert.equal(isValidSiret(luhnValid ?? ""), false);
  });

  it("exposes SIREN, NIC and a readable form", () => {
    const siret = Siret.parse("73282932000074");
    assert.equal(siret.siren, "732829320");
    assert.equal(siret.nic, "00074");
    assert.equal(siret.format(), "732 829 320 00074");
    assert.equal(JSON.stringify({ siret }), '{"siret":"73282932000074"}');
  });
});

describe("SIREN", () => {
  const vectors: [string, boolean][] = [
    ["732829320", true],
    ["123456789", false],
    ["552081317", true],
    ["229400288", true],
    ["73282932", false],
    ["73282932O", false],
  ];
  for (const [raw, valid] of vectors) {
    it(`${raw} is ${valid ? "valid" : "invalid"}`, () => {
      assert.equal(isValidSiren(raw), valid);
      if (valid) assert.equal(Siren.parse(raw).format(), `${raw.slice(0, 3)} ${raw.slice(3, 6)} ${raw.slice(6)}`);
      else
        assert.throws(
          () => Siren.parse(raw),
          (e: unknown) => isDomainError(e) && e.code === "SIREN_INVALID",
        );
    });
  }
});
