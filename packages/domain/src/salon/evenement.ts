import { DomainError, invalidInput, type Issue } from "../commun/errors";
import { verifierTexte } from "../commun/texte";

/**
 * The fair as an event (issue 13): its day, place, opening hours, meeting slots (length and breaks), tables,
 * capacities, and the registrations of companies with a waiting list. The scheduler (planifier-salon.ts)
 * works on the slots this file derives (`creneauxDuSalon`).
 */
export const STATUTS_SALON = ["preparation", "ouvert", "clos", "tenu"] as const;
export type StatutSalon = (typeof STATUTS_SALON)[number];
export const STATUT_SALON_LIBELLES: Record<StatutSalon, string> = {
  preparation: "En préparation",
  ouvert: "Inscriptions ouvertes",
  clos: "Inscriptions closes",
  tenu: "Tenu",
};

export interface Pause {
  /** "HH:MM". */
  debut: string;
  fin: string;
}

export interface Salon {
  id: string;
  organisationId: string;
  nom: string;
  /** Day of the fair, YYYY-MM-DD. */
  date: string;
  lieu: string;
  heureOuverture: string;
  heureFermeture: string;
  dureeCreneauMinutes: number;
  pauses: Pause[];
  tables: number;
  capaciteEntreprises: number;
  personnesParEntreprise: number;
  statut: StatutSalon;
  version: number;
}

export const STATUTS_INSCRIPTION = ["acceptee", "attente", "annulee"] as const;
export type StatutInscription = (typeof STATUTS_INSCRIPTION)[number];
export const PRESENCES = ["present", "absent"] as const;
export type Presence = (typeof PRESENCES)[number];

export interface InscriptionSalon {
  id: string;
  salonId: string;
  entrepriseId: string;
  statut: StatutInscription;
  /** Order of arrival (the waiting list is served in this order). */
  rang: number;
  personnes: number;
  inscritLe: Date;
  /** When a waiting registration was promoted to accepted. */
  promueLe: Date | null;
  /** Check-in at the door; null before the fair. */
  presence: Presence | null;
  /** Slots (« 09h00 »…) where the company is available for meetings; null or absent: the whole day. */
  disponibilites?: string[] | null;
}

export const SALON_LIMITES = { capaciteMax: 5_000, tablesMax: 1_000, personnesMax: 20, creneauMin: 5, creneauMax: 240, pausesMax: 10 };

