/**
 * The dated rule book: the types of its rows and the code that reads them (look-up by date, exact
 * comparison, display, consistency checks). The rows themselves are data, in seuils.data.ts.
 *
 * A row is in force from `effectiveFrom` to `effectiveTo` inclusive (null = no known end), judged on the
 * date the consultation is launched or the notice is sent, never on the notification date.
 */
import { DomainError } from "../commun/errors";
import { addDays, formatDateFr, isDateLegale, type DateLegale } from "../valeurs/date-legale";
import { formatEuros, formatPourcentage } from "../valeurs/montant";
import { LIBELLES_CLES, SEUILS } from "./seuils.data";
import type { Fondement, Nature, RegleAppliquee, StatutRegle } from "./types";

export { LIBELLES_CLES, SEUILS };

/** Keys of the rule book. Several rows share a key, one per period. */
export type CleSeuil =
  | "EU_WORKS"
  | "EU_SUPPLIES_SERVICES_SUBCENTRAL"
  | "EU_SUPPLIES_SERVICES_CENTRAL"
  | "EU_SOCIAL_SPECIFIC_SERVICES"
  | "DISPENSE_WORKS"
  | "DISPENSE_SUPPLIES_SERVICES"
  | "INNOVATIVE_DISPENSE"
  | "INNOVATIVE_SMALL_LOT_SUPPLIES_SERVICES"
  | "INNOVATIVE_SMALL_LOT_WORKS"
  | "MAPA_SMALL_LOT_SUPPLIES_SERVICES"
  | "MAPA_SMALL_LOT_WORKS"
  | "SMALL_LOTS_MAX_SHARE"
  | "PUB_FREE_BELOW"
  | "PUB_BOAMP_OR_JAL"
  | "DCE_ON_PROFILE"
  | "DECP_THRESHOLD"
  | "DECP_OPTIONAL_LIST"
  | "AVANCE_MANDATORY"
  | "AVANCE_MIN_DURATION"
  | "AVANCE_MIN_RATE"
  | "AVANCE_MIN_RATE_SME_LOCAL_AUTHORITY"
  | "BUYER_DRF_THRESHOLD"
  | "RETENUE_MAX_RATE"
  | "RETENUE_MAX_RATE_SME"
  | "CAO_AVENANT_5PCT"
  | "MODIFICATION_MAX_SHARE"
  | "DE_MINIMIS_SUPPLIES_SERVICES"
  | "DE_MINIMIS_WORKS"
  | "LEGALITY_CONTROL"
  | "MIN_TURNOVER_CAP"
  | "SPASER_THRESHOLD"
  | "CLIMAT_ENVIRONMENTAL_DUTY"
  | "CLIMAT_SOCIAL_CONDITION_DUTY";

/** Legal comparison "value OPERATOR threshold". */
export type Operateur = "<" | "<=" | ">" | ">=";

/**
 * Unit of `valeur`: `cents` (money HT), `points-de-base` (1 % = 100), `mois` (months) or `obligation`
 * (a dated switch: 1 = the duty applies, 0 = it does not yet; no operator).
 */
export type UniteSeuil = "cents" | "points-de-base" | "mois" | "obligation";

/** One dated row of the rule book. */
export interface LigneSeuil {
  /** Stable identifier, kebab-case; never reuse an id for another meaning. */
  readonly id: string;
  readonly cle: CleSeuil;
  readonly unite: UniteSeuil;
  readonly valeur: number;
  readonly operateur: Operateur | null;
  readonly effectiveFrom: DateLegale;
  /** Last day in force, inclusive; null when no end is known. */
  readonly effectiveTo: DateLegale | null;
  readonly fondements: readonly Fondement[];
  readonly statut: StatutRegle;
  /** Source ids (S1…S35), each listed in docs/sources.md. */
  readonly sources: readonly string[];
  readonly note?: string;
}

/** Period the engine answers for: the EU thresholds are known for 2022-01-01 → 2027-12-31 only. */
export const COUVERTURE_MOTEUR: { readonly du: DateLegale; readonly au: DateLegale } = Object.freeze({
  du: "2022-01-01",
  au: "2027-12-31",
});

// ------------------------------------------------------------------------------------------------ look-ups

function covers(row: LigneSeuil, date: DateLegale): boolean {
  return row.effectiveFrom <= date && (row.effectiveTo === null || date <= row.effectiveTo);
}

