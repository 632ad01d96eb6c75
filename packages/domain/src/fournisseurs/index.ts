export * from "./fournisseur";
export * from "./ports";
export * from "./fournisseurs.use-cases";
export * from "./contexte";
