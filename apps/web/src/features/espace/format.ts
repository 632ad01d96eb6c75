/** Labels of the company's space. */
export const STATUTS_FACTURE: Record<string, string> = {
  payee: "Payée",
  "payee-en-retard": "Payée en retard",
  "a-payer": "À payer",
  "en-retard": "Impayée, en retard",
};
export const CRITERES: { cle: "paiement" | "clarte" | "relation"; libelle: string }[] = [
  { cle: "paiement", libelle: "Paiement" },
  { cle: "clarte", libelle: "Clarté des documents" },
  { cle: "relation", libelle: "Relation" },
];
export const note = (v: number | null | undefined): string => (v == null ? "—" : `${v.toLocaleString("fr-FR")} / 5`);
