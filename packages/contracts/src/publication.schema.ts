import { z } from "zod";
import { pageDe, Pagination } from "./common.schema";

/** Change feed of the public objects (reusers): `depuis` is the opaque cursor of the previous answer (`suivant`). */
export const ChangementsQuery = z.strictObject({
  depuis: z
    .string()
    .max(400, { error: "Curseur trop long." })
    .regex(/^[0-9a-f]*$/, { error: "Curseur invalide : reprenez la valeur « suivant » de la réponse précédente." })
    .optional()
    .describe("Curseur opaque rendu par la réponse précédente (« suivant ») ; absent : depuis le début"),
  limite: z.coerce
    .number({ error: "Nombre entier attendu." })
    .int({ error: "Nombre entier attendu." })
    .min(1, { error: "Au moins 1." })
    .max(1000, { error: "Au plus 1 000." })
    .default(100)
    .describe("Nombre maximal de changements (1 à 1 000)"),
});
export type ChangementsQuery = z.infer<typeof ChangementsQuery>;

export const Changement = z.object({
  type: z.enum(["marche", "procedure"]).describe("« marche » : donnée essentielle (DECP) ; « procedure » : publication OCDS"),
  id: z.string(),
  reference: z.string().describe("Numéro du marché ou référence de la procédure"),
  misAJourLe: z.string().describe("Instant ISO 8601 du changement"),
  url: z.string().describe("Où lire l'objet à jour"),
});

export const PageChangements = z.object({
  changements: z.array(Changement),
  suivant: z.string().nullable().describe("Curseur à passer dans « depuis » pour la suite (null : rien encore)"),
});
export type PageChangements = z.infer<typeof PageChangements>;

export const ControleQuery = z.strictObject({ ...Pagination });
export type ControleQuery = z.infer<typeof ControleQuery>;

export const ProblemePublication = z.object({
  numero: z.string().describe("Numéro du marché (identifiant DECP)"),
  champ: z.string().describe("Champ DECP en faute, tel que publié (ex. « titulaires[0].titulaire.id »)"),
  message: z.string(),
});

export const RetardPublication = z.object({
  numero: z.string(),
  evenement: z.string().describe("« notification » ou « modification 2 »"),
  dateEvenement: z.string(),
  dateLimite: z.string(),
  joursDeRetard: z.number().int(),
});

/** Data published after their two months (R2196-1): listed for the record, never blocking the export. */
export const PublicationTardive = RetardPublication.extend({
  datePublication: z.string().describe("Date de première publication enregistrée"),
});

/** The quality gate's result, its problems paged (sorted by contract number then field). */
export const ControlePublication = pageDe("problemes", ProblemePublication).extend({
  date: z.string().describe("Date du contrôle (Paris)"),
  conforme: z.boolean().describe("Vrai quand rien ne bloque l'export DECP"),
  marchesExamines: z.number().int(),
  marchesPubliables: z.number().int(),
  marchesEnErreur: z.number().int(),
  horsPerimetre: z.number().int().describe("Marchés sous le seuil des données essentielles (non exportés)"),
  aPublierEnRetard: z.array(RetardPublication),
  publieesEnRetard: z.array(PublicationTardive).describe("Données publiées après leur délai de deux mois : listées, non bloquantes"),
});
export type ControlePublication = z.infer<typeof ControlePublication>;
