import { sql } from "drizzle-orm";
import { bigint, boolean, date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { horodatage, instant } from "../commun/colonnes";
import { fournisseurs } from "../fournisseurs/fournisseurs.schema";
import { directions, organisations } from "../organisation/organisation.schema";

const cents = (name: string) => bigint(name, { mode: "number" });
const jour = (name: string) => date(name, { mode: "string" });

/** A contract: its record, computed end dates and closing (evaluation of the supplier). */
export const marches = pgTable(
  "marches",
  {
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    directionId: uuid("direction_id")
      .notNull()
      .references(() => directions.id, { onDelete: "restrict" }),
    numero: text("numero").notNull(),
    objet: text("objet").notNull(),
    procedure: text("procedure").notNull(),
    nature: text("nature").notNull(),
    cpv: text("cpv").notNull(),
    formePrix: text("forme_prix").notNull(),
    accordCadre: boolean("accord_cadre").notNull(),
    montantHtCents: cents("montant_ht_cents"),
    montantMinHtCents: cents("montant_min_ht_cents"),
    montantMaxHtCents: cents("montant_max_ht_cents"),
    dateNotification: jour("date_notification").notNull(),
    dateDebut: jour("date_debut").notNull(),
    dureeMois: integer("duree_mois").notNull(),
    reconductionsNombre: integer("reconductions_nombre").notNull().default(0),
    reconductionDureeMois: integer("reconduction_duree_mois"),
    reconductionsDecidees: integer("reconductions_decidees").notNull().default(0),
    dateFin: jour("date_fin").notNull(),
    dateFinMax: jour("date_fin_max").notNull(),
    ccag: text("ccag").notNull(),
    clauseSociale: boolean("clause_sociale").notNull().default(false),
    heuresInsertionPrevues: integer("heures_insertion_prevues"),
    clauseEnvironnementale: boolean("clause_environnementale").notNull().default(false),
    marcheReserve: boolean("marche_reserve").notNull().default(false),
    achatInnovant: boolean("achat_innovant").notNull().default(false),
    avanceAccordee: boolean("avance_accordee").notNull().default(false),
    tauxAvancePointsDeBase: integer("taux_avance_points_de_base"),
    retenueGarantiePointsDeBase: integer("retenue_garantie_points_de_base"),
    attribueParCao: boolean("attribue_par_cao").notNull().default(false),
    dateLancement: jour("date_lancement"),
    procedureId: uuid("procedure_id"),
    lotNumero: integer("lot_numero"),
    lignesProgrammeIds: text("lignes_programme_ids").array().notNull().default(sql`'{}'`),
    clos: boolean("clos").notNull().default(false),
    dateCloture: jour("date_cloture"),
    evaluationQualite: integer("evaluation_qualite"),
    evaluationDelais: integer("evaluation_delais"),
    evaluationRelation: integer("evaluation_relation"),
    evaluationCommentaire: text("evaluation_commentaire"),
    /** Tenders received for the lot (competition indicators, DECP `offresRecues`); null when unknown. */
    nombreOffres: integer("nombre_offres"),
    /** First publication of the essential data (DECP `datePublicationDonnees`); null until published. */
    datePublicationDonnees: jour("date_publication_donnees"),
    ...horodatage(),
  },
  (t) => [
    uniqueIndex("marches_numero_unique").on(t.organisationId, t.numero),
    index("marches_direction_idx").on(t.organisationId, t.directionId, t.dateFin),
    index("marches_notification_idx").on(t.organisationId, t.dateNotification, t.id),
  ],
);

/** Holders of a contract: sole holder, mandatary and consortium members, declared subcontractors. */
export const marcheTitulaires = pgTable(
  "marche_titulaires",
  {
    marcheId: uuid("marche_id")
      .notNull()
      .references(() => marches.id, { onDelete: "cascade" }),
    fournisseurId: uuid("fournisseur_id")
      .notNull()
      .references(() => fournisseurs.id, { onDelete: "restrict" }),
    role: text("role").notNull(),
    /** Order as entered. */
    rang: integer("rang").notNull(),
    montantSousTraitanceHtCents: cents("montant_sous_traitance_ht_cents"),
    paiementDirect: boolean("paiement_direct").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.marcheId, t.fournisseurId, t.role] }), index("marche_titulaires_fournisseur_idx").on(t.fournisseurId)],
);

export const marcheModifications = pgTable("marche_modifications", {
  id: uuid("id").primaryKey(),
  marcheId: uuid("marche_id")
    .notNull()
    .references(() => marches.id, { onDelete: "cascade" }),
  numero: integer("numero").notNull(),
  objet: text("objet").notNull(),
  fondement: text("fondement").notNull(),
  montantHtCents: cents("montant_ht_cents").notNull(),
  nouvelleDateFin: jour("nouvelle_date_fin"),
  dateSignature: jour("date_signature").notNull(),
  autorisee: boolean("autorisee").notNull(),
  avisCaoRequis: boolean("avis_cao_requis").notNull(),
  pourcentageCumulePointsDeBase: integer("pourcentage_cumule_points_de_base").notNull(),
  motifJuridique: text("motif_juridique"),
  explications: text("explications").array().notNull().default(sql`'{}'`),
  /** Republication of the essential data with this amendment (DECP `datePublicationDonneesModification`). */
  datePublicationDonnees: jour("date_publication_donnees"),
  createdAt: instant("created_at").notNull().defaultNow(),
});

export const marcheBonsCommande = pgTable("marche_bons_commande", {
  id: uuid("id").primaryKey(),
  marcheId: uuid("marche_id")
    .notNull()
    .references(() => marches.id, { onDelete: "cascade" }),
  numero: text("numero").notNull(),
  objet: text("objet"),
  dateEmission: jour("date_emission").notNull(),
  montantHtCents: cents("montant_ht_cents").notNull(),
  createdAt: instant("created_at").notNull().defaultNow(),
});

export const marcheFactures = pgTable("marche_factures", {
  id: uuid("id").primaryKey(),
  marcheId: uuid("marche_id")
    .notNull()
    .references(() => marches.id, { onDelete: "cascade" }),
  numero: text("numero").notNull(),
  montantTtcCents: cents("montant_ttc_cents").notNull(),
  dateReception: jour("date_reception").notNull(),
  datePaiement: jour("date_paiement"),
  dateEcheance: jour("date_echeance").notNull(),
  delaiPaiementJours: integer("delai_paiement_jours"),
  joursRetard: integer("jours_retard").notNull().default(0),
  tauxInteretsPointsDeBase: integer("taux_interets_points_de_base"),
  interetsMoratoiresCents: cents("interets_moratoires_cents").notNull().default(0),
  indemniteForfaitaireCents: cents("indemnite_forfaitaire_cents").notNull().default(0),
  createdAt: instant("created_at").notNull().defaultNow(),
});

export const marcheHeuresInsertion = pgTable("marche_heures_insertion", {
  id: uuid("id").primaryKey(),
  marcheId: uuid("marche_id")
    .notNull()
    .references(() => marches.id, { onDelete: "cascade" }),
  periodeDebut: jour("periode_debut").notNull(),
  periodeFin: jour("periode_fin").notNull(),
  heures: integer("heures").notNull(),
  createdAt: instant("created_at").notNull().defaultNow(),
});

/** The watch digest sent to a direction on a day (never twice the same day). */
export const marcheSyntheses = pgTable(
  "marche_syntheses",
  {
    directionId: uuid("direction_id")
      .notNull()
      .references(() => directions.id, { onDelete: "cascade" }),
    jour: jour("jour").notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.directionId, t.jour] })],
);
