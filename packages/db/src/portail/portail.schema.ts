import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { horodatage, instant } from "../commun/colonnes";
import { entreprises } from "../entreprises/entreprises.schema";
import { utilisateurs } from "../organisation/organisation.schema";

/** Saved searches of company accounts (criteria, digest frequency, private feed generation). */
export const recherchesEnregistrees = pgTable(
  "recherches_enregistrees",
  {
    id: uuid("id").primaryKey(),
    entrepriseId: uuid("entreprise_id")
      .notNull()
      .references(() => entreprises.id, { onDelete: "cascade" }),
    utilisateurId: uuid("utilisateur_id")
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    nom: text("nom").notNull(),
    frequence: text("frequence").notNull(),
    prefixesCpv: text("prefixes_cpv").array().notNull().default(sql`'{}'::text[]`),
    motsCles: text("mots_cles").array().notNull().default(sql`'{}'::text[]`),
    departement: text("departement"),
    montantMinHtCents: bigint("montant_min_ht_cents", { mode: "number" }),
    montantMaxHtCents: bigint("montant_max_ht_cents", { mode: "number" }),
    alertesActives: boolean("alertes_actives").notNull().default(true),
    fluxGeneration: integer("flux_generation").notNull().default(1),
    fluxActif: boolean("flux_actif").notNull().default(true),
    creeLe: instant("cree_le").notNull(),
    ...horodatage(),
  },
  (t) => [
    index("recherches_enregistrees_entreprise_idx").on(t.entrepriseId),
    check("recherches_enregistrees_frequence", sql`${t.frequence} in ('quotidienne', 'hebdomadaire')`),
    check(
      "recherches_enregistrees_montants",
      sql`${t.montantMinHtCents} IS NULL OR ${t.montantMaxHtCents} IS NULL OR ${t.montantMinHtCents} <= ${t.montantMaxHtCents}`,
    ),
  ],
);

/** The items already mailed for a search (`ligne:<id>`, `consultation:<id>`): the key makes a second mail impossible. */
export const recherchesEnvois = pgTable(
  "recherches_envois",
  {
    rechercheId: uuid("recherche_id")
      .notNull()
      .references(() => recherchesEnregistrees.id, { onDelete: "cascade" }),
    cle: text("cle").notNull(),
    envoyeLe: instant("envoye_le").notNull(),
  },
  (t) => [primaryKey({ name: "recherches_envois_pkey", columns: [t.rechercheId, t.cle] })],
);

/** Secret keys of the installation, created at first use (signature of unsubscribe links and feed addresses). */
export const portailCles = pgTable("portail_cles", {
  nom: text("nom").primaryKey(),
  valeur: text("valeur").notNull(),
});
