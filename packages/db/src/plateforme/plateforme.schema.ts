import { sql } from "drizzle-orm";
import { check, customType, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
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

/** Raw bytes (PostgreSQL `bytea`), as a Node Buffer on both drivers. */
const octets = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
  toDriver: (value) => value,
});

/**
 * Spreadsheet imports of every context (docs/tableur.md): the file (kept until the import ends), its status,
 * the progress of the current step and the report shown before confirmation.
 */
export const imports = pgTable(
  "imports",
  {
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id").notNull(),
    type: text("type").notNull(),
    nomFichier: text("nom_fichier").notNull(),
    format: text("format").notNull(),
    octets: integer("octets").notNull(),
    empreinte: text("empreinte").notNull(),
    statut: text("statut").notNull(),
    /** Per mille (0 to 1000) of the current step. */
    progression: integer("progression").notNull().default(0),
    etape: text("etape").notNull(),
    rapport: jsonb("rapport"),
    erreur: text("erreur"),
    contenu: octets("contenu"),
    creePar: uuid("cree_par"),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    index("imports_organisation_idx").on(t.organisationId, t.createdAt),
    check("imports_statut", sql`${t.statut} in ('en-analyse', 'analyse', 'en-ecriture', 'termine', 'echec')`),
    check("imports_format", sql`${t.format} in ('xlsx', 'csv')`),
  ],
);
