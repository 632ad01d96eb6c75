import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DomainError } from "../commun/errors";
import { calculerPaiement } from "../regles/paiement";
import { trouverSeuil } from "../regles/seuils";
import { guidesEntreprises } from "./guides";
import { demandeOuverte, validerDemande, validerNote, validerReponses, type Question } from "./sourcage";

const chemins = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof DomainError);
    return e.issues.map((i) => i.path.join("."));
  }
  assert.fail("aucune erreur");
};

describe("sourçage (domaine)", () => {
  it("checks a note: bounded, control characters refused, blank is none", () => {
    const issues: { path: (string | number)[]; message: string }[] = [];
    assert.equal(validerNote("  ", issues), null);
    assert.equal(validerNote("Deux lignes\nde note", issues), "Deux lignes\nde note");
    assert.deepEqual(issues, []);
    validerNote("x".repeat(1001), issues);
    validerNote("a\u0007b", issues);
    assert.equal(issues.length, 2);
  });

  it("checks a questionnaire and names every problem by its field", () => {
    assert.deepEqual(
      chemins(() =>
        validerDemande(
          {
            titre: "x",
            questions: [
              { libelle: "Question à choix ?", type: "choix", choix: ["Un"] },
              { libelle: "Libre ?", type: "texte", choix: ["a"] },
              { libelle: "Type ?", type: "echelle" },
            ],
            dateCloture: "2026-01-01",
          },
          "2026-03-01",
        ),
      ).sort(),
      ["dateCloture", "questions.0.choix", "questions.1.choix", "questions.2.type", "titre"],
    );
    assert.deepEqual(chemins(() => validerDemande({ titre: "Titre", questions: [], dateCloture: "2027-03-02" }, "2026-03-01")).sort(), [
      "dateCloture",
      "questions",
    ]);
    const ok = validerDemande(
      { titre: " Un   titre ", questions: [{ libelle: "Oui ?", type: "oui-non" }], dateCloture: "2026-03-01" },
      "2026-03-01",
    );
    assert.equal(ok.titre, "Un titre");
    assert.deepEqual(ok.questions, [{ id: "q1", libelle: "Oui ?", type: "oui-non", choix: [] }]);
  });

  it("accepts answers until the closing day included, unless closed early", () => {
    assert.equal(demandeOuverte({ dateCloture: "2026-03-01", closeLe: null }, "2026-03-01"), true);
    assert.equal(demandeOuverte({ dateCloture: "2026-03-01", closeLe: null }, "2026-03-02"), false);
    assert.equal(demandeOuverte({ dateCloture: "2026-03-01", closeLe: new Date() }, "2026-02-01"), false);
  });

  it("checks the answers against the questions", () => {
    const questions: Question[] = [
      { id: "q1", libelle: "Oui ?", type: "oui-non", choix: [] },
      { id: "q2", libelle: "Lot ?", type: "choix", choix: ["A", "B"] },
      { id: "q3", libelle: "Remarques", type: "texte", choix: [] },
    ];
    assert.deepEqual(validerReponses(questions, { q1: false, q2: "B", q3: "  " }), { q1: false, q2: "B" });
    assert.deepEqual(chemins(() => validerReponses(questions, { q1: "oui", q2: "C", q4: "?" })).sort(), [
      "reponses.q1",
      "reponses.q2",
      "reponses.q4",
    ]);
    assert.deepEqual(
      chemins(() => validerReponses(questions, { q3: "" })),
      ["reponses"],
    );
  });

  it("asks the rule book for every figure of the guides", () => {
    const g = guidesEntreprises("2026-06-15");
    assert.ok(g.paiement);
    const attendu = calculerPaiement({
      montantTtcCents: g.paiement.exemple.montantTtcCents,
      dateReception: g.paiement.exemple.dateReception,
      datePaiement: g.paiement.exemple.datePaiement,
    });
    assert.equal(g.paiement.delaiJours, attendu.delaiPaiementJours);
    assert.equal(g.paiement.indemniteForfaitaireCents, attendu.indemniteForfaitaireCents);
    assert.equal(g.paiement.exemple.interetsMoratoiresCents, attendu.interetsMoratoiresCents);
    assert.ok(g.paiement.exemple.joursRetard > 0 && g.paiement.exemple.interetsMoratoiresCents > 0);
    assert.ok(g.paiement.fondements.some((f) => f.article === "D2192-35"));
    assert.equal(g.avance?.montantMinimumHtCents, trouverSeuil("AVANCE_MANDATORY", "2026-06-15")?.valeur);
    assert.equal(g.avance?.dureeMinimumMois, trouverSeuil("AVANCE_MIN_DURATION", "2026-06-15")?.valeur);
    assert.deepEqual(
      g.clauses.map((c) => c.cle),
      ["CLIMAT_ENVIRONMENTAL_DUTY", "CLIMAT_SOCIAL_CONDITION_DUTY"],
    );
  });
});
