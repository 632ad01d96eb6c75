const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });
const date = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });

/** "26/11/2026 14:03:12" in Paris time. */
export const formatInstant = (iso: string): string => dateTime.format(new Date(iso));

/** "26 novembre 2026" for a legal day (YYYY-MM-DD). */
export const formatLegalDate = (day: string): string => date.format(new Date(`${day}T00:00:00Z`));

export const plural = (n: number, singular: string, pluralForm = `${singular}s`): string =>
  `${n.toLocaleString("fr-FR")} ${n > 1 ? pluralForm : singular}`;
