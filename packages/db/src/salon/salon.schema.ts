import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { horodatage, instant } from "../commun/colonnes";
import { entreprises } from "../entreprises/entreprises.schema";
import { organisations } from "../organisation/organisation.schema";

/** A procurement fair (salon de l'achat public): the day, place, hours, slots, tables and capacities. */
export const salons = pgTable(
  "salons",
  {
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    nom: text("nom").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    lieu: text("lieu").notNull(),
    heureOuverture: text("heure_ouverture").notNull(),
    heureFermeture: text("heure_fermeture").notNull(),
    dureeCreneauMinutes: integer("duree_creneau_minutes").notNull(),
    pauses: jsonb("pauses").notNull(),
    tables: integer("tables").notNull(),
    capaciteEntreprises: integer("capacite_entreprises").notNull(),
    personnesParEntreprise: integer("personnes_par_entreprise").notNull(),
    statut: text("statut").notNull(),
    ...horodatage(),
  },
  (t) => [
    index("salons_organisation_idx").on(t.organisationId, t.date),
    check("salons_statut", sql`${t.statut} in ('preparation', 'ouvert', 'clos', 'tenu')`),
    check("salons_capacite", sql`${t.capaciteEntreprises} > 0 and ${t.tables} > 0 and ${t.personnesParEntreprise} > 0`),
  ],
);

/**
 * Registrations of companies to a fair: accepted, waiting (served in the order of `rang`) or cancelled. At
 * most one live registration per company and fair; check-in (`presence`) on the day.
 */
export const salonInscriptions = pgTable(
  "salon_inscriptions",
  {
    id: uuid("id").primaryKey(),
    salonId: uuid("salon_id")
      .notNull()
      .references(() => salons.id, { onDelete: "cascade" }),
    entrepriseId: uuid("entreprise_id")
      .notNull()
      .references(() => entreprises.id, { onDelete: "cascade" }),
    statut: text("statut").notNull(),
    rang: bigint("rang", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    personnes: integer("personnes").notNull(),
    inscritLe: instant("inscrit_le").notNull(),
    promueLe: instant("promue_le"),
    presence: text("presence"),
  },
  (t) => [
    uniqueIndex("salon_inscriptions_active_unique").on(t.salonId, t.entrepriseId).where(sql`${t.statut} <> 'annulee'`),
    index("salon_inscriptions_file_idx").on(t.salonId, t.statut, t.rang),
    check("salon_inscriptions_statut", sql`${t.statut} in ('acceptee', 'attente', 'annulee')`),
    check("salon_inscriptions_presence", sql`${t.presence} is null or ${t.presence} in ('present', 'absent')`),
  ],
);
