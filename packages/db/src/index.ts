export * from "./client";
export * from "./errors";
export * as schema from "./schema";
export * from "./repositories/index";
export * from "./repositories/audit.repository";
export * from "./repositories/organisation.repository";
export * from "./repositories/user.repository";
export * from "./repositories/session.repository";
export { sql } from "drizzle-orm";
