/**
 * Every table of the schema, context by context: the migrations are checked against it (schema.int.test.ts)
 * and read models import their tables from here. Adding a context adds one line here.
 */
export * from "./acces/acces.schema";
export * from "./audit/audit.schema";
export * from "./organisation/organisation.schema";
export * from "./plateforme/plateforme.schema";
export * from "./regles/regles.schema";
export * from "./programme/programme.schema";
export * from "./procedures/procedures.schema";
export * from "./fournisseurs/fournisseurs.schema";
export * from "./marches/marches.schema";
export * from "./pilotage/pilotage.schema";
export * from "./donnees/donnees.schema";
export * from "./entreprises/entreprises.schema";
export * from "./salon/salon.schema";
export * from "./portail/portail.schema";
export * from "./sourcage/sourcage.schema";
export * from "./espace/espace.schema";