/** The periods covered by the rows of a key, merged when contiguous, for messages. */
export function periodesConnues(cle: CleSeuil, table: readonly LigneSeuil[] = SEUILS): { du: DateLegale; au: DateLegale | null }[] {
  const rows = table.filter((r) => r.cle === cle).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  const periods: { du: DateLegale; au: DateLegale | null }[] = [];
  for (const row of rows) {
    const last = periods.at(-1);
    if (last && last.au !== null && addDays(last.au, 1) === row.effectiveFrom) last.au = row.effectiveTo;
    else periods.push({ du: row.effectiveFrom, au: row.effectiveTo });
  }
  return periods;
}

function describePeriods(periods: { du: DateLegale; au: DateLegale | null }[]): string {
  if (periods.length === 0) return "aucune période connue";
  return periods
    .map((p) => (p.au === null ? `à partir du ${formatDateFr(p.du)}` : `du ${formatDateFr(p.du)} au ${formatDateFr(p.au)}`))
    .join(", ");
}

/** The row of `cle` in force on `date`, or `undefined` when none covers it. */
export function trouverSeuil(cle: CleSeuil, date: DateLegale, table: readonly LigneSeuil[] = SEUILS): LigneSeuil | undefined {
  return table.find((row) => row.cle === cle && covers(row, date));
}

/**
 * The row of `cle` in force on `date` (launch date of the consultation or dispatch date of the notice).
 * @throws DomainError `RULES_PERIOD_UNKNOWN` (kind `rule-violation`) naming the date and the known
 *   periods when no row covers the date; `DATE_INVALID` when `date` is not a calendar date.
 */
export function seuilAt(cle: CleSeuil, date: DateLegale, table: readonly LigneSeuil[] = SEUILS): LigneSeuil {
  if (!isDateLegale(date)) {
    throw new DomainError("DATE_INVALID", `« ${String(date)} » n'est pas une date valide au format AAAA-MM-JJ.`, "invalid-input", [
      { path: [], message: "Date invalide." },
    ]);
  }
  const row = trouverSeuil(cle, date, table);
  if (row) return row;
  const periods = periodesConnues(cle, table);
  throw new DomainError(
    "RULES_PERIOD_UNKNOWN",
    `Aucune règle connue au ${formatDateFr(date)} pour le ${LIBELLES_CLES[cle]} : ` +
      `périodes connues ${describePeriods(periods)}. Le moteur ne devine pas une valeur hors de ces périodes.`,
    "rule-violation",
    [],
    { cle, date, periodesConnues: periods },
  );
}

/**
 * Checks that `date` is inside the engine's coverage (COUVERTURE_MOTEUR, 2022-01-01 → 2027-12-31).
 * `objet` names what is unknown at that date ("de délai de paiement" gives « Aucune règle de délai de
 * paiement connue au … »); without it, the message speaks of the EU thresholds, which bound the
 * procedure analyses.
 * @throws DomainError `RULES_PERIOD_UNKNOWN` (kind `rule-violation`) otherwise, on the field `champ`.
 */
export function assertDateCouverte(date: DateLegale, champ: string | (string | number)[] = "date", objet?: string): void {
  if (date >= COUVERTURE_MOTEUR.du && date <= COUVERTURE_MOTEUR.au) return;
  const periode = `du ${formatDateFr(COUVERTURE_MOTEUR.du)} au ${formatDateFr(COUVERTURE_MOTEUR.au)}`;
  const message =
    objet === undefined
      ? `Aucune règle connue au ${formatDateFr(date)} : le moteur de règles couvre la période ${periode} (seuils européens connus).`
      : `Aucune règle ${objet} connue au ${formatDateFr(date)} : le moteur de règles ne couvre que la période ${periode} et ne devine pas une règle hors de cette période.`;
  throw new DomainError("RULES_PERIOD_UNKNOWN", message, "rule-violation", [{ path: Array.isArray(champ) ? champ : [champ], message }], {
    champ,
    date,
    periodesConnues: [{ ...COUVERTURE_MOTEUR }],
  });
}

/**
 * Whether `valeur` meets the row: `valeur OPERATOR row.valeur` (same unit as the row).
 * Exact for integers (cents, basis points). Not defined for `obligation` rows.
 */
