import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { horodatage, instant } from "../commun/colonnes";
import { directions, organisations } from "../organisation/organisation.schema";
import { lignesProgramme } from "../programme/programme.schema";

const jour = (name: string) => date(name, { mode: "string" });

/** A procedure (consultation), its choices, key dates, state and optimistic version. */
export const procedures = pgTable(
  "procedures",
  {
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    directionId: uuid("direction_id")
      .notNull()
      .references(() => directions.id, { onDelete: "restrict" }),
    reference: text("reference").notNull(),
    annee: integer("annee").notNull(),
    objet: text("objet").notNull(),
    nature: text("nature").notNull(),
    motifHorsProgramme: text("motif_hors_programme"),
    procedure: text("procedure").notNull(),
    justificationProcedure: text("justification_procedure"),
    publicite: text("publicite").notNull(),
    criteres: jsonb("criteres").notNull(),
    conditionExecutionSociale: boolean("condition_execution_sociale").notNull(),
    conditionExecutionEnvironnementale: boolean("condition_execution_environnementale").notNull(),
    innovant: boolean("innovant").notNull(),
    heuresInsertionPrevues: integer("heures_insertion_prevues"),
    urlProfilAcheteur: text("url_profil_acheteur"),
    dureeMois: integer("duree_mois").notNull(),
    etat: text("etat").notNull(),
    datePublication: jour("date_publication"),
    dateLimiteReception: jour("date_limite_reception"),
    dateSeanceCao: jour("date_seance_cao"),
    dateAttribution: jour("date_attribution"),
    dateSignature: jour("date_signature"),
    dateNotification: jour("date_notification"),
    dateAvisAttribution: jour("date_avis_attribution"),
    ...horodatage(),
  },
  (t) => [
    uniqueIndex("procedures_reference_unique").on(t.organisationId, t.reference),
    index("procedures_liste_idx").on(t.organisationId, t.annee, t.directionId, t.etat),
    index("procedures_ouvertes_idx").on(t.dateLimiteReception).where(sql`${t.etat} = 'publiee'`),
    check(
      "procedures_etat",
      sql`${t.etat} in ('brouillon', 'publiee', 'offres-recues', 'analysee', 'attribuee', 'notifiee', 'infructueuse', 'abandonnee')`,
    ),
    check("procedures_nature", sql`${t.nature} in ('travaux', 'fournitures', 'services')`),
  ],
);

/** The lots of a procedure. */
export const procedureLots = pgTable(
  "procedure_lots",
  {
    procedureId: uuid("procedure_id")
      .notNull()
      .references(() => procedures.id, { onDelete: "cascade" }),
    numero: integer("numero").notNull(),
    objet: text("objet").notNull(),
    cpv: text("cpv").notNull(),
    valeurEstimeeHtCents: bigint("valeur_estimee_ht_cents", { mode: "number" }).notNull(),
    reserve: boolean("reserve").notNull(),
    accordCadre: boolean("accord_cadre").notNull(),
    infructueux: boolean("infructueux").notNull(),
    montantAttribueHtCents: bigint("montant_attribue_ht_cents", { mode: "number" }),
  },
  (t) => [primaryKey({ columns: [t.procedureId, t.numero] }), check("procedure_lots_valeur", sql`${t.valeurEstimeeHtCents} > 0`)],
);

/** The programme lines a procedure comes from. */
export const procedureLignes = pgTable(
  "procedure_lignes",
  {
    procedureId: uuid("procedure_id")
      .notNull()
      .references(() => procedures.id, { onDelete: "cascade" }),
    ligneId: uuid("ligne_id")
      .notNull()
      .references(() => lignesProgramme.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.procedureId, t.ligneId] }), index("procedure_lignes_ligne_idx").on(t.ligneId)],
);

/** Tenders received per lot. */
export const offres = pgTable(
  "offres",
  {
    id: uuid("id").primaryKey(),
    procedureId: uuid("procedure_id")
      .notNull()
      .references(() => procedures.id, { onDelete: "cascade" }),
    lotNumero: integer("lot_numero").notNull(),
    siret: text("siret").notNull(),
    nom: text("nom").notNull(),
    categorie: text("categorie"),
    localisation: text("localisation"),
    membres: jsonb("membres").notNull(),
    prixHtCents: bigint("prix_ht_cents", { mode: "number" }).notNull(),
  },
  (t) => [
    index("offres_lot_idx").on(t.procedureId, t.lotNumero),
    uniqueIndex("offres_siret_unique").on(t.procedureId, t.lotNumero, t.siret),
    check("offres_categorie", sql`${t.categorie} is null or ${t.categorie} in ('micro', 'pme', 'eti', 'ge')`),
  ],
);

/** The tenders retained at the award of each lot. */
export const attributions = pgTable(
  "attributions",
  {
    procedureId: uuid("procedure_id")
      .notNull()
      .references(() => procedures.id, { onDelete: "cascade" }),
    lotNumero: integer("lot_numero").notNull(),
    offreId: uuid("offre_id")
      .notNull()
      .references(() => offres.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.procedureId, t.lotNumero, t.offreId] })],
);

/** The clause library of the procurement directorate. */
export const clauses = pgTable(
  "clauses",
  {
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    type: text("type").notNull(),
    usage: text("usage").notNull(),
    titre: text("titre").notNull(),
    texte: text("texte").notNull(),
    formuleHeures: jsonb("formule_heures"),
    actif: boolean("actif").notNull().default(true),
    ...horodatage(),
  },
  (t) => [check("clauses_type", sql`${t.type} in ('sociale', 'environnementale', 'innovation')`)],
);

/** The clauses picked into a procedure (who, when). */
export const procedureClauses = pgTable(
  "procedure_clauses",
  {
    procedureId: uuid("procedure_id")
      .notNull()
      .references(() => procedures.id, { onDelete: "cascade" }),
    clauseId: uuid("clause_id")
      .notNull()
      .references(() => clauses.id, { onDelete: "restrict" }),
    type: text("type").notNull(),
    titre: text("titre").notNull(),
    choisieLe: instant("choisie_le").notNull(),
    choisiePar: text("choisie_par").notNull(),
  },
  (t) => [primaryKey({ columns: [t.procedureId, t.clauseId] })],
);
