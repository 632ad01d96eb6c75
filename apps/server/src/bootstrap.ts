import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { systemActor } from "@achat-public/domain";
import { loadDefaultEcbRates } from "@achat-public/domain/regles";
import { migrate, openDatabase, repositories, systemClock, uuidGenerator, type Database } from "@achat-public/db";
import type { Config } from "./config";
import { unitOfWork, type AppContext } from "./context";
import { loadDemoData, type DemoSummary } from "./demo/demo-data";
import { argon2Hasher, randomTokens } from "./infra/crypto";

export class StartupError extends Error {}

const LOCK_FILE = "achat-public.pid";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is one PostgreSQL in one process: a second process on the same data directory would corrupt it.
 * A pid file refuses that with a clear message.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  if (existsSync(file)) {
    const pid = Number.parseInt(readFileSync(file, "utf8"), 10);
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
      throw new StartupError(
        `La base embarquée ${dataDir} est déjà ouverte par le processus ${pid} (serveur ou commande en cours). ` +
          "Arrêtez-le, ou choisissez un autre dossier avec DATA_DIR.",
      );
    }
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

/**
 * Opens and migrates the configured database and loads the reference data it needs (the default ECB
 * rate table when there is none); the returned `close` also releases the PGlite lock.
 */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const unlock = config.database.kind === "pglite" ? lockDataDir(config.database.dataDir) : () => {};
  try {
    const database = await openDatabase(
      config.database.kind === "pglite"
        ? { kind: "pglite", dataDir: join(config.database.dataDir, "pgdata") }
        : { kind: "postgresql", url: config.database.url, poolMax: config.database.poolMax },
    );
    await migrate(database);
    await loadReferenceData(database);
    return {
      ...database,
      async close() {
        await database.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** Reference data every instance needs: the default ECB rate table when the database has none. */
export async function loadReferenceData(database: Database): Promise<void> {
  await database.withStartupLock(() =>
    database.transaction((tx) =>
      loadDefaultEcbRates(repositories(tx, { clock: systemClock, ids: uuidGenerator }), systemActor("démarrage")),
    ),
  );
}

export function createContext(config: Config, database: Database): AppContext {
  return { config, database, clock: systemClock, ids: uuidGenerator, hasher: argon2Hasher(), tokens: randomTokens };
}

/**
 * First start: in demo mode, loads the demo organisation into an empty database; otherwise creates the
 * organisation described by ORG_NAME / ORG_SIRET if there is none. Returns what the demo load created.
 */
export async function prepareData(ctx: AppContext): Promise<DemoSummary | null> {
  const actor = systemActor("démarrage");
  return ctx.database.withStartupLock(() =>
    unitOfWork(ctx, async (repos) => {
      if (await repos.organisations.first()) return null;
      if (ctx.config.demoMode) return loadDemoData(repos, ctx.hasher);
      const organisation = { id: repos.ids.newId(), ...ctx.config.organisation };
      await repos.organisations.insert(organisation);
      await repos.audit.append(actor, {
        type: "organisation.created",
        aggregateType: "organisation",
        aggregateId: organisation.id,
        payload: ctx.config.organisation,
      });
      return null;
    }),
  );
}
