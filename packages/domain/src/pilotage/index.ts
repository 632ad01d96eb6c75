export * from "./contexte";
export * from "./indicateurs";
