-- Contracts (marchés) and their execution, and the supplier directory (fournisseurs). Issue 9.
-- Amounts in integer cents (HT, invoices TTC), rates in basis points, legal days as `date`.
CREATE TABLE fournisseurs (
  id uuid PRIMARY KEY NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
  siret text NOT NULL,
  siren text NOT NULL,
  nom text NOT NULL,
  adresse text,
  code_commune text,
  departement text,
  categorie text,
  statut_inclusif text,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  CONSTRAINT fournisseurs_siret_format CHECK (siret ~ '^[0-9]{14}$' AND siren = left(siret, 9)),
  CONSTRAINT fournisseurs_categorie CHECK (categorie IS NULL OR categorie IN ('micro', 'pme', 'eti', 'ge')),
  CONSTRAINT fournisseurs_statut_inclusif CHECK (statut_inclusif IS NULL OR statut_inclusif IN ('siae', 'ea', 'esat'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX fournisseurs_siret_unique ON fournisseurs USING btree (organisation_id, siret);
--> statement-breakpoint
CREATE INDEX fournisseurs_siren_idx ON fournisseurs USING btree (organisation_id, siren);
--> statement-breakpoint
CREATE INDEX fournisseurs_ordre_idx ON fournisseurs USING btree (organisation_id, immutable_unaccent(lower(nom)), id);
--> statement-breakpoint
CREATE TABLE marches (
  id uuid PRIMARY KEY NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
  direction_id uuid NOT NULL REFERENCES directions(id) ON DELETE RESTRICT,
  numero text NOT NULL,
  objet text NOT NULL,
  procedure text NOT NULL,
  nature text NOT NULL,
  cpv text NOT NULL,
  forme_prix text NOT NULL,
  accord_cadre boolean NOT NULL,
  montant_ht_cents bigint,
  montant_min_ht_cents bigint,
  montant_max_ht_cents bigint,
  date_notification date NOT NULL,
  date_debut date NOT NULL,
  duree_mois integer NOT NULL,
  reconductions_nombre integer DEFAULT 0 NOT NULL,
  reconduction_duree_mois integer,
  reconductions_decidees integer DEFAULT 0 NOT NULL,
  date_fin date NOT NULL,
  date_fin_max date NOT NULL,
  ccag text NOT NULL,
  clause_sociale boolean DEFAULT false NOT NULL,
  heures_insertion_prevues integer,
  clause_environnementale boolean DEFAULT false NOT NULL,
  marche_reserve boolean DEFAULT false NOT NULL,
  achat_innovant boolean DEFAULT false NOT NULL,
  avance_accordee boolean DEFAULT false NOT NULL,
  taux_avance_points_de_base integer,
  retenue_garantie_points_de_base integer,
  attribue_par_cao boolean DEFAULT false NOT NULL,
  date_lancement date,
  procedure_id uuid,
  lot_numero integer,
  lignes_programme_ids text[] DEFAULT '{}' NOT NULL,
  clos boolean DEFAULT false NOT NULL,
  date_cloture date,
  evaluation_qualite integer,
  evaluation_delais integer,
  evaluation_relation integer,
  evaluation_commentaire text,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  CONSTRAINT marches_nature CHECK (nature IN ('travaux', 'fournitures', 'services')),
  CONSTRAINT marches_forme_prix CHECK (forme_prix IN ('forfaitaire', 'unitaire', 'mixte')),
  CONSTRAINT marches_ccag CHECK (ccag IN ('fcs', 'travaux', 'pi', 'tic', 'mi', 'moe', 'aucun')),
  CONSTRAINT marches_montants CHECK (
    (accord_cadre AND montant_max_ht_cents > 0 AND montant_ht_cents IS NULL AND (montant_min_ht_cents IS NULL OR montant_min_ht_cents <= montant_max_ht_cents))
    OR (NOT accord_cadre AND montant_ht_cents > 0 AND montant_max_ht_cents IS NULL AND montant_min_ht_cents IS NULL)
  ),
  CONSTRAINT marches_dates CHECK (date_debut >= date_notification AND date_fin_max >= date_fin),
  CONSTRAINT marches_reconductions CHECK (reconductions_decidees BETWEEN 0 AND reconductions_nombre),
  CONSTRAINT marches_cloture CHECK (clos = (date_cloture IS NOT NULL)),
  CONSTRAINT marches_evaluation CHECK (
    (evaluation_qualite IS NULL OR evaluation_qualite BETWEEN 1 AND 5)
    AND (evaluation_delais IS NULL OR evaluation_delais BETWEEN 1 AND 5)
    AND (evaluation_relation IS NULL OR evaluation_relation BETWEEN 1 AND 5)
  )
);
--> statement-breakpoint
CREATE UNIQUE INDEX marches_numero_unique ON marches USING btree (organisation_id, numero);
--> statement-breakpoint
CREATE UNIQUE INDEX marches_attribution_unique ON marches USING btree (organisation_id, procedure_id, lot_numero) WHERE procedure_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX marches_direction_idx ON marches USING btree (organisation_id, direction_id, date_fin);
--> statement-breakpoint
CREATE INDEX marches_fin_idx ON marches USING btree (organisation_id, date_fin) WHERE NOT clos;
--> statement-breakpoint
CREATE INDEX marches_notification_idx ON marches USING btree (organisation_id, date_notification DESC, id);
--> statement-breakpoint
CREATE TABLE marche_titulaires (
  marche_id uuid NOT NULL REFERENCES marches(id) ON DELETE CASCADE,
  fournisseur_id uuid NOT NULL REFERENCES fournisseurs(id) ON DELETE RESTRICT,
  role text NOT NULL,
  rang integer NOT NULL,
  montant_sous_traitance_ht_cents bigint,
  paiement_direct boolean DEFAULT false NOT NULL,
  PRIMARY KEY (marche_id, fournisseur_id, role),
  CONSTRAINT marche_titulaires_role CHECK (role IN ('titulaire', 'mandataire', 'cotraitant', 'sous-traitant'))
);
--> statement-breakpoint
CREATE INDEX marche_titulaires_fournisseur_idx ON marche_titulaires USING btree (fournisseur_id);
--> statement-breakpoint
CREATE TABLE marche_modifications (
  id uuid PRIMARY KEY NOT NULL,
  marche_id uuid NOT NULL REFERENCES marches(id) ON DELETE CASCADE,
  numero integer NOT NULL,
  objet text NOT NULL,
  fondement text NOT NULL,
  montant_ht_cents bigint NOT NULL,
  nouvelle_date_fin date,
  date_signature date NOT NULL,
  autorisee boolean NOT NULL,
  avis_cao_requis boolean NOT NULL,
  pourcentage_cumule_points_de_base integer NOT NULL,
  motif_juridique text,
  explications text[] DEFAULT '{}' NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT marche_modifications_motif CHECK (autorisee OR motif_juridique IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX marche_modifications_numero_unique ON marche_modifications USING btree (marche_id, numero);
--> statement-breakpoint
CREATE TABLE marche_bons_commande (
  id uuid PRIMARY KEY NOT NULL,
  marche_id uuid NOT NULL REFERENCES marches(id) ON DELETE CASCADE,
  numero text NOT NULL,
  objet text,
  date_emission date NOT NULL,
  montant_ht_cents bigint NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT marche_bons_commande_montant CHECK (montant_ht_cents > 0)
);
--> statement-breakpoint
CREATE INDEX marche_bons_commande_marche_idx ON marche_bons_commande USING btree (marche_id, date_emission);
--> statement-breakpoint
CREATE TABLE marche_factures (
  id uuid PRIMARY KEY NOT NULL,
  marche_id uuid NOT NULL REFERENCES marches(id) ON DELETE CASCADE,
  numero text NOT NULL,
  montant_ttc_cents bigint NOT NULL,
  date_reception date NOT NULL,
  date_paiement date,
  date_echeance date NOT NULL,
  delai_paiement_jours integer,
  jours_retard integer DEFAULT 0 NOT NULL,
  taux_interets_points_de_base integer,
  interets_moratoires_cents bigint DEFAULT 0 NOT NULL,
  indemnite_forfaitaire_cents bigint DEFAULT 0 NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT marche_factures_montant CHECK (montant_ttc_cents > 0),
  CONSTRAINT marche_factures_dates CHECK (date_paiement IS NULL OR date_paiement >= date_reception)
);
--> statement-breakpoint
CREATE INDEX marche_factures_marche_idx ON marche_factures USING btree (marche_id, date_reception);
--> statement-breakpoint
CREATE INDEX marche_factures_impayees_idx ON marche_factures USING btree (date_echeance) WHERE date_paiement IS NULL;
--> statement-breakpoint
CREATE TABLE marche_heures_insertion (
  id uuid PRIMARY KEY NOT NULL,
  marche_id uuid NOT NULL REFERENCES marches(id) ON DELETE CASCADE,
  periode_debut date NOT NULL,
  periode_fin date NOT NULL,
  heures integer NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT marche_heures_insertion_periode CHECK (periode_fin >= periode_debut AND heures >= 0)
);
--> statement-breakpoint
CREATE INDEX marche_heures_insertion_marche_idx ON marche_heures_insertion USING btree (marche_id, periode_debut);
--> statement-breakpoint
-- One row per direction and day the watch digest was sent: never twice the same day.
CREATE TABLE marche_syntheses (
  direction_id uuid NOT NULL REFERENCES directions(id) ON DELETE CASCADE,
  jour date NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  PRIMARY KEY (direction_id, jour)
);
