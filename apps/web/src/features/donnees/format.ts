export const euros = (n: number | null): string =>
  n === null ? "—" : n.toLocaleString("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
export const pourcent = (n: number | null): string =>
  n === null ? "—" : `${(n * 100).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} %`;
export const nombre = (n: number | null, chiffres = 1): string =>
  n === null ? "—" : n.toLocaleString("fr-FR", { maximumFractionDigits: chiffres });
export const jourFr = (d: string | null): string =>
  d === null ? "—" : new Date(`${d}T00:00:00Z`).toLocaleDateString("fr-FR", { timeZone: "UTC" });
