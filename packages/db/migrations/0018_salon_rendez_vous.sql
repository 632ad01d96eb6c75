-- Les rendez-vous du salon : acheteurs présents (une table chacun, leurs créneaux libres), demandes de rendez-vous
-- (d'une entreprise, ou invitation d'un acheteur) sur des lignes publiées de la programmation, et le planning
-- (une entreprise et un acheteur au plus une fois par créneau : la base le garantit aussi).
CREATE TABLE salon_acheteurs (
  salon_id uuid NOT NULL REFERENCES salons(id) ON DELETE CASCADE,
  utilisateur_id uuid NOT NULL REFERENCES utilisateurs(id) ON DELETE CASCADE,
  disponibilites jsonb NOT NULL,
  numero_table integer NOT NULL,
  PRIMARY KEY (salon_id, utilisateur_id),
  CONSTRAINT salon_acheteurs_table CHECK (numero_table > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX salon_acheteurs_table_unique ON salon_acheteurs USING btree (salon_id, numero_table);
--> statement-breakpoint
CREATE TABLE salon_demandes (
  id uuid PRIMARY KEY NOT NULL,
  salon_id uuid NOT NULL REFERENCES salons(id) ON DELETE CASCADE,
  entreprise_id uuid NOT NULL REFERENCES entreprises(id) ON DELETE CASCADE,
  acheteur_id uuid NOT NULL REFERENCES utilisateurs(id) ON DELETE CASCADE,
  lignes jsonb NOT NULL,
  priorite integer NOT NULL,
  origine text NOT NULL,
  note text,
  statut text NOT NULL,
  declinee_par text,
  cree_le timestamp with time zone NOT NULL,
  CONSTRAINT salon_demandes_priorite CHECK (priorite BETWEEN 1 AND 3),
  CONSTRAINT salon_demandes_origine CHECK (origine IN ('entreprise', 'acheteur')),
  CONSTRAINT salon_demandes_statut CHECK (statut IN ('demandee', 'declinee')),
  CONSTRAINT salon_demandes_declinee_par CHECK (declinee_par IS NULL OR declinee_par IN ('entreprise', 'acheteur'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX salon_demandes_vivante_unique ON salon_demandes USING btree (salon_id, entreprise_id, acheteur_id) WHERE statut = 'demandee';
--> statement-breakpoint
CREATE INDEX salon_demandes_acheteur_idx ON salon_demandes USING btree (salon_id, acheteur_id);
--> statement-breakpoint
CREATE TABLE salon_rendez_vous (
  demande_id uuid PRIMARY KEY NOT NULL REFERENCES salon_demandes(id) ON DELETE CASCADE,
  salon_id uuid NOT NULL REFERENCES salons(id) ON DELETE CASCADE,
  entreprise_id uuid NOT NULL REFERENCES entreprises(id) ON DELETE CASCADE,
  acheteur_id uuid NOT NULL REFERENCES utilisateurs(id) ON DELETE CASCADE,
  creneau text NOT NULL,
  numero_table integer NOT NULL,
  confirme boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX salon_rendez_vous_acheteur_unique ON salon_rendez_vous USING btree (salon_id, acheteur_id, creneau);
--> statement-breakpoint
CREATE UNIQUE INDEX salon_rendez_vous_entreprise_unique ON salon_rendez_vous USING btree (salon_id, entreprise_id, creneau);
