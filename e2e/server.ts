import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli as runCliProcess } from "../apps/server/src/testing/process";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const CHROMIUM = "/usr/bin/chromium";

/** Chromium flags that work on these machines (closed network, root user). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/** Browser tests run when Debian's Chromium is installed; CI sets REQUIRE_BROWSER=1 so that its absence fails. */
export function browserSkipReason(): string | false {
  if (existsSync(CHROMIUM)) return false;
  if (process.env.REQUIRE_BROWSER === "1") throw new Error(`${CHROMIUM} est introuvable (apt-get install -y chromium)`);
  return `${CHROMIUM} absent : tests navigateur ignorés (apt-get install -y chromium)`;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Variables that change what the first start writes: with any of them, the server loads its own data. */
const DATA_SHAPING = ["DATABASE_URL", "DEMO_MODE", "ORG_NAME", "ORG_SIRET"];

/**
 * Every browser test starts the server on the demo département. Loading it takes 20 to 30 s on a busy machine,
 * a restart on loaded data about 5 s: the first server of the day loads it once into a model directory (built
 * server and date in its name, a lock directory so that parallel test files wait for it), and each server starts
 * on its own copy. Tests still never share a database.
 */
async function demoModel(): Promise<string> {
  const dist = join(ROOT, "apps/server/dist");
  const hash = createHash("sha256").update(readFileSync(join(dist, "main.js")));
  for (const file of readdirSync(join(dist, "migrations"), { recursive: true }).map(String).sort()) {
    const path = join(dist, "migrations", file);
    if (statSync(path).isFile()) hash.update(file).update(readFileSync(path));
  }
  const day = new Date().toISOString().slice(0, 10);
  const model = join(tmpdir(), `achat-e2e-modele-${day}-${hash.digest("hex").slice(0, 16)}`);
  const lock = `${model}.verrou`;
  const deadline = Date.now() + 240_000;
  while (!existsSync(model)) {
    if (Date.now() > deadline) throw new Error(`le modèle de données de démonstration ${model} n'a pas été préparé à temps`);
    try {
      mkdirSync(lock);
    } catch {
      // another test file prepares it; a lock left by a killed run is taken over after 4 minutes
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 240_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      const building = mkdtempSync(join(tmpdir(), "achat-e2e-modele-en-cours-"));
      const server = await launch({ DATA_DIR: building });
      await server.stop();
      renameSync(building, model);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return model;
}

/**
 * Starts the built server (as `npm start` does) and waits until it is healthy. Without DATA_DIR it runs on a
 * fresh directory; an empty data directory starts from a copy of the loaded demo unless `env` shapes the data.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), "achat-e2e-"));
  const empty = readdirSync(dataDir).length === 0;
  if (empty && !DATA_SHAPING.some((key) => key in env)) cpSync(await demoModel(), dataDir, { recursive: true });
  const server = await launch({ ...env, DATA_DIR: dataDir });
  return {
    ...server,
    async stop() {
      await server.stop();
      if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function launch(env: Record<string, string> & { DATA_DIR: string }): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [join(ROOT, "apps/server/dist/main.js")], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", PORT: String(port), LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c) => (output += c));
  child.stderr?.on("data", (c) => (output += c));
  // the demo département is loaded before the server listens: allow for a busy machine
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`le serveur s'est arrêté (code ${child.exitCode}) :\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (Date.now() >= deadline) {
    child.kill("SIGTERM");
    throw new Error(`le serveur n'a pas répondu sur /api/health à temps :\n${output}`);
  }
  return {
    url,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}

/** The CLI as `npm run cli` runs it, in its own process: next to a server on the same DATA_DIR. */
export const runCli = (args: string[], env: Record<string, string>) => runCliProcess(args, { NODE_ENV: "test", ...env });
