import type { LigneProgrammeOutput } from "@achat-public/contracts";

export const STATUTS: Record<LigneProgrammeOutput["statut"], string> = {
  brouillon: "Brouillon",
  soumise: "Soumise",
  renvoyee: "Renvoyée",
  validee: "Validée",
  publiee: "Publiée",
};

export const PROCEDURES: Record<string, string> = {
  "sans-publicite-ni-mise-en-concurrence": "Sans publicité ni mise en concurrence",
  "procedure-adaptee": "Procédure adaptée",
  "procedure-formalisee": "Procédure formalisée",
};

export const NATURES: Record<string, string> = { travaux: "Travaux", fournitures: "Fournitures", services: "Services" };

export const euros = (n: number): string => n.toLocaleString("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });

/** The current year, and the programme years offered in the selectors. */
export const anneeCourante = (): number => Math.min(new Date().getFullYear(), 2026);
export const ANNEES = (): number[] => [anneeCourante() - 1, anneeCourante(), anneeCourante() + 1];
