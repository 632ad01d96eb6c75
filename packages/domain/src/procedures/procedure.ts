/**
 * A procedure (consultation) and its parts: lots, award criteria, clauses picked from the clause library,
 * tenders per lot, award per lot, key dates. Validation of the buyer's input (every problem named on its
 * field, in French) and the legal checks asked of the rule book: procedures allowed and the family the value
 * calls for (`analyserProcedure`), the publicity tier, the key dates (`construireCalendrier`: tender deadline
 * not below the legal minimum, signature not before the end of the standstill).
 */
import { DomainError, invalidInput, type Issue } from "../commun/errors";
import { analyserProcedure } from "../regles/analyse-procedure";
import { construireCalendrier, type EtapeCalendrier } from "../regles/calendrier";
import type { AnalyseProcedureResult } from "../regles/procedure/types";
import type { Fondement, Nature, ProcedureDecp, Publicite } from "../regles/types";
import { NATURES, PROCEDURES_DECP, PUBLICITES } from "../regles/types";
import { CodeCpv } from "../valeurs/code-cpv";
import { formatDateFr, isDateLegale, weekdayFr, type DateLegale } from "../valeurs/date-legale";
import { Siret } from "../valeurs/siret";
import type { EtatProcedure } from "./machine";

export type CategorieEntreprise = "micro" | "pme" | "eti" | "ge";
export const CATEGORIES_ENTREPRISE: readonly CategorieEntreprise[] = ["micro", "pme", "eti", "ge"];

/** An award criterion with its weight (percent). */
export interface CritereAttribution {
  libelle: string;
  poids: number;
  environnemental: boolean;
  prix: boolean;
}

/** A member of a consortium (groupement) that bid. */
export interface MembreGroupement {
  siret: string;
  nom: string;
}

/** A tender received for a lot. */
export interface Offre {
  id: string;
  siret: string;
  nom: string;
  categorie: CategorieEntreprise | null;
  /** Where the bidder is located (commune or département). */
  localisation: string | null;
  /** Co-contractors of a consortium (the bidder being its mandatary); empty for a sole bidder. */
  membres: MembreGroupement[];
  prixHtCents: number;
}

/** A lot of the procedure. */
export interface Lot {
  numero: number;
  objet: string;
  cpv: string;
  valeurEstimeeHtCents: number;
  /** Reserved lot (L2113-12 and L2113-13: disabled workers' firms, social-economy firms). */
  reserve: boolean;
  /** Framework agreement: one or several holders, a maximum amount. */
  accordCadre: boolean;
  offres: Offre[];
  /** Set at the close of receipt (no tender) or at the award (declared unsuccessful). */
  infructueux: boolean;
  /** Award: the tenders retained (several only for a framework agreement). */
  offresRetenues: string[];
  /** Awarded amount (the price of the sole holder, or the maximum of a framework agreement), cents HT. */
  montantAttribueHtCents: number | null;
}

/** A clause of the library picked into the procedure (recorded: the steering context counts them). */
export interface ClauseChoisie {
  clauseId: string;
  type: TypeClause;
  titre: string;
  choisieLe: string;
  choisiePar: string;
}

export type TypeClause = "sociale" | "environnementale" | "innovation";
export const TYPES_CLAUSE: readonly TypeClause[] = ["sociale", "environnementale", "innovation"];

/** Key dates of the procedure (ISO `YYYY-MM-DD`). */
export interface DatesProcedure {
  datePublication: DateLegale | null;
  dateLimiteReception: DateLegale | null;
  dateSeanceCao: DateLegale | null;
  /** Award decision, and dispatch of the rejection letters (the standstill starts). */
  dateAttribution: DateLegale | null;
  dateSignature: DateLegale | null;
  dateNotification: DateLegale | null;
  dateAvisAttribution: DateLegale | null;
}

