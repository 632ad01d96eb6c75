-- The organisation tree and the account list are sorted in French order: index that order.
CREATE INDEX directions_ordre_idx ON directions USING btree (organisation_id, immutable_unaccent(lower(nom)), id);
--> statement-breakpoint
CREATE INDEX utilisateurs_ordre_idx ON utilisateurs USING btree (organisation_id, immutable_unaccent(lower(nom_affiche)), email);
