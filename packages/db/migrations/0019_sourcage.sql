-- Sourcing (CCP R2111-1): interest signals of companies on programme lines (one per company and line), sourcing
-- questionnaires on a line and the companies' answers (one per company and questionnaire).
CREATE TABLE signaux_interet (
  id uuid PRIMARY KEY,
  ligne_id uuid NOT NULL REFERENCES lignes_programme(id) ON DELETE CASCADE,
  entreprise_id uuid NOT NULL REFERENCES entreprises(id) ON DELETE CASCADE,
  utilisateur_id uuid NOT NULL REFERENCES utilisateurs(id) ON DELETE CASCADE,
  note text,
  cree_le timestamptz NOT NULL,
  modifie_le timestamptz NOT NULL,
  CONSTRAINT signaux_interet_note CHECK (note IS NULL OR char_length(note) <= 1000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX signaux_interet_unique ON signaux_interet (ligne_id, entreprise_id);
--> statement-breakpoint
CREATE INDEX signaux_interet_entreprise_idx ON signaux_interet (entreprise_id);
--> statement-breakpoint
CREATE TABLE demandes_sourcage (
  id uuid PRIMARY KEY,
  ligne_id uuid NOT NULL REFERENCES lignes_programme(id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
  titre text NOT NULL,
  introduction text,
  questions jsonb NOT NULL,
  date_cloture date NOT NULL,
  close_le timestamptz,
  cree_par uuid,
  cree_le timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
--> statement-breakpoint
CREATE INDEX demandes_sourcage_ligne_idx ON demandes_sourcage (ligne_id);
--> statement-breakpoint
CREATE TABLE reponses_sourcage (
  id uuid PRIMARY KEY,
  demande_id uuid NOT NULL REFERENCES demandes_sourcage(id) ON DELETE CASCADE,
  entreprise_id uuid NOT NULL REFERENCES entreprises(id) ON DELETE CASCADE,
  utilisateur_id uuid NOT NULL REFERENCES utilisateurs(id) ON DELETE CASCADE,
  reponses jsonb NOT NULL,
  cree_le timestamptz NOT NULL,
  modifie_le timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1
);
--> statement-breakpoint
CREATE UNIQUE INDEX reponses_sourcage_unique ON reponses_sourcage (demande_id, entreprise_id);
