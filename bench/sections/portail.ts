/**
 * Throughput of the public consultations list (`GET /api/public/consultations`, cached by version: see
 * apps/server/src/espace/listes-publiques.ts) on the built server with the demo data, against a bare Fastify
 * route that sends the same bytes (bench/bare-fastify-liste.mjs), each in its own process, loaded by autocannon
 * at 100 connections from this process, alternately, in the same run. Targets (issue #12): ≥ 2 000 req/s,
 * p99 < 50 ms, ≥ 50 % of the bare route. Options: BENCH_DURATION (s, default 10), BENCH_RUNS (rounds, default 3),
 * BENCH_PORTAIL_DATA_DIR (a data directory with the demo already loaded, copied first: the load takes minutes on a
 * busy machine).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { freePort } from "../../e2e/server";
import type { SectionBanc } from "./section";

const root = fileURLToPath(new URL("../..", import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CONNEXIONS = 100;
const CHEMIN = "/api/public/consultations";

function startProcess(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "warn", ...env },
    stdio: "ignore",
    detached: true,
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(-(child.pid as number), "SIGTERM");
  await exited;
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server not healthy in time");
}

interface Mesure {
  rps: number;
  p99: number;
  /** Connection errors and timeouts (autocannon: 10 s): reported, they say how loaded the machine was. */
  erreurs: number;
}

async function charge(url: string): Promise<Mesure> {
  const result = await autocannon({ url: `${url}${CHEMIN}`, connections: CONNEXIONS, duration: DURATION });
  if (result.non2xx > 0) throw new Error(`${result.non2xx} réponses autres que 2xx`);
  return { rps: result.requests.average, p99: result.latency.p99, erreurs: result.errors + result.timeouts };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const charges = () =>
  loadavg()
    .map((v) => v.toFixed(1))
    .join(" / ");

async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "achat-bench-portail-"));
  if (process.env.BENCH_PORTAIL_DATA_DIR) cpSync(process.env.BENCH_PORTAIL_DATA_DIR, dataDir, { recursive: true });
  const appPort = await freePort();
  const app = startProcess([join(root, "apps/server/dist/main.js")], { PORT: String(appPort), DATA_DIR: dataDir });
  let bare: ChildProcess | null = null;
  try {
    const appUrl = `http://127.0.0.1:${appPort}`;
    await waitHealthy(appUrl, app);
    const reponse = await fetch(`${appUrl}${CHEMIN}`);
    const corps = await reponse.text();
    const nombre = (JSON.parse(corps) as { consultations: unknown[] }).consultations.length;
    console.log(
      `   liste servie : ${nombre} consultations ouvertes, ${corps.length} octets, ETag ${reponse.headers.get("etag")}, ` +
        `Cache-Control « ${reponse.headers.get("cache-control")} »`,
    );
    const revalidation = await fetch(`${appUrl}${CHEMIN}`, { headers: { "if-none-match": reponse.headers.get("etag") ?? "" } });
    console.log(`   revalidation (If-None-Match) : ${revalidation.status}`);
    const fichier = join(dataDir, "..", `${dataDir.split("/").pop()}-corps.json`);
    writeFileSync(fichier, corps);
    const barePort = await freePort();
    bare = startProcess([join(root, "bench/bare-fastify-liste.mjs")], { PORT: String(barePort), BODY_FILE: fichier });
    const bareUrl = `http://127.0.0.1:${barePort}`;
    await waitHealthy(bareUrl, bare);
    // warm-up of both
    await autocannon({ url: `${appUrl}${CHEMIN}`, connections: 20, duration: 2 });
    await autocannon({ url: `${bareUrl}${CHEMIN}`, connections: 20, duration: 2 });
    const nus: Mesure[] = [];
    const nous: Mesure[] = [];
    console.log(`   charge moyenne de la machine avant : ${charges()} (1, 5, 15 min ; 2 cœurs partagés)`);
    for (let i = 0; i < RUNS; i++) {
      nus.push(await charge(bareUrl));
      nous.push(await charge(appUrl));
      console.log(
        `   passage ${i + 1} : Fastify nu ${Math.round(nus[i]?.rps ?? 0)} req/s (p99 ${nus[i]?.p99} ms, ${nus[i]?.erreurs} erreurs), ` +
          `achat-public ${Math.round(nous[i]?.rps ?? 0)} req/s (p99 ${nous[i]?.p99} ms, ${nous[i]?.erreurs} erreurs)`,
      );
    }
    const rpsNu = median(nus.map((m) => m.rps));
    const rpsNous = median(nous.map((m) => m.rps));
    const p99Nous = median(nous.map((m) => m.p99));
    console.log(`   charge moyenne de la machine après : ${charges()}`);
    console.log(`GET ${CHEMIN} (autocannon, ${CONNEXIONS} connexions, ${RUNS} × ${DURATION} s, médianes) :`);
    console.log(`   route Fastify nue (mêmes octets) : ${Math.round(rpsNu)} req/s (p99 ${median(nus.map((m) => m.p99))} ms)`);
    console.log(`   achat-public (cache par version)  : ${Math.round(rpsNous)} req/s (p99 ${p99Nous} ms)`);
    console.log(`   rapport achat-public / Fastify nu : ${(rpsNous / rpsNu).toFixed(2)}`);
    console.log(
      `   objectifs : ≥ 2 000 req/s ${rpsNous >= 2000 ? "atteint" : "NON atteint"} ; p99 < 50 ms ${p99Nous < 50 ? "atteint" : "NON atteint"} ; ` +
        `≥ 50 % du nu ${rpsNous >= rpsNu / 2 ? "atteint" : "NON atteint"}`,
    );
  } finally {
    if (bare) await stop(bare);
    await stop(app);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}-corps.json`, { force: true });
  }
}

export const portail: SectionBanc = { nom: "portail", titre: "Débit de la liste publique des consultations (cache, 100 connexions)", run };
