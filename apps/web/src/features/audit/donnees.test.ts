import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decrireObjet, lignesDonnees } from "./donnees";

const noms = { directions: new Map([["d1", "Direction des bâtiments (DB)"]]), services: new Map([["s1", "Service des écoles"]]) };

describe("données du journal d'audit en français", () => {
  it("names the object by the e-mail of the account or the name of the direction", () => {
    const base = { agregatId: "0f1e2d3c-aaaa", acteur: "admin@demo.fr", acteurId: "x" };
    assert.equal(
      decrireObjet({ ...base, agregatType: "user", donnees: { email: "marie@demo.fr", role: "lecteur" } }),
      "Compte marie@demo.fr",
    );
    assert.equal(
      decrireObjet({
        ...base,
        agregatType: "direction",
        donnees: { before: { nom: "A", sigle: "A" }, after: { nom: "Direction B", sigle: "DB" } },
      }),
      "Direction Direction B (DB)",
    );
    assert.equal(decrireObjet({ ...base, agregatType: "user", acteurId: "0f1e2d3c-aaaa", donnees: {} }), "Compte admin@demo.fr");
    assert.equal(decrireObjet({ ...base, agregatType: "autre", donnees: null }), "autre n° 0f1e2d3c");
  });

  it("shows a change as before → after, for the changed fields only, with French labels and values", () => {
    const lignes = lignesDonnees(
      {
        before: { email: "a@demo.fr", role: "acheteur", directionId: "d1", actif: true },
        after: { email: "a@demo.fr", role: "lecteur", directionId: null, actif: false },
      },
      noms,
    );
    assert.deepEqual(
      lignes.map((l) => [l.libelle, l.avant, l.valeur]),
      [
        ["Rôle", "Acheteur de direction", "Lecteur (direction générale, élus)"],
        ["Direction", "Direction des bâtiments (DB)", "aucun"],
        ["Compte actif", "oui", "non"],
      ],
    );
  });

  it("lists the fields of a creation, and the names of a deleted direction's services", () => {
    const lignes = lignesDonnees({
      nom: "Direction B",
      sigle: "DB",
      services: [
        { id: "s", nom: "Écoles" },
        { id: "t", nom: "Collèges" },
      ],
    });
    assert.deepEqual(
      lignes.map((l) => `${l.libelle} : ${l.valeur}`),
      ["Nom : Direction B", "Sigle : DB", "Services : Écoles, Collèges"],
    );
    assert.deepEqual(
      lignesDonnees({ method: "mot-de-passe", clientAddress: "127.0.0.1" }).map((l) => l.valeur),
      ["127.0.0.1", "mot de passe"],
    );
    assert.deepEqual(lignesDonnees({}), []);
  });
});
