-- One name per field: the business columns take the French names of the API and of the domain
-- (snake_case twins), the technical ones stay English. Also: French sorting and search helpers,
-- forced password change, the organisation of each audit event, and the security events.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is only STABLE; this wrapper can be used in indexes and sorts (French order, accent-insensitive search).
CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
ALTER TABLE organisations RENAME COLUMN name TO nom;
--> statement-breakpoint
ALTER TABLE directions RENAME COLUMN name TO nom;
--> statement-breakpoint
ALTER TABLE directions RENAME COLUMN acronym TO sigle;
--> statement-breakpoint
ALTER INDEX directions_name_unique RENAME TO directions_nom_unique;
--> statement-breakpoint
ALTER INDEX directions_acronym_unique RENAME TO directions_sigle_unique;
--> statement-breakpoint
ALTER TABLE directions RENAME CONSTRAINT directions_name_length TO directions_nom_longueur;
--> statement-breakpoint
ALTER TABLE directions RENAME CONSTRAINT directions_acronym_length TO directions_sigle_longueur;
--> statement-breakpoint
ALTER TABLE services RENAME COLUMN name TO nom;
--> statement-breakpoint
ALTER INDEX services_name_unique RENAME TO services_nom_unique;
--> statement-breakpoint
ALTER TABLE services RENAME CONSTRAINT services_name_length TO services_nom_longueur;
--> statement-breakpoint
ALTER TABLE users RENAME TO utilisateurs;
--> statement-breakpoint
ALTER TABLE utilisateurs RENAME CONSTRAINT users_pkey TO utilisateurs_pkey;
--> statement-breakpoint
ALTER TABLE utilisateurs RENAME COLUMN display_name TO nom_affiche;
--> statement-breakpoint
ALTER TABLE utilisateurs RENAME COLUMN active TO actif;
--> statement-breakpoint
ALTER TABLE utilisateurs RENAME COLUMN last_login_at TO derniere_connexion;
--> statement-breakpoint
ALTER TABLE utilisateurs ADD COLUMN mot_de_passe_a_changer boolean DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER INDEX users_email_unique RENAME TO utilisateurs_email_unique;
--> statement-breakpoint
ALTER INDEX users_direction_idx RENAME TO utilisateurs_direction_idx;
--> statement-breakpoint
CREATE INDEX utilisateurs_service_idx ON utilisateurs USING btree (service_id);
--> statement-breakpoint
ALTER TABLE utilisateurs RENAME CONSTRAINT users_role_valid TO utilisateurs_role_valide;
--> statement-breakpoint
ALTER TABLE utilisateurs RENAME CONSTRAINT users_email_lowercase TO utilisateurs_email_minuscules;
--> statement-breakpoint
ALTER TABLE utilisateurs RENAME CONSTRAINT users_acheteur_has_direction TO utilisateurs_acheteur_a_une_direction;
--> statement-breakpoint
ALTER TABLE utilisateurs RENAME CONSTRAINT users_service_needs_direction TO utilisateurs_service_avec_direction;
--> statement-breakpoint
ALTER TABLE utilisateurs RENAME CONSTRAINT users_organisation_id_organisations_id_fk TO utilisateurs_organisation_id_organisations_id_fk;
--> statement-breakpoint
ALTER TABLE utilisateurs RENAME CONSTRAINT users_direction_id_directions_id_fk TO utilisateurs_direction_id_directions_id_fk;
--> statement-breakpoint
ALTER TABLE utilisateurs RENAME CONSTRAINT users_service_id_services_id_fk TO utilisateurs_service_id_services_id_fk;
--> statement-breakpoint
UPDATE utilisateurs SET direction_id = NULL, service_id = NULL WHERE role = 'entreprise';
--> statement-breakpoint
ALTER TABLE utilisateurs ADD CONSTRAINT utilisateurs_entreprise_sans_direction CHECK (role <> 'entreprise' OR direction_id IS NULL);
--> statement-breakpoint
ALTER TABLE sessions RENAME CONSTRAINT sessions_user_id_users_id_fk TO sessions_user_id_utilisateurs_id_fk;
--> statement-breakpoint
ALTER TABLE ecb_rates RENAME TO taux_bce;
--> statement-breakpoint
ALTER TABLE taux_bce RENAME CONSTRAINT ecb_rates_pkey TO taux_bce_pkey;
--> statement-breakpoint
ALTER TABLE taux_bce RENAME COLUMN semester_start TO debut_semestre;
--> statement-breakpoint
ALTER TABLE taux_bce RENAME COLUMN rate_basis_points TO taux_bce_points_de_base;
--> statement-breakpoint
ALTER TABLE taux_bce RENAME CONSTRAINT ecb_rates_semester_start TO taux_bce_debut_semestre;
--> statement-breakpoint
ALTER TABLE taux_bce RENAME CONSTRAINT ecb_rates_range TO taux_bce_borne;
--> statement-breakpoint
ALTER TABLE taux_bce ADD COLUMN statut text;
--> statement-breakpoint
UPDATE taux_bce SET statut = CASE WHEN confirmed THEN 'confirme' ELSE 'a-confirmer' END;
--> statement-breakpoint
ALTER TABLE taux_bce ALTER COLUMN statut SET NOT NULL;
--> statement-breakpoint
ALTER TABLE taux_bce DROP COLUMN confirmed;
--> statement-breakpoint
ALTER TABLE taux_bce ADD CONSTRAINT taux_bce_statut CHECK (statut IN ('confirme', 'a-confirmer'));
--> statement-breakpoint
ALTER TABLE audit_events ADD COLUMN organisation_id uuid;
--> statement-breakpoint
CREATE INDEX audit_events_organisation_idx ON audit_events USING btree (organisation_id, seq);
--> statement-breakpoint
CREATE TABLE security_events (
  seq bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  occurred_at timestamp with time zone NOT NULL,
  type text NOT NULL,
  organisation_id uuid,
  actor_id uuid,
  actor_label text,
  client_address text,
  route text,
  details jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX security_events_occurred_idx ON security_events USING btree (occurred_at);
--> statement-breakpoint
CREATE INDEX security_events_organisation_idx ON security_events USING btree (organisation_id, seq);
