import type { ProcedureOutput } from "@achat-public/contracts";

export const ETATS: Record<ProcedureOutput["etat"], string> = {
  brouillon: "Brouillon",
  publiee: "Publiée",
  "offres-recues": "Offres reçues",
  analysee: "Analysée",
  attribuee: "Attribuée",
  notifiee: "Notifiée",
  infructueuse: "Infructueuse",
  abandonnee: "Abandonnée",
};

export const TYPES_CLAUSE: Record<string, string> = { sociale: "Sociale", environnementale: "Environnementale", innovation: "Innovation" };
export const USAGES_CLAUSE: Record<string, string> = {
  "condition-execution": "Condition d'exécution",
  "critere-attribution": "Critère d'attribution",
  specification: "Spécification",
};

export const dateFr = (d: string | null): string => (d ? new Date(`${d}T12:00:00`).toLocaleDateString("fr-FR") : "—");

export const nombre = (s: string | boolean | undefined): number | string => {
  const n = Number(String(s).replace(/\s/g, "").replace(",", "."));
  return Number.isFinite(n) && String(s).trim() !== "" ? n : String(s);
};
