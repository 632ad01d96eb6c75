/**
 * Start-up and health throughput, measured in one run:
 *  1. time from `npm start` to a healthy server, on a fresh data directory and on an existing one;
 *  2. requests per second of GET /api/health on the real server against a bare Fastify route, each in its
 *     own process, loaded by autocannon from this process — printed as a ratio.
 * Options: BENCH_DURATION (s, default 10), BENCH_RUNS (default 3).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { freePort } from "../../e2e/server";
import type { SectionBanc } from "./section";

const root = fileURLToPath(new URL("../..", import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function startProcess(command: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(command, args, {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "warn", ...env },
    stdio: "ignore",
    detached: true, // its own process group: `npm start` and the node it starts are stopped together
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(-child.pid!, "SIGTERM");
  await exited;
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("server not healthy in time");
}

/** Milliseconds from `npm start` to the first 200 on /api/health. */
async function timeNpmStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = startProcess("npm", ["start"], { PORT: String(port), DATA_DIR: dataDir });
  await waitHealthy(`http://localhost:${port}`, child);
  const elapsed = performance.now() - started;
  await stop(child);
  return elapsed;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function throughput(url: string): Promise<{ rps: number; p99: number }> {
  await autocannon({ url: `${url}/api/health`, connections: 20, duration: 2 }); // warm-up
  const result = await autocannon({ url: `${url}/api/health`, connections: 50, duration: DURATION });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

async function run(): Promise<void> {
  console.log(`   (${RUNS} démarrages par cas, charge ${DURATION} s)`);

  const fresh: number[] = [];
  const existing: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), "achat-bench-"));
    try {
      fresh.push(await timeNpmStart(dataDir));
      existing.push(await timeNpmStart(dataDir));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  console.log("1. Démarrage (npm start → GET /api/health = 200), médiane :");
  console.log(
    `   dossier de données neuf (initdb, migrations, démonstration) : ${(median(fresh) / 1000).toFixed(2)} s   [${fresh.map((v) => (v / 1000).toFixed(2)).join(", ")}]`,
  );
  console.log(
    `   dossier de données existant                                : ${(median(existing) / 1000).toFixed(2)} s   [${existing.map((v) => (v / 1000).toFixed(2)).join(", ")}]`,
  );
  console.log(`   rapport neuf / existant : ${(median(fresh) / median(existing)).toFixed(2)}\n`);

  const dataDir = mkdtempSync(join(tmpdir(), "achat-bench-"));
  const appPort = await freePort();
  const app = startProcess(process.execPath, [join(root, "apps/server/dist/main.js")], { PORT: String(appPort), DATA_DIR: dataDir });
  const barePort = await freePort();
  const bare = startProcess(process.execPath, [join(root, "bench/bare-fastify.mjs")], { PORT: String(barePort) });
  try {
    await waitHealthy(`http://localhost:${appPort}`, app);
    await waitHealthy(`http://localhost:${barePort}`, bare);
    const reference = await throughput(`http://127.0.0.1:${barePort}`);
    const ours = await throughput(`http://127.0.0.1:${appPort}`);
    console.log(`2. Débit de GET /api/health (autocannon, 50 connexions, ${DURATION} s, même machine) :`);
    console.log(`   route Fastify nue             : ${Math.round(reference.rps)} req/s (p99 ${reference.p99} ms)`);
    console.log(`   achat-public (base + en-têtes) : ${Math.round(ours.rps)} req/s (p99 ${ours.p99} ms)`);
    console.log(`   rapport achat-public / Fastify nu : ${(ours.rps / reference.rps).toFixed(2)}`);
  } finally {
    await stop(app);
    await stop(bare);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const demarrage: SectionBanc = { nom: "demarrage", titre: "Démarrage et débit de GET /api/health", run };
