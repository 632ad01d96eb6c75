import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { systemActor } from "@achat-public/domain";
import { loadDefaultEcbRates } from "@achat-public/domain/regles";
import {
  currentRole,
  grantRuntimeRole,
  migrate,
  openDatabase,
  publicationRepository,
  repositories,
  systemClock,
  uuidGenerator,
  type Database,
} from "@achat-public/db";
import type { Config } from "./config";
import { unitOfWork, type AppContext, type Logger } from "./context";
import { ALL_IMPORTS, ALL_JOBS, allSchedules, DEMO_STEPS } from "./contexts";
import { argon2Hasher, randomTokens } from "./platform/crypto";
import { JobRunner } from "./platform/jobs/jobs";
import { zxcvbnPasswordStrength } from "./platform/password-strength";

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

/** The pid of the live process holding the embedded database of `dataDir`, if any (not this one). */
export function embeddedDatabaseHolder(dataDir: string): number | null {
  const file = join(dataDir, LOCK_FILE);
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, "utf8"), 10);
  return Number.isInteger(pid) && pid !== process.pid && isAlive(pid) ? pid : null;
}

/**
 * PGlite is one PostgreSQL in one process: a second process on the same data directory would corrupt it.
 * A pid file refuses that with a clear message (the CLI then goes through the running server instead).
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const holder = embeddedDatabaseHolder(dataDir);
  if (holder !== null) {
    throw new StartupError(
      `La base embarquée ${dataDir} est déjà ouverte par le processus ${holder}. ` +
        "Arrêtez-le, ou choisissez un autre dossier avec DATA_DIR.",
    );
  }
  const file = join(dataDir, LOCK_FILE);
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

/**
 * Applies the migrations: with MIGRATION_DATABASE_URL, as that owner role, then grants the runtime role of
 * DATABASE_URL what it needs (and no more on the audit trail); otherwise as the runtime role itself.
 */
async function migrateAs(config: Config, database: Database): Promise<void> {
  if (config.database.kind !== "postgresql" || !config.migrationDatabaseUrl) {
    await migrate(database);
    return;
  }
  const owner = await openDatabase({ kind: "postgresql", url: config.migrationDatabaseUrl, poolMax: 2 });
  try {
    await migrate(owner);
    await JobRunner.migrate(owner, ALL_JOBS, config.jobs);
    await grantRuntimeRole(owner, await currentRole(database));
  } finally {
    await owner.close();
  }
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
    try {
      await migrateAs(config, database);
      await loadReferenceData(database);
    } catch (error) {
      await database.close();
      throw error;
    }
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

export const consoleLogger: Logger = {
  info: () => {},
  warn: (object, message) => console.error(message ?? "", object instanceof Error ? object.message : ""),
  error: (object, message) => console.error(message ?? "", object),
};

/**
 * The application context of one process, with its job queue started: every job type and schedule of the
 * contexts registered, the workers running if `workers` (the server), not in the CLI.
 */
export async function createContext(
  config: Config,
  database: Database,
  options: { log?: Logger; workers?: boolean } = {},
): Promise<AppContext> {
  const log = options.log ?? consoleLogger;
  const workers = options.workers ?? config.jobs.workers;
  const jobs = new JobRunner(database, { ...config.jobs, workers }, (error) => log.error(error, "file des tâches"));
  const ctx: AppContext = {
    config,
    database,
    clock: systemClock,
    ids: uuidGenerator,
    hasher: argon2Hasher(),
    passwordStrength: zxcvbnPasswordStrength(),
    tokens: randomTokens,
    jobs,
    log,
    imports: ALL_IMPORTS,
    sourcePublication: publicationRepository(database.db),
  };
  await database.withStartupLock(() => jobs.start(ctx, ALL_JOBS, workers ? allSchedules(config) : []));
  return ctx;
}

export interface DemoSummary {
  [step: string]: number;
}

/**
 * First start: in demo mode, loads the demo département into an empty database (each context adds its
 * step); otherwise creates the organisation described by ORG_NAME / ORG_SIRET if there is none.
 */
export async function prepareData(ctx: AppContext): Promise<DemoSummary | null> {
  const actor = systemActor("démarrage");
  return ctx.database.withStartupLock(() =>
    unitOfWork(ctx, async (uow) => {
      if (await uow.organisations.first()) return null;
      if (ctx.config.demoMode) return loadDemo(ctx, uow);
      const organisation = { id: uow.ids.newId(), nom: ctx.config.organisation.name, siret: ctx.config.organisation.siret };
      await uow.organisations.insert(organisation);
      await uow.audit.append(actor, {
        type: "organisation.created",
        aggregateType: "organisation",
        aggregateId: organisation.id,
        organisationId: organisation.id,
        payload: { nom: organisation.nom, siret: organisation.siret },
      });
      return null;
    }),
  );
}

/** Runs every context's demo step, in the order of the registry, in the caller's transaction. */
export async function loadDemo(ctx: AppContext, uow: Parameters<Parameters<typeof unitOfWork>[1]>[0]): Promise<DemoSummary> {
  const summary: DemoSummary = {};
  const state = new Map<string, unknown>();
  for (const step of DEMO_STEPS) {
    const t0 = performance.now();
    Object.assign(summary, await step.load({ ctx, uow, state }));
    if (process.env.DEMO_TIMING) console.error(`démonstration ${step.name} : ${Math.round(performance.now() - t0)} ms`);
  }
  return summary;
}