export interface Procedure extends DatesProcedure {
  id: string;
  organisationId: string;
  directionId: string;
  /** Reference shown to buyers and used for the contract numbers (`2026-P-AB12CD34`). */
  reference: string;
  annee: number;
  objet: string;
  nature: Nature;
  /** The programme lines the procedure comes from (empty when created directly). */
  lignesProgrammeIds: string[];
  /** Why there is no programme line (required when created directly). */
  motifHorsProgramme: string | null;
  procedure: ProcedureDecp;
  /** Required when the procedure chosen is stricter than the one the value calls for. */
  justificationProcedure: string | null;
  publicite: Publicite;
  criteres: CritereAttribution[];
  conditionExecutionSociale: boolean;
  conditionExecutionEnvironnementale: boolean;
  innovant: boolean;
  heuresInsertionPrevues: number | null;
  /** External buyer profile where the tender documents are (the companies' portal links to it). */
  urlProfilAcheteur: string | null;
  dureeMois: number;
  etat: EtatProcedure;
  lots: Lot[];
  clauses: ClauseChoisie[];
  version: number;
}

/** The buyer's editable content of a procedure (create, update). Amounts in cents HT. */
export interface ContenuProcedure {
  objet: string;
  nature: Nature;
  procedure: ProcedureDecp;
  justificationProcedure: string | null;
  publicite: Publicite | null;
  criteres: CritereAttribution[];
  conditionExecutionSociale: boolean;
  conditionExecutionEnvironnementale: boolean;
  innovant: boolean;
  urlProfilAcheteur: string | null;
  dureeMois: number;
  dateLimiteReception: DateLegale | null;
  lots: { objet: string; cpv: string; valeurEstimeeHtCents: number; reserve: boolean; accordCadre: boolean }[];
}

export const valeurEstimee = (p: Pick<Procedure, "lots">): number => p.lots.reduce((s, l) => s + l.valeurEstimeeHtCents, 0);

const TEXTE_MAX = 300;

function texte(value: unknown, path: Issue["path"], issues: Issue[], libelle: string, min = 3, max = TEXTE_MAX): string {
  const s = typeof value === "string" ? value.trim().replace(/\s+/g, " ") : "";
  if (s.length < min || s.length > max) issues.push({ path, message: `${libelle} : ${min} à ${max} caractères.` });
  return s;
}

function montant(value: unknown, path: Issue["path"], issues: Issue[], libelle: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
    issues.push({ path, message: `${libelle} : un montant positif en centimes HT est attendu.` });
    return 0;
  }
  return value;
}

function cpvDe(value: unknown, path: Issue["path"], issues: Issue[]): string {
  const code = CodeCpv.tryParse(typeof value === "string" ? value : "");
  if (!code) {
    issues.push({ path, message: "Code CPV inconnu ou mal écrit (ex. 45112500-0)." });
    return typeof value === "string" ? value : "";
  }
  return code.toString();
}

