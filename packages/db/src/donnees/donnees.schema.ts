import { bigint, date, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * The store of PUBLIC award data (DECP published by every buyer), apart from the département's own
 * contracts. Identity of an attribution: buyer id + contract id + holder id (`""` when none is named).
 * The search index is an expression index (migration): `to_tsvector('french', immutable_unaccent(objet || titulaire_nom))`.
 */
export const decpAcheteurs = pgTable("decp_acheteurs", {
  id: text("id").primaryKey(),
  nom: text("nom"),
});

export const decpTitulaires = pgTable("decp_titulaires", {
  id: text("id").primaryKey(),
  typeIdentifiant: text("type_identifiant"),
  nom: text("nom"),
  departement: text("departement"),
});

export const decpAttributions = pgTable(
  "decp_attributions",
  {
    acheteurId: text("acheteur_id").notNull(),
    marcheId: text("marche_id").notNull(),
    titulaireId: text("titulaire_id").notNull(),
    acheteurNom: text("acheteur_nom"),
    titulaireTypeIdentifiant: text("titulaire_type_identifiant"),
    titulaireNom: text("titulaire_nom"),
    nature: text("nature").notNull(),
    naturePubliee: text("nature_publiee"),
    objet: text("objet"),
    codeCpv: text("code_cpv"),
    codeCpvPublie: text("code_cpv_publie"),
    procedure: text("procedure"),
    lieuCode: text("lieu_code"),
    lieuTypeCode: text("lieu_type_code"),
    departement: text("departement"),
    titulaireDepartement: text("titulaire_departement"),
    montantHtCents: bigint("montant_ht_cents", { mode: "number" }),
    dateNotification: date("date_notification", { mode: "string" }),
    datePublication: date("date_publication", { mode: "string" }),
    dureeMois: integer("duree_mois"),
    offresRecues: integer("offres_recues"),
    formePrix: text("forme_prix"),
    nombreTitulaires: integer("nombre_titulaires").notNull(),
    /** SME category of the holder where a source gives it (none of the DECP formats does). */
    categorieEntreprise: text("categorie_entreprise"),
    avertissements: integer("avertissements").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.acheteurId, t.marcheId, t.titulaireId] })],
);

export const decpModifications = pgTable(
  "decp_modifications",
  {
    acheteurId: text("acheteur_id").notNull(),
    marcheId: text("marche_id").notNull(),
    rang: integer("rang").notNull(),
    objet: text("objet"),
    montantHtCents: bigint("montant_ht_cents", { mode: "number" }),
    dureeMois: integer("duree_mois"),
    dateNotification: date("date_notification", { mode: "string" }),
    datePublication: date("date_publication", { mode: "string" }),
  },
  (t) => [primaryKey({ columns: [t.acheteurId, t.marcheId, t.rang] })],
);
