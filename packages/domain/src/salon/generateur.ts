/**
 * A seeded generator of realistic fair instances (tests and benchmarks): 16 slots of 20 minutes (9 in the
 * morning, 7 in the early afternoon), companies asking about 5.3 meetings each, skewed toward a few popular
 * buyers (power law), partial availabilities (late arrivals, early departures, half days, gaps), priorities
 * 1 to 3 (a company's first choices first).
 */
import { aleatoire, entier } from "./aleatoire";
import type { Demande, InstanceSalon, Participant, Priorite } from "./types";

export interface ParametresGeneration {
  entreprises: number;
  /** Default: 40 for 300 companies, in proportion (at least 4). */
  acheteurs?: number;
  /** Mean number of requests per company (default 5.3). */
  demandesParEntreprise?: number;
  /** Exponent of the buyers' popularity (weight of the k-th buyer ∝ 1 / k^exposant; default 1). */
  exposantPopularite?: number;
  graine?: number;
}

/** 09h00 … 11h40, then 13h40 … 15h40. */
export const CRENEAUX_JOURNEE: readonly string[] = [
  ...Array.from({ length: 9 }, (_, i) => heure(9 * 60 + 20 * i)),
  ...Array.from({ length: 7 }, (_, i) => heure(13 * 60 + 40 + 20 * i)),
];
const MATIN = 9;

function heure(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}h${String(minutes % 60).padStart(2, "0")}`;
}

export function genererInstance(parametres: ParametresGeneration): InstanceSalon {
  const hasard = aleatoire(parametres.graine ?? 1);
  const nE = parametres.entreprises;
  const nA = parametres.acheteurs ?? Math.max(4, Math.round((nE * 40) / 300));
  const moyenne = parametres.demandesParEntreprise ?? 5.3;
  const exposant = parametres.exposantPopularite ?? 1;
  const creneaux = [...CRENEAUX_JOURNEE];
  const S = creneaux.length;
  const plage = (debut: number, fin: number) => creneaux.slice(debut, fin);
  const sansTrous = (liste: string[], trous: number) => {
    const retires = new Set<number>();
    for (let k = 0; k < trous; k++) retires.add(entier(hasard, liste.length));
    return liste.filter((_, i) => !retires.has(i));
  };

  const entreprises: Participant[] = [];
  for (let i = 0; i < nE; i++) {
    const u = hasard();
    let disponibilites: string[];
    if (u < 0.55) disponibilites = plage(0, S);
    else if (u < 0.7)
      disponibilites = plage(1 + entier(hasard, 4), S); // arrives late
    else if (u < 0.82)
      disponibilites = plage(0, S - 1 - entier(hasard, 5)); // leaves early
    else if (u < 0.9)
      disponibilites = hasard() < 0.6 ? plage(0, MATIN) : plage(MATIN, S); // half a day
    else disponibilites = sansTrous(plage(0, S), 1 + entier(hasard, 3)); // a few gaps
    entreprises.push({ id: `E${String(i + 1).padStart(4, "0")}`, disponibilites });
  }

  const acheteurs: Participant[] = [];
  for (let i = 0; i < nA; i++) {
    const u = hasard();
    let disponibilites: string[];
    if (u < 0.5) disponibilites = plage(0, S);
    else if (u < 0.75)
      disponibilites = hasard() < 0.5 ? plage(0, MATIN) : plage(MATIN, S); // half a day
    else disponibilites = sansTrous(plage(0, S), 1 + entier(hasard, 3)); // other meetings
    acheteurs.push({ id: `A${String(i + 1).padStart(3, "0")}`, disponibilites });
  }

  // Popularity: a random order of the buyers, weight 1/k^exposant for the k-th.
  const ordre = Array.from({ length: nA }, (_, i) => i);
  for (let i = nA - 1; i > 0; i--) {
    const j = entier(hasard, i + 1);
    [ordre[i], ordre[j]] = [ordre[j] as number, ordre[i] as number];
  }
  const poids = new Float64Array(nA);
  ordre.forEach((a, k) => {
    poids[a] = 1 / (k + 1) ** exposant;
  });

  const demandes: Demande[] = [];
  for (const entreprise of entreprises) {
    // 1 + Poisson(moyenne − 1), at most 12 and at most the number of buyers
    const lambda = Math.exp(-(moyenne - 1));
    let k = 0;
    for (let p = hasard(); p > lambda; p *= hasard()) k++;
    const nombre = Math.min(1 + k, 12, nA);
    const restant = Float64Array.from(poids);
    let total = restant.reduce((t, w) => t + w, 0);
    const choisis: number[] = [];
    for (let c = 0; c < nombre; c++) {
      let tirage = hasard() * total;
      let a = 0;
      while (a < nA - 1 && (tirage >= (restant[a] as number) || restant[a] === 0)) tirage -= restant[a++] as number;
      if (restant[a] === 0) a = restant.findLastIndex((w) => w > 0); // rounding at the end of the list
      choisis.push(a);
      total -= restant[a] as number;
      restant[a] = 0;
    }
    choisis.forEach((a, rang) => {
      const priorite: Priorite = rang < Math.ceil(nombre / 3) ? 1 : rang < Math.ceil((2 * nombre) / 3) ? 2 : 3;
      demandes.push({ entreprise: entreprise.id, acheteur: (acheteurs[a] as Participant).id, priorite });
    });
  }
  return { creneaux, entreprises, acheteurs, demandes };
}