/** Checks the content of a procedure; every problem is reported on its field. */
export function validerContenu(input: ContenuProcedure): ContenuProcedure {
  const issues: Issue[] = [];
  const objet = texte(input.objet, ["objet"], issues, "L'objet");
  if (!NATURES.includes(input.nature)) issues.push({ path: ["nature"], message: "Nature attendue : travaux, fournitures ou services." });
  if (!PROCEDURES_DECP.includes(input.procedure)) issues.push({ path: ["procedure"], message: "Procédure inconnue." });
  if (input.publicite !== null && !PUBLICITES.includes(input.publicite))
    issues.push({ path: ["publicite"], message: "Publicité inconnue." });
  if (!Number.isInteger(input.dureeMois) || input.dureeMois < 1 || input.dureeMois > 1000)
    issues.push({ path: ["dureeMois"], message: "Durée en mois : un entier de 1 à 1 000." });
  if (input.dateLimiteReception !== null && !isDateLegale(input.dateLimiteReception))
    issues.push({ path: ["dateLimiteReception"], message: "Date attendue au format AAAA-MM-JJ." });
  let url: string | null = null;
  if (input.urlProfilAcheteur) {
    const brut = input.urlProfilAcheteur.trim();
    try {
      const u = new URL(brut);
      if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error("protocole");
      url = u.toString();
    } catch {
      issues.push({ path: ["urlProfilAcheteur"], message: "Adresse du profil d'acheteur attendue (https://…)." });
    }
  }
  const criteres = (input.criteres ?? []).map((c, i) => {
    const libelle = texte(c.libelle, ["criteres", i, "libelle"], issues, "Le libellé du critère", 2, 200);
    if (!Number.isInteger(c.poids) || c.poids < 1 || c.poids > 100)
      issues.push({ path: ["criteres", i, "poids"], message: "Pondération : un entier de 1 à 100 %." });
    return { libelle, poids: c.poids, environnemental: c.environnemental === true, prix: c.prix === true };
  });
  if (criteres.length > 0) {
    const total = criteres.reduce((s, c) => s + (Number.isInteger(c.poids) ? c.poids : 0), 0);
    if (total !== 100) issues.push({ path: ["criteres"], message: `Les pondérations totalisent ${total} % au lieu de 100 %.` });
  }
  if (!Array.isArray(input.lots) || input.lots.length === 0) issues.push({ path: ["lots"], message: "Au moins un lot est attendu." });
  const lots = (input.lots ?? []).map((l, i) => ({
    objet: texte(l.objet, ["lots", i, "objet"], issues, "L'objet du lot"),
    cpv: cpvDe(l.cpv, ["lots", i, "cpv"], issues),
    valeurEstimeeHtCents: montant(l.valeurEstimeeHtCents, ["lots", i, "valeurEstimeeHt"], issues, "Valeur estimée du lot"),
    reserve: l.reserve === true,
    accordCadre: l.accordCadre === true,
  }));
  const justification = input.justificationProcedure?.trim() || null;
  if (justification !== null && justification.length > 2000)
    issues.push({ path: ["justificationProcedure"], message: "Justification : 2 000 caractères au plus." });
  if (issues.length > 0) throw invalidInput(issues);
  return {
    ...input,
    objet,
    criteres,
    lots,
    justificationProcedure: justification,
    urlProfilAcheteur: url,
  };
}

// ------------------------------------------------------------------------------------------------ engine

const RANG_PROCEDURE: Record<ProcedureDecp, number> = {
  "Marché passé sans publicité ni mise en concurrence préalable": 0,
  "Procédure adaptée": 1,
  "Procédure avec négociation": 2,
  "Dialogue compétitif": 2,
  "Appel d'offres restreint": 2,
  "Appel d'offres ouvert": 2,
};
const RANG_FAMILLE: Record<AnalyseProcedureResult["procedure"], number> = {
  "sans-publicite-ni-mise-en-concurrence": 0,
  "procedure-adaptee": 1,
  "procedure-formalisee": 2,
};

/** The engine's analysis of the need (whole value, lots) at the launch date. */
export function analyseDe(p: Pick<Procedure, "nature" | "lots" | "innovant">, dateLancement: DateLegale): AnalyseProcedureResult {
  return analyserProcedure({
    nature: p.nature,
    valeurEstimeeHtCents: valeurEstimee(p),
    dateLancement,
    innovant: p.innovant,
    lots: p.lots.length > 1 ? p.lots.map((l) => ({ intitule: l.objet, valeurEstimeeHtCents: l.valeurEstimeeHtCents })) : undefined,
  });
}

/**
 * The procedure chosen must be among those the engine allows (without or under condition); a procedure
 * stricter than the one the value calls for needs a justification; the publicity cannot be below the
 * engine's tier. Returns the publicity to keep (the engine's when none is chosen).
 */
