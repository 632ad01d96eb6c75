import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { migrate, migrationsFolder, openDatabase, pgliteOf, type Database } from "../client";

/**
 * Test databases: PGlite always, and the PostgreSQL server of `TEST_DATABASE_URL` when it is set (CI sets
 * it). Each `open()` gives a fresh, migrated, empty database.
 */
export interface TestTarget {
  name: "pglite" | "postgresql";
  open(): Promise<Database>;
}

export function testTargets(): TestTarget[] {
  const targets: TestTarget[] = [{ name: "pglite", open: openPgliteTestDatabase }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) targets.push({ name: "postgresql", open: () => openPostgresTestDatabase(url) });
  return targets;
}

function migrationsKey(): string {
  const folder = migrationsFolder();
  const hash = createHash("sha256");
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    hash.update(file).update(readFileSync(join(folder, file)));
  }
  return hash.digest("hex").slice(0, 16);
}

/** A migrated PGlite snapshot, built once per migration set and cached in the temp folder (initdb is slow). */
async function pgliteTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `achat-public-pglite-${migrationsKey()}.tar.gz`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const database = await openDatabase({ kind: "pglite-memory" });
  await migrate(database);
  const pglite = pgliteOf(database);
  if (!pglite) throw new Error("not a PGlite database");
  const dump = await pglite.dumpDataDir("gzip");
  await database.close();
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
  renameSync(temporary, file);
  return dump;
}

export async function openPgliteTestDatabase(): Promise<Database> {
  const database = await openDatabase({ kind: "pglite-memory", loadDataDir: await pgliteTemplate() });
  await migrate(database); // no-op on an up-to-date snapshot; proves the journal was restored
  return database;
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A throw-away database on the server, dropped when the returned handle is closed. */
export async function openPostgresTestDatabase(url: string): Promise<Database> {
  const name = `achat_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ kind: "postgresql", url: withDatabaseName(url, name), poolMax: 4 });
  await migrate(database);
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
