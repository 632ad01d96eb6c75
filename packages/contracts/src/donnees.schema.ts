import { z } from "zod";
import { jour, pageDe, texte } from "./common.schema";

const entier = z.coerce.number({ error: "Nombre attendu." });
const euros = (description: string) =>
  entier.min(0, { error: "Montant positif attendu." }).max(1e13, { error: "Montant trop grand." }).optional().describe(description);
const prefixeCpv = z
  .string()
  .regex(/^\d{2,8}$/, { error: "Début de code CPV attendu : de 2 à 8 chiffres (45, 4521, 45214200)." })
  .describe("Début du code CPV (division 45, classe 4521…)");
const departement = z
  .string()
  .regex(/^(\d{2,3}|2A|2B)$/i, { error: "Code de département attendu (94, 2A, 974)." })
  .transform((d) => d.toUpperCase())
  .describe("Code du département (94, 2A, 974)");
const identifiant = (description: string) => texte(64, { min: 1 }).describe(description);

export const TRIS_MARCHES_PUBLIES = ["date-desc", "date-asc", "montant-desc", "montant-asc"] as const;

/** Search over the imported award data: `GET /api/public/decp/marches`. */
export const MarchesPubliesQuery = z.strictObject({
  recherche: texte(200).optional().describe("Mots de l'objet ou du nom du titulaire (plein texte français, sans accents)"),
  cpv: prefixeCpv.optional(),
  acheteur: identifiant("Identifiant (SIRET) de l'acheteur").optional(),
  titulaire: identifiant("Identifiant (SIRET) du titulaire").optional(),
  departement: departement.optional(),
  montantMin: euros("Montant HT minimal, en euros"),
  montantMax: euros("Montant HT maximal, en euros"),
  du: jour("Notifié à partir de ce jour").optional(),
  au: jour("Notifié jusqu'à ce jour").optional(),
  tri: z.enum(TRIS_MARCHES_PUBLIES, { error: `Tri inconnu : ${TRIS_MARCHES_PUBLIES.join(", ")}.` }).default("date-desc"),
  page: entier.int({ error: "Nombre entier attendu." }).min(1).max(10_000).default(1),
  parPage: entier.int({ error: "Nombre entier attendu." }).min(1).max(100).default(20),
});
export type MarchesPubliesQuery = z.infer<typeof MarchesPubliesQuery>;

export const MarchePublieOutput = z.object({
  acheteurId: z.string(),
  acheteurNom: z.string().nullable(),
  marcheId: z.string(),
  titulaireId: z.string(),
  titulaireNom: z.string().nullable(),
  objet: z.string().nullable(),
  codeCpv: z.string().nullable(),
  procedure: z.string().nullable(),
  departement: z.string().nullable(),
  montantHt: z.number().nullable().describe("Montant HT publié, en euros"),
  dateNotification: z.string().nullable(),
  offresRecues: z.number().int().nullable(),
  avertissements: z.number().int().describe("Défauts relevés à l'import (voir le rapport d'import)"),
});
export type MarchePublieOutput = z.infer<typeof MarchePublieOutput>;

export const MarchesPubliesPage = pageDe("marches", MarchePublieOutput).extend({
  totalPlafonne: z.boolean().describe("Vrai quand il y a plus de résultats que le total annoncé (comptage arrêté)"),
  totalEstime: z
    .number()
    .int()
    .describe("Nombre de résultats : exact jusqu'au plafond du comptage, au-delà estimé par le planificateur de la base (« environ »)"),
});
export type MarchesPubliesPage = z.infer<typeof MarchesPubliesPage>;

export const PORTEES_SOURCING = ["departement", "region", "france"] as const;

