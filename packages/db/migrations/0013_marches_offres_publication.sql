-- Contracts: the number of tenders received for the lot (competition indicators, DECP `offresRecues`) and the first
-- publication date of the essential data of the contract and of each amendment (DECP `datePublicationDonnees`).
ALTER TABLE marches ADD COLUMN nombre_offres integer;
--> statement-breakpoint
ALTER TABLE marches ADD CONSTRAINT marches_nombre_offres CHECK (nombre_offres IS NULL OR nombre_offres >= 1);
--> statement-breakpoint
ALTER TABLE marches ADD COLUMN date_publication_donnees date;
--> statement-breakpoint
ALTER TABLE marche_modifications ADD COLUMN date_publication_donnees date;
