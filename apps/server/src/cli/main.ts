import { userInfo } from "node:os";
import "@achat-public/contracts"; // French zod messages
import { createContext, embeddedDatabaseHolder, openConfiguredDatabase, StartupError } from "../bootstrap";
import { ConfigError, loadConfig, loadDotEnv } from "../config";
import type { AppContext } from "../context";
import { ALL_COMMANDS } from "../contexts";
import { readStdin, UsageError } from "../platform/cli/args";
import { cliActor, findCommand, helpText, runCommand } from "../platform/cli/commands";
import { processOutput } from "../platform/cli/output";
import { cliSocketPath, delegateToServer, serverListens } from "../platform/cli/socket";

/**
 * The CLI: `npm run cli -- <commande> …`. With the embedded database and a server running on the same
 * DATA_DIR, the server runs the command (platform/cli/socket.ts); otherwise the command runs here and opens
 * the database itself on first use.
 */
export async function run(argv: string[]): Promise<number> {
  const json = argv.includes("--json");
  const out = processOutput(json);
  try {
    const words = argv.filter((a) => !a.startsWith("--"));
    if (words.length === 0 || words[0] === "aide" || argv.includes("--aide") || argv.includes("--help")) {
      process.stdout.write(`${helpText(ALL_COMMANDS)}\n`);
      return words.length === 0 && !argv.includes("--aide") && !argv.includes("--help") ? 2 : 0;
    }
    const found = findCommand(ALL_COMMANDS, argv);
    if (!found) throw new UsageError(`Commande inconnue : ${words.slice(0, 3).join(" ")}. Voir « npm run cli -- aide ».`);
    loadDotEnv();
    const config = loadConfig();
    if (config.database.kind === "pglite" && embeddedDatabaseHolder(config.database.dataDir) !== null) {
      const socket = cliSocketPath(config.database.dataDir);
      if (await serverListens(socket)) return await delegateToServer(socket, argv, userInfo().username);
    }
    let opened: AppContext | null = null;
    const context = async () => {
      if (!opened) {
        const database = await openConfiguredDatabase(config);
        opened = await createContext(config, database, { workers: false });
      }
      return opened;
    };
    let stdinText: Promise<string> | null = null;
    try {
      return await runCommand(found.command, {
        args: found.args,
        out,
        context,
        actor: cliActor(),
        stdin: () => (stdinText ??= readStdin()),
        cwd: process.cwd(),
      });
    } finally {
      const ctx = opened as AppContext | null;
      if (ctx) {
        await ctx.jobs.stop();
        await ctx.database.close();
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      if (json) process.stdout.write(`${JSON.stringify({ code: "USAGE", detail: error.message, issues: [] }, null, 2)}\n`);
      process.stderr.write(`Erreur : ${error.message}\n`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof StartupError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`Erreur inattendue : ${error instanceof Error ? error.stack : String(error)}\n`);
    return 1;
  }
}

const isEntryPoint = process.argv[1] && /cli[\\/]main\.ts$|cli\.js$/.test(process.argv[1]);
if (isEntryPoint) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
