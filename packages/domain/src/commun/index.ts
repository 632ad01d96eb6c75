export * from "./errors";
export * from "./pagination";
export * from "./ports";
export * from "./texte";
export * from "./attribution";
