/**
 * Test helpers of the scheduler (used by the domain's and the server's tests): tiny random instances and a
 * brute-force search of the lexicographic optimum to compare against.
 */
import { aleatoire, entier } from "../salon/aleatoire";
import type { ModeleSalon } from "../salon/modele";
import type { ScorePlan } from "../salon/planificateur";
import type { Demande, InstanceSalon, Priorite } from "../salon/types";

/** A random instance: each participant present in each slot with probability `presence`. */
export function petiteInstance(
  graine: number,
  taille: { entreprises: number; acheteurs: number; creneaux: number; demandes: number; presence?: number },
): InstanceSalon {
  const hasard = aleatoire(graine);
  const creneaux = Array.from({ length: taille.creneaux }, (_, i) => `c${i + 1}`);
  const presence = taille.presence ?? 0.7;
  const participants = (prefixe: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `${prefixe}${i + 1}`, disponibilites: creneaux.filter(() => hasard() < presence) }));
  const entreprises = participants("E", taille.entreprises);
  const acheteurs = participants("A", taille.acheteurs);
  const demandes: Demande[] = [];
  const vues = new Set<string>();
  for (let essai = 0; essai < taille.demandes * 4 && demandes.length < taille.demandes; essai++) {
    const e = entreprises[entier(hasard, entreprises.length)]?.id as string;
    const a = acheteurs[entier(hasard, acheteurs.length)]?.id as string;
    if (vues.has(`${e}/${a}`)) continue;
    vues.add(`${e}/${a}`);
    demandes.push({ entreprise: e, acheteur: a, priorite: (1 + entier(hasard, 3)) as Priorite });
  }
  return { creneaux, entreprises, acheteurs, demandes };
}

/**
 * The best score over every feasible plan (exhaustive search): [0, served, meetings, 0, priority-1, priority-2],
 * in `planifier`'s order. Only for tiny instances (each request: unplaced or one of its slots).
 */
export function optimumExhaustif(modele: ModeleSalon): ScorePlan {
  const { S, R } = modele;
  const occE = new Uint8Array(modele.E * S);
  const occA = new Uint8Array(modele.A * S);
  const nbE = new Int32Array(modele.E);
  let meilleur = [0, 0, 0, 0, 0, 0];
  const courant = { servies: 0, places: 0, p1: 0, p2: 0 };
  const visiter = (r: number) => {
    if (r === R) {
      const score = [0, courant.servies, courant.places, 0, courant.p1, courant.p2];
      for (let i = 0; i < 6; i++) {
        if (score[i] === meilleur[i]) continue;
        if ((score[i] as number) > (meilleur[i] as number)) meilleur = score;
        break;
      }
      return;
    }
    visiter(r + 1);
    const e = modele.entrepriseDe[r] as number;
    const a = modele.acheteurDe[r] as number;
    const p = modele.prioriteDe[r];
    for (const s of modele.creneauxPossibles[r] as Int32Array) {
      if (occE[e * S + s] || occA[a * S + s]) continue;
      occE[e * S + s] = 1;
      occA[a * S + s] = 1;
      if (nbE[e] === 0) courant.servies++;
      nbE[e] = (nbE[e] as number) + 1;
      courant.places++;
      if (p === 1) courant.p1++;
      if (p === 2) courant.p2++;
      visiter(r + 1);
      occE[e * S + s] = 0;
      occA[a * S + s] = 0;
      nbE[e] = (nbE[e] as number) - 1;
      if (nbE[e] === 0) courant.servies--;
      courant.places--;
      if (p === 1) courant.p1--;
      if (p === 2) courant.p2--;
    }
  };
  visiter(0);
  return meilleur as unknown as ScorePlan;
}
