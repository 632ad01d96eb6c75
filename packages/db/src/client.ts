import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "./schema";

export type Schema = typeof schema;
/** A database handle or an open transaction: repositories accept either. */
export type Executor = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = "pglite" | "postgresql";

export interface Database {
  kind: DatabaseKind;
  db: Executor;
  /** Runs `fn` in one transaction; it rolls back if `fn` throws. */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` while holding a lock shared by every instance on this database (migrations, demo data), so
   * that several servers starting together do not race.
   */
  withStartupLock<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory"; loadDataDir?: Blob | File }
  | { kind: "postgresql"; url: string; poolMax?: number };

const STARTUP_LOCK_KEY = 7_294_002_880; // arbitrary, constant across versions

// int8 (bigint, count(*)) as JS numbers on both drivers: every bigint we store fits in 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgresql") {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolMax ?? 10 });
    pool.on("error", () => {
      /* an idle client lost its connection: the pool replaces it; queries report their own errors */
    });
    const db = drizzlePg(pool, { schema }) as unknown as Executor;
    return {
      kind: "postgresql",
      db,
      transaction: (fn) => db.transaction((tx) => fn(tx as unknown as Executor)),
      async withStartupLock(fn) {
        const client = await pool.connect();
        try {
          await client.query("select pg_advisory_lock($1)", [STARTUP_LOCK_KEY]);
          try {
            return await fn();
          } finally {
            await client.query("select pg_advisory_unlock($1)", [STARTUP_LOCK_KEY]);
          }
        } finally {
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  let client: PGlite;
  if (target.kind === "pglite") {
    mkdirSync(target.dataDir, { recursive: true });
    client = new PGlite(target.dataDir);
  } else {
    client = new PGlite(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {});
  }
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Executor;
  return {
    kind: "pglite",
    db,
    transaction: (fn) => db.transaction((tx) => fn(tx as unknown as Executor)),
    // PGlite is one connection in one process: nothing else can run migrations concurrently.
    withStartupLock: (fn) => fn(),
    close: () => client.close(),
    // exposed for tests that snapshot a migrated database
    ...{ pglite: client },
  };
}

/** The PGlite client behind a database opened on PGlite (for snapshots in tests). */
export function pgliteOf(database: Database): PGlite | null {
  return (database as Database & { pglite?: PGlite }).pglite ?? null;
}

/**
 * The folder of SQL migrations: next to the sources in the repository, or copied next to the bundle
 * (apps/server/dist/migrations) by the build.
 */
export function migrationsFolder(): string {
  for (const candidate of ["../migrations", "./migrations"]) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(`${path}/meta/_journal.json`)) return path;
  }
  throw new Error("Dossier des migrations introuvable (packages/db/migrations).");
}

/** Applies the committed SQL migrations that are not applied yet. */
export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder: migrationsFolder() };
  await database.withStartupLock(async () => {
    if (database.kind === "pglite") await migratePglite(database.db as never, config);
    else await migratePg(database.db as never, config);
  });
}

export async function ping(database: Database): Promise<void> {
  await database.db.execute(sql`select 1`);
}

/** Rows of a raw SQL query, the same on both drivers (for tests, scripts and read models). */
export async function selectRows<T extends Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Escapes `%`, `_` and the backslash so that user text is matched literally inside a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
