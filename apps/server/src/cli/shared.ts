import { loadConfig } from "../config";
import { createContext, openConfiguredDatabase } from "../bootstrap";
import type { AppContext } from "../context";

export interface Output {
  json: boolean;
}

export function print(out: Output, human: string, data: unknown): void {
  process.stdout.write(out.json ? `${JSON.stringify(data, null, 2)}\n` : `${human}\n`);
}

/** Opens the configured database for one command, and always closes it (releasing the PGlite lock). */
export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    return await fn(createContext(config, database));
  } finally {
    await database.close();
  }
}
