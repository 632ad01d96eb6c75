import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { horodatage, instant } from "../commun/colonnes";

/** The buying organisation (the département). One row in practice; the model allows more. */
export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey(),
  nom: text("nom").notNull(),
  siret: text("siret").notNull().unique(),
  createdAt: instant("created_at").notNull().defaultNow(),
});

export const directions = pgTable(
  "directions",
  {
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    nom: text("nom").notNull(),
    sigle: text("sigle").notNull(),
    ...horodatage(),
  },
  (t) => [
    uniqueIndex("directions_nom_unique").on(t.organisationId, sql`lower(${t.nom})`),
    uniqueIndex("directions_sigle_unique").on(t.organisationId, sql`upper(${t.sigle})`),
    index("directions_ordre_idx").on(t.organisationId, sql`immutable_unaccent(lower(${t.nom}))`, t.id),
    check("directions_nom_longueur", sql`char_length(${t.nom}) between 2 and 120`),
    check("directions_sigle_longueur", sql`char_length(${t.sigle}) between 1 and 12`),
  ],
);

export const services = pgTable(
  "services",
  {
    id: uuid("id").primaryKey(),
    directionId: uuid("direction_id")
      .notNull()
      .references(() => directions.id, { onDelete: "cascade" }),
    nom: text("nom").notNull(),
    ...horodatage(),
  },
  (t) => [
    uniqueIndex("services_nom_unique").on(t.directionId, sql`lower(${t.nom})`),
    check("services_nom_longueur", sql`char_length(${t.nom}) between 2 and 120`),
  ],
);

export const utilisateurs = pgTable(
  "utilisateurs",
  {
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    /** Stored lower-cased; unique. */
    email: text("email").notNull(),
    nomAffiche: text("nom_affiche").notNull(),
    role: text("role").notNull(),
    directionId: uuid("direction_id").references(() => directions.id, { onDelete: "restrict" }),
    serviceId: uuid("service_id").references(() => services.id, { onDelete: "restrict" }),
    /** argon2id PHC string; null for accounts that cannot log in locally (e.g. future OIDC-only accounts). */
    passwordHash: text("password_hash"),
    motDePasseAChanger: boolean("mot_de_passe_a_changer").notNull().default(false),
    actif: boolean("actif").notNull().default(true),
    derniereConnexion: instant("derniere_connexion"),
    ...horodatage(),
  },
  (t) => [
    uniqueIndex("utilisateurs_email_unique").on(t.email),
    index("utilisateurs_direction_idx").on(t.directionId),
    index("utilisateurs_service_idx").on(t.serviceId),
    index("utilisateurs_ordre_idx").on(t.organisationId, sql`immutable_unaccent(lower(${t.nomAffiche}))`, t.email),
    check("utilisateurs_role_valide", sql`${t.role} in ('admin', 'acheteur-central', 'acheteur', 'lecteur', 'entreprise')`),
    check("utilisateurs_email_minuscules", sql`${t.email} = lower(${t.email})`),
    check("utilisateurs_acheteur_a_une_direction", sql`${t.role} <> 'acheteur' or ${t.directionId} is not null`),
    check("utilisateurs_entreprise_sans_direction", sql`${t.role} <> 'entreprise' or ${t.directionId} is null`),
    check("utilisateurs_service_avec_direction", sql`${t.serviceId} is null or ${t.directionId} is not null`),
  ],
);
