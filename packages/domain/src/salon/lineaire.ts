/**
 * The linear-programming relaxations that bound any plan, built from the model (pure), solved behind the
 * `SolveurLineaire` port. One set of constraints, three objectives:
 *
 *   x[r,s] ∈ [0,1] for request r and slot s where both sides are present; y[e] ∈ [0,1] for company e;
 *   Σ_r x[r,s] ≤ 1 per (company, slot) and per (buyer, slot); Σ_s x[r,s] ≤ 1 per request;
 *   y[e] ≤ Σ_{r of e, s} x[r,s] (a company is served only by its meetings).
 *
 *   (1) companies served: maximise Σ y. Its optimum bounds the companies served by any plan. It is tight:
 *       scaling a company's x down to y[e] leaves a fractional bipartite matching between companies and
 *       (buyer, slot) tables, whose polytope is integral, so it equals the maximum matching that `planifier`
 *       computes in phase 1 (the tests check it).
 *   (2) meetings placed: maximise Σ x (y plays no part). Its optimum bounds the meetings of any plan.
 *   (3) weighted, the guide: maximise 8·Σ y + Σ w(r)·x with w = 1 + 1/64 for priority 1, 1 + ε for
 *       priority 2 (ε = 1/(64·2^k) with 2^k > R), 1 for priority 3. Its optimum, rounded (x > ½), is the
 *       scheduler's starting plan; a plan that reaches the bounds (1) and (2) and the value (3) is proved
 *       optimal in the lexicographic order (served, meetings, priority-1 meetings, priority-2 meetings): a
 *       better plan would gain at least 1/64 − R·ε > 0 or ε on (3).
 */
import type { ModeleSalon } from "./modele";
import type { ProblemeLineaire, SolveurLineaire } from "./ports";

/** Index of x[r, creneauxPossibles[r][0]]; x[r, ·] are consecutive, then y[e] from `premiereVariable[R]`. */
export function premieresVariables(modele: ModeleSalon): Int32Array {
  const premiere = new Int32Array(modele.R + 1);
  for (let r = 0; r < modele.R; r++) premiere[r + 1] = (premiere[r] as number) + (modele.creneauxPossibles[r] as Int32Array).length;
  return premiere;
}

/** The constraints shared by the three relaxations. */
export function relaxation(modele: ModeleSalon): ProblemeLineaire {
  const { S, E, A, R, creneauxPossibles, entrepriseDe, acheteurDe } = modele;
  const premiereVariable = premieresVariables(modele);
  const nx = premiereVariable[R] as number;
  const nbVariables = nx + E;

  // Entries of each row, per row family, emitted as CSR. Rows with a single x are implied by x ≤ 1: dropped.
  const parEntrepriseCreneau: number[][] = Array.from({ length: E * S }, () => []);
  const parAcheteurCreneau: number[][] = Array.from({ length: A * S }, () => []);
  for (let r = 0; r < R; r++) {
    const e = entrepriseDe[r] as number;
    const a = acheteurDe[r] as number;
    const slots = creneauxPossibles[r] as Int32Array;
    for (let k = 0; k < slots.length; k++) {
      const s = slots[k] as number;
      const j = (premiereVariable[r] as number) + k;
      parEntrepriseCreneau[e * S + s]?.push(j);
      parAcheteurCreneau[a * S + s]?.push(j);
    }
  }
  const debuts: number[] = [0];
  const colonnes: number[] = [];
  const coefficients: number[] = [];
  const max: number[] = [];
  const ligne = (cols: readonly number[], coefficient: (k: number) => number, borne: number) => {
    for (let k = 0; k < cols.length; k++) {
      colonnes.push(cols[k] as number);
      coefficients.push(coefficient(k));
    }
    debuts.push(colonnes.length);
    max.push(borne);
  };
  const un = () => 1;
  for (const cols of parEntrepriseCreneau) if (cols.length > 1) ligne(cols, un, 1);
  for (const cols of parAcheteurCreneau) if (cols.length > 1) ligne(cols, un, 1);
  for (let r = 0; r < R; r++) {
    const debut = premiereVariable[r] as number;
    const fin = premiereVariable[r + 1] as number;
    if (fin - debut > 1)
      ligne(
        Array.from({ length: fin - debut }, (_, k) => debut + k),
        un,
        1,
      );
  }
  const borneSup = new Float64Array(nbVariables).fill(1);
  // y[e] − Σ x[r,s] ≤ 0; a company without any possible meeting has y[e] ≤ 0
  for (let e = 0; e < E; e++) {
    const cols = [nx + e];
    for (const r of modele.demandesEntreprise[e] as Int32Array) {
      for (let j = premiereVariable[r] as number; j < (premiereVariable[r + 1] as number); j++) cols.push(j);
    }
    if (cols.length === 1) borneSup[nx + e] = 0;
    else ligne(cols, (k) => (k === 0 ? 1 : -1), 0);
  }
  return {
    nbVariables,
    borneSup,
    lignes: {
      debuts: Int32Array.from(debuts),
      colonnes: Int32Array.from(colonnes),
      coefficients: Float64Array.from(coefficients),
      max: Float64Array.from(max),
    },
  };
}