export function satisfait(row: LigneSeuil, valeur: number): boolean {
  switch (row.operateur) {
    case "<":
      return valeur < row.valeur;
    case "<=":
      return valeur <= row.valeur;
    case ">":
      return valeur > row.valeur;
    case ">=":
      return valeur >= row.valeur;
    case null:
      throw new TypeError(`La ligne ${row.id} est une obligation datée, sans comparaison.`);
  }
}

/** Whether a dated duty row (`unite: "obligation"`) is active. */
export function obligationActive(row: LigneSeuil): boolean {
  if (row.unite !== "obligation") throw new TypeError(`La ligne ${row.id} n'est pas une obligation datée.`);
  return row.valeur === 1;
}

/** The value of a row as shown to users: "60 000,00 € HT", "20 %", "2 mois", "applicable". */
export function formatValeurSeuil(row: LigneSeuil): string {
  switch (row.unite) {
    case "cents":
      return `${formatEuros(row.valeur)} HT`;
    case "points-de-base":
      return formatPourcentage(row.valeur);
    case "mois":
      return `${row.valeur} mois`;
    case "obligation":
      return row.valeur === 1 ? "applicable" : "non applicable";
  }
}

/** "en vigueur depuis le 1er avril 2026" / "en vigueur du 1er janvier 2024 au 31 décembre 2025". */
export function formatPeriode(row: LigneSeuil): string {
  return row.effectiveTo === null
    ? `en vigueur depuis le ${formatDateFr(row.effectiveFrom)}`
    : `en vigueur du ${formatDateFr(row.effectiveFrom)} au ${formatDateFr(row.effectiveTo)}`;
}

/** Traceability record of a row used by an analysis. */
export function regleAppliquee(row: LigneSeuil): RegleAppliquee {
  return {
    id: row.id,
    cle: row.cle,
    libelle: LIBELLES_CLES[row.cle],
    valeur: formatValeurSeuil(row),
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    statut: row.statut,
  };
}

/** EU threshold key for a nature (sub-central buyer such as a département). */
export function cleSeuilEuropeen(nature: Nature, servicesSociauxSpecifiques = false): CleSeuil {
  if (servicesSociauxSpecifiques) return "EU_SOCIAL_SPECIFIC_SERVICES";
  return nature === "travaux" ? "EU_WORKS" : "EU_SUPPLIES_SERVICES_SUBCENTRAL";
}

/**
 * Consistency problems of a table (empty when sound): duplicate ids, periods upside down, overlapping
 * rows of one key, operator missing on a comparison row or present on a duty row, non-integer values.
 */
export function verifierTableSeuils(table: readonly LigneSeuil[] = SEUILS): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const row of table) {
    if (ids.has(row.id)) problems.push(`identifiant en double : ${row.id}`);
    ids.add(row.id);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(row.id)) problems.push(`identifiant non kebab-case : ${row.id}`);
    if (!isDateLegale(row.effectiveFrom) || (row.effectiveTo !== null && !isDateLegale(row.effectiveTo))) {
      problems.push(`dates invalides : ${row.id}`);
    } else if (row.effectiveTo !== null && row.effectiveTo < row.effectiveFrom) {
      problems.push(`période à l'envers : ${row.id}`);
    }
    if (!Number.isSafeInteger(row.valeur)) problems.push(`valeur non entière : ${row.id}`);
    if ((row.unite === "obligation") !== (row.operateur === null)) problems.push(`opérateur incohérent avec l'unité : ${row.id}`);
    if (row.unite === "obligation" && row.valeur !== 0 && row.valeur !== 1) problems.push(`obligation autre que 0/1 : ${row.id}`);
    if (row.fondements.length === 0) problems.push(`aucun fondement : ${row.id}`);
    if (row.statut === "confirme" && row.sources.length === 0) problems.push(`ligne confirmée sans source : ${row.id}`);
  }
  const keys = new Set(table.map((r) => r.cle));
  for (const key of keys) {
    const rows = table.filter((r) => r.cle === key).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
    for (let i = 1; i < rows.length; i += 1) {
      const previous = rows[i - 1];
      const current = rows[i];
      if (!previous || !current) continue;
      if (previous.effectiveTo === null || previous.effectiveTo >= current.effectiveFrom) {
        problems.push(`périodes qui se chevauchent : ${previous.id} et ${current.id}`);
      }
      if (previous.unite !== current.unite) problems.push(`unités différentes pour ${key}`);
    }
  }
  return problems;
}
