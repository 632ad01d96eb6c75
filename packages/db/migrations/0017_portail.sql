-- Companies' portal: saved searches of company accounts, the items already mailed for each (never twice), and the
-- installation's signing key (unsubscribe links, private feed addresses).
CREATE TABLE recherches_enregistrees (
  id uuid PRIMARY KEY,
  entreprise_id uuid NOT NULL REFERENCES entreprises(id) ON DELETE CASCADE,
  utilisateur_id uuid NOT NULL REFERENCES utilisateurs(id) ON DELETE CASCADE,
  nom text NOT NULL,
  frequence text NOT NULL,
  prefixes_cpv text[] NOT NULL DEFAULT '{}'::text[],
  mots_cles text[] NOT NULL DEFAULT '{}'::text[],
  departement text,
  montant_min_ht_cents bigint,
  montant_max_ht_cents bigint,
  alertes_actives boolean NOT NULL DEFAULT true,
  flux_generation integer NOT NULL DEFAULT 1,
  flux_actif boolean NOT NULL DEFAULT true,
  cree_le timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT recherches_enregistrees_frequence CHECK (frequence in ('quotidienne', 'hebdomadaire')),
  CONSTRAINT recherches_enregistrees_montants CHECK (montant_min_ht_cents IS NULL OR montant_max_ht_cents IS NULL OR montant_min_ht_cents <= montant_max_ht_cents)
);
--> statement-breakpoint
CREATE INDEX recherches_enregistrees_entreprise_idx ON recherches_enregistrees (entreprise_id);
--> statement-breakpoint
CREATE TABLE recherches_envois (
  recherche_id uuid NOT NULL REFERENCES recherches_enregistrees(id) ON DELETE CASCADE,
  cle text NOT NULL,
  envoye_le timestamptz NOT NULL,
  CONSTRAINT recherches_envois_pkey PRIMARY KEY (recherche_id, cle)
);
--> statement-breakpoint
CREATE TABLE portail_cles (
  nom text PRIMARY KEY,
  valeur text NOT NULL
);
