import { z } from "zod";
import { Uuid } from "./common.schema";

/**
 * The one import pipeline of the platform (spreadsheets of any context): upload the file, the server analyses
 * it in the background (progress), shows every bad cell with its row and column, the user confirms, the
 * server writes all the rows in one transaction — or none.
 */
export const STATUTS_IMPORT = ["en-analyse", "analyse", "en-ecriture", "termine", "echec"] as const;
export type StatutImport = (typeof STATUTS_IMPORT)[number];

export const LIBELLES_STATUT_IMPORT: Record<StatutImport, string> = {
  "en-analyse": "Analyse en cours",
  analyse: "Analysé : en attente de confirmation",
  "en-ecriture": "Écriture en cours",
  termine: "Importé",
  echec: "Refusé",
};

export const ProblemeImport = z.object({
  ligne: z.number().int().describe("Numéro de ligne dans le tableur (1 : la ligne des en-têtes)"),
  colonne: z.string().describe("En-tête de la colonne, tel qu'il figure dans le fichier (vide : la ligne entière)"),
  lettre: z.string().optional().describe("Lettre de la colonne (A, B…)"),
  valeur: z.string(),
  message: z.string(),
});

export const RapportImport = z.object({
  total: z.number().int().describe("Lignes non vides sous les en-têtes"),
  valides: z.number().int(),
  enErreur: z.number().int(),
  problemes: z.array(ProblemeImport),
  problemesOmis: z.number().int().describe("Problèmes au-delà des 10 000 premiers, comptés mais non détaillés"),
  apercu: z.array(z.object({ numero: z.number().int(), valeurs: z.record(z.string(), z.unknown()) })),
  entetesInconnus: z.array(z.string()),
  entetesManquants: z.array(z.string()),
  empreinte: z.string().describe("SHA-256 du fichier"),
  politique: z.enum(["toutOuRien", "lignesValides"]),
  ecriturePossible: z.boolean(),
  resume: z.string().describe("Une phrase en français"),
  colonnes: z
    .array(z.object({ cle: z.string(), entete: z.string() }))
    .describe("Les colonnes attendues : clé de l'aperçu et en-tête du tableur"),
  /** After writing. */
  ecrites: z.number().int().optional(),
});
export type RapportImport = z.infer<typeof RapportImport>;

export const ImportOutput = z.object({
  id: z.string(),
  type: z.string().describe("Ce qui est importé, ex. « utilisateurs »"),
  libelle: z.string(),
  nomFichier: z.string(),
  statut: z.enum(STATUTS_IMPORT),
  statutLibelle: z.string(),
  progression: z.number().min(0).max(1).describe("Avancement de l'étape en cours, de 0 à 1"),
  etape: z.string().describe("L'étape en cours, en français"),
  rapport: RapportImport.nullable(),
  erreur: z.string().nullable().describe("Pourquoi le fichier est refusé (illisible, trop volumineux…)"),
  creeLe: z.string(),
});
export type ImportOutput = z.infer<typeof ImportOutput>;

export const ImportTypeParams = z.strictObject({ type: z.string().regex(/^[a-z-]{2,40}$/, { error: "Type d'import inconnu." }) });

export const ImportUploadQuery = z.strictObject({
  nomFichier: z.string().min(1).max(200).describe("Nom du fichier envoyé (.xlsx ou .csv)"),
});

export const ImportConfirmation = z.strictObject({
  empreinte: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: "Empreinte SHA-256 attendue." })
    .describe("L'empreinte du rapport confirmé"),
});

export const ImportIdParams = z.strictObject({ id: Uuid });

export const ModeleQuery = z.strictObject({ format: z.enum(["xlsx", "csv"]).default("xlsx") });

export const ExportQuery = z.strictObject({ format: z.enum(["xlsx", "csv"]).default("xlsx") });
