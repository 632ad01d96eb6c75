-- Pilotage à l'échelle (1,5 million de marchés) : les sous-requêtes par marché des indicateurs trouvent leur ligne
-- par un index au lieu de parcourir la table. Le marché précédent pour le même besoin : même organisation,
-- direction et code CPV, la fin la plus récente dans la fenêtre. Les lignes de programmation partagées avec un autre
-- marché (opérateur && sur le tableau) : un index GIN. Les factures payées dans la période : par date de paiement.
CREATE INDEX marches_precedent_idx ON marches (organisation_id, direction_id, cpv, date_fin);
--> statement-breakpoint
CREATE INDEX marches_lignes_programme_idx ON marches USING gin (lignes_programme_ids);
--> statement-breakpoint
CREATE INDEX marche_factures_paiement_idx ON marche_factures (date_paiement, marche_id);
