import { sql, type SQL } from "drizzle-orm";
import { integer, timestamp, type AnyPgColumn } from "drizzle-orm/pg-core";

/** An instant (timestamptz), read as a JS Date. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Creation and update instants and the optimistic-locking counter of an editable row. */
export const horodatage = () => ({
  createdAt: instant("created_at").notNull().defaultNow(),
  updatedAt: instant("updated_at").notNull().defaultNow(),
  /** Optimistic-locking counter, incremented by every update. */
  version: integer("version").notNull().default(1),
});

/** French alphabetical order in SQL (accents and case folded), the same on PGlite and PostgreSQL. */
export const ordreFrancais = (column: AnyPgColumn | SQL) => sql`immutable_unaccent(lower(${column}))`;
