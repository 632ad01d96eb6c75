export * from "./contexte";
