/** Legal days (YYYY-MM-DD) on the browser side. Pure functions: no React, no DOM. */
import { formatDateFr as formatDateDomaine } from "@achat-public/domain/regles";

/** The local calendar day of `now` as YYYY-MM-DD (not the UTC day: 23:30 in Paris is still today). */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "1er avril 2026", "12 janvier 2026": the rule book's own wording, with "1er" for the first of a month. */
export function formatDateFr(day: string): string {
  return formatDateDomaine(day);
}
