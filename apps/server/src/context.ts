import type { Clock, Courriels, IdGenerator, Outbox, PasswordHasher, PasswordStrength, TokenGenerator } from "@achat-public/domain";
import { repositories, type Database, type Repositories } from "@achat-public/db";
import type { Config } from "./config";
import { courrielsOf } from "./platform/jobs/courriels";
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
};

function bind(ctx: AppContext, repos: Repositories): UnitOfWork {
  const outbox = ctx.jobs.outbox(repos.executeSql);
  return {
    ...repos,
    hasher: ctx.hasher,
    passwordStrength: ctx.passwordStrength,
    tokens: ctx.tokens,
    outbox,
    courriels: courrielsOf(repos.courrielsTable, outbox),
  };
}

/** Runs `fn` in one transaction with every repository bound to it (the unit of work): all or nothing. */
export function unitOfWork<T>(ctx: AppContext, fn: (uow: UnitOfWork) => Promise<T>, requestId: string | null = null): Promise<T> {
  return ctx.database.transaction((tx) => fn(bind(ctx, repositories(tx, { clock: ctx.clock, ids: ctx.ids, requestId }))));
}

/** The repositories on the pool, outside any transaction: for read-only queries (no lock; writes are not atomic). */
export function readOnly(ctx: AppContext): UnitOfWork {
  return bind(ctx, repositories(ctx.database.db, { clock: ctx.clock, ids: ctx.ids }));
}
