-- Données ouvertes : tables de synthèse du sourcing, reconstruites à la fin de chaque import des DECP (dans sa
-- transaction). La requête du sourcing les lit au lieu de regrouper les attributions à chaque appel (1,2 s à
-- 1,67 million d'attributions). Niveaux de CPV : début du code de 2 à 5 chiffres (un début plus long, ou un filtre de
-- date, lit les attributions : les correspondances y sont peu nombreuses).
-- Par (début de CPV, département d'exécution, département du titulaire, titulaire) : ce que la page affiche.
CREATE TABLE decp_sourcing_titulaires (
  prefixe text NOT NULL,
  departement text,
  titulaire_departement text,
  titulaire_id text NOT NULL,
  titulaire_nom text,
  attributions integer NOT NULL,
  montant_cents bigint NOT NULL,
  derniere date,
  categorie text,
  -- identifiants distincts des acheteurs (compte exact des acheteurs distincts sur un territoire de plusieurs lignes)
  acheteurs text[] NOT NULL,
  -- les trois premiers noms distincts (ordre du texte) : les trois premiers d'un territoire sont parmi ceux de ses lignes
  acheteurs_exemples text[] NOT NULL
);
--> statement-breakpoint
CREATE INDEX decp_sourcing_titulaires_prefixe_idx ON decp_sourcing_titulaires (prefixe, departement);
--> statement-breakpoint
CREATE INDEX decp_sourcing_titulaires_titulaire_idx ON decp_sourcing_titulaires (titulaire_id, prefixe);
--> statement-breakpoint
-- Par (début de CPV, département d'exécution, nombre d'offres publié ou NULL) : le nombre de marchés (un marché =
-- acheteur + identifiant dans un département ; un groupement compte une fois).
CREATE TABLE decp_sourcing_concurrence (
  prefixe text NOT NULL,
  departement text,
  offres integer,
  marches integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX decp_sourcing_concurrence_prefixe_idx ON decp_sourcing_concurrence (prefixe, departement);
