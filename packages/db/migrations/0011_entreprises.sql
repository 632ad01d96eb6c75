-- Comptes des entreprises (portail) : l'entreprise (un compte par SIRET, profil privé par défaut), le rattachement
-- des comptes de rôle « entreprise » à leur entreprise, les liens à usage unique (confirmation, invitation).
CREATE TABLE entreprises (
  id uuid PRIMARY KEY NOT NULL,
  siret text NOT NULL,
  raison_sociale text NOT NULL,
  activites text[] DEFAULT '{}'::text[] NOT NULL,
  territoires text[] DEFAULT '{}'::text[] NOT NULL,
  categorie text,
  statut_inclusif text,
  certifications text[] DEFAULT '{}'::text[] NOT NULL,
  profil_public boolean DEFAULT false NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  CONSTRAINT entreprises_siret_format CHECK (siret ~ '^[0-9]{14}$'),
  CONSTRAINT entreprises_categorie CHECK (categorie IS NULL OR categorie IN ('micro', 'pme', 'eti', 'ge')),
  CONSTRAINT entreprises_statut_inclusif CHECK (statut_inclusif IS NULL OR statut_inclusif IN ('siae', 'ea', 'esat'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX entreprises_siret_unique ON entreprises USING btree (siret);
--> statement-breakpoint
CREATE TABLE entreprise_membres (
  utilisateur_id uuid PRIMARY KEY NOT NULL REFERENCES utilisateurs(id) ON DELETE CASCADE,
  entreprise_id uuid NOT NULL REFERENCES entreprises(id) ON DELETE CASCADE,
  administrateur boolean DEFAULT false NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX entreprise_membres_entreprise_idx ON entreprise_membres USING btree (entreprise_id);
--> statement-breakpoint
CREATE TABLE entreprise_jetons (
  jeton_hash text PRIMARY KEY NOT NULL,
  type text NOT NULL,
  entreprise_id uuid NOT NULL REFERENCES entreprises(id) ON DELETE CASCADE,
  utilisateur_id uuid REFERENCES utilisateurs(id) ON DELETE CASCADE,
  email text NOT NULL,
  nom_affiche text NOT NULL,
  expire_le timestamp with time zone NOT NULL,
  utilise_le timestamp with time zone,
  cree_par uuid,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT entreprise_jetons_type CHECK (type IN ('confirmation', 'invitation'))
);
--> statement-breakpoint
CREATE INDEX entreprise_jetons_entreprise_idx ON entreprise_jetons USING btree (entreprise_id, type);
