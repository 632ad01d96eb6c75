export * from "./marche";
export * from "./execution";
export * from "./ports";
export * from "./marches.use-cases";
export * from "./veille";
export * from "./contexte";
export * from "./generateur";
