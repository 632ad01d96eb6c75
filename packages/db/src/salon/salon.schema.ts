import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { horodatage, instant } from "../commun/colonnes";
import { entreprises } from "../entreprises/entreprises.schema";
import { organisations, utilisateurs } from "../organisation/organisation.schema";

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
    /** Slots where the company is available (null: the whole day). */
    disponibilites: jsonb("disponibilites"),
  },
  (t) => [
    uniqueIndex("salon_inscriptions_active_unique").on(t.salonId, t.entrepriseId).where(sql`${t.statut} <> 'annulee'`),
    index("salon_inscriptions_file_idx").on(t.salonId, t.statut, t.rang),
    check("salon_inscriptions_statut", sql`${t.statut} in ('acceptee', 'attente', 'annulee')`),
    check("salon_inscriptions_presence", sql`${t.presence} is null or ${t.presence} in ('present', 'absent')`),
  ],
);

/** The buyers attending a fair: one table each, and the slots where they meet companies. */
export const salonAcheteurs = pgTable(
  "salon_acheteurs",
  {
    salonId: uuid("salon_id")
      .notNull()
      .references(() => salons.id, { onDelete: "cascade" }),
    utilisateurId: uuid("utilisateur_id")
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    disponibilites: jsonb("disponibilites").notNull(),
    numeroTable: integer("numero_table").notNull(),
    /** Codes of the purchase families (programme nomenclature) the buyer buys. */
    familles: jsonb("familles").notNull().default([]),
  },
  (t) => [
    primaryKey({ columns: [t.salonId, t.utilisateurId] }),
    uniqueIndex("salon_acheteurs_table_unique").on(t.salonId, t.numeroTable),
    check("salon_acheteurs_table", sql`${t.numeroTable} > 0`),
  ],
);

/** Meeting requests (from a company, or a buyer's invitation) about published programme lines; one live per pair. */
export const salonDemandes = pgTable(
  "salon_demandes",
  {
    id: uuid("id").primaryKey(),
    salonId: uuid("salon_id")
      .notNull()
      .references(() => salons.id, { onDelete: "cascade" }),
    entrepriseId: uuid("entreprise_id")
      .notNull()
      .references(() => entreprises.id, { onDelete: "cascade" }),
    acheteurId: uuid("acheteur_id")
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    lignes: jsonb("lignes").notNull(),
    priorite: integer("priorite").notNull(),
    origine: text("origine").notNull(),
    note: text("note"),
    statut: text("statut").notNull(),
    declineePar: text("declinee_par"),
    creeLe: instant("cree_le").notNull(),
  },
  (t) => [
    uniqueIndex("salon_demandes_vivante_unique").on(t.salonId, t.entrepriseId, t.acheteurId).where(sql`${t.statut} = 'demandee'`),
    index("salon_demandes_acheteur_idx").on(t.salonId, t.acheteurId),
    check("salon_demandes_priorite", sql`${t.priorite} between 1 and 3`),
    check("salon_demandes_origine", sql`${t.origine} in ('entreprise', 'acheteur')`),
    check("salon_demandes_statut", sql`${t.statut} in ('demandee', 'declinee')`),
    check("salon_demandes_declinee_par", sql`${t.declineePar} is null or ${t.declineePar} in ('entreprise', 'acheteur')`),
  ],
);

/** The schedule: a meeting per placed request, at the buyer's table; no one in two meetings at once. */
export const salonRendezVous = pgTable(
  "salon_rendez_vous",
  {
    demandeId: uuid("demande_id")
      .primaryKey()
      .references(() => salonDemandes.id, { onDelete: "cascade" }),
    salonId: uuid("salon_id")
      .notNull()
      .references(() => salons.id, { onDelete: "cascade" }),
    entrepriseId: uuid("entreprise_id")
      .notNull()
      .references(() => entreprises.id, { onDelete: "cascade" }),
    acheteurId: uuid("acheteur_id")
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    creneau: text("creneau").notNull(),
    numeroTable: integer("numero_table").notNull(),
    confirme: boolean("confirme").notNull().default(false),
  },
  (t) => [
    uniqueIndex("salon_rendez_vous_acheteur_unique").on(t.salonId, t.acheteurId, t.creneau),
    uniqueIndex("salon_rendez_vous_entreprise_unique").on(t.salonId, t.entrepriseId, t.creneau),
  ],
);

/**
 * The satisfaction survey after a held fair: one answer per present company and per attending buyer, modifiable
 * until the survey closes. The author is kept only to allow one answer and its modification: results are aggregated.
 */
export const salonSatisfaction = pgTable(
  "salon_satisfaction",
  {
    id: uuid("id").primaryKey(),
    salonId: uuid("salon_id")
      .notNull()
      .references(() => salons.id, { onDelete: "cascade" }),
    cote: text("cote").notNull(),
    entrepriseId: uuid("entreprise_id").references(() => entreprises.id, { onDelete: "cascade" }),
    utilisateurId: uuid("utilisateur_id").references(() => utilisateurs.id, { onDelete: "cascade" }),
    satisfaction: integer("satisfaction").notNull(),
    utilite: integer("utilite").notNull(),
    reviendrait: boolean("reviendrait").notNull(),
    commentaire: text("commentaire"),
    reponduLe: instant("repondu_le").notNull(),
    modifieLe: instant("modifie_le").notNull(),
  },
  (t) => [
    uniqueIndex("salon_satisfaction_entreprise_unique").on(t.salonId, t.entrepriseId).where(sql`${t.cote} = 'entreprise'`),
    uniqueIndex("salon_satisfaction_acheteur_unique").on(t.salonId, t.utilisateurId).where(sql`${t.cote} = 'acheteur'`),
    check(
      "salon_satisfaction_cote",
      sql`(${t.cote} = 'entreprise' and ${t.entrepriseId} is not null and ${t.utilisateurId} is null) or (${t.cote} = 'acheteur' and ${t.utilisateurId} is not null and ${t.entrepriseId} is null)`,
    ),
    check("salon_satisfaction_notes", sql`${t.satisfaction} between 1 and 5 and ${t.utilite} between 1 and 5`),
    check("salon_satisfaction_commentaire", sql`${t.commentaire} is null or char_length(${t.commentaire}) <= 1000`),
  ],
);
