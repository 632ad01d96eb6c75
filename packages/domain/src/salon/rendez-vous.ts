import { DomainError, invalidInput, type Issue } from "../commun/errors";
import { verifierTexte } from "../commun/texte";
import type { Priorite } from "./types";

/**
 * The meetings of a fair (issue 13): the buyers who attend with their availability within the day, the meeting
 * requests (always about lines of the published programme: the reason to meet is a purchase), and the meetings
 * the scheduler placed, each at a table for a slot.
 */

/** A buyer (an agent of the organisation) attending the fair, at its own table, when available. */
export interface AcheteurSalon {
  salonId: string;
  utilisateurId: string;
  /** Slot ids (« 09h00 »…) where the buyer can meet companies. */
  disponibilites: string[];
  /** Its table for the day (1…tables), fixed when it is added. */
  numeroTable: number;
  /** Codes of the purchase families it buys (programme nomenclature), so that companies ask the right person. */
  familles: string[];
}

export const ORIGINES_DEMANDE = ["entreprise", "acheteur"] as const;
export type OrigineDemande = (typeof ORIGINES_DEMANDE)[number];
export const STATUTS_DEMANDE = ["demandee", "declinee"] as const;
export type StatutDemande = (typeof STATUTS_DEMANDE)[number];

/** A company asks to meet a buyer (or a buyer invites a company) about lines of the published programme. */
export interface DemandeRendezVous {
  id: string;
  salonId: string;
  entrepriseId: string;
  acheteurId: string;
  /** Published programme lines discussed (1 to `LIMITES_DEMANDE.lignesMax`). */
  lignes: string[];
  priorite: Priorite;
  origine: OrigineDemande;
  note: string | null;
  statut: StatutDemande;
  /** Which side declined (null while live). */
  declineePar: OrigineDemande | null;
  creeLe: Date;
}

/** A meeting placed by the scheduler. `confirme`: sent to both sides; never moved unless the organiser allows it. */
export interface RendezVousSalon {
  salonId: string;
  demandeId: string;
  entrepriseId: string;
  acheteurId: string;
  creneau: string;
  numeroTable: number;
  confirme: boolean;
}

export const LIMITES_DEMANDE = { lignesMax: 5, noteMax: 500 };

export interface DemandeInput {
  lignes: string[];
  priorite: number;
  note?: string | null;
}

/** Checks the shape of a request (the lines' existence is checked against the programme by the use case). */
export function validerDemande(input: DemandeInput): { lignes: string[]; priorite: Priorite; note: string | null } {
  const issues: Issue[] = [];
  const lignes = [...new Set(input.lignes)];
  if (lignes.length === 0)
    issues.push({ path: ["lignes"], message: "Choisissez au moins une ligne de la programmation : un rendez-vous porte sur un achat." });
  if (lignes.length > LIMITES_DEMANDE.lignesMax)
    issues.push({ path: ["lignes"], message: `${LIMITES_DEMANDE.lignesMax} lignes de la programmation au plus par rendez-vous.` });
  if (!(input.priorite === 1 || input.priorite === 2 || input.priorite === 3))
    issues.push({ path: ["priorite"], message: "La priorité vaut 1 (la plus haute), 2 ou 3." });
  let note: string | null = null;
  if (input.note !== undefined && input.note !== null && input.note !== "") {
    const v = verifierTexte(input.note, { multiligne: true });
    if (!v.ok) issues.push({ path: ["note"], message: v.message });
    else if (v.valeur.length > LIMITES_DEMANDE.noteMax)
      issues.push({ path: ["note"], message: `${LIMITES_DEMANDE.noteMax} caractères au plus.` });
    else note = v.valeur.trim() || null;
  }
  if (issues.length) throw invalidInput(issues);
  return { lignes, priorite: input.priorite as Priorite, note };
}

/** Checks a buyer's availability against the fair's slots; every unknown slot is named. */
export function validerDisponibilites(disponibilites: string[], creneaux: readonly string[]): string[] {
  const connus = new Set(creneaux);
  const issues: Issue[] = [];
  disponibilites.forEach((c, i) => {
    if (!connus.has(c))
      issues.push({ path: ["disponibilites", i], message: `Créneau inconnu : « ${c} » (créneaux du salon : ${creneaux.join(", ")}).` });
  });
  if (issues.length) throw invalidInput(issues);
  // in the order of the day, each once
  return creneaux.filter((c) => disponibilites.includes(c));
}

/** Checks purchase family codes against the organisation's nomenclature; every unknown code is named. */
export function validerFamilles(familles: string[], connues: readonly string[]): string[] {
  const codes = new Set(connues);
  const issues: Issue[] = [];
  const normalisees = familles.map((f) => f.trim().toUpperCase());
  normalisees.forEach((c, i) => {
    if (!codes.has(c)) issues.push({ path: ["familles", i], message: `Famille d'achat inconnue : « ${familles[i]} ».` });
  });
  if (issues.length) throw invalidInput(issues);
  return [...new Set(normalisees)].sort();
}

export function demandeEnDouble(): DomainError {
  return new DomainError("ALREADY_REQUESTED", "Une demande de rendez-vous avec cet acheteur existe déjà pour ce salon.", "conflict");
}

export function salonTenu(): DomainError {
  return new DomainError("FAIR_HELD", "Ce salon a déjà eu lieu : les rendez-vous ne changent plus.", "conflict");
}

export function pasInscrite(): DomainError {
  return new DomainError(
    "NOT_REGISTERED",
    "Seules les entreprises admises au salon (inscription acceptée) demandent ou reçoivent des rendez-vous.",
    "conflict",
  );
}
