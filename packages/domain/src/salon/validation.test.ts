import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError, type Issue } from "../commun/errors";
import { validerInstance } from "./validation";

const valide = () => ({
  creneaux: ["09h00", "09h20", "09h40"],
  entreprises: [
    { id: "E1", disponibilites: ["09h00", "09h20"] },
    { id: "E2", disponibilites: [] },
  ],
  acheteurs: [
    { id: "A1", disponibilites: ["09h00", "09h20", "09h40"] },
    { id: "A2", disponibilites: ["09h40"] },
  ],
  demandes: [
    { entreprise: "E1", acheteur: "A1", priorite: 1 },
    { entreprise: "E1", acheteur: "A2", priorite: 3 },
  ],
});

/** The issues of a refused instance. */
function problemes(entree: unknown): Issue[] {
  try {
    validerInstance(entree);
  } catch (error) {
    assert.ok(isDomainError(error));
    assert.equal(error.code, "INVALID_INPUT");
    assert.equal(error.kind, "invalid-input");
    return error.issues;
  }
  assert.fail("l'instance aurait dû être refusée");
}

describe("validation of a fair instance", () => {
  it("accepts a valid instance and warns about what cannot be planned, without refusing it", () => {
    const { instance, avertissements } = validerInstance(valide());
    assert.equal(instance.demandes.length, 2);
    assert.deepEqual(
      avertissements.map((a) => a.path.join(".")),
      ["entreprises.1.disponibilites", "demandes.1"],
    );
    assert.match(avertissements[0]?.message ?? "", /« E2 » n'a aucune disponibilité/);
    assert.match(avertissements[1]?.message ?? "", /aucun créneau libre en commun/);
  });

  it("names every problem at once: unknown ids, duplicate request, bad priority, unknown slot, duplicate id", () => {
    const entree = valide();
    entree.demandes.push(
      { entreprise: "E9", acheteur: "A1", priorite: 2 },
      { entreprise: "E1", acheteur: "A7", priorite: 2 },
      { entreprise: "E1", acheteur: "A1", priorite: 2 },
      { entreprise: "E2", acheteur: "A1", priorite: 4 },
    );
    entree.entreprises.push({ id: "E1", disponibilites: ["10h00"] });
    const issues = problemes(entree);
    assert.deepEqual(
      issues.map((i) => `${i.path.join(".")} : ${i.message}`),
      [
        "entreprises.2.id : Identifiant « E1 » en double parmi les entreprises.",
        "entreprises.2.disponibilites.0 : Créneau inconnu : « 10h00 ».",
        "demandes.2.entreprise : Entreprise inconnue : « E9 ».",
        "demandes.3.acheteur : Acheteur inconnu : « A7 ».",
        "demandes.4 : Demande en double : l'entreprise « E1 » demande déjà l'acheteur « A1 » (demandes.0).",
        "demandes.5.priorite : La priorité doit valoir 1 (la plus haute), 2 ou 3.",
      ],
    );
  });

  it("refuses an empty list of slots, and missing lists", () => {
    assert.deepEqual(
      problemes({ ...valide(), creneaux: [] }).map((i) => i.message)[0],
      "La liste des créneaux est vide : il faut au moins un créneau.",
    );
    assert.deepEqual(
      problemes({ creneaux: ["c"] }).map((i) => i.path.join(".")),
      ["entreprises", "acheteurs", "demandes"],
    );
    assert.equal(problemes([1, 2]).length, 1);
    assert.equal(problemes(null)[0]?.path.length, 0);
  });

  it("refuses malformed entries with their path", () => {
    const issues = problemes({
      creneaux: ["c1", "c1", ""],
      entreprises: [{ id: "", disponibilites: "c1" }, 3],
      acheteurs: [{ id: "A", disponibilites: ["c1", "c1"] }],
      demandes: [{ entreprise: "E", acheteur: "A" }, "x"],
    });
    assert.deepEqual(
      issues.map((i) => i.path.join(".")),
      [
        "creneaux.1",
        "creneaux.2",
        "entreprises.0.id",
        "entreprises.0.disponibilites",
        "entreprises.1",
        "acheteurs.0.disponibilites.1",
        "demandes.0.entreprise",
        "demandes.0.priorite",
        "demandes.1",
      ],
    );
  });
});
