import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg, NodePgSession, NodePgTransaction } from "drizzle-orm/node-postgres";
import { PgDialect } from "drizzle-orm/pg-core";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";

/** A database handle or an open transaction: repositories accept either. */
export type Executor = PgDatabase<PgQueryResultHKT>;
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
  /** Raw SQL with `$1`-style parameters, outside any transaction (for the job queue library). */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory"; loadDataDir?: Blob | File }
  | { kind: "postgresql"; url: string; poolMax?: number };

/** Contrib extensions the migrations create (French search and sorting): PGlite must load them itself. */
const PGLITE_EXTENSIONS = { unaccent, pg_trgm };

const STARTUP_LOCK_KEY = 7_294_002_880; // arbitrary, constant across versions

// int8 (bigint, count(*)) as JS numbers on both drivers: every bigint we store fits in 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

const dialect = new PgDialect();

/**
 * One transaction on a client of the pool. Drizzle's own `transaction` leaks the client when `begin` fails and
 * reports the rollback's error instead of the original one when the connection was cut (failover, restart,
 * `pg_terminate_backend`); here a broken client is destroyed rather than returned to the pool, and the caller
 * gets the original error (answered 503).
 */
async function poolTransaction<T>(pool: pg.Pool, fn: (tx: Executor) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("begin");
  } catch (error) {
    client.release(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  let broken: Error | undefined;
  try {
    const session = new NodePgSession(client, dialect, undefined);
    const tx = new NodePgTransaction(dialect, session, undefined) as unknown as Executor;
    const result = await fn(tx);
    await client.query("commit");
    return result;
  } catch (error) {
    try {
      await client.query("rollback");
    } catch (rollbackError) {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgresql") {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolMax ?? 10, connectionTimeoutMillis: 10_000 });
    pool.on("error", () => {
      /* an idle client lost its connection: the pool replaces it; queries report their own errors */
    });
    pool.on("connect", (client) => {
      // A checked-out client whose backend is terminated (restart, failover, pg_terminate_backend) emits
      // 'error': without a listener the process would crash. The query in flight fails on its own (503).
      client.on("error", () => {});
    });
    const db = drizzlePg(pool) as unknown as Executor;
    return {
      kind: "postgresql",
      db,
      transaction: (fn) => poolTransaction(pool, fn),
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
      executeSql: (text, values) => pool.query(text, values),
      close: () => pool.end(),
    };
  }
  let client: PGlite;
  if (target.kind === "pglite") {
    mkdirSync(target.dataDir, { recursive: true });
    client = new PGlite(target.dataDir, { extensions: PGLITE_EXTENSIONS });
  } else {
    client = new PGlite({ extensions: PGLITE_EXTENSIONS, ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}) });
  }
  await client.waitReady;
  const db = drizzlePglite(client) as unknown as Executor;
  return {
    kind: "pglite",
    db,
    transaction: (fn) => db.transaction((tx) => fn(tx as unknown as Executor)),
    // PGlite is one connection in one process: nothing else can run migrations concurrently.
    withStartupLock: (fn) => fn(),
    async executeSql(text, values) {
      // parameterless text may hold several statements (the job library's migrations): run it as a script
      if (values && values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return results.at(-1) ?? { rows: [] };
    },
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

/** Raw SQL text with `$1`, `$2`… parameters as a Drizzle query (for libraries that speak SQL, in a transaction). */
export function rawSql(text: string, values: readonly unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) chunks.push(sql.raw(part));
    else chunks.push(sql`${values[Number(part) - 1] ?? null}`);
  });
  return sql.join(chunks, sql.raw(""));
}

/** Escapes `%`, `_` and the backslash so that user text is matched literally inside a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Gives the runtime role (the one of DATABASE_URL) what the application needs, from the owner role that ran
 * the migrations: read and write the business tables, but only read and append the audit trail — it can
 * neither update, delete nor truncate it, nor disable its triggers (only the owner could), so a compromised
 * application cannot rewrite the history (OWASP ASVS V16, audit at level 3).
 */
export async function grantRuntimeRole(owner: Database, runtimeRole: string): Promise<void> {
  const role = `"${runtimeRole.replace(/"/g, '""')}"`;
  await owner.executeSql(`
    GRANT USAGE ON SCHEMA public TO ${role};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${role};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${role};
    DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss') THEN
        EXECUTE 'GRANT USAGE, CREATE ON SCHEMA pgboss TO ${role.replace(/'/g, "''")}';
        EXECUTE 'GRANT ALL ON ALL TABLES IN SCHEMA pgboss TO ${role.replace(/'/g, "''")}';
        EXECUTE 'GRANT ALL ON ALL SEQUENCES IN SCHEMA pgboss TO ${role.replace(/'/g, "''")}';
        EXECUTE 'GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO ${role.replace(/'/g, "''")}';
      END IF;
    END $$;
  `);
}

/** The role a database handle connects as. */
export async function currentRole(database: Database): Promise<string> {
  const result = await database.executeSql("select current_user as role", []);
  return String((result.rows[0] as { role: string }).role);
}