const HEURE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minutes = (h: string) => Number(h.slice(0, 2)) * 60 + Number(h.slice(3, 5));
const heure = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}h${String(m % 60).padStart(2, "0")}`;

export type SalonInput = Omit<Salon, "id" | "organisationId" | "version">;

function entier(valeur: number, min: number, max: number, path: string, issues: Issue[], quoi: string): void {
  if (!Number.isInteger(valeur) || valeur < min || valeur > max)
    issues.push({ path: [path], message: `${quoi} : un entier de ${min} à ${max}.` });
}

/** Checks a fair's set-up; every problem named with its field. */
export function validerSalon(input: SalonInput): SalonInput {
  const issues: Issue[] = [];
  const texte = (brut: string, path: string, quoi: string) => {
    const v = verifierTexte(brut, { compacter: true });
    if (!v.ok) issues.push({ path: [path], message: v.message });
    else if (v.valeur.length < 2 || v.valeur.length > 200) issues.push({ path: [path], message: `${quoi} : entre 2 et 200 caractères.` });
    return v.ok ? v.valeur : brut;
  };
  const nom = texte(input.nom, "nom", "Le nom");
  const lieu = texte(input.lieu, "lieu", "Le lieu");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(`${input.date}T00:00:00Z`))) {
    issues.push({ path: ["date"], message: "Date attendue au format AAAA-MM-JJ." });
  }
  for (const [path, h] of [
    ["heureOuverture", input.heureOuverture],
    ["heureFermeture", input.heureFermeture],
  ] as const) {
    if (!HEURE.test(h)) issues.push({ path: [path], message: "Heure attendue au format HH:MM (ex. 09:00)." });
  }
  if (
    HEURE.test(input.heureOuverture) &&
    HEURE.test(input.heureFermeture) &&
    minutes(input.heureFermeture) <= minutes(input.heureOuverture)
  ) {
    issues.push({ path: ["heureFermeture"], message: "L'heure de fermeture doit suivre l'heure d'ouverture." });
  }
  entier(
    input.dureeCreneauMinutes,
    SALON_LIMITES.creneauMin,
    SALON_LIMITES.creneauMax,
    "dureeCreneauMinutes",
    issues,
    "La durée d'un créneau (minutes)",
  );
  entier(input.tables, 1, SALON_LIMITES.tablesMax, "tables", issues, "Le nombre de tables");
  entier(input.capaciteEntreprises, 1, SALON_LIMITES.capaciteMax, "capaciteEntreprises", issues, "La capacité en entreprises");
  entier(
    input.personnesParEntreprise,
    1,
    SALON_LIMITES.personnesMax,
    "personnesParEntreprise",
    issues,
    "Le nombre de personnes par entreprise",
  );
  if (input.pauses.length > SALON_LIMITES.pausesMax)
    issues.push({ path: ["pauses"], message: `${SALON_LIMITES.pausesMax} pauses au plus.` });
  input.pauses.forEach((p, i) => {
    if (!HEURE.test(p.debut)) issues.push({ path: ["pauses", i, "debut"], message: "Heure attendue au format HH:MM." });
    if (!HEURE.test(p.fin)) issues.push({ path: ["pauses", i, "fin"], message: "Heure attendue au format HH:MM." });
    if (HEURE.test(p.debut) && HEURE.test(p.fin) && minutes(p.fin) <= minutes(p.debut)) {
      issues.push({ path: ["pauses", i, "fin"], message: "La fin de la pause doit suivre son début." });
    }
  });
  if (!(STATUTS_SALON as readonly string[]).includes(input.statut))
    issues.push({ path: ["statut"], message: `Statut inconnu : ${STATUTS_SALON.join(", ")}.` });
  if (issues.length) throw invalidInput(issues);
  const pauses = [...input.pauses].sort((a, b) => minutes(a.debut) - minutes(b.debut));
  const salon = { ...input, nom, lieu, pauses };
  if (creneauxDuSalon(salon).length === 0) {
    throw invalidInput([
      { path: ["dureeCreneauMinutes"], message: "Aucun créneau ne tient entre l'ouverture et la fermeture, pauses déduites." },
    ]);
  }
  return salon;
}

/**
 * The meeting slots of the day: from the opening, one slot every `dureeCreneauMinutes`, skipping any slot that
 * overlaps a break, the last one ending by the closing. Ids are "09h00", "09h20"… (the scheduler's slot ids).
 */
export function creneauxDuSalon(
  salon: Pick<Salon, "heureOuverture" | "heureFermeture" | "dureeCreneauMinutes" | "pauses">,
): { id: string; debut: number; fin: number }[] {
  const creneaux: { id: string; debut: number; fin: number }[] = [];
  const fermeture = minutes(salon.heureFermeture);
  let debut = minutes(salon.heureOuverture);
  const pauses = salon.pauses.map((p) => [minutes(p.debut), minutes(p.fin)] as const);
  while (debut + salon.dureeCreneauMinutes <= fermeture) {
    const fin = debut + salon.dureeCreneauMinutes;
    const pause = pauses.find(([d, f]) => debut < f && fin > d);
    if (pause) {
      debut = pause[1];
      continue;
    }
    creneaux.push({ id: heure(debut), debut, fin });
    debut = fin;
  }
  return creneaux;
}

/**
 * A company's (or buyer's) available slots as time ranges, e.g. "09h00–12h20, 13h40–15h00 (11 créneaux sur 19)":
 * consecutive slots merge, a break splits them; unknown ids are ignored. `null` (never restricted) or every slot:
 * "Toute la journée".
 */
export function plagesDisponibles(
  salon: Pick<Salon, "heureOuverture" | "heureFermeture" | "dureeCreneauMinutes" | "pauses">,
  disponibilites: readonly string[] | null,
): string {
  const creneaux = creneauxDuSalon(salon);
  const choisis = disponibilites === null ? null : new Set(disponibilites);
  const retenus = creneaux.filter((c) => choisis === null || choisis.has(c.id));
  if (retenus.length === 0) return "Aucun créneau";
  if (retenus.length === creneaux.length) return "Toute la journée";
  const plages: [number, number][] = [];
  for (const c of retenus) {
    const derniere = plages.at(-1);
    if (derniere && derniere[1] === c.debut) derniere[1] = c.fin;
    else plages.push([c.debut, c.fin]);
  }
  const n = retenus.length;
  return `${plages.map(([d, f]) => `${heure(d)}–${heure(f)}`).join(", ")} (${n} créneau${n > 1 ? "x" : ""} sur ${creneaux.length})`;
}

export function salonFerme(salon: Salon): DomainError {
  return new DomainError(
    "FAIR_NOT_OPEN",
    `Les inscriptions au salon « ${salon.nom} » ne sont pas ouvertes (${STATUT_SALON_LIBELLES[salon.statut].toLowerCase()}).`,
    "conflict",
  );
}
