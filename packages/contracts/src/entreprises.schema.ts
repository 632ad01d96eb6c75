import { z } from "zod";
import { CATEGORIES_ENTREPRISE, STATUTS_INCLUSIFS, type Entreprise } from "@achat-public/domain/entreprises";
import { BORNE_TEXTE_COURT, texte, Version } from "./common.schema";
import { motDePasse } from "./utilisateurs.schema";

/** Self-registration of a company: its SIRET and name, and its first account (administrator of the company). */
export const InscriptionEntrepriseInput = z.strictObject({
  siret: texte(40).describe("SIRET de l'établissement (14 chiffres, espaces admis), contrôlé par la clé de Luhn (exception de La Poste)"),
  raisonSociale: texte(BORNE_TEXTE_COURT).describe("Raison sociale"),
  email: texte(BORNE_TEXTE_COURT).describe("Adresse électronique du premier compte (à confirmer par le lien reçu)"),
  nomAffiche: texte(BORNE_TEXTE_COURT).describe("Prénom et nom de la personne qui inscrit l'entreprise"),
  motDePasse: motDePasse("Mot de passe (12 caractères au moins, difficile à deviner)"),
});
export type InscriptionEntrepriseInput = z.infer<typeof InscriptionEntrepriseInput>;

export const InscriptionEntrepriseOutput = z.object({
  email: z.string(),
  message: z.string(),
});

export const JetonInput = z.strictObject({ jeton: texte(200, { min: 1 }).describe("Le jeton du lien reçu par courriel") });
export const InvitationAcceptInput = z.strictObject({
  jeton: texte(200, { min: 1 }).describe("Le jeton du lien reçu par courriel"),
  motDePasse: motDePasse("Mot de passe choisi"),
});
export const EmailOutput = z.object({ email: z.string() });

export const EntrepriseOutput = z.object({
  id: z.string(),
  siret: z.string(),
  raisonSociale: z.string(),
  activites: z.array(z.string()).describe("Codes CPV de ses activités"),
  territoires: z.array(z.string()).describe("Départements desservis"),
  categorie: z.enum(CATEGORIES_ENTREPRISE).nullable(),
  statutInclusif: z.enum(STATUTS_INCLUSIFS).nullable(),
  certifications: z.array(z.string()),
  profilPublic: z.boolean().describe("Le profil peut être montré hors de l'entreprise"),
  administrateur: z.boolean().describe("Le compte connecté administre les comptes de l'entreprise"),
  version: z.number().int(),
});
export type EntrepriseOutput = z.infer<typeof EntrepriseOutput>;

export function presentEntreprise(e: Entreprise, administrateur: boolean): EntrepriseOutput {
  return { ...e, administrateur };
}

const liste = (max: number, description: string) =>
  z
    .array(texte(200))
    .max(max * 2, { error: "Liste trop longue." })
    .describe(description);

export const ProfilInput = z.strictObject({
  raisonSociale: texte(BORNE_TEXTE_COURT),
  activites: liste(50, "Codes CPV (8 chiffres, avec ou sans clé)"),
  territoires: liste(101, "Numéros de départements (94, 2A, 974…)"),
  categorie: z
    .string()
    .max(20)
    .nullable()
    .describe(`Catégorie : ${CATEGORIES_ENTREPRISE.join(", ")}`),
  statutInclusif: z
    .string()
    .max(20)
    .nullable()
    .describe(`Statut inclusif : ${STATUTS_INCLUSIFS.join(", ")}`),
  certifications: liste(20, "Certifications et labels"),
  profilPublic: z.boolean(),
  version: Version,
});
export type ProfilInput = z.infer<typeof ProfilInput>;

export const CollegueOutput = z.object({
  utilisateurId: z.string(),
  email: z.string(),
  nomAffiche: z.string(),
  administrateur: z.boolean(),
  actif: z.boolean(),
});
export const ColleguesOutput = z.object({
  collegues: z.array(CollegueOutput),
  invitations: z.array(z.object({ email: z.string(), nomAffiche: z.string(), expireLe: z.string() })),
});
export const InvitationInput = z.strictObject({
  email: texte(BORNE_TEXTE_COURT),
  nomAffiche: texte(BORNE_TEXTE_COURT),
});
export const InvitationOutput = z.object({ email: z.string(), expireLe: z.string() });
