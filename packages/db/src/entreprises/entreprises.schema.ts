import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { horodatage, instant } from "../commun/colonnes";
import { utilisateurs } from "../organisation/organisation.schema";

/** Companies with an account (portail des entreprises). One account per SIRET; nothing public unless `profil_public`. */
export const entreprises = pgTable(
  "entreprises",
  {
    id: uuid("id").primaryKey(),
    siret: text("siret").notNull(),
    raisonSociale: text("raison_sociale").notNull(),
    activites: text("activites").array().notNull().default(sql`'{}'::text[]`),
    territoires: text("territoires").array().notNull().default(sql`'{}'::text[]`),
    categorie: text("categorie"),
    statutInclusif: text("statut_inclusif"),
    certifications: text("certifications").array().notNull().default(sql`'{}'::text[]`),
    profilPublic: boolean("profil_public").notNull().default(false),
    ...horodatage(),
  },
  (t) => [
    uniqueIndex("entreprises_siret_unique").on(t.siret),
    check("entreprises_siret_format", sql`${t.siret} ~ '^[0-9]{14}$'`),
    check("entreprises_categorie", sql`${t.categorie} is null or ${t.categorie} in ('micro', 'pme', 'eti', 'ge')`),
    check("entreprises_statut_inclusif", sql`${t.statutInclusif} is null or ${t.statutInclusif} in ('siae', 'ea', 'esat')`),
  ],
);

/** Which company an account of role `entreprise` belongs to, and whether it administers the company's accounts. */
export const entrepriseMembres = pgTable(
  "entreprise_membres",
  {
    utilisateurId: uuid("utilisateur_id")
      .primaryKey()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    entrepriseId: uuid("entreprise_id")
      .notNull()
      .references(() => entreprises.id, { onDelete: "cascade" }),
    administrateur: boolean("administrateur").notNull().default(false),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [index("entreprise_membres_entreprise_idx").on(t.entrepriseId)],
);

/** Single-use links sent by mail (e-mail confirmation, invitation of a colleague): only their SHA-256 is kept. */
export const entrepriseJetons = pgTable(
  "entreprise_jetons",
  {
    jetonHash: text("jeton_hash").primaryKey(),
    type: text("type").notNull(),
    entrepriseId: uuid("entreprise_id")
      .notNull()
      .references(() => entreprises.id, { onDelete: "cascade" }),
    utilisateurId: uuid("utilisateur_id").references(() => utilisateurs.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    nomAffiche: text("nom_affiche").notNull(),
    expireLe: instant("expire_le").notNull(),
    utiliseLe: instant("utilise_le"),
    creePar: uuid("cree_par"),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("entreprise_jetons_entreprise_idx").on(t.entrepriseId, t.type),
    check("entreprise_jetons_type", sql`${t.type} in ('confirmation', 'invitation')`),
  ],
);
