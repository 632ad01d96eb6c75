import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError } from "../commun/errors";
import { validerProfil, type ProfilInput } from "./entreprise";

const BASE: ProfilInput = {
  raisonSociale: "Alpha",
  activites: [],
  territoires: [],
  categorie: null,
  statutInclusif: null,
  certifications: [],
  profilPublic: false,
};

describe("profil d'une entreprise", () => {
  it("normalises CPV codes (with their check digit), départements and duplicates", () => {
    const p = validerProfil({
      ...BASE,
      activites: ["45000000", "45000000-7", "72000000"],
      territoires: ["94", "2a", " 974 ", "94"],
      certifications: ["ISO 9001", "ISO 9001"],
    });
    assert.deepEqual(p.activites, ["45000000-7", "72000000-5"]);
    assert.deepEqual(p.territoires, ["94", "2A", "974"]);
    assert.deepEqual(p.certifications, ["ISO 9001"]);
  });
  it("names each bad entry by its index", () => {
    try {
      validerProfil({
        ...BASE,
        raisonSociale: "A",
        activites: ["45000000", "1234"],
        territoires: ["20", "96"],
        categorie: "geante",
        statutInclusif: "autre",
      });
      assert.fail("accepté");
    } catch (error) {
      assert.ok(isDomainError(error));
      assert.deepEqual(
        error.issues.map((i) => i.path.join(".")),
        ["raisonSociale", "activites.1", "territoires.0", "territoires.1", "categorie", "statutInclusif"],
      );
    }
  });
});
