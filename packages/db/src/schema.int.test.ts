import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { selectRows, sql, type Database } from "./index";
import * as tables from "./tables";
import { testTargets } from "./testing/index";

/**
 * Migrations are hand-written SQL (docs/ARCHITECTURE.md, "Migrations"); the TypeScript schema that the
 * queries use must describe exactly what they build. This test fails when they drift apart.
 */
for (const target of testTargets()) {
  describe(`schéma TypeScript et migrations concordent (${target.name})`, () => {
    let database: Database;
    before(async () => {
      database = await target.open();
    });
    after(() => database.close());

    it("has every declared column, with its type and nullability, and no undeclared table or column", async () => {
      const declared = new Map<string, Map<string, { type: string; notNull: boolean }>>();
      for (const value of Object.values(tables)) {
        if (!(value instanceof PgTable)) continue;
        const config = getTableConfig(value);
        declared.set(config.name, new Map(config.columns.map((c) => [c.name, { type: c.getSQLType(), notNull: c.notNull }])));
      }
      const rows = await selectRows<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
        database.db,
        sql`select table_name, column_name, data_type, udt_name, is_nullable from information_schema.columns
            where table_schema = 'public' order by table_name, ordinal_position`,
      );
      const actual = new Map<string, Map<string, { type: string; notNull: boolean }>>();
      for (const r of rows) {
        const columns = actual.get(r.table_name) ?? new Map();
        // arrays are reported as ARRAY with the element type as `_text`; Drizzle says `text[]`
        const type = r.data_type === "ARRAY" ? `${r.udt_name.replace(/^_/, "")}[]` : r.data_type;
        columns.set(r.column_name, { type, notNull: r.is_nullable === "NO" });
        actual.set(r.table_name, columns);
      }
      assert.deepEqual([...actual.keys()].sort(), [...declared.keys()].sort(), "tables");
      for (const [table, columns] of declared) {
        assert.deepEqual(Object.fromEntries(actual.get(table) ?? []), Object.fromEntries(columns), `colonnes de ${table}`);
      }
    });
  });
}
