/**
 * The baseline: a priority-first greedy, as a booking desk would do by hand. Requests are taken by priority
 * (1 first), then in the order received, each placed in the earliest slot where both sides are free. It is
 * fast and never wrong, but it fills the popular buyers' tables with companies that had other options and
 * leaves companies with no meeting at all: `planifier` is measured against it (bench/salon.ts).
 */
import type { ModeleSalon } from "./modele";

/** Slot of each request (-1: not placed). */
export function planGlouton(modele: ModeleSalon): Int32Array {
  const { S, R } = modele;
  const occE = new Uint8Array(modele.E * S);
  const occA = new Uint8Array(modele.A * S);
  const creneauDe = new Int32Array(R).fill(-1);
  const ordre = Array.from({ length: R }, (_, r) => r).sort(
    (r1, r2) => (modele.prioriteDe[r1] as number) - (modele.prioriteDe[r2] as number) || r1 - r2,
  );
  for (const r of ordre) {
    const e = modele.entrepriseDe[r] as number;
    const a = modele.acheteurDe[r] as number;
    for (const s of modele.creneauxPossibles[r] as Int32Array) {
      if (occE[e * S + s] || occA[a * S + s]) continue;
      occE[e * S + s] = 1;
      occA[a * S + s] = 1;
      creneauDe[r] = s;
      break;
    }
  }
  return creneauDe;
}
