export * from "./common.schema";
export * from "./auth.schema";
export * from "./organisation.schema";
export * from "./users.schema";
export * from "./audit.schema";
export * from "./regles/index";
