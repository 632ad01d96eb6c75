export * from "./organisation";
export * from "./ports";
export * from "./directions.use-cases";
export * from "./users.use-cases";
export * from "./contexte";
