/**
 * The port to a linear-programming solver (HiGHS behind it in the server: apps/server/src/salon). The domain
 * builds the relaxations (`lineaire.ts`) and asks for their optima: the bounds of a plan's quality, and a
 * weighted optimum that guides the scheduler.
 */

/** Constraints `0 ≤ x ≤ borneSup` and, row by row, `Σ coefficients·x ≤ max`. */
export interface ProblemeLineaire {
  nbVariables: number;
  borneSup: Float64Array;
  /** Rows in compressed sparse row form: row i spans `debuts[i]..debuts[i + 1]` of `colonnes`/`coefficients`. */
  lignes: { debuts: Int32Array; colonnes: Int32Array; coefficients: Float64Array; max: Float64Array };
}

export interface SolutionLineaire {
  /** Optimal objective value. */
  valeur: number;
  /** An optimal point. */
  x: Float64Array;
}

export interface SolveurLineaire {
  /** Name and version, for the report (e.g. « HiGHS 1.15 (WebAssembly) »). */
  readonly nom: string;
  /**
   * The maximum of each objective over the same constraints, in order (a solver may start each solve from the
   * previous optimal basis). The problems here are always feasible and bounded (x = 0 is feasible, x ≤ 1).
   */
  maximiser(probleme: ProblemeLineaire, objectifs: readonly Float64Array[]): Promise<SolutionLineaire[]>;
}
