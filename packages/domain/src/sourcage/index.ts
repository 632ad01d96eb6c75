/** Sourcing: interest signals and sourcing questionnaires on programme lines. See docs/sourcage.md. */
export * from "./sourcage";
export * from "./ports";
export * from "./sourcage.use-cases";
export { SOURCAGE } from "./contexte";
export * from "./guides";
