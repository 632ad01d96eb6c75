import { sql } from "drizzle-orm";
import { check, date, integer, pgTable, text } from "drizzle-orm/pg-core";
import { horodatage } from "../commun/colonnes";

/**
 * ECB main refinancing rate on the first day of each half-year (CCP R2192-31), administrable data used to
 * compute late-payment interest. Rate in basis points (2.15 % = 215).
 */
export const tauxBce = pgTable(
  "taux_bce",
  {
    debutSemestre: date("debut_semestre", { mode: "string" }).primaryKey(),
    tauxBcePointsDeBase: integer("taux_bce_points_de_base").notNull(),
    source: text("source").notNull(),
    statut: text("statut").notNull(),
    ...horodatage(),
  },
  (t) => [
    check("taux_bce_debut_semestre", sql`extract(day from ${t.debutSemestre}) = 1 and extract(month from ${t.debutSemestre}) in (1, 7)`),
    check("taux_bce_borne", sql`${t.tauxBcePointsDeBase} between -1000 and 3000`),
    check("taux_bce_statut", sql`${t.statut} in ('confirme', 'a-confirmer')`),
  ],
);
