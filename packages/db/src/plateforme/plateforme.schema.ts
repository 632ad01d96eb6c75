import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { instant } from "../commun/colonnes";

/**
 * Every mail the platform sends, kept with its status: sent through SMTP (`envoye`), kept here when no SMTP
 * server is configured (`conserve`, shown on the administrator's « Courriels » page, as in the embedded
 * demo), waiting (`en-attente`) or given up after its retries (`echec`).
 */
export const courriels = pgTable(
  "courriels",
  {
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id"),
    destinataires: text("destinataires").array().notNull(),
    sujet: text("sujet").notNull(),
    texte: text("texte").notNull(),
    html: text("html"),
    categorie: text("categorie").notNull(),
    statut: text("statut").notNull(),
    tentatives: integer("tentatives").notNull().default(0),
    derniereErreur: text("derniere_erreur"),
    createdAt: instant("created_at").notNull(),
    envoyeLe: instant("envoye_le"),
  },
  (t) => [
    index("courriels_organisation_idx").on(t.organisationId, t.createdAt),
    check("courriels_statut", sql`${t.statut} in ('en-attente', 'envoye', 'conserve', 'echec')`),
  ],
);
