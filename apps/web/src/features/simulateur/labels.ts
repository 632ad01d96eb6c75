/**
 * French wording of the rule-book enums (the API answers identifiers; the page shows sentences).
 * Each record is keyed by the contract's union, so that a value added to an enum fails the typecheck here.
 */
import type {
  AlerteOutput,
  FondementOutput,
  ReglesAnalyseOutput,
  ReglesDelaisInput,
  ReglesModificationInput,
  ReglesPaiementOutput,
} from "@achat-public/contracts";
import { formatDateFr } from "./dates";

export type Nature = ReglesAnalyseOutput["nature"];
export type FamilleProcedure = ReglesAnalyseOutput["procedure"];
export type Publicite = ReglesAnalyseOutput["publicite"];
export type FondementModification = ReglesModificationInput["modification"]["fondement"];
export type ExemptionStandstill = NonNullable<ReglesDelaisInput["exemptionStandstill"]>;
export type RegleAppliquee = ReglesAnalyseOutput["reglesAppliquees"][number];
type StatutRegle = RegleAppliquee["statut"];

export const NATURE_LABELS: Record<Nature, string> = {
  travaux: "Travaux",
  fournitures: "Fournitures",
  services: "Services",
};

export const FAMILLE_LABELS: Record<FamilleProcedure, string> = {
  "sans-publicite-ni-mise-en-concurrence": "Marché sans publicité ni mise en concurrence préalables",
  "procedure-adaptee": "Procédure adaptée (MAPA)",
  "procedure-formalisee": "Procédure formalisée",
};

export const MOTIF_DISPENSE_LABELS: Record<NonNullable<ReglesAnalyseOutput["motifDispense"]>, string> = {
  montant: "valeur estimée inférieure au seuil de dispense",
  "achat-innovant": "achat innovant",
};

export const PUBLICITE_LABELS: Record<Publicite, string> = {
  aucune: "Aucune publicité obligatoire",
  libre: "Publicité libre, adaptée à la valeur et à l'objet du marché",
  "boamp-ou-jal": "Avis au BOAMP ou dans un journal d'annonces légales (JAL)",
  "boamp-et-joue": "Avis au BOAMP et au Journal officiel de l'Union européenne (JOUE)",
};

export const FONDEMENT_MODIFICATION_LABELS: Record<FondementModification, string> = {
  "clause-reexamen": "Clause de réexamen prévue au marché (R2194-1)",
  "prestations-supplementaires": "Prestations supplémentaires devenues nécessaires (R2194-2)",
  "circonstances-imprevues": "Circonstances imprévues (R2194-5)",
  "changement-titulaire": "Changement de titulaire (R2194-6)",
  "non-substantielle": "Modification non substantielle (R2194-7)",
  "faible-montant": "Modification de faible montant (R2194-8)",
};

export const EXEMPTION_STANDSTILL_LABELS: Record<ExemptionStandstill, string> = {
  "marche-subsequent": "Marché subséquent d'un accord-cadre",
  "marche-specifique-sad": "Marché spécifique d'un système d'acquisition dynamique",
  "soumissionnaire-unique": "Un seul soumissionnaire a participé",
};

export const ORIGINE_ETAPE_LABELS: Record<"connue" | "calculee", string> = {
  connue: "Date saisie",
  calculee: "Date calculée",
};

export const STATUT_REGLE_LABELS: Record<StatutRegle, string> = {
  confirme: "Confirmé",
  "a-confirmer": "À confirmer",
};

export const NIVEAU_ALERTE_LABELS: Record<AlerteOutput["niveau"], string> = {
  bloquant: "Bloquant",
  attention: "Attention",
  information: "Information",
};

export const ORIGINE_TAUX_LABELS: Record<NonNullable<ReglesPaiementOutput["origineTauxBce"]>, string> = {
  saisi: "taux saisi",
  table: "taux de la table de la plateforme",
};

/** `{ value, label }` options of a NativeSelect, in the order of the record. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

/** Type guard for a value read from a NativeSelect. */
export function isKeyOf<K extends string>(labels: Record<K, string>, value: string): value is K {
  return Object.hasOwn(labels, value);
}

/** "CCP art. R2122-8 — objet"; a case or a text whose reference is not an article keeps its own wording. */
export function formatFondement(fondement: FondementOutput): string {
  const reference = /^[LRD]\.?\s?\d/.test(fondement.article) ? `art. ${fondement.article}` : fondement.article;
  return `${fondement.texte} ${reference} — ${fondement.objet}`;
}

/** "1er janvier 2026" style period of a rule row: "depuis le …" or "du … au …". */
export function formatPeriode(regle: Pick<RegleAppliquee, "effectiveFrom" | "effectiveTo">): string {
  return regle.effectiveTo === null
    ? `depuis le ${formatDateFr(regle.effectiveFrom)}`
    : `du ${formatDateFr(regle.effectiveFrom)} au ${formatDateFr(regle.effectiveTo)}`;
}

/** "premier semestre 2026" for the first day of a half-year (YYYY-01-01 or YYYY-07-01). */
export function formatSemestre(debut: string): string {
  const year = debut.slice(0, 4);
  return debut.slice(5, 7) === "07" ? `second semestre ${year}` : `premier semestre ${year}`;
}

/** "Lundi 1er juin 2026". */
export function formatDayWithWeekday(day: string, weekday: string): string {
  const date = formatDateFr(day);
  return weekday ? `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)} ${date}` : date;
}
