import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { COMMUNES_94, communeParCodeInsee, communesParCodePostal, EPT_94, eptDeCommune, isLocalVdm } from "./communes-94";

describe("communes of the Val-de-Marne", () => {
  it("lists 47 communes in 3 EPT", () => {
    assert.equal(COMMUNES_94.length, 47);
    assert.equal(EPT_94.length, 3);
    assert.equal(
      EPT_94.reduce((n, e) => n + e.communes94.length, 0),
      47,
    );
  });

  it("finds a commune by INSEE code, with its EPT", () => {
    assert.equal(communeParCodeInsee("94028")?.nom, "Créteil");
    assert.deepEqual(communeParCodeInsee("94028")?.codesPostaux, ["94000"]);
    assert.equal(eptDeCommune("94028")?.nom, "Grand Paris Sud Est Avenir");
    assert.equal(eptDeCommune("94080")?.nom, "Paris Est Marne et Bois");
    assert.equal(eptDeCommune("94081")?.nom, "Grand-Orly Seine Bièvre");
    assert.equal(communeParCodeInsee("75056"), undefined);
  });

  it("finds every commune served by a postcode", () => {
    assert.deepEqual(
      communesParCodePostal("94440").map((c) => c.nom),
      ["Marolles-en-Brie", "Santeny", "Villecresnes"],
    );
    assert.deepEqual(
      communesParCodePostal("94520").map((c) => c.nom),
      ["Mandres-les-Roses", "Périgny"],
    );
    assert.deepEqual(communesParCodePostal("75001"), []);
  });

  const local: [{ codeInsee?: string; codePostal?: string }, boolean][] = [
    [{ codeInsee: "94028" }, true],
    [{ codePostal: "94000" }, true],
    [{ codePostal: "94017" }, false], // CEDEX code: not in the postcode base
    [{ codeInsee: "94028", codePostal: "75001" }, true], // the INSEE code decides
    [{ codeInsee: "93066" }, false],
    [{ codePostal: "91000" }, false],
    [{}, false],
  ];
  for (const [adresse, expected] of local) {
    it(`isLocalVdm(${JSON.stringify(adresse)}) = ${expected}`, () => assert.equal(isLocalVdm(adresse), expected));
  }
});
