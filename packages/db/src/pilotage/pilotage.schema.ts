import { sql } from "drizzle-orm";
import { check, doublePrecision, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../organisation/organisation.schema";

/** The SPASER targets: the value aimed at for an indicator in a year (a share between 0 and 1, days, euros…). */
export const ciblesSpaser = pgTable(
  "cibles_spaser",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    annee: integer("annee").notNull(),
    indicateur: text("indicateur").notNull(),
    valeur: doublePrecision("valeur").notNull(),
  },
  (t) => [
    primaryKey({ name: "cibles_spaser_pkey", columns: [t.organisationId, t.annee, t.indicateur] }),
    check("cibles_spaser_annee", sql`${t.annee} BETWEEN 2000 AND 2100`),
  ],
);
