-- Outgoing mail, kept with its status (the « Courriels » page of the administrator). The jobs themselves
-- live in the `pgboss` schema, created and migrated by the job library at start-up.
CREATE TABLE courriels (
  id uuid PRIMARY KEY NOT NULL,
  organisation_id uuid,
  destinataires text[] NOT NULL,
  sujet text NOT NULL,
  texte text NOT NULL,
  html text,
  categorie text NOT NULL,
  statut text NOT NULL,
  tentatives integer DEFAULT 0 NOT NULL,
  derniere_erreur text,
  created_at timestamp with time zone NOT NULL,
  envoye_le timestamp with time zone,
  CONSTRAINT courriels_statut CHECK (statut IN ('en-attente', 'envoye', 'conserve', 'echec'))
);
--> statement-breakpoint
CREATE INDEX courriels_organisation_idx ON courriels USING btree (organisation_id, created_at);
