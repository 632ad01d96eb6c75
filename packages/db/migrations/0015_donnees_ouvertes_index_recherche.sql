-- Données ouvertes : index des tris par montant de la recherche publique. L'ordre « montant décroissant, sans montant
-- à la fin » (DESC NULLS LAST) ne peut pas lire à l'envers un index croissant (qui donnerait DESC NULLS FIRST) : un
-- index par sens, avec les colonnes de départage du tri, pour que la première page se lise dans l'index sans tri.
DROP INDEX IF EXISTS decp_attributions_montant_idx;
--> statement-breakpoint
CREATE INDEX decp_attributions_montant_asc_idx ON decp_attributions (montant_ht_cents ASC NULLS LAST, acheteur_id, marche_id, titulaire_id);
--> statement-breakpoint
CREATE INDEX decp_attributions_montant_desc_idx ON decp_attributions (montant_ht_cents DESC NULLS LAST, acheteur_id, marche_id, titulaire_id);
