/**
 * French formats of the web app: dates with « 1er » for the first day of a month, instants in Paris time,
 * numbers with French separators, and the French alphabetical order.
 */

const instantFormat = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Paris",
});
const dayFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** The parts of a formatted date, the day « 1 » written « 1er » as French typography wants. */
function withPremier(parts: Intl.DateTimeFormatPart[]): string {
  return parts.map((part) => (part.type === "day" && part.value === "1" ? "1er" : part.value)).join("");
}

/** « 1er mars 2026 à 09:05 » in Paris time, for an ISO 8601 instant. */
export const formatInstant = (iso: string): string => withPremier(instantFormat.formatToParts(new Date(iso)));

/** « 1er avril 2026 », « 26 novembre 2026 » for a legal day (YYYY-MM-DD). */
export const formatLegalDate = (day: string): string => withPremier(dayFormat.formatToParts(new Date(`${day}T00:00:00Z`)));

/** « 1 234 comptes », « 1 compte ». */
export const plural = (n: number, singular: string, pluralForm = `${singular}s`): string =>
  `${n.toLocaleString("fr-FR")} ${n > 1 ? pluralForm : singular}`;

/** French alphabetical order: accents and case do not push « Élodie » after « Zoé ». */
export const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

/** A copy of `items` sorted in French order by the text `key` gives. */
export function sortFr<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(key(a), key(b)));
}

/** « oui » / « non ». */
export const ouiNon = (value: boolean): string => (value ? "oui" : "non");
