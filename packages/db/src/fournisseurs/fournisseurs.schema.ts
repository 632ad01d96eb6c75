import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { horodatage } from "../commun/colonnes";
import { organisations } from "../organisation/organisation.schema";

/** The supplier directory: one row per establishment (SIRET), grouped by company (SIREN). */
export const fournisseurs = pgTable(
  "fournisseurs",
  {
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    siret: text("siret").notNull(),
    siren: text("siren").notNull(),
    nom: text("nom").notNull(),
    adresse: text("adresse"),
    codeCommune: text("code_commune"),
    departement: text("departement"),
    categorie: text("categorie"),
    statutInclusif: text("statut_inclusif"),
    ...horodatage(),
  },
  (t) => [
    uniqueIndex("fournisseurs_siret_unique").on(t.organisationId, t.siret),
    index("fournisseurs_siren_idx").on(t.organisationId, t.siren),
    index("fournisseurs_ordre_idx").on(t.organisationId, sql`immutable_unaccent(lower(${t.nom}))`, t.id),
    check("fournisseurs_siret_format", sql`${t.siret} ~ '^[0-9]{14}$' and ${t.siren} = left(${t.siret}, 9)`),
  ],
);
