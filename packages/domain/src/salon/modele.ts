/**
 * The indexed model of an instance: participants, slots and requests become integers, and each request gets
 * the slots where both sides are present (`creneauxPossibles`). A meeting is a request placed in one of them.
 * Constraints of a plan: a company has at most one meeting per slot, a buyer at most one (one table), and a
 * request is placed at most once (a company meets a given buyer once).
 */
import type { InstanceSalon, Priorite, RendezVous } from "./types";

export interface ModeleSalon {
  instance: InstanceSalon;
  /** Number of slots (S), companies (E), buyers (A) and requests (R). */
  S: number;
  E: number;
  A: number;
  R: number;
  entrepriseDe: Int32Array;
  acheteurDe: Int32Array;
  prioriteDe: Uint8Array;
  /** Per request, the slot indices (ascending) where both its company and its buyer are present. */
  creneauxPossibles: Int32Array[];
  /** `possible[r * S + s]` = 1 when request r may be placed in slot s. */
  possible: Uint8Array;
  demandesEntreprise: Int32Array[];
  demandesAcheteur: Int32Array[];
  indexCreneau: Map<string, number>;
  indexEntreprise: Map<string, number>;
  indexAcheteur: Map<string, number>;
  /** `indexDemande.get(entreprise + "\u0000" + acheteur)`. */
  indexDemande: Map<string, number>;
}

export const cleDemande = (entreprise: string, acheteur: string): string => `${entreprise}\u0000${acheteur}`;

/** Builds the indexed model of a validated instance (see `validerInstance`). */
export function construireModele(instance: InstanceSalon): ModeleSalon {
  const S = instance.creneaux.length;
  const E = instance.entreprises.length;
  const A = instance.acheteurs.length;
  const R = instance.demandes.length;
  const indexCreneau = new Map(instance.creneaux.map((c, i) => [c, i]));
  const indexEntreprise = new Map(instance.entreprises.map((p, i) => [p.id, i]));
  const indexAcheteur = new Map(instance.acheteurs.map((p, i) => [p.id, i]));
  const dispo = (liste: { disponibilites: string[] }[]) => {
    const d = new Uint8Array(liste.length * S);
    liste.forEach((p, i) => {
      for (const c of p.disponibilites) {
        const s = indexCreneau.get(c);
        if (s !== undefined) d[i * S + s] = 1;
      }
    });
    return d;
  };
  const dispoE = dispo(instance.entreprises);
  const dispoA = dispo(instance.acheteurs);

  const entrepriseDe = new Int32Array(R);
  const acheteurDe = new Int32Array(R);
  const prioriteDe = new Uint8Array(R);
  const possible = new Uint8Array(R * S);
  const creneauxPossibles: Int32Array[] = [];
  const parEntreprise: number[][] = Array.from({ length: E }, () => []);
  const parAcheteur: number[][] = Array.from({ length: A }, () => []);
  const indexDemande = new Map<string, number>();
  instance.demandes.forEach((d, r) => {
    const e = indexEntreprise.get(d.entreprise);
    const a = indexAcheteur.get(d.acheteur);
    if (e === undefined || a === undefined) throw new Error(`demande ${r} : participant inconnu (instance non validée)`);
    entrepriseDe[r] = e;
    acheteurDe[r] = a;
    prioriteDe[r] = d.priorite;
    const slots: number[] = [];
    for (let s = 0; s < S; s++) {
      if (dispoE[e * S + s] && dispoA[a * S + s]) {
        slots.push(s);
        possible[r * S + s] = 1;
      }
    }
    creneauxPossibles.push(Int32Array.from(slots));
    parEntreprise[e]?.push(r);
    parAcheteur[a]?.push(r);
    indexDemande.set(cleDemande(d.entreprise, d.acheteur), r);
  });
  return {
    instance,
    S,
    E,
    A,
    R,
    entrepriseDe,
    acheteurDe,
    prioriteDe,
    creneauxPossibles,
    possible,
    demandesEntreprise: parEntreprise.map((l) => Int32Array.from(l)),
    demandesAcheteur: parAcheteur.map((l) => Int32Array.from(l)),
    indexCreneau,
    indexEntreprise,
    indexAcheteur,
    indexDemande,
  };
}

/** The meetings of an assignment (`creneauDe[r]` = slot index or -1), in request order. */
export function rendezVousDe(modele: ModeleSalon, creneauDe: Int32Array): RendezVous[] {
  const { instance } = modele;
  const rdv: RendezVous[] = [];
  for (let r = 0; r < modele.R; r++) {
    const s = creneauDe[r] as number;
    if (s < 0) continue;
    const d = instance.demandes[r] as { entreprise: string; acheteur: string };
    rdv.push({ entreprise: d.entreprise, acheteur: d.acheteur, creneau: instance.creneaux[s] as string });
  }
  return rdv;
}

/** Problems of a plan against the constraints (empty when feasible): used by tests and the re-planner's input checks. */
export function violations(modele: ModeleSalon, creneauDe: Int32Array): string[] {
  const { S } = modele;
  const problemes: string[] = [];
  const occE = new Int32Array(modele.E * S).fill(-1);
  const occA = new Int32Array(modele.A * S).fill(-1);
  for (let r = 0; r < modele.R; r++) {
    const s = creneauDe[r] as number;
    if (s < 0) continue;
    const e = modele.entrepriseDe[r] as number;
    const a = modele.acheteurDe[r] as number;
    if (!modele.possible[r * S + s]) problemes.push(`demande ${r} placée hors des disponibilités (créneau ${s})`);
    if ((occE[e * S + s] as number) >= 0) problemes.push(`entreprise ${e} deux fois au créneau ${s}`);
    if ((occA[a * S + s] as number) >= 0) problemes.push(`acheteur ${a} deux fois au créneau ${s}`);
    occE[e * S + s] = r;
    occA[a * S + s] = r;
  }
  return problemes;
}

/** Counts of an assignment: meetings placed, companies served, meetings by priority. */
export function bilanDe(modele: ModeleSalon, creneauDe: Int32Array) {
  const servies = new Uint8Array(modele.E);
  const parPriorite: Record<Priorite, number> = { 1: 0, 2: 0, 3: 0 };
  let places = 0;
  for (let r = 0; r < modele.R; r++) {
    if ((creneauDe[r] as number) < 0) continue;
    places++;
    servies[modele.entrepriseDe[r] as number] = 1;
    parPriorite[modele.prioriteDe[r] as Priorite]++;
  }
  return { demandes: modele.R, places, entreprisesServies: servies.reduce((n, v) => n + v, 0), parPriorite };
}
