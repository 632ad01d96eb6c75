import { z } from "zod";
import {
  CATEGORIES_ENTREPRISE,
  localisation,
  STATUTS_INCLUSIFS,
  TRIS_FOURNISSEURS,
  type Fiche360,
  type Fournisseur,
  type FournisseurResume,
} from "@achat-public/domain/fournisseurs";
import { BORNE_TEXTE_COURT, pageDe, Pagination, texte, versApi, Version } from "./common.schema";

export const CategorieSchema = z
  .enum(CATEGORIES_ENTREPRISE)
  .describe("Catégorie d'entreprise (définition européenne) : micro, pme, eti, ge");
export const StatutInclusifSchema = z.enum(STATUTS_INCLUSIFS).describe("Statut inclusif : siae, ea, esat");
const LocalisationSchema = z.enum(["val-de-marne", "ile-de-france", "hors-ile-de-france", "inconnue"]);

export const FournisseurOutput = z.object({
  id: z.string(),
  siret: z.string(),
  siren: z.string(),
  nom: z.string(),
  adresse: z.string().nullable(),
  codeCommune: z.string().nullable(),
  departement: z.string().nullable(),
  localisation: LocalisationSchema.describe("Val-de-Marne (local), reste de l'Île-de-France, ailleurs"),
  categorie: CategorieSchema.nullable(),
  statutInclusif: StatutInclusifSchema.nullable(),
  version: z.number().int(),
});
export type FournisseurOutput = z.infer<typeof FournisseurOutput>;

export const FournisseurResumeOutput = FournisseurOutput.extend({
  nombreMarches: z.number().int(),
  montantMarchesHt: z.number().describe("Somme des montants (ou maxima) des marchés tenus, euros HT"),
});
export const FournisseursPage = pageDe("fournisseurs", FournisseurResumeOutput);
export type FournisseursPage = z.infer<typeof FournisseursPage>;

export const FournisseursQuery = z.strictObject({
  recherche: texte(200, { compacter: true }).optional(),
  siren: z
    .string()
    .regex(/^\d{9}$/u, { error: "SIREN : 9 chiffres." })
    .optional(),
  categorie: CategorieSchema.optional(),
  statutInclusif: StatutInclusifSchema.optional(),
  localisation: z.enum(["val-de-marne", "ile-de-france"]).optional(),
  tri: z.enum(TRIS_FOURNISSEURS).optional(),
  ...Pagination,
});
export type FournisseursQuery = z.infer<typeof FournisseursQuery>;

export const FournisseurInput = z.strictObject({
  siret: texte(40).describe("SIRET, 14 chiffres (espaces admis)"),
  nom: texte(BORNE_TEXTE_COURT, { compacter: true }).describe("Raison sociale"),
  adresse: texte(BORNE_TEXTE_COURT, { compacter: true }).nullable().optional(),
  codeCommune: texte(10).nullable().optional().describe("Code commune INSEE (94028 : Créteil)"),
  categorie: CategorieSchema.nullable().optional(),
  statutInclusif: StatutInclusifSchema.nullable().optional(),
});
export type FournisseurInput = z.infer<typeof FournisseurInput>;
export const FournisseurUpdate = FournisseurInput.extend({ version: Version });

export const Fiche360Output = z.object({
  fournisseur: FournisseurOutput,
  etablissements: z.array(z.object({ id: z.string(), siret: z.string(), nom: z.string(), codeCommune: z.string().nullable() })),
  marches: z.array(
    z.object({
      id: z.string(),
      numero: z.string(),
      objet: z.string(),
      role: z.string(),
      statut: z.string(),
      dateNotification: z.string(),
      montantHt: z.number().nullable(),
      montantMaxHt: z.number().nullable(),
    }),
  ),
  montantsParAnnee: z.array(z.object({ annee: z.number().int(), notifieHt: z.number(), payeTtc: z.number() })),
  evaluations: z.array(
    z.object({
      marcheId: z.string(),
      numero: z.string(),
      dateCloture: z.string(),
      qualite: z.number().int(),
      delais: z.number().int(),
      relation: z.number().int(),
      commentaire: z.string().nullable(),
    }),
  ),
  offres: z
    .object({
      deposees: z.number().int(),
      gagnees: z.number().int(),
      dernieres: z.array(
        z.object({
          procedureId: z.string(),
          reference: z.string(),
          objet: z.string(),
          lotNumero: z.number().int(),
          prixHt: z.number().nullable(),
          gagnee: z.boolean(),
        }),
      ),
    })
    .describe("Offres déposées et gagnées sur les procédures du département (dans la direction de l'acheteur)"),
  paiements: z.object({
    nombreFactures: z.number().int(),
    nombrePayees: z.number().int(),
    delaiMoyenJours: z.number().nullable(),
    nombreEnRetard: z.number().int(),
    interetsMoratoires: z.number(),
    indemnitesForfaitaires: z.number(),
  }),
});
export type Fiche360Output = z.infer<typeof Fiche360Output>;

export const presentFournisseur = (f: Fournisseur): FournisseurOutput =>
  FournisseurOutput.parse({ ...f, localisation: localisation(f.departement) });
export const presentFournisseurResume = (f: FournisseurResume) => ({
  ...presentFournisseur(f),
  nombreMarches: f.nombreMarches,
  montantMarchesHt: f.montantMarchesHtCents / 100,
});
export const presentFiche360 = (f: Fiche360): Fiche360Output => ({
  ...(versApi(f) as Omit<Fiche360Output, "fournisseur">),
  fournisseur: presentFournisseur(f.fournisseur),
});
