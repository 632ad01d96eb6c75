import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { horodatage, instant } from "../commun/colonnes";
import { directions, organisations, services } from "../organisation/organisation.schema";

/** Homogeneous families of supplies and services (R2121-6), each mapped to CPV prefixes; kept by the administrator. */
export const famillesAchat = pgTable(
  "familles_achat",
  {
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    code: text("code").notNull(),
    libelle: text("libelle").notNull(),
    nature: text("nature").notNull(),
    prefixesCpv: text("prefixes_cpv").array().notNull(),
    actif: boolean("actif").notNull().default(true),
    ...horodatage(),
  },
  (t) => [
    uniqueIndex("familles_achat_code_unique").on(t.organisationId, t.code),
    check("familles_achat_nature", sql`${t.nature} in ('fournitures', 'services')`),
  ],
);

/** The lines of the yearly purchase programme, per direction (and service). */
export const lignesProgramme = pgTable(
  "lignes_programme",
  {
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    annee: integer("annee").notNull(),
    directionId: uuid("direction_id")
      .notNull()
      .references(() => directions.id, { onDelete: "restrict" }),
    serviceId: uuid("service_id").references(() => services.id, { onDelete: "set null" }),
    objet: text("objet").notNull(),
    nature: text("nature").notNull(),
    cpv: text("cpv").notNull(),
    familleId: uuid("famille_id").references(() => famillesAchat.id, { onDelete: "restrict" }),
    operation: text("operation"),
    valeurEstimeeHtCents: bigint("valeur_estimee_ht_cents", { mode: "number" }).notNull(),
    trimestre: integer("trimestre").notNull(),
    dureeMois: integer("duree_mois").notNull(),
    renouvellement: boolean("renouvellement").notNull(),
    clauseSociale: boolean("clause_sociale").notNull(),
    lotReserve: boolean("lot_reserve").notNull(),
    critereEnvironnemental: boolean("critere_environnemental").notNull(),
    innovation: boolean("innovation").notNull(),
    statut: text("statut").notNull(),
    commentaire: text("commentaire"),
    numeroVersion: integer("numero_version").notNull().default(1),
    familleProcedure: text("famille_procedure"),
    ...horodatage(),
  },
  (t) => [
    index("lignes_programme_annee_idx").on(t.organisationId, t.annee, t.directionId),
    index("lignes_programme_publiees_idx").on(t.organisationId, t.annee, t.trimestre).where(sql`${t.statut} = 'publiee'`),
    index("lignes_programme_recherche_idx").using("gin", sql`to_tsvector('french'::regconfig, immutable_unaccent(${t.objet}))`),
    check("lignes_programme_statut", sql`${t.statut} in ('brouillon', 'soumise', 'renvoyee', 'validee', 'publiee')`),
    check("lignes_programme_nature", sql`${t.nature} in ('travaux', 'fournitures', 'services')`),
    check("lignes_programme_trimestre", sql`${t.trimestre} between 1 and 4`),
    check("lignes_programme_valeur", sql`${t.valeurEstimeeHtCents} > 0`),
  ],
);

/** Past versions of a line, kept when a validated line is revised. */
export const lignesProgrammeVersions = pgTable(
  "lignes_programme_versions",
  {
    ligneId: uuid("ligne_id")
      .notNull()
      .references(() => lignesProgramme.id, { onDelete: "cascade" }),
    numeroVersion: integer("numero_version").notNull(),
    statut: text("statut").notNull(),
    contenu: jsonb("contenu").notNull(),
    creeLe: instant("cree_le").notNull(),
  },
  (t) => [primaryKey({ columns: [t.ligneId, t.numeroVersion] })],
);