/** Sourcing: who won contracts like ours, near us. */
export const SourcingQuery = z.strictObject({
  cpv: prefixeCpv,
  departement,
  portee: z
    .enum(PORTEES_SOURCING, { error: "Portée : departement, region ou france." })
    .default("region")
    .describe("Où chercher les marchés semblables : le département, sa région, toute la France"),
  du: jour("Attributions notifiées à partir de ce jour").optional(),
  page: entier.int({ error: "Nombre entier attendu." }).min(1).max(1000).default(1),
  parPage: entier.int({ error: "Nombre entier attendu." }).min(1).max(100).default(25),
});
export type SourcingQuery = z.infer<typeof SourcingQuery>;

export const EntrepriseSourcingOutput = z.object({
  titulaireId: z.string(),
  titulaireNom: z.string().nullable(),
  attributions: z.number().int(),
  montantTotalHt: z.number().describe("Somme des montants HT publiés, en euros (un marché à plusieurs titulaires compte pour chacun)"),
  acheteurs: z.number().int(),
  acheteursExemples: z.array(z.string()),
  derniereAttribution: z.string().nullable(),
  categorie: z.string().nullable().describe("Catégorie d'entreprise (PME…) quand une source la donne ; aucune DECP ne la publie"),
  distance: z.enum(["meme-departement", "meme-region", "autre-region"]),
});

export const ConcurrenceOutput = z.object({
  marches: z.number().int().describe("Marchés semblables (CPV, territoire)"),
  marchesAvecOffres: z.number().int().describe("Dont le nombre d'offres est publié"),
  offresMediane: z.number().nullable(),
  offresMoyenne: z.number().nullable(),
  partOffreUnique: z.number().nullable().describe("Part des marchés attribués sur une seule offre (0 à 1)"),
});

export const SourcingOutput = z.object({
  cpv: z.string(),
  departement: z.string(),
  portee: z.enum(PORTEES_SOURCING),
  methodeDistance: z.string(),
  concurrence: ConcurrenceOutput,
  total: z.number().int(),
  page: z.number().int(),
  parPage: z.number().int(),
  entreprises: z.array(EntrepriseSourcingOutput),
});
export type SourcingOutput = z.infer<typeof SourcingOutput>;

export const PairsQuery = z.strictObject({
  acheteur: identifiant("Identifiant (SIRET) de l'acheteur à comparer"),
  cpv: prefixeCpv.optional(),
  minimumMarches: entier.int().min(1).max(1000).default(5).describe("Acheteurs retenus comme pairs : au moins ce nombre de marchés"),
});
export type PairsQuery = z.infer<typeof PairsQuery>;

const Indicateurs = z.object({
  marches: z.number().int(),
  offresParMarche: z.number().nullable(),
  partOffreUnique: z.number().nullable(),
  partPme: z.number().nullable().describe("Inconnue : aucune DECP ne publie la catégorie des titulaires"),
  tauxModification: z.number().nullable().describe("Part des marchés modifiés au moins une fois"),
  delaiPublicationJours: z.number().nullable().describe("Délai médian entre notification et publication des données, en jours"),
});

export const PairsOutput = z.object({
  acheteurId: z.string(),
  acheteurNom: z.string().nullable(),
  acheteur: Indicateurs,
  pairs: z.object({
    acheteurs: z.number().int(),
    mediane: Indicateurs.omit({ marches: true }).extend({ marches: z.number().nullable() }),
  }),
});
export type PairsOutput = z.infer<typeof PairsOutput>;

/** The report of an import of published DECP (CLI `decp importer --json` and the admin page). */
export const RapportDecpOutput = z.object({
  total: z.number().int(),
  importes: z.number().int(),
  rejetes: z.number().int(),
  doublons: z.number().int(),
  avertissements: z.number().int(),
  problemes: z.array(z.object({ index: z.number().int(), chemin: z.string(), message: z.string() })),
  problemesNonListes: z.number().int().optional(),
  format: z.string().nullable(),
  empreinte: z.string(),
});
export type RapportDecpOutput = z.infer<typeof RapportDecpOutput>;
