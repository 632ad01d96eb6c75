export * from "./canonical-json";
export * from "./contexte";
