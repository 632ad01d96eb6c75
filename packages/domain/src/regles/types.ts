/**
 * Shared types of the rule book (moteur de règles). Legal vocabulary stays in French where the
 * issue fixes the names (nature, publicite, fondements…); see docs/regles.md.
 */
import type { DateLegale } from "../valeurs/date-legale";

/** Nature of a contract (its main subject): works, supplies or services. */
export type Nature = "travaux" | "fournitures" | "services";

/** The three natures, for validation and enums. */
export const NATURES: readonly Nature[] = ["travaux", "fournitures", "services"];

/** A legal basis: `{ texte: "CCP", article: "R2122-8", objet: "…" }` (same shape in every output). */
export interface Fondement {
  /** "CCP", "CGCT", "Loi n° 2021-1104", "Décret n° 2025-1386", "CE", … */
  texte: string;
  /** Article or reference inside the text ("R2122-8", "art. 35", "2 août 2011, n° 347526"). */
  article: string;
  /** What the article says that matters here, in French. */
  objet: string;
}

/** "confirme": seen in a source (docs/sources.md); "a-confirmer": most likely reading (docs/regles-a-confirmer.md). */
export type StatutRegle = "confirme" | "a-confirmer";

/** Procedure family answered by the analysis. */
export type FamilleProcedure = "sans-publicite-ni-mise-en-concurrence" | "procedure-adaptee" | "procedure-formalisee";

/** The three families, for validation and enums. */
export const FAMILLES_PROCEDURE: readonly FamilleProcedure[] = [
  "sans-publicite-ni-mise-en-concurrence",
  "procedure-adaptee",
  "procedure-formalisee",
];

/** Publicity tier (R2131-12, R2131-16). */
export type Publicite = "aucune" | "libre" | "boamp-ou-jal" | "boamp-et-joue";

/** The four publicity tiers. */
export const PUBLICITES: readonly Publicite[] = ["aucune", "libre", "boamp-ou-jal", "boamp-et-joue"];

/** Procedure labels of the DECP schema (`procedure` field, schema v2.0.3). */
export type ProcedureDecp =
  | "Marché passé sans publicité ni mise en concurrence préalable"
  | "Procédure adaptée"
  | "Appel d'offres ouvert"
  | "Appel d'offres restreint"
  | "Procédure avec négociation"
  | "Dialogue compétitif";

/** The six DECP procedure labels. */
export const PROCEDURES_DECP: readonly ProcedureDecp[] = [
  "Marché passé sans publicité ni mise en concurrence préalable",
  "Procédure adaptée",
  "Appel d'offres ouvert",
  "Appel d'offres restreint",
  "Procédure avec négociation",
  "Dialogue compétitif",
];

/** A computed legal date with its calendar warnings (Saturday, Sunday, public holiday). */
export interface DateCalculee {
  date: DateLegale;
  /** French name of the weekday ("lundi"). */
  jourSemaine: string;
  /** Empty on a working day. */
  avertissements: string[];
}

/** A row of the rule book that an analysis relied on (for traceability in the UI and the audit). */
export interface RegleAppliquee {
  id: string;
  cle: string;
  libelle: string;
  /** Value as displayed ("60 000,00 € HT", "20 %", "2 mois"). */
  valeur: string;
  effectiveFrom: DateLegale;
  effectiveTo: DateLegale | null;
  statut: StatutRegle;
}
