/** Euros for the contract pages: « 1 234 567 € ». */
export const euros = (v: number | null | undefined, decimales = 0): string =>
  v == null ? "—" : `${v.toLocaleString("fr-FR", { minimumFractionDigits: decimales, maximumFractionDigits: decimales })} €`;
export const eurosCentimes = (v: number | null | undefined): string => euros(v, 2);
export const jourFr = (iso: string | null | undefined): string => (iso ? iso.split("-").reverse().join("/") : "—");
export const STATUTS: Record<string, string> = { "en-cours": "En cours", echu: "Échu, à clore", clos: "Clos" };
export const ROLES: Record<string, string> = {
  titulaire: "Titulaire unique",
  mandataire: "Mandataire",
  cotraitant: "Cotraitant",
  "sous-traitant": "Sous-traitant",
};
export const FONDEMENTS: Record<string, string> = {
  "clause-reexamen": "Clause de réexamen (R2194-1)",
  "prestations-supplementaires": "Prestations supplémentaires (R2194-2)",
  "circonstances-imprevues": "Circonstances imprévues (R2194-5)",
  "changement-titulaire": "Changement de titulaire (R2194-6)",
  "non-substantielle": "Modification non substantielle (R2194-7)",
  "faible-montant": "Modification de faible montant (R2194-8)",
};
