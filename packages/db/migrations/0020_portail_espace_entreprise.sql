-- Companies' own space (issue #12): the evaluation of the département by a contract's holder (one per contract
-- and company, editable), and the version counters of the public JSON lists (bumped by an outbox job when the
-- data behind a list changes; the in-process caches of every instance compare against it).
CREATE TABLE evaluations_acheteur (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
  marche_id uuid NOT NULL REFERENCES marches(id) ON DELETE CASCADE,
  entreprise_id uuid NOT NULL REFERENCES entreprises(id) ON DELETE CASCADE,
  note_paiement integer NOT NULL,
  note_clarte integer NOT NULL,
  note_relation integer NOT NULL,
  commentaire text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT evaluations_acheteur_notes CHECK (note_paiement BETWEEN 1 AND 5 AND note_clarte BETWEEN 1 AND 5 AND note_relation BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX evaluations_acheteur_unique ON evaluations_acheteur (marche_id, entreprise_id);
--> statement-breakpoint
CREATE INDEX evaluations_acheteur_organisation_idx ON evaluations_acheteur (organisation_id);
--> statement-breakpoint
CREATE TABLE listes_publiques_versions (
  liste text PRIMARY KEY,
  version bigint NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
