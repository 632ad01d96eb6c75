import type { Clock, Courriels, IdGenerator, Outbox, PasswordHasher, PasswordStrength, TokenGenerator } from "@achat-public/domain";
import { repositories, type Database, type Executor, type Repositories } from "@achat-public/db";
import type { Config } from "./config";
import type { SourcePublication } from "@achat-public/domain/publication";
import { auditAvecListesPubliques } from "./espace/listes-publiques";
import { courrielsOf } from "./platform/jobs/courriels";
import type { ImportDefinition } from "./platform/imports";
import type { JobRunner } from "./platform/jobs/jobs";

/** A minimal logger (pino's shape): the server passes Fastify's, the CLI a console one. */
export interface Logger {
  info(object: unknown, message?: string): void;
  warn(object: unknown, message?: string): void;
  error(object: unknown, message?: string): void;
}

/** What the adapters (HTTP routes, CLI commands, jobs) need, built once per process in the composition root. */
export interface AppContext {
  config: Config;
  database: Database;
  clock: Clock;
  ids: IdGenerator;
  hasher: PasswordHasher;
  passwordStrength: PasswordStrength;
  tokens: TokenGenerator;
  jobs: JobRunner;
  log: Logger;
  /** The spreadsheet imports the contexts declare (platform/imports.ts). */
  // biome-ignore lint/suspicious/noExplicitAny: each import has its own row type
  imports: readonly ImportDefinition<any>[];
  /**
   * Where the open-data exports read the département's contracts and procedures (publication context). Unset: an
   * empty source until the contracts tables are wired (apps/server/src/publication/source.ts); tests set it.
   */
  sourcePublication?: SourcePublication;
}

/** The repositories of one transaction plus the services a use case may need: what every handler receives. */
export type UnitOfWork = Repositories & {
  hasher: PasswordHasher;
  passwordStrength: PasswordStrength;
  tokens: TokenGenerator;
  /** Jobs written in this transaction (transactional outbox). */
  outbox: Outbox;
  /** Mail written in this transaction, sent after commit. */
  courriels: Courriels;
  /**
   * Runs `fn` in a savepoint of this transaction: if it throws, only its writes are undone and the error is
   * rethrown (an import checks each row this way and reports every bad one).
   */
  savepoint<T>(fn: (uow: UnitOfWork) => Promise<T>): Promise<T>;
};

function bind(ctx: AppContext, db: Executor, requestId: string | null): UnitOfWork {
  const repos = repositories(db, { clock: ctx.clock, ids: ctx.ids, requestId });
  const outbox = ctx.jobs.outbox(repos.executeSql);
  return {
    ...repos,
    // an audited change to what a public list shows also queues its invalidation (same transaction)
    audit: auditAvecListesPubliques(repos.audit, outbox),
    hasher: ctx.hasher,
    passwordStrength: ctx.passwordStrength,
    tokens: ctx.tokens,
    outbox,
    courriels: courrielsOf(repos.courrielsTable, outbox),
    savepoint: (fn) => db.transaction((nested) => fn(bind(ctx, nested as unknown as Executor, requestId))),
  };
}

/** Runs `fn` in one transaction with every repository bound to it (the unit of work): all or nothing. */
export function unitOfWork<T>(ctx: AppContext, fn: (uow: UnitOfWork) => Promise<T>, requestId: string | null = null): Promise<T> {
  return ctx.database.transaction((tx) => fn(bind(ctx, tx, requestId)));
}

/** The repositories on the pool, outside any transaction: for read-only queries (no lock; writes are not atomic). */
export function readOnly(ctx: AppContext): UnitOfWork {
  return bind(ctx, ctx.database.db, null);
}
