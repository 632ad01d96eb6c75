/**
 * The LP bounds through HiGHS, and the whole pipeline (bounds → guided plan) against exhaustive search and on
 * one realistic fair (300 companies, 40 buyers, 16 slots, about 1,600 requests).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  bilanDe,
  bornesLineaires,
  construireModele,
  genererInstance,
  planGlouton,
  planifier,
  planifierSalon,
  relaxation,
  validerInstance,
} from "@achat-public/domain/salon";
import { optimumExhaustif, petiteInstance } from "@achat-public/domain/testing";
import { solveurHighs } from "./solveur-highs";

describe("HiGHS behind SolveurLineaire", () => {
  it("solves a small LP exactly, several objectives on the same constraints", async () => {
    // x0 + x1 ≤ 1, x1 + x2 ≤ 1, 0 ≤ x ≤ 1: max x0 + x1 + x2 = 2; max x1 = 1; max x0 + 2·x1 + x2 = 2
    const probleme = {
      nbVariables: 3,
      borneSup: Float64Array.of(1, 1, 1),
      lignes: {
        debuts: Int32Array.of(0, 2, 4),
        colonnes: Int32Array.of(0, 1, 1, 2),
        coefficients: Float64Array.of(1, 1, 1, 1),
        max: Float64Array.of(1, 1),
      },
    };
    const solutions = await solveurHighs.maximiser(probleme, [
      Float64Array.of(1, 1, 1),
      Float64Array.of(0, 1, 0),
      Float64Array.of(1, 2, 1),
    ]);
    assert.deepEqual(
      solutions.map((s) => s.valeur),
      [2, 1, 2],
    );
  });

  it("answers bounds of 0 when no meeting is possible, without calling the solver on an empty model", async () => {
    const vide = await solveurHighs.maximiser(
      {
        nbVariables: 0,
        borneSup: new Float64Array(0),
        lignes: { debuts: Int32Array.of(0), colonnes: new Int32Array(0), coefficients: new Float64Array(0), max: new Float64Array(0) },
      },
      [new Float64Array(0)],
    );
    assert.deepEqual(
      vide.map((s) => s.valeur),
      [0],
    );
    for (const instance of [
      { creneaux: ["c1"], entreprises: [], acheteurs: [], demandes: [] },
      {
        creneaux: ["c1", "c2"],
        entreprises: [{ id: "E", disponibilites: ["c1"] }],
        acheteurs: [{ id: "A", disponibilites: ["c2"] }],
        demandes: [{ entreprise: "E", acheteur: "A", priorite: 2 }],
      },
    ]) {
      const plan = await planifierSalon(instance, solveurHighs);
      assert.deepEqual(
        [plan.places, plan.borneSuperieure, plan.entreprisesServies, plan.borneEntreprisesServies, plan.ratioRendezVous],
        [0, 0, 0, 0, 1],
      );
    }
  });

  it("gives the bound of companies served equal to the maximum matching of phase 1, and bounds above every plan (40 seeds)", async () => {
    for (let graine = 1; graine <= 40; graine++) {
      const modele = construireModele(
        validerInstance(
          petiteInstance(graine, { entreprises: 8 + (graine % 9), acheteurs: 3 + (graine % 4), creneaux: 2 + (graine % 4), demandes: 40 }),
        ).instance,
      );
      const bornes = await bornesLineaires(modele, solveurHighs);
      const { creneauDe, optimumEntreprisesServies } = planifier(modele, { iterations: 50 });
      assert.equal(bornes.entreprisesServies, optimumEntreprisesServies, `graine ${graine}`);
      assert.ok(bilanDe(modele, creneauDe).places <= bornes.rendezVous + 1e-9);
    }
  });

  it("plans the lexicographic optimum of tiny instances, found by exhaustive search, and says when it is proved (60 seeds)", async () => {
    let prouves = 0;
    for (let graine = 1; graine <= 60; graine++) {
      const instance = petiteInstance(500 + graine, {
        entreprises: 4 + (graine % 3),
        acheteurs: 3,
        creneaux: 3,
        demandes: 9,
        presence: 0.8,
      });
      const modele = construireModele(validerInstance(instance).instance);
      const plan = await planifierSalon(instance, solveurHighs, { iterations: 200 });
      const optimum = optimumExhaustif(modele);
      assert.deepEqual(
        [plan.entreprisesServies, plan.places, plan.priorites.places[1], plan.priorites.places[2]],
        [optimum[1], optimum[2], optimum[4], optimum[5]],
        `graine ${500 + graine}`,
      );
      assert.ok(plan.places <= plan.borneSuperieure + 1e-9 && plan.entreprisesServies <= plan.borneEntreprisesServies + 1e-9);
      if (plan.optimumProuve) prouves++;
    }
    assert.ok(prouves > 0);
  });

  it("reaches at least 99 % of both bounds on a realistic fair, far above the greedy, in a few seconds", async () => {
    const instance = genererInstance({ entreprises: 300, graine: 1 });
    const debut = performance.now();
    const plan = await planifierSalon(instance, solveurHighs);
    const secondes = (performance.now() - debut) / 1000;
    assert.equal(relaxation(construireModele(instance)).nbVariables > 10_000, true);
    assert.ok(plan.ratioEntreprisesServies >= 0.99, `${plan.entreprisesServies} / ${plan.borneEntreprisesServies}`);
    assert.ok(plan.ratioRendezVous >= 0.99, `${plan.places} / ${plan.borneSuperieure}`);
    assert.ok(secondes < 10, `${secondes} s`);
    const modele = construireModele(instance);
    const glouton = bilanDe(modele, planGlouton(modele));
    assert.ok(plan.entreprisesServies - glouton.entreprisesServies >= 30, `${plan.entreprisesServies} vs ${glouton.entreprisesServies}`);
  });
});
