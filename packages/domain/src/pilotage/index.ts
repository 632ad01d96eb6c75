export * from "./contexte";
export * from "./indicateurs";
export * from "./pilotage.use-cases";
export * from "./ports";
export * from "./format";
