export * from "./machine";
export * from "./procedure";
export * from "./clausier";
export * from "./ports";
export * from "./contexte";
export * from "./procedures.use-cases";
