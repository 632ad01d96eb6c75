export * from "./programme";
export * from "./ports";
export * from "./programme.use-cases";
export * from "./contexte";
