-- Le salon de l'achat public comme événement : date, lieu, horaires, créneaux, tables, capacités ; inscriptions des
-- entreprises avec liste d'attente (servie dans l'ordre d'arrivée « rang ») et pointage à l'entrée.
CREATE TABLE salons (
  id uuid PRIMARY KEY NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
  nom text NOT NULL,
  date date NOT NULL,
  lieu text NOT NULL,
  heure_ouverture text NOT NULL,
  heure_fermeture text NOT NULL,
  duree_creneau_minutes integer NOT NULL,
  pauses jsonb NOT NULL,
  tables integer NOT NULL,
  capacite_entreprises integer NOT NULL,
  personnes_par_entreprise integer NOT NULL,
  statut text NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  CONSTRAINT salons_statut CHECK (statut IN ('preparation', 'ouvert', 'clos', 'tenu')),
  CONSTRAINT salons_capacite CHECK (capacite_entreprises > 0 AND tables > 0 AND personnes_par_entreprise > 0)
);
--> statement-breakpoint
CREATE INDEX salons_organisation_idx ON salons USING btree (organisation_id, date);
--> statement-breakpoint
CREATE TABLE salon_inscriptions (
  id uuid PRIMARY KEY NOT NULL,
  salon_id uuid NOT NULL REFERENCES salons(id) ON DELETE CASCADE,
  entreprise_id uuid NOT NULL REFERENCES entreprises(id) ON DELETE CASCADE,
  statut text NOT NULL,
  rang bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  personnes integer NOT NULL,
  inscrit_le timestamp with time zone NOT NULL,
  promue_le timestamp with time zone,
  presence text,
  CONSTRAINT salon_inscriptions_statut CHECK (statut IN ('acceptee', 'attente', 'annulee')),
  CONSTRAINT salon_inscriptions_presence CHECK (presence IS NULL OR presence IN ('present', 'absent'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX salon_inscriptions_active_unique ON salon_inscriptions USING btree (salon_id, entreprise_id) WHERE statut <> 'annulee';
--> statement-breakpoint
CREATE INDEX salon_inscriptions_file_idx ON salon_inscriptions USING btree (salon_id, statut, rang);
