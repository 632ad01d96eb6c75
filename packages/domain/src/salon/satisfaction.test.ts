import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  agregerSatisfaction,
  clotureSatisfaction,
  etatSatisfaction,
  validerReponseSatisfaction,
  type CoteSatisfaction,
  type ReponseSatisfaction,
} from "./satisfaction";

const r = (
  cote: CoteSatisfaction,
  satisfaction: number,
  utilite: number,
  reviendrait: boolean,
): ReponseSatisfaction & { cote: CoteSatisfaction } => ({
  cote,
  satisfaction,
  utilite,
  reviendrait,
  commentaire: null,
});

describe("questionnaire de satisfaction du salon : agrégation", () => {
  const cas: {
    nom: string;
    reponses: (ReponseSatisfaction & { cote: CoteSatisfaction })[];
    participants: Record<CoteSatisfaction, number>;
    entreprise: [number, number | null, number | null, number | null, number | null, number[] | null];
    acheteur: [number, number | null, number | null, number | null, number | null, number[] | null];
    total: [number, number | null, number | null];
  }[] = [
    {
      nom: "aucune réponse, aucun participant : pas de taux ni de moyenne",
      reponses: [],
      participants: { entreprise: 0, acheteur: 0 },
      entreprise: [0, null, null, null, null, [0, 0, 0, 0, 0]],
      acheteur: [0, null, null, null, null, [0, 0, 0, 0, 0]],
      total: [0, null, null],
    },
    {
      nom: "des participants sans réponse : taux nul, moyennes absentes",
      reponses: [],
      participants: { entreprise: 12, acheteur: 3 },
      entreprise: [0, 0, null, null, null, [0, 0, 0, 0, 0]],
      acheteur: [0, 0, null, null, null, [0, 0, 0, 0, 0]],
      total: [0, 0, null],
    },
    {
      nom: "chaque côté à part, moyennes à deux décimales, répartition de 1 à 5 ; un côté à une réponse est masqué, le total aussi",
      reponses: [r("entreprise", 5, 4, true), r("entreprise", 4, 2, true), r("entreprise", 1, 1, false), r("acheteur", 3, 5, true)],
      participants: { entreprise: 6, acheteur: 2 },
      entreprise: [3, 0.5, 3.33, 2.33, 0.6667, [1, 0, 0, 1, 1]],
      acheteur: [1, 0.5, null, null, null, null],
      total: [4, 0.5, null],
    },
    {
      nom: "un seul côté répond, deux fois : masqué (moins de 3 réponses), le total aussi",
      reponses: [r("acheteur", 2, 2, false), r("acheteur", 4, 4, true)],
      participants: { entreprise: 10, acheteur: 3 },
      entreprise: [0, 0, null, null, null, [0, 0, 0, 0, 0]],
      acheteur: [2, 0.6667, null, null, null, null],
      total: [2, 0.1538, null],
    },
    {
      nom: "trois réponses de chaque côté : tout est publié, le total compte les deux côtés",
      reponses: [
        r("entreprise", 5, 5, true),
        r("entreprise", 4, 3, true),
        r("entreprise", 3, 4, false),
        r("acheteur", 2, 3, false),
        r("acheteur", 4, 4, true),
        r("acheteur", 4, 2, true),
      ],
      participants: { entreprise: 4, acheteur: 3 },
      entreprise: [3, 0.75, 4, 4, 0.6667, [0, 0, 1, 1, 1]],
      acheteur: [3, 1, 3.33, 3, 0.6667, [0, 1, 0, 2, 0]],
      total: [6, 0.8571, 3.67],
    },
  ];
  for (const c of cas) {
    it(c.nom, () => {
      const res = agregerSatisfaction(c.reponses, c.participants);
      for (const [k, cote] of (["entreprise", "acheteur"] as const).entries()) {
        const attendu = c[cote];
        const obtenu = res.cotes[k];
        assert.equal(obtenu?.cote, cote);
        assert.equal(obtenu?.masque, attendu[0] > 0 && attendu[0] < 3, "masqué sous 3 réponses");
        assert.deepEqual(
          [
            obtenu?.reponses,
            obtenu?.tauxReponse,
            obtenu?.moyenneSatisfaction,
            obtenu?.moyenneUtilite,
            obtenu?.tauxRetour,
            obtenu?.distributionSatisfaction,
          ],
          attendu,
        );
      }
      assert.deepEqual([res.total.reponses, res.total.tauxReponse, res.total.moyenneSatisfaction], c.total);
      assert.equal(res.total.masque, c.total[0] > 0 && c.total[2] === null);
      assert.equal(res.total.participants, c.participants.entreprise + c.participants.acheteur);
    });
  }
});

describe("questionnaire de satisfaction du salon : réponse et calendrier", () => {
  it("names every invalid field, normalises the comment", () => {
    assert.throws(
      () => validerReponseSatisfaction({ satisfaction: 0, utilite: 6, reviendrait: "oui" as unknown as boolean, commentaire: "\uDC00" }),
      (e: { issues: { path: string[] }[] }) =>
        JSON.stringify(e.issues.map((i) => i.path[0])) === JSON.stringify(["satisfaction", "utilite", "reviendrait", "commentaire"]),
    );
    assert.equal(
      validerReponseSatisfaction({ satisfaction: 3, utilite: 3, reviendrait: true, commentaire: "  Cafe\u0301  " }).commentaire,
      "Café",
    );
    assert.equal(validerReponseSatisfaction({ satisfaction: 3, utilite: 3, reviendrait: true, commentaire: "   " }).commentaire, null);
  });

  const calendrier: [string, "preparation" | "ouvert" | "clos" | "tenu", string, string][] = [
    ["2026-06-11", "ouvert", "2026-06-12", "a-venir"],
    ["2026-06-11", "clos", "2026-06-11", "a-venir"],
    ["2026-06-11", "tenu", "2026-06-11", "ouvert"],
    ["2026-06-11", "tenu", "2026-07-11", "ouvert"],
    ["2026-06-11", "tenu", "2026-07-12", "clos"],
    ["2026-12-20", "tenu", "2027-01-19", "ouvert"],
  ];
  for (const [date, statut, jour, attendu] of calendrier) {
    it(`a fair of ${date} (${statut}) on ${jour}: ${attendu}`, () => {
      assert.equal(etatSatisfaction({ date, statut }, jour), attendu);
    });
  }
  it("closes 30 days after the fair", () => assert.equal(clotureSatisfaction({ date: "2026-12-20" }), "2027-01-19"));
});
