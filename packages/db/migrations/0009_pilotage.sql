-- Steering (pilotage): the SPASER targets, one per organisation, year and indicator.
CREATE TABLE cibles_spaser (
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  annee integer NOT NULL,
  indicateur text NOT NULL,
  valeur double precision NOT NULL,
  CONSTRAINT cibles_spaser_pkey PRIMARY KEY (organisation_id, annee, indicateur),
  CONSTRAINT cibles_spaser_annee CHECK (annee BETWEEN 2000 AND 2100)
);
