/**
 * Every table of the schema, context by context: the migrations are checked against it (schema.int.test.ts)
 * and read models import their tables from here. Adding a context adds one line here.
 */
export * from "./acces/acces.schema";
export * from "./audit/audit.schema";
export * from "./organisation/organisation.schema";
export * from "./plateforme/plateforme.schema";
export * from "./regles/regles.schema";
export * from "./entreprises/entreprises.schema";
export * from "./salon/salon.schema";
