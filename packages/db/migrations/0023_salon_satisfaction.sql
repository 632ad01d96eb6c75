-- Après le salon : le questionnaire de satisfaction des entreprises présentes et des acheteurs présents (une réponse
-- par entreprise et par acheteur et par salon, modifiable jusqu'à la clôture), les créneaux où une entreprise inscrite
-- est disponible (NULL : toute la journée) et les familles d'achat des acheteurs présents (codes de la nomenclature).
CREATE TABLE salon_satisfaction (
  id uuid PRIMARY KEY NOT NULL,
  salon_id uuid NOT NULL REFERENCES salons(id) ON DELETE CASCADE,
  cote text NOT NULL,
  entreprise_id uuid REFERENCES entreprises(id) ON DELETE CASCADE,
  utilisateur_id uuid REFERENCES utilisateurs(id) ON DELETE CASCADE,
  satisfaction integer NOT NULL,
  utilite integer NOT NULL,
  reviendrait boolean NOT NULL,
  commentaire text,
  repondu_le timestamp with time zone NOT NULL,
  modifie_le timestamp with time zone NOT NULL,
  CONSTRAINT salon_satisfaction_cote CHECK (
    (cote = 'entreprise' AND entreprise_id IS NOT NULL AND utilisateur_id IS NULL)
    OR (cote = 'acheteur' AND utilisateur_id IS NOT NULL AND entreprise_id IS NULL)
  ),
  CONSTRAINT salon_satisfaction_notes CHECK (satisfaction BETWEEN 1 AND 5 AND utilite BETWEEN 1 AND 5),
  CONSTRAINT salon_satisfaction_commentaire CHECK (commentaire IS NULL OR char_length(commentaire) <= 1000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX salon_satisfaction_entreprise_unique ON salon_satisfaction USING btree (salon_id, entreprise_id) WHERE cote = 'entreprise';
--> statement-breakpoint
CREATE UNIQUE INDEX salon_satisfaction_acheteur_unique ON salon_satisfaction USING btree (salon_id, utilisateur_id) WHERE cote = 'acheteur';
--> statement-breakpoint
ALTER TABLE salon_inscriptions ADD COLUMN disponibilites jsonb;
--> statement-breakpoint
ALTER TABLE salon_acheteurs ADD COLUMN familles jsonb DEFAULT '[]'::jsonb NOT NULL;
