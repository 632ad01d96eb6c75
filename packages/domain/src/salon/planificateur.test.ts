/**
 * The scheduler's guarantees, checked on seeded random instances (a failing seed fails again): a plan never
 * breaks a constraint, phase 1 serves the maximum number of companies, and on tiny instances the plan is the
 * lexicographic optimum found by exhaustive search.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { genererInstance } from "./generateur";
import { planGlouton } from "./glouton";
import { affectationMinimale } from "./hongrois";
import { bilanDe, construireModele, violations } from "./modele";
import { comparerScores, planifier } from "./planificateur";
import { optimumExhaustif, petiteInstance } from "../testing/salon";
import type { InstanceSalon } from "./types";
import { validerInstance } from "./validation";

const modeleDe = (instance: InstanceSalon) => construireModele(validerInstance(instance).instance);

describe("salon scheduler", () => {
  it("never double-books a company or a buyer, stays inside both availabilities, places a request at most once (60 seeds)", () => {
    for (let graine = 1; graine <= 60; graine++) {
      const modele = modeleDe(
        petiteInstance(graine, { entreprises: 6 + (graine % 15), acheteurs: 3 + (graine % 5), creneaux: 3 + (graine % 6), demandes: 60 }),
      );
      const { creneauDe, score } = planifier(modele, { graine, iterations: 100 });
      assert.deepEqual(violations(modele, creneauDe), [], `graine ${graine}`);
      assert.equal(creneauDe.length, modele.R); // one slot (or none) per request: each request at most once
      const bilan = bilanDe(modele, creneauDe);
      assert.equal(score[1], bilan.entreprisesServies);
      assert.equal(score[2], bilan.places);
    }
  });

  it("finds the lexicographic optimum (served, meetings, priority 1, priority 2) of tiny instances, as exhaustive search does", () => {
    for (let graine = 1; graine <= 40; graine++) {
      const modele = modeleDe(petiteInstance(1000 + graine, { entreprises: 4, acheteurs: 3, creneaux: 3, demandes: 8, presence: 0.8 }));
      const { score } = planifier(modele, { graine, iterations: 200 });
      assert.deepEqual(score, optimumExhaustif(modele), `graine ${1000 + graine}`);
    }
  });

  it("serves every company that can be served where a priority-first greedy leaves one without a meeting", () => {
    // A is popular (2 slots); B only at 09h00. The greedy gives A to E1 and E2, then E3 finds A full and E1 busy at 09h00.
    const instance: InstanceSalon = {
      creneaux: ["09h00", "09h20"],
      entreprises: ["E1", "E2", "E3"].map((id) => ({ id, disponibilites: ["09h00", "09h20"] })),
      acheteurs: [
        { id: "A", disponibilites: ["09h00", "09h20"] },
        { id: "B", disponibilites: ["09h00"] },
      ],
      demandes: [
        { entreprise: "E1", acheteur: "A", priorite: 1 },
        { entreprise: "E2", acheteur: "A", priorite: 1 },
        { entreprise: "E3", acheteur: "A", priorite: 1 },
        { entreprise: "E1", acheteur: "B", priorite: 2 },
      ],
    };
    const modele = modeleDe(instance);
    const glouton = bilanDe(modele, planGlouton(modele));
    assert.equal(glouton.entreprisesServies, 2);
    const { creneauDe, optimumEntreprisesServies } = planifier(modele);
    assert.equal(optimumEntreprisesServies, 3);
    assert.deepEqual(bilanDe(modele, creneauDe), { demandes: 4, places: 3, entreprisesServies: 3, parPriorite: { 1: 2, 2: 1, 3: 0 } });
  });

  it("serves the maximum in phase 1 even when a served company must switch slots with the same buyer", () => {
    // E1 takes (A, c1) first; E2, present at c1 only, can meet A or B there; B's two tables go to E3 and E4.
    // Four companies are served only if E1 moves to (A, c2).
    const tout = ["c1", "c2"];
    const instance: InstanceSalon = {
      creneaux: tout,
      entreprises: [
        { id: "E1", disponibilites: tout },
        { id: "E2", disponibilites: ["c1"] },
        { id: "E3", disponibilites: tout },
        { id: "E4", disponibilites: tout },
      ],
      acheteurs: [
        { id: "A", disponibilites: tout },
        { id: "B", disponibilites: tout },
      ],
      demandes: [
        { entreprise: "E1", acheteur: "A", priorite: 1 },
        { entreprise: "E2", acheteur: "B", priorite: 1 },
        { entreprise: "E2", acheteur: "A", priorite: 3 },
        { entreprise: "E3", acheteur: "B", priorite: 1 },
        { entreprise: "E4", acheteur: "B", priorite: 1 },
      ],
    };
    const modele = modeleDe(instance);
    const { optimumEntreprisesServies, creneauDe } = planifier(modele, { iterations: 0 });
    assert.equal(optimumEntreprisesServies, 4);
    assert.equal(bilanDe(modele, creneauDe).entreprisesServies, 4);
  });

  it("serves far more companies than the greedy on a generated fair, and is deterministic", () => {
    const modele = modeleDe(genererInstance({ entreprises: 100, graine: 7 }));
    const glouton = bilanDe(modele, planGlouton(modele));
    const premier = planifier(modele, { graine: 3, iterations: 300 });
    const bilan = bilanDe(modele, premier.creneauDe);
    assert.deepEqual(violations(modele, premier.creneauDe), []);
    assert.equal(bilan.entreprisesServies, premier.optimumEntreprisesServies);
    assert.ok(bilan.entreprisesServies > glouton.entreprisesServies, `${bilan.entreprisesServies} vs ${glouton.entreprisesServies}`);
    assert.ok(bilan.places >= glouton.places);
    assert.deepEqual(planifier(modele, { graine: 3, iterations: 300 }).creneauDe, premier.creneauDe);
  });

  it("keeps pinned meetings where they are", () => {
    const modele = modeleDe(genererInstance({ entreprises: 40, graine: 11 }));
    const libre = planifier(modele, { iterations: 50 });
    const fixes = new Int32Array(modele.R).fill(-1);
    // pin every third meeting of the free plan one slot later when possible (a plan the search would not choose)
    for (let r = 0; r < modele.R; r += 3) {
      const s = libre.creneauDe[r] as number;
      if (s >= 0) fixes[r] = s;
    }
    const { creneauDe } = planifier(modele, { fixes, iterations: 50 });
    for (let r = 0; r < modele.R; r++) if ((fixes[r] as number) >= 0) assert.equal(creneauDe[r], fixes[r]);
    assert.deepEqual(violations(modele, creneauDe), []);
  });

  it("orders scores lexicographically", () => {
    assert.ok(comparerScores([0, 3, 1, 0, 0, 0], [0, 2, 9, 0, 9, 9]) > 0);
    assert.ok(comparerScores([0, 3, 5, 0, 1, 0], [0, 3, 5, 0, 0, 7]) > 0);
    assert.equal(comparerScores([1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6]), 0);
  });
});

describe("Hungarian algorithm", () => {
  it("finds a minimum-cost assignment, as enumeration does (30 random matrices)", () => {
    let graine = 17;
    const hasard = () => {
      graine = (graine * 1103515245 + 12345) % 2147483648;
      return graine / 2147483648;
    };
    const permutations = (n: number, m: number, prefixe: number[] = []): number[][] =>
      prefixe.length === n
        ? [prefixe]
        : Array.from({ length: m }, (_, j) => j)
            .filter((j) => !prefixe.includes(j))
            .flatMap((j) => permutations(n, m, [...prefixe, j]));
    for (let essai = 0; essai < 30; essai++) {
      const n = 1 + (essai % 4);
      const m = n + (essai % 3);
      const cout = Float64Array.from({ length: n * m }, () => Math.round(hasard() * 20) - 10);
      const choix = affectationMinimale(n, m, cout);
      assert.equal(new Set(choix).size, n);
      const total = (p: ArrayLike<number>) =>
        Array.from({ length: n }, (_, i) => cout[i * m + (p[i] as number)] as number).reduce((x, y) => x + y, 0);
      const meilleur = Math.min(...permutations(n, m).map(total));
      assert.equal(total(choix), meilleur);
    }
  });
});
