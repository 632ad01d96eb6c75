import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Question, ValeurReponse } from "@achat-public/domain/sourcage";
import { horodatage, instant } from "../commun/colonnes";
import { entreprises } from "../entreprises/entreprises.schema";
import { organisations, utilisateurs } from "../organisation/organisation.schema";
import { lignesProgramme } from "../programme/programme.schema";

/** Interest of a company in a programme line: one per company and line (the unique index settles double clicks). */
export const signauxInteret = pgTable(
  "signaux_interet",
  {
    id: uuid("id").primaryKey(),
    ligneId: uuid("ligne_id")
      .notNull()
      .references(() => lignesProgramme.id, { onDelete: "cascade" }),
    entrepriseId: uuid("entreprise_id")
      .notNull()
      .references(() => entreprises.id, { onDelete: "cascade" }),
    utilisateurId: uuid("utilisateur_id")
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    note: text("note"),
    creeLe: instant("cree_le").notNull(),
    modifieLe: instant("modifie_le").notNull(),
  },
  (t) => [
    uniqueIndex("signaux_interet_unique").on(t.ligneId, t.entrepriseId),
    index("signaux_interet_entreprise_idx").on(t.entrepriseId),
    check("signaux_interet_note", sql`${t.note} IS NULL OR char_length(${t.note}) <= 1000`),
  ],
);

/** Sourcing questionnaires on a programme line, open to answers until `date_cloture` (included). */
export const demandesSourcage = pgTable(
  "demandes_sourcage",
  {
    id: uuid("id").primaryKey(),
    ligneId: uuid("ligne_id")
      .notNull()
      .references(() => lignesProgramme.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    titre: text("titre").notNull(),
    introduction: text("introduction"),
    questions: jsonb("questions").$type<Question[]>().notNull(),
    dateCloture: date("date_cloture", { mode: "string" }).notNull(),
    closeLe: instant("close_le"),
    creePar: uuid("cree_par"),
    creeLe: instant("cree_le").notNull(),
    ...horodatage(),
  },
  (t) => [index("demandes_sourcage_ligne_idx").on(t.ligneId)],
);

/** A company's answers to a questionnaire: one per company (the unique index settles concurrent first answers). */
export const reponsesSourcage = pgTable(
  "reponses_sourcage",
  {
    id: uuid("id").primaryKey(),
    demandeId: uuid("demande_id")
      .notNull()
      .references(() => demandesSourcage.id, { onDelete: "cascade" }),
    entrepriseId: uuid("entreprise_id")
      .notNull()
      .references(() => entreprises.id, { onDelete: "cascade" }),
    utilisateurId: uuid("utilisateur_id")
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    reponses: jsonb("reponses").$type<Record<string, ValeurReponse>>().notNull(),
    creeLe: instant("cree_le").notNull(),
    modifieLe: instant("modifie_le").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("reponses_sourcage_unique").on(t.demandeId, t.entrepriseId)],
);
