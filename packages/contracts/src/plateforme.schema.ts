import { z } from "zod";
import { BORNE_TEXTE_COURT, pageDe, Pagination, texte } from "./common.schema";

export const STATUTS_COURRIEL = ["en-attente", "envoye", "conserve", "echec"] as const;

export const LIBELLES_STATUT_COURRIEL: Record<(typeof STATUTS_COURRIEL)[number], string> = {
  "en-attente": "En attente d'envoi",
  envoye: "Envoyé",
  conserve: "Conservé (pas de serveur d'envoi configuré)",
  echec: "Échec après plusieurs tentatives",
};

export const CourrielsQuery = z.strictObject({ statut: z.enum(STATUTS_COURRIEL).optional(), ...Pagination });

export const CourrielResume = z.object({
  id: z.string(),
  destinataires: z.array(z.string()),
  sujet: z.string(),
  categorie: z.string(),
  statut: z.enum(STATUTS_COURRIEL),
  tentatives: z.number().int(),
  derniereErreur: z.string().nullable(),
  creeLe: z.string(),
  envoyeLe: z.string().nullable(),
});

export const Courriel = CourrielResume.extend({ texte: z.string(), html: z.string().nullable() });
export type Courriel = z.infer<typeof Courriel>;

export const CourrielsPage = pageDe("courriels", CourrielResume).extend({
  envoiConfigure: z.boolean().describe("Vrai si un serveur d'envoi (SMTP_URL) est configuré"),
});
export type CourrielsPage = z.infer<typeof CourrielsPage>;

export const CourrielEssaiInput = z.strictObject({
  destinataire: texte(BORNE_TEXTE_COURT, { sansBidi: true }).describe("Adresse qui recevra le courriel d'essai"),
});

export const TachesQuery = z.strictObject({ ...Pagination });

export const TacheEnEchec = z.object({
  id: z.string(),
  tache: z.string().describe("Type de tâche, ex. courriel.envoyer"),
  donnees: z.unknown(),
  erreur: z.string().nullable(),
  echoueLe: z.string(),
});

export const TachesPage = pageDe("taches", TacheEnEchec);
export type TachesPage = z.infer<typeof TachesPage>;

export const presentCourriel = (row: {
  id: string;
  destinataires: string[];
  sujet: string;
  categorie: string;
  statut: string;
  tentatives: number;
  derniereErreur: string | null;
  createdAt: Date;
  envoyeLe: Date | null;
  texte: string;
  html: string | null;
}): Courriel => ({
  id: row.id,
  destinataires: row.destinataires,
  sujet: row.sujet,
  categorie: row.categorie,
  statut: row.statut as Courriel["statut"],
  tentatives: row.tentatives,
  derniereErreur: row.derniereErreur,
  creeLe: row.createdAt.toISOString(),
  envoyeLe: row.envoyeLe ? row.envoyeLe.toISOString() : null,
  texte: row.texte,
  html: row.html,
});
