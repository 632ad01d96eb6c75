import type { AppContext, UnitOfWork } from "../context";

/**
 * One context's part of the demo département, loaded in order into an empty database in one transaction,
 * through the audited use cases. `state` passes identifiers between steps (e.g. the organisation, the
 * directions by acronym). Deterministic: the same data at every load.
 */
export interface DemoStep {
  name: string;
  load(input: { ctx: AppContext; uow: UnitOfWork; state: Map<string, unknown> }): Promise<Record<string, number>>;
}

/** mulberry32: a tiny seeded PRNG, so the demo data never changes between runs. */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Typed access to the state shared by the demo steps. */
export function demoState<T>(state: Map<string, unknown>, key: string): T {
  if (!state.has(key)) throw new Error(`Données de démonstration : « ${key} » n'a pas été chargé par une étape précédente.`);
  return state.get(key) as T;
}
