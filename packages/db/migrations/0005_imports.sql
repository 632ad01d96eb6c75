-- Spreadsheet imports of every context: the file until the import ends, its status, progress and report.
CREATE TABLE imports (
  id uuid PRIMARY KEY NOT NULL,
  organisation_id uuid NOT NULL,
  type text NOT NULL,
  nom_fichier text NOT NULL,
  format text NOT NULL,
  octets integer NOT NULL,
  empreinte text NOT NULL,
  statut text NOT NULL,
  progression integer DEFAULT 0 NOT NULL,
  etape text NOT NULL,
  rapport jsonb,
  erreur text,
  contenu bytea,
  cree_par uuid,
  created_at timestamp with time zone NOT NULL,
  updated_at timestamp with time zone NOT NULL,
  CONSTRAINT imports_statut CHECK (statut IN ('en-analyse', 'analyse', 'en-ecriture', 'termine', 'echec')),
  CONSTRAINT imports_format CHECK (format IN ('xlsx', 'csv'))
);
--> statement-breakpoint
CREATE INDEX imports_organisation_idx ON imports USING btree (organisation_id, created_at);
