import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { horodatage, instant } from "../commun/colonnes";
import { entreprises } from "../entreprises/entreprises.schema";
import { marches } from "../marches/marches.schema";
import { organisations } from "../organisation/organisation.schema";

/** The département evaluated by a contract's holder (one per contract and company, editable). */
export const evaluationsAcheteur = pgTable(
  "evaluations_acheteur",
  {
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    marcheId: uuid("marche_id")
      .notNull()
      .references(() => marches.id, { onDelete: "cascade" }),
    entrepriseId: uuid("entreprise_id")
      .notNull()
      .references(() => entreprises.id, { onDelete: "cascade" }),
    notePaiement: integer("note_paiement").notNull(),
    noteClarte: integer("note_clarte").notNull(),
    noteRelation: integer("note_relation").notNull(),
    commentaire: text("commentaire"),
    ...horodatage(),
  },
  (t) => [
    uniqueIndex("evaluations_acheteur_unique").on(t.marcheId, t.entrepriseId),
    index("evaluations_acheteur_organisation_idx").on(t.organisationId),
    check(
      "evaluations_acheteur_notes",
      sql`${t.notePaiement} BETWEEN 1 AND 5 AND ${t.noteClarte} BETWEEN 1 AND 5 AND ${t.noteRelation} BETWEEN 1 AND 5`,
    ),
  ],
);

/** Version counter of each public JSON list, bumped by the outbox job `listes-publiques.invalider`. */
export const listesPubliquesVersions = pgTable("listes_publiques_versions", {
  liste: text("liste").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(1),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});