/** Weight of a meeting of each priority in relaxation (3), and of a company served. */
export function poidsPonderation(R: number): { servie: number; priorite: Record<1 | 2 | 3, number>; epsilon: number } {
  const epsilon = 1 / (64 * 2 ** Math.ceil(Math.log2(R + 2)));
  return { servie: 8, priorite: { 1: 1 + 1 / 64, 2: 1 + epsilon, 3: 1 }, epsilon };
}

/** Weighted value (3) of a plan with these counts. */
export function valeurPonderee(R: number, servies: number, parPriorite: Record<1 | 2 | 3, number>): number {
  const p = poidsPonderation(R);
  return p.servie * servies + p.priorite[1] * parPriorite[1] + p.priorite[2] * parPriorite[2] + p.priorite[3] * parPriorite[3];
}

export interface BornesLineaires {
  /** Optimum of (1): LP bound of companies served. */
  entreprisesServies: number;
  /** Optimum of (2): LP bound of meetings placed. */
  rendezVous: number;
  /** Optimum of (3). */
  ponderee: number;
  /** The optimum of (3) rounded: slot of each request with x > ½ (-1: none). Conflict-free. */
  suggestion: Int32Array;
}

/** Rounds away solver noise (1e-6) so that equal bounds print equal. */
const arrondir = (v: number) => Math.round(v * 1e6) / 1e6;

/** Solves the three relaxations (the guide first, whose optimum is a good start for the two others). */
export async function bornesLineaires(modele: ModeleSalon, solveur: SolveurLineaire): Promise<BornesLineaires> {
  const { R, E } = modele;
  const premiere = premieresVariables(modele);
  const nx = premiere[R] as number;
  // no meeting possible at all: every bound is 0, nothing to solve
  if (nx === 0) return { entreprisesServies: 0, rendezVous: 0, ponderee: 0, suggestion: new Int32Array(R).fill(-1) };
  const poids = poidsPonderation(R);
  const ponderee = new Float64Array(nx + E);
  const servies = new Float64Array(nx + E);
  const rendezVous = new Float64Array(nx + E);
  for (let r = 0; r < R; r++) {
    const w = poids.priorite[modele.prioriteDe[r] as 1 | 2 | 3];
    for (let j = premiere[r] as number; j < (premiere[r + 1] as number); j++) {
      ponderee[j] = w;
      rendezVous[j] = 1;
    }
  }
  ponderee.fill(poids.servie, nx);
  servies.fill(1, nx);
  const [guide, bServies, bRendezVous] = (await solveur.maximiser(relaxation(modele), [ponderee, servies, rendezVous])) as [
    { valeur: number; x: Float64Array },
    { valeur: number },
    { valeur: number },
  ];
  const suggestion = new Int32Array(R).fill(-1);
  for (let r = 0; r < R; r++) {
    const slots = modele.creneauxPossibles[r] as Int32Array;
    for (let k = 0; k < slots.length; k++) if ((guide.x[(premiere[r] as number) + k] as number) > 0.5) suggestion[r] = slots[k] as number;
  }
  return {
    entreprisesServies: arrondir(bServies.valeur),
    rendezVous: arrondir(bRendezVous.valeur),
    ponderee: guide.valeur,
    suggestion,
  };
}
