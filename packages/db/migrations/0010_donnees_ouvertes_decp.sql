-- Données ouvertes : magasin des données essentielles publiées (DECP) de tous les acheteurs, à part des
-- marchés du département. Une attribution = un marché × un titulaire (identité : acheteur, marché, titulaire).
CREATE TABLE decp_acheteurs (
  id text PRIMARY KEY,
  nom text
);
--> statement-breakpoint
CREATE TABLE decp_titulaires (
  id text PRIMARY KEY,
  type_identifiant text,
  nom text,
  departement text
);
--> statement-breakpoint
CREATE TABLE decp_attributions (
  acheteur_id text NOT NULL,
  marche_id text NOT NULL,
  titulaire_id text NOT NULL,
  acheteur_nom text,
  titulaire_type_identifiant text,
  titulaire_nom text,
  nature text NOT NULL CHECK (nature IN ('marche', 'concession')),
  nature_publiee text,
  objet text,
  code_cpv text CHECK (code_cpv ~ '^\d{8}$'),
  code_cpv_publie text,
  procedure text,
  lieu_code text,
  lieu_type_code text,
  departement text,
  titulaire_departement text,
  montant_ht_cents bigint CHECK (montant_ht_cents >= 0),
  date_notification date,
  date_publication date,
  duree_mois integer,
  offres_recues integer,
  forme_prix text,
  nombre_titulaires integer NOT NULL,
  categorie_entreprise text,
  avertissements integer NOT NULL DEFAULT 0,
  -- recherche plein texte française, sans accents, sur l'objet et le nom du titulaire : stockée, pour que la
  -- recherche triée par date parcoure l'index des dates en filtrant sans recalculer le vecteur
  recherche tsvector GENERATED ALWAYS AS (
    to_tsvector('french'::regconfig, immutable_unaccent(coalesce(objet, '') || ' ' || coalesce(titulaire_nom, '')))
  ) STORED,
  PRIMARY KEY (acheteur_id, marche_id, titulaire_id)
);
--> statement-breakpoint
CREATE TABLE decp_modifications (
  acheteur_id text NOT NULL,
  marche_id text NOT NULL,
  rang integer NOT NULL,
  objet text,
  montant_ht_cents bigint,
  duree_mois integer,
  date_notification date,
  date_publication date,
  PRIMARY KEY (acheteur_id, marche_id, rang)
);
--> statement-breakpoint
CREATE INDEX decp_attributions_recherche_idx ON decp_attributions USING gin (recherche);
--> statement-breakpoint
CREATE INDEX decp_attributions_cpv_idx ON decp_attributions (code_cpv text_pattern_ops, date_notification);
--> statement-breakpoint
CREATE INDEX decp_attributions_departement_cpv_idx ON decp_attributions (departement, code_cpv text_pattern_ops);
--> statement-breakpoint
CREATE INDEX decp_attributions_titulaire_idx ON decp_attributions (titulaire_id);
--> statement-breakpoint
CREATE INDEX decp_attributions_date_idx ON decp_attributions (date_notification DESC NULLS LAST, acheteur_id, marche_id, titulaire_id);
--> statement-breakpoint
-- le tri croissant met aussi les marchés sans date à la fin : un second index (un B-arbre lu à l'envers inverse NULLS LAST)
CREATE INDEX decp_attributions_date_asc_idx ON decp_attributions (date_notification ASC NULLS LAST, acheteur_id, marche_id, titulaire_id);
--> statement-breakpoint
CREATE INDEX decp_attributions_montant_idx ON decp_attributions (montant_ht_cents);
