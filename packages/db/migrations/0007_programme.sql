-- Purchase programme: homogeneous families (R2121-6) mapped to CPV prefixes, the lines of each direction with their
-- workflow and optimistic version, the past versions of revised lines, and the French full-text index of the public
-- programme (accents ignored).
CREATE TABLE familles_achat (
  id uuid PRIMARY KEY NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
  code text NOT NULL,
  libelle text NOT NULL,
  nature text NOT NULL,
  prefixes_cpv text[] NOT NULL,
  actif boolean DEFAULT true NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  CONSTRAINT familles_achat_nature CHECK (nature IN ('fournitures', 'services'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX familles_achat_code_unique ON familles_achat USING btree (organisation_id, code);
--> statement-breakpoint
CREATE TABLE lignes_programme (
  id uuid PRIMARY KEY NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
  annee integer NOT NULL,
  direction_id uuid NOT NULL REFERENCES directions(id) ON DELETE RESTRICT,
  service_id uuid REFERENCES services(id) ON DELETE SET NULL,
  objet text NOT NULL,
  nature text NOT NULL,
  cpv text NOT NULL,
  famille_id uuid REFERENCES familles_achat(id) ON DELETE RESTRICT,
  operation text,
  valeur_estimee_ht_cents bigint NOT NULL,
  trimestre integer NOT NULL,
  duree_mois integer NOT NULL,
  renouvellement boolean NOT NULL,
  clause_sociale boolean NOT NULL,
  lot_reserve boolean NOT NULL,
  critere_environnemental boolean NOT NULL,
  innovation boolean NOT NULL,
  statut text NOT NULL,
  commentaire text,
  numero_version integer DEFAULT 1 NOT NULL,
  famille_procedure text,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  CONSTRAINT lignes_programme_statut CHECK (statut IN ('brouillon', 'soumise', 'renvoyee', 'validee', 'publiee')),
  CONSTRAINT lignes_programme_nature CHECK (nature IN ('travaux', 'fournitures', 'services')),
  CONSTRAINT lignes_programme_trimestre CHECK (trimestre BETWEEN 1 AND 4),
  CONSTRAINT lignes_programme_valeur CHECK (valeur_estimee_ht_cents > 0)
);
--> statement-breakpoint
CREATE INDEX lignes_programme_annee_idx ON lignes_programme USING btree (organisation_id, annee, direction_id);
--> statement-breakpoint
CREATE INDEX lignes_programme_publiees_idx ON lignes_programme USING btree (organisation_id, annee, trimestre) WHERE statut = 'publiee';
--> statement-breakpoint
CREATE INDEX lignes_programme_recherche_idx ON lignes_programme USING gin (to_tsvector('french'::regconfig, immutable_unaccent(objet)));
--> statement-breakpoint
CREATE TABLE lignes_programme_versions (
  ligne_id uuid NOT NULL REFERENCES lignes_programme(id) ON DELETE CASCADE,
  numero_version integer NOT NULL,
  statut text NOT NULL,
  contenu jsonb NOT NULL,
  cree_le timestamp with time zone NOT NULL,
  PRIMARY KEY (ligne_id, numero_version)
);
