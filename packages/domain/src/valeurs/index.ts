/** Value objects of the domain: identifiers, CPV codes, money, legal dates, local communes. */
export * from "./code-cpv";
export * from "./communes-94";
export * from "./date-legale";
export * from "./montant";
export * from "./siret";