export function verifierChoixProcedure(
  p: Pick<Procedure, "nature" | "lots" | "innovant" | "procedure" | "justificationProcedure">,
  publicite: Publicite | null,
  dateLancement: DateLegale,
): { publicite: Publicite; analyse: AnalyseProcedureResult } {
  const analyse = analyseDe(p, dateLancement);
  const issues: Issue[] = [];
  const permises = [...analyse.proceduresAutorisees, ...analyse.proceduresSousCondition.map((c) => c.procedure)];
  if (!permises.includes(p.procedure)) {
    issues.push({
      path: ["procedure"],
      message: `Procédure non permise pour cette valeur estimée ; procédures possibles : ${analyse.proceduresAutorisees.join(", ")}.`,
    });
  } else if (RANG_PROCEDURE[p.procedure] > RANG_FAMILLE[analyse.procedure] && !p.justificationProcedure) {
    issues.push({
      path: ["justificationProcedure"],
      message: "Procédure plus exigeante que celle que la valeur impose : justifiez ce choix.",
    });
  } else if (analyse.proceduresSousCondition.some((c) => c.procedure === p.procedure) && !p.justificationProcedure) {
    issues.push({ path: ["justificationProcedure"], message: "Procédure permise sous condition : justifiez le cas retenu." });
  }
  const minimum = analyse.publicite;
  const retenue = publicite ?? minimum;
  if (PUBLICITES.indexOf(retenue) < PUBLICITES.indexOf(minimum)) {
    issues.push({ path: ["publicite"], message: `Publicité insuffisante : au moins « ${minimum} » pour cette valeur.` });
  }
  if (issues.length > 0) throw invalidInput(issues, "Le choix de procédure ne respecte pas les règles.");
  return { publicite: retenue, analyse };
}

/** The CAO awards when the procedure is formalised (CGCT L1414-2), as the engine's family says. */
export function caoRequise(p: Pick<Procedure, "nature" | "lots" | "innovant">, dateLancement: DateLegale): boolean {
  return analyseDe(p, dateLancement).procedure === "procedure-formalisee";
}

/** A step of the procedure's timeline of legal dates. */
export interface EtapeProcedure {
  id: string;
  libelle: string;
  date: DateLegale;
  origine: "connue" | "calculee";
  jourSemaine: string;
  avertissements: string[];
  fondements: Fondement[];
}

export interface CalendrierProcedure {
  etapes: EtapeProcedure[];
  /** Blocking alerts of the engine (deadline below the minimum, signature during the standstill). */
  refus: string[];
  alertes: string[];
}

/**
 * The timeline of legal dates of the procedure, from the dates known so far, asked of the engine; the CAO
 * session (when the engine's family requires one) is placed between the deadline and the award.
 */
export function calendrierProcedure(p: Procedure): CalendrierProcedure {
  if (!p.datePublication) return { etapes: [], refus: [], alertes: [] };
  const formalisee = p.procedure !== "Procédure adaptée" && p.procedure !== "Marché passé sans publicité ni mise en concurrence préalable";
  const cal = construireCalendrier({
    procedure: formalisee ? "procedure-formalisee" : "procedure-adaptee",
    dateEnvoiAvis: p.datePublication,
    variante: varianteDe(p.procedure),
    dateLimiteReception: p.dateLimiteReception ?? undefined,
    dateEnvoiNotificationRejet: p.dateAttribution ?? undefined,
    dateSignature: p.dateSignature ?? undefined,
    dateNotification: p.dateNotification ?? undefined,
  });
  const etapes: EtapeProcedure[] = cal.etapes.map((e: EtapeCalendrier) => ({
    id: e.id,
    libelle: e.libelle,
    date: e.date,
    origine: e.origine,
    jourSemaine: e.jourSemaine,
    avertissements: e.avertissements,
    fondements: e.fondements,
  }));
  const ajouter = (id: string, libelle: string, date: DateLegale | null, fondements: Fondement[] = []) => {
    if (date) etapes.push({ id, libelle, date, origine: "connue", jourSemaine: weekdayFr(date), avertissements: [], fondements });
  };
  ajouter("seance-cao", "Séance de la commission d'appel d'offres", p.dateSeanceCao, [
    { texte: "CGCT", article: "L1414-2", objet: "attribution par la CAO des marchés en procédure formalisée" },
  ]);
  ajouter("attribution", "Décision d'attribution", p.dateAttribution);
  ajouter("avis-attribution", "Avis d'attribution publié", p.dateAvisAttribution);
  etapes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    etapes,
    refus: cal.alertes.filter((a) => a.niveau === "bloquant").map((a) => a.message),
    alertes: cal.alertes.filter((a) => a.niveau === "attention").map((a) => a.message),
  };
}

