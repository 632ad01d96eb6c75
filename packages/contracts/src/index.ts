export * from "./common.schema";
export * from "./auth.schema";
export * from "./organisation.schema";
export * from "./utilisateurs.schema";
export * from "./audit.schema";
export * from "./regles/index";
export * from "./plateforme.schema";
export * from "./imports.schema";
