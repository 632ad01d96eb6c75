import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError, type Issue } from "../commun/errors";
import type { Facture } from "../marches/execution";
import { TAUX_BCE_PAR_DEFAUT } from "../regles/parametres";
import { factureTitulaire, paiementsTitulaire, SEUIL_ANONYMAT, syntheseEvaluations, validerEvaluationAcheteur } from "./espace.use-cases";
import type { EvaluationAnonyme } from "./ports";

const facture = (f: Partial<Facture>): Facture => ({
  id: "f",
  marcheId: "m",
  numero: "F-1",
  montantTtcCents: 1_200_000,
  dateReception: "2025-03-03",
  datePaiement: null,
  dateEcheance: "2025-04-02",
  delaiPaiementJours: null,
  joursRetard: 0,
  tauxInteretsPointsDeBase: null,
  interetsMoratoiresCents: 0,
  indemniteForfaitaireCents: 0,
  ...f,
});

describe("espace de l'entreprise : factures vues par le titulaire", () => {
  it("keeps the figures recorded at payment, and asks the engine what an unpaid late invoice owes today", () => {
    const payee = factureTitulaire(
      facture({
        datePaiement: "2025-04-22",
        delaiPaiementJours: 50,
        joursRetard: 20,
        interetsMoratoiresCents: 7332,
        indemniteForfaitaireCents: 4000,
      }),
      "2025-06-01",
      TAUX_BCE_PAR_DEFAUT,
    );
    assert.equal(payee.statut, "payee-en-retard");
    assert.equal(payee.duAujourdhui, null);
    assert.equal(factureTitulaire(facture({}), "2025-04-02", TAUX_BCE_PAR_DEFAUT).statut, "a-payer", "due date itself: not late");
    // unpaid on 22 April 2025: the hand-computed case of docs/marches.md (20 days late, 73.32 €, 40 €)
    const impayee = factureTitulaire(facture({}), "2025-04-22", TAUX_BCE_PAR_DEFAUT);
    assert.equal(impayee.statut, "en-retard");
    assert.equal(impayee.joursDepuisReception, 50);
    assert.deepEqual(impayee.duAujourdhui, {
      joursRetard: 20,
      tauxInteretsPointsDeBase: 1115,
      interetsMoratoiresCents: 7332,
      indemniteForfaitaireCents: 4000,
    });
    const bilan = paiementsTitulaire([payee, impayee]);
    assert.equal(bilan.interetsDusCents, 7332 * 2);
    assert.equal(bilan.indemnitesDuesCents, 8000);
    assert.equal(bilan.nombreEnRetard, 1);
    assert.equal(bilan.nombreImpayeesEnRetard, 1);
  });
});

describe("évaluation du département par ses titulaires", () => {
  it("names every bad score by its field, in French", () => {
    try {
      validerEvaluationAcheteur({ paiement: 0, clarte: 3.5, relation: 6, commentaire: "ok\u0000" });
      assert.fail("refusal expected");
    } catch (e) {
      assert.ok(isDomainError(e));
      assert.deepEqual(
        e.issues.map((i: Issue) => i.path[0]),
        ["paiement", "clarte", "relation", "commentaire"],
      );
      assert.match(e.issues[1]?.message ?? "", /Clarté des documents/);
    }
    assert.equal(validerEvaluationAcheteur({ paiement: 1, clarte: 5, relation: 3, commentaire: "  " }).commentaire, null);
  });

  it("averages by criterion, direction and year, hides the averages of small groups, keeps comments anonymous", () => {
    const e = (
      directionSigle: string,
      annee: number,
      n: [number, number, number],
      commentaire: string | null = null,
    ): EvaluationAnonyme => ({
      directionId: `id-${directionSigle}`,
      directionSigle,
      annee,
      paiement: n[0],
      clarte: n[1],
      relation: n[2],
      commentaire,
      modifieeLe: new Date(),
    });
    const s = syntheseEvaluations([
      e("DB", 2025, [2, 4, 5], "Zèbre"),
      e("DB", 2025, [3, 4, 4], "Abeille"),
      e("DB", 2024, [4, 3, 3]),
      e("DSI", 2025, [5, 5, 5]),
    ]);
    assert.deepEqual(s.total, { nombre: 4, paiement: 3.5, clarte: 4, relation: 4.3 });
    assert.deepEqual(s.parDirection, [
      { directionId: "id-DB", directionSigle: "DB", nombre: 3, paiement: 3, clarte: 3.7, relation: 4 },
      { directionId: "id-DSI", directionSigle: "DSI", nombre: 1, paiement: null, clarte: null, relation: null },
    ]);
    assert.equal(SEUIL_ANONYMAT, 3);
    assert.deepEqual(
      s.parAnnee.map((a) => [a.annee, a.nombre, a.paiement]),
      [
        [2025, 3, 3.3],
        [2024, 1, null],
      ],
    );
    assert.deepEqual(s.commentaires, [
      { annee: 2025, commentaire: "Abeille" },
      { annee: 2025, commentaire: "Zèbre" },
    ]);
  });
});
