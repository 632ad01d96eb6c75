-- Pilotage à 1,5 million de marchés : le marché précédent pour le même besoin se lit dans l'index seul (parcours
-- « index-only », une sonde par marché de la population) : l'ordre de choix complet (fin, notification, id) et les
-- colonnes lues (montant ferme ou maximum, durée) y sont.
DROP INDEX marches_precedent_idx;
--> statement-breakpoint
CREATE INDEX marches_precedent_idx ON marches (organisation_id, direction_id, cpv, date_fin, date_notification, id) INCLUDE (montant_ht_cents, montant_max_ht_cents, duree_mois);
