import type { Clock, IdGenerator, PasswordHasher, TokenGenerator } from "@achat-public/domain";
import { repositories, type Database, type Repositories } from "@achat-public/db";
import type { Config } from "./config";

/** What the adapters (HTTP routes, CLI) need, built once per process in the composition root. */
export interface AppContext {
  config: Config;
  database: Database;
  clock: Clock;
  ids: IdGenerator;
  hasher: PasswordHasher;
  tokens: TokenGenerator;
}

/** Runs `fn` in one transaction with every repository bound to it (the unit of work). */
export function unitOfWork<T>(ctx: AppContext, fn: (repos: Repositories) => Promise<T>, requestId: string | null = null): Promise<T> {
  return ctx.database.transaction((tx) => fn(repositories(tx, { clock: ctx.clock, ids: ctx.ids, requestId })));
}
