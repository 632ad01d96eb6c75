/** Today's date in Paris (the département's legal day), `YYYY-MM-DD`. */
export function aujourdhuiParis(now: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris" }).format(now);
}
