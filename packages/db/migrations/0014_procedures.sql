-- Procedures (consultations): the procedure with its key dates and optimistic version, its lots, the programme
-- lines it comes from, the tenders per lot, the award per lot, the clause library of the procurement
-- directorate and the clauses picked into each procedure.
CREATE TABLE procedures (
  id uuid PRIMARY KEY NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
  direction_id uuid NOT NULL REFERENCES directions(id) ON DELETE RESTRICT,
  reference text NOT NULL,
  annee integer NOT NULL,
  objet text NOT NULL,
  nature text NOT NULL,
  motif_hors_programme text,
  procedure text NOT NULL,
  justification_procedure text,
  publicite text NOT NULL,
  criteres jsonb NOT NULL,
  condition_execution_sociale boolean NOT NULL,
  condition_execution_environnementale boolean NOT NULL,
  innovant boolean NOT NULL,
  heures_insertion_prevues integer,
  url_profil_acheteur text,
  duree_mois integer NOT NULL,
  etat text NOT NULL,
  date_publication date,
  date_limite_reception date,
  date_seance_cao date,
  date_attribution date,
  date_signature date,
  date_notification date,
  date_avis_attribution date,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  CONSTRAINT procedures_etat CHECK (etat IN ('brouillon', 'publiee', 'offres-recues', 'analysee', 'attribuee', 'notifiee', 'infructueuse', 'abandonnee')),
  CONSTRAINT procedures_nature CHECK (nature IN ('travaux', 'fournitures', 'services'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX procedures_reference_unique ON procedures USING btree (organisation_id, reference);
--> statement-breakpoint
CREATE INDEX procedures_liste_idx ON procedures USING btree (organisation_id, annee, direction_id, etat);
--> statement-breakpoint
CREATE INDEX procedures_ouvertes_idx ON procedures USING btree (date_limite_reception) WHERE etat = 'publiee';
--> statement-breakpoint
CREATE TABLE procedure_lots (
  procedure_id uuid NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
  numero integer NOT NULL,
  objet text NOT NULL,
  cpv text NOT NULL,
  valeur_estimee_ht_cents bigint NOT NULL,
  reserve boolean NOT NULL,
  accord_cadre boolean NOT NULL,
  infructueux boolean NOT NULL,
  montant_attribue_ht_cents bigint,
  PRIMARY KEY (procedure_id, numero),
  CONSTRAINT procedure_lots_valeur CHECK (valeur_estimee_ht_cents > 0)
);
--> statement-breakpoint
CREATE TABLE procedure_lignes (
  procedure_id uuid NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
  ligne_id uuid NOT NULL REFERENCES lignes_programme(id) ON DELETE RESTRICT,
  PRIMARY KEY (procedure_id, ligne_id)
);
--> statement-breakpoint
CREATE INDEX procedure_lignes_ligne_idx ON procedure_lignes USING btree (ligne_id);
--> statement-breakpoint
CREATE TABLE offres (
  id uuid PRIMARY KEY NOT NULL,
  procedure_id uuid NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
  lot_numero integer NOT NULL,
  siret text NOT NULL,
  nom text NOT NULL,
  categorie text,
  localisation text,
  membres jsonb NOT NULL,
  prix_ht_cents bigint NOT NULL,
  CONSTRAINT offres_categorie CHECK (categorie IS NULL OR categorie IN ('micro', 'pme', 'eti', 'ge'))
);
--> statement-breakpoint
CREATE INDEX offres_lot_idx ON offres USING btree (procedure_id, lot_numero);
--> statement-breakpoint
CREATE UNIQUE INDEX offres_siret_unique ON offres USING btree (procedure_id, lot_numero, siret);
--> statement-breakpoint
CREATE TABLE attributions (
  procedure_id uuid NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
  lot_numero integer NOT NULL,
  offre_id uuid NOT NULL REFERENCES offres(id) ON DELETE CASCADE,
  PRIMARY KEY (procedure_id, lot_numero, offre_id)
);
--> statement-breakpoint
CREATE TABLE clauses (
  id uuid PRIMARY KEY NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
  type text NOT NULL,
  usage text NOT NULL,
  titre text NOT NULL,
  texte text NOT NULL,
  formule_heures jsonb,
  actif boolean DEFAULT true NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  CONSTRAINT clauses_type CHECK (type IN ('sociale', 'environnementale', 'innovation'))
);
--> statement-breakpoint
CREATE TABLE procedure_clauses (
  procedure_id uuid NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
  clause_id uuid NOT NULL REFERENCES clauses(id) ON DELETE RESTRICT,
  type text NOT NULL,
  titre text NOT NULL,
  choisie_le timestamp with time zone NOT NULL,
  choisie_par text NOT NULL,
  PRIMARY KEY (procedure_id, clause_id)
);
