/**
 * Building blocks shared by the rule-book contracts: euro amounts and dates of the inputs, enums, legal
 * bases, rows used, ranked alerts, and `ReponseExpliquee`, the explained part every analysis output
 * extends (one declaration, five outputs).
 */
import {
  eurosIssue,
  FAMILLES_PROCEDURE,
  isDateLegale,
  NATURES,
  NIVEAUX_ALERTE,
  PROCEDURES_DECP,
  PUBLICITES,
  type ReponseExpliquee as ReponseExpliqueeDomaine,
} from "@achat-public/domain/regles";
import { z } from "zod";

/** Largest euro amount accepted in an input (100 billion €): well above any need, far below float limits. */
export const MONTANT_MAX_EUROS = 100_000_000_000;

export const hasAtMostTwoDecimals = (value: number): boolean => eurosIssue(value, { allowNegative: true }) === undefined;

/**
 * A JSON number. `1e400` parses to Infinity: it is refused as "too large" rather than as a type mismatch
 * ("nombre attendu, nombre reçu").
 */
export function nombre() {
  return z.number({
    error: (issue) =>
      typeof issue.input === "number" && !Number.isFinite(issue.input)
        ? Number.isNaN(issue.input)
          ? "Nombre fini attendu."
          : "Nombre trop grand : un nombre fini est attendu."
        : undefined,
  });
}

/**
 * A euro amount: finite, at most two decimals, within ± MONTANT_MAX_EUROS; ≥ 0 unless `negatif`;
 * `strictementPositif` refuses 0; `nonNul` keeps the "negative" message for a negative amount and refuses
 * 0 with `messageNul`.
 */
export function montantEuros(
  description: string,
  options: { negatif?: boolean; strictementPositif?: boolean; nonNul?: boolean; messageNul?: string } = {},
) {
  let schema = nombre();
  schema = options.negatif
    ? schema.min(-MONTANT_MAX_EUROS, { error: "Le montant est trop petit.", abort: true })
    : options.strictementPositif
      ? schema.gt(0, { error: "Le montant doit être strictement positif.", abort: true })
      : schema.min(0, { error: "Le montant ne peut pas être négatif.", abort: true });
  const bounded = schema
    .max(MONTANT_MAX_EUROS, { error: `Le montant ne peut pas dépasser ${MONTANT_MAX_EUROS.toLocaleString("fr-FR")} €.`, abort: true })
    .refine(hasAtMostTwoDecimals, { error: "Le montant ne peut pas avoir plus de deux décimales (centimes).", abort: true });
  return (
    options.nonNul ? bounded.refine((v) => v !== 0, { error: options.messageNul ?? "Le montant doit être supérieur à 0 €." }) : bounded
  ).describe(description);
}

/** A real calendar date written `YYYY-MM-DD`. */
export function dateIso(description: string) {
  return z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Date attendue au format AAAA-MM-JJ.", abort: true })
    .refine(isDateLegale, { error: "Cette date n'existe pas dans le calendrier." })
    .describe(description);
}

export const NatureSchema = z.enum(NATURES).describe("Nature du marché : travaux, fournitures ou services");
export const FamilleProcedureSchema = z.enum(FAMILLES_PROCEDURE).describe("Famille de procédure");
export const PubliciteSchema = z.enum(PUBLICITES).describe("Publicité exigée");
export const ProcedureDecpSchema = z.enum(PROCEDURES_DECP).describe("Libellé de procédure du schéma DECP");
export const StatutRegleSchema = z.enum(["confirme", "a-confirmer"]);

export const FondementSchema = z
  .object({
    texte: z.string().describe("Texte : CCP, CGCT, décret…"),
    article: z.string().describe("Article, ex. R2122-8"),
    objet: z.string().describe("Ce que dit l'article ici"),
  })
  .meta({ id: "FondementJuridique", description: "Fondement juridique d'une réponse du moteur de règles" });
export type FondementOutput = z.infer<typeof FondementSchema>;

export const RegleAppliqueeSchema = z
  .object({
    id: z.string().describe("Identifiant stable de la ligne de la table des seuils"),
    cle: z.string(),
    libelle: z.string(),
    valeur: z.string().describe("Valeur affichée, ex. « 60 000,00 € HT »"),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    statut: StatutRegleSchema,
  })
  .meta({ id: "RegleAppliquee", description: "Ligne de la table des seuils utilisée par une analyse" });

export const NiveauAlerteSchema = z
  .enum(NIVEAUX_ALERTE)
  .describe(
    "« bloquant » : l'acte serait irrégulier ou la date ne peut pas être tenue ; « attention » : condition à vérifier ; « information » : rappel",
  );

export const AlerteSchema = z
  .object({
    niveau: NiveauAlerteSchema,
    message: z.string().describe("Message en français, pour l'acheteur"),
    fondements: z.array(FondementSchema),
  })
  .meta({ id: "Alerte", description: "Point de vigilance classé : bloquant, puis attention, puis information" });
export type AlerteOutput = z.infer<typeof AlerteSchema>;

/** The explained part of every answer of the rule book; each analysis output extends it. */
export const ReponseExpliquee = z
  .object({
    reglesAppliquees: z.array(RegleAppliqueeSchema).describe("Lignes datées de la table des règles utilisées (vide si aucune)"),
    fondements: z.array(FondementSchema).describe("Fondements juridiques, chacun cité une fois"),
    explications: z.array(z.string()).describe("Explications en français, chiffres cités"),
    pointsDeVigilance: z.array(z.string()).describe("Messages des alertes, dans le même ordre : bloquants d'abord"),
    alertes: z.array(AlerteSchema).describe("Points de vigilance classés : bloquant, attention, information"),
  })
  .meta({ id: "ReponseExpliquee", description: "Partie expliquée commune à toutes les réponses du moteur de règles" });
export type ReponseExpliqueeOutput = z.infer<typeof ReponseExpliquee>;

/** The explained part of a domain answer, as the API answers it (a copy, nothing else). */
export function fromReponseExpliquee(reponse: ReponseExpliqueeDomaine): ReponseExpliqueeOutput {
  return {
    reglesAppliquees: reponse.reglesAppliquees.map((r) => ({ ...r })),
    fondements: reponse.fondements.map((f) => ({ ...f })),
    explications: [...reponse.explications],
    pointsDeVigilance: [...reponse.pointsDeVigilance],
    alertes: reponse.alertes.map((a) => ({ ...a, fondements: a.fondements.map((f) => ({ ...f })) })),
  };
}