function varianteDe(procedure: ProcedureDecp) {
  switch (procedure) {
    case "Appel d'offres ouvert":
      return "aoo-electronique" as const;
    case "Appel d'offres restreint":
      return "aor-offres-electronique" as const;
    case "Procédure avec négociation":
      return "pn-offres-electronique" as const;
    case "Dialogue compétitif":
      return "dialogue-candidatures" as const;
    default:
      return "mapa" as const;
  }
}

/** Refuses dates that the engine finds unlawful (DATES_REFUSED, 422), naming the field. */
export function verifierDates(p: Procedure, champ: keyof DatesProcedure): CalendrierProcedure {
  let cal: CalendrierProcedure;
  try {
    cal = calendrierProcedure(p);
  } catch (e) {
    if (e instanceof DomainError && e.code === "INVALID_INPUT") {
      throw invalidInput(
        e.issues.map((i) => ({ ...i, path: [champ] })),
        "Dates incohérentes.",
      );
    }
    throw e;
  }
  if (cal.refus.length > 0) {
    throw new DomainError("DATES_REFUSED", `Dates refusées : ${cal.refus.join(" ")}`, "rule-violation", [
      { path: [champ], message: cal.refus.join(" ") },
    ]);
  }
  const ordre: [keyof DatesProcedure, string][] = [
    ["datePublication", "la publication"],
    ["dateLimiteReception", "la date limite de réception"],
    ["dateSeanceCao", "la séance de la CAO"],
    ["dateAttribution", "l'attribution"],
    ["dateSignature", "la signature"],
    ["dateNotification", "la notification"],
    ["dateAvisAttribution", "l'avis d'attribution"],
  ];
  let precedente: [DateLegale, string] | null = null;
  for (const [nom, libelle] of ordre) {
    const d = p[nom];
    if (!d) continue;
    if (precedente && d < precedente[0]) {
      throw invalidInput([
        { path: [nom], message: `La date de ${libelle} (${formatDateFr(d)}) ne peut précéder celle de ${precedente[1]}.` },
      ]);
    }
    precedente = [d, libelle];
  }
  return cal;
}

// ------------------------------------------------------------------------------------------------ tenders

export interface OffreInput {
  siret: string;
  nom: string;
  categorie: CategorieEntreprise | null;
  localisation: string | null;
  membres: MembreGroupement[];
  prixHtCents: number;
}

/** Checks a tender: SIRET of the bidder and of each consortium member (checked with the SIRET value type). */
export function validerOffre(input: OffreInput): Omit<Offre, "id"> {
  const issues: Issue[] = [];
  let siret = input.siret;
  try {
    siret = Siret.parse(input.siret, ["siret"]).value;
  } catch (e) {
    if (e instanceof DomainError) issues.push(...e.issues);
    else throw e;
  }
  const nom = texte(input.nom, ["nom"], issues, "Le nom du soumissionnaire", 2, 200);
  if (input.categorie !== null && !CATEGORIES_ENTREPRISE.includes(input.categorie))
    issues.push({ path: ["categorie"], message: "Catégorie attendue : micro, pme, eti ou ge." });
  const localisation = input.localisation?.trim() || null;
  if (localisation && localisation.length > 200) issues.push({ path: ["localisation"], message: "Localisation : 200 caractères au plus." });
  const membres = (input.membres ?? []).map((m, i) => {
    let s = m.siret;
    try {
      s = Siret.parse(m.siret, ["membres", i, "siret"]).value;
    } catch (e) {
      if (e instanceof DomainError) issues.push(...e.issues);
      else throw e;
    }
    return { siret: s, nom: texte(m.nom, ["membres", i, "nom"], issues, "Le nom du membre", 2, 200) };
  });
  const prixHtCents = montant(input.prixHtCents, ["prixHt"], issues, "Prix de l'offre");
  if (issues.length > 0) throw invalidInput(issues);
  return { siret, nom, categorie: input.categorie, localisation, membres, prixHtCents };
}
