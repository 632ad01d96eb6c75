import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { migrate, openDatabase, rechercherAvec, sourcingAvec, type FiltresMarchesPublies, type Lecteur } from "@achat-public/db";
import { DEMO, loggedIn, testApp } from "../../apps/server/src/testing/harness";
import { genererDecp, modelesReels } from "../decp/generateur";
import type { SectionBanc } from "./section";

const RACINE = fileURLToPath(new URL("../../", import.meta.url));
/** Contracts of the large generated file: the national data, about 1.5 million (DECP_BENCH_LIGNES for less). */
const LIGNES = Number(process.env.DECP_BENCH_LIGNES ?? 1_500_000);
/** PGlite (one process, one connection) imports a smaller file. */
const LIGNES_PGLITE = Number(process.env.DECP_BENCH_LIGNES_PGLITE ?? Math.min(20_000, Math.round(LIGNES / 4)));
const PG_ADMIN = process.env.DECP_BENCH_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** The bench database (recreated unless DECP_BENCH_REUTILISER=1: then the search and sourcing run on what it holds). */
const BASE = process.env.DECP_BENCH_BASE ?? "bench_decp";
const pgUrl = (base: string) => PG_ADMIN.replace(/\/[^/]*$/, `/${base}`);
const REUTILISER = process.env.DECP_BENCH_REUTILISER === "1";
const DUREE_MS = Number(process.env.DECP_BENCH_DUREE_MS ?? 4_000);

async function recreer(): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN });
  await client.connect();
  await client.query(`drop database if exists ${BASE} with (force)`);
  await client.query(`create database ${BASE}`);
  await client.end();
}

/** `npm run --silent cli -- decp importer <fichier> --json`, from the CLI's start to its report: seconds and peak memory. */
function importerCli(fichier: string, env: Record<string, string>): Promise<{ secondes: number; memoireMo: number; total: number }> {
  return new Promise((ok, ko) => {
    const debut = performance.now();
    const p = spawn("/usr/bin/time", ["-f", "MAXRSS=%M", "npm", "run", "--silent", "cli", "--", "decp", "importer", fichier, "--json"], {
      cwd: RACINE,
      env: { ...process.env, ...env },
    });
    let sortie = "";
    let erreurs = "";
    p.stdout.on("data", (d) => {
      sortie += d;
    });
    p.stderr.on("data", (d) => {
      erreurs += d;
    });
    p.on("close", (code) => {
      const secondes = (performance.now() - debut) / 1000;
      if (code !== 0) return ko(new Error(`import : code ${code}\n${erreurs.slice(-2000)}`));
      const rss = Number(/MAXRSS=(\d+)/.exec(erreurs)?.[1] ?? 0);
      ok({ secondes, memoireMo: Math.round(rss / 1024), total: (JSON.parse(sortie) as { total: number }).total });
    });
  });
}

/** A bare `JSON.parse` of the same file, in a fresh process (bench/decp/parse-nu.cjs): seconds. */
function parseNu(fichier: string): number {
  return Number(String(execFileSync(process.execPath, [join(RACINE, "bench/decp/parse-nu.cjs"), fichier])));
}

const p95 = (d: number[]) => [...d].sort((a, b) => a - b)[Math.min(d.length - 1, Math.floor(0.95 * d.length))] ?? Number.NaN;
const f1 = (n: number) => n.toLocaleString("fr-FR", { maximumFractionDigits: 1 });

/** Runs each request once (cold: first run of that query), then in turn for DUREE_MS (warm): the slowest cold, the p95 warm. */
async function mesurer(requetes: (() => Promise<unknown>)[]): Promise<{ p95: number; n: number; froid: number; parRequete: number[] }> {
  const durees: number[] = [];
  const par: number[][] = requetes.map(() => []);
  let froid = 0;
  for (const r of requetes) {
    const t = performance.now();
    await r();
    froid = Math.max(froid, performance.now() - t);
  }
  const fin = performance.now() + DUREE_MS;
  while (performance.now() < fin || durees.length < requetes.length * 3) {
    for (const [i, r] of requetes.entries()) {
      const t = performance.now();
      await r();
      const d = performance.now() - t;
      durees.push(d);
      par[i]?.push(d);
    }
  }
  return { p95: p95(durees), n: durees.length, froid, parRequete: par.map(p95) };
}

const RECHERCHES: (Partial<FiltresMarchesPublies> & { qs: string })[] = [
  { qs: "recherche=nettoyage", recherche: "nettoyage" },
  { qs: "recherche=travaux%20electricite", recherche: "travaux electricite" },
  { qs: "cpv=4521", cpv: "4521" },
  { qs: "departement=94&tri=montant-desc", departement: "94", tri: "montant-desc" },
  { qs: "recherche=maintenance&cpv=50&montantMin=40000", recherche: "maintenance", cpv: "50", montantMinCents: 4_000_000 },
  { qs: "du=2019-01-01&au=2019-03-31&tri=date-asc", du: "2019-01-01", au: "2019-03-31", tri: "date-asc" },
  { qs: "recherche=fourniture&page=20", recherche: "fourniture", offset: 19 * 20 },
];
const SOURCINGS = [
  { cpv: "4521", departement: "94", portee: "region" as const },
  { cpv: "7731", departement: "94", portee: "france" as const },
  { cpv: "90", departement: "69", portee: "region" as const },
  { cpv: "452", departement: "35", portee: "departement" as const },
];

async function run(): Promise<void> {
  const dossier = mkdtempSync(join(tmpdir(), "bench-decp-"));
  try {
    const modeles = modelesReels(RACINE);
    const petit = join(dossier, "petit.json");
    const grand = join(dossier, "grand.json");
    const lignesPetit = Math.max(1000, Math.min(100_000, Math.round(LIGNES / 4)));
    let t = performance.now();
    if (!REUTILISER) {
      await genererDecp(petit, lignesPetit, modeles, 1);
      await genererDecp(grand, LIGNES, modeles, 2);
    }
    if (!REUTILISER)
      console.log(
        `   générateur : ${modeles.length.toLocaleString("fr-FR")} enregistrements réels → ${LIGNES.toLocaleString("fr-FR")} marchés ` +
          `(${f1(statSync(grand).size / 1e6)} Mo) et ${lignesPetit.toLocaleString("fr-FR")} (${f1(statSync(petit).size / 1e6)} Mo) en ${f1((performance.now() - t) / 1000)} s`,
      );

    // import on PostgreSQL, two sizes (fresh database each); DECP_BENCH_REUTILISER=1: search and sourcing only, on the last import
    for (const [nom, fichier, lignes] of REUTILISER
      ? []
      : ([
          ["petit", petit, lignesPetit],
          ["grand", grand, LIGNES],
        ] as const)) {
      await recreer();
      const parse = parseNu(fichier);
      const r = await importerCli(fichier, { DATABASE_URL: pgUrl(BASE) });
      console.log(
        `   import PostgreSQL (${nom}, ${lignes.toLocaleString("fr-FR")} marchés) : ${f1(r.secondes)} s de la commande au rapport, ` +
          `${Math.round(lignes / r.secondes).toLocaleString("fr-FR")} marchés/s ; JSON.parse nu ${f1(parse)} s → ratio ${f1(r.secondes / parse)} ; mémoire max ${r.memoireMo} Mo`,
      );
    }
    // PGlite: a smaller file
    if (!REUTILISER) {
      const data = join(dossier, "pglite");
      const fichierPglite = join(dossier, "pglite.json");
      await genererDecp(fichierPglite, LIGNES_PGLITE, modeles, 3);
      const parse = parseNu(fichierPglite);
      const r = await importerCli(fichierPglite, { DATA_DIR: data, DATABASE_URL: "" });
      console.log(
        `   import PGlite (${LIGNES_PGLITE.toLocaleString("fr-FR")} marchés) : ${f1(r.secondes)} s, ${Math.round(LIGNES_PGLITE / r.secondes).toLocaleString("fr-FR")} marchés/s ; ` +
          `ratio au JSON.parse ${f1(r.secondes / parse)} ; mémoire max ${r.memoireMo} Mo`,
      );
      rmSync(data, { recursive: true, force: true });
    }

    // search and sourcing on PostgreSQL, over the large file's import (the last one)
    t = performance.now();
    const database = await openDatabase({ kind: "postgresql", url: pgUrl(BASE) });
    await migrate(database);
    const { app } = await testApp(database, { demoMode: true });
    const nu = new pg.Pool({ connectionString: pgUrl(BASE), max: 2 });
    try {
      // after a bulk load autovacuum sets the visibility map (counts then skip the table's pages); not waited for here
      await nu.query("vacuum analyze decp_attributions");
      const lignesBase = Number((await nu.query("select count(*)::int as n from decp_attributions")).rows[0]?.n ?? 0);
      const anonyme = await loggedIn(app, DEMO.admin);
      const api = await mesurer(
        RECHERCHES.map((q) => async () => {
          const r = await anonyme.request("GET", `/api/public/decp/marches?${q.qs}`);
          if (r.status !== 200) throw new Error(`recherche ${q.qs} : ${r.status} ${JSON.stringify(r.body)}`);
        }),
      );
      // the same statements as the API (capped count and estimate, then the page in the chosen form), run bare
      const lire: Lecteur = async <T extends Record<string, unknown>>(q: { text: string; values: unknown[] }) =>
        (await nu.query(q.text, q.values)).rows as T[];
      const formes: string[] = [];
      for (const { qs: _qs, ...f } of RECHERCHES)
        formes.push((await rechercherAvec(lire, { tri: "date-desc", limit: 20, offset: 0, ...f })).forme);
      const brut = await mesurer(
        RECHERCHES.map(
          ({ qs: _qs, ...f }) =>
            () =>
              rechercherAvec(lire, { tri: "date-desc", limit: 20, offset: 0, ...f }),
        ),
      );
      console.log(
        `   recherche (${RECHERCHES.length} requêtes types, ${lignesBase.toLocaleString("fr-FR")} attributions en base, PostgreSQL) : p95 ${f1(api.p95)} ms par l'API ` +
          `(${api.n} requêtes), SQL nu p95 ${f1(brut.p95)} ms → ratio ${f1(api.p95 / brut.p95)} ; 1er appel le plus lent ${f1(api.froid)} ms (cible : p95 ≤ 100 ms à 1,5 million)`,
      );
      console.log(
        `     p95 par requête type (API / SQL nu, ms) : ${RECHERCHES.map((q, i) => `${q.qs} [${formes[i]}] ${f1(api.parRequete[i] ?? 0)} / ${f1(brut.parRequete[i] ?? 0)}`).join(" ; ")}`,
      );
      const apiS = await mesurer(
        SOURCINGS.map((s) => async () => {
          const r = await anonyme.request("GET", `/api/decp/sourcing?cpv=${s.cpv}&departement=${s.departement}&portee=${s.portee}`);
          if (r.status !== 200) throw new Error(`sourcing : ${r.status} ${JSON.stringify(r.body)}`);
        }),
      );
      const brutS = await mesurer(SOURCINGS.map((x) => () => sourcingAvec(lire, { ...x, limit: 25, offset: 0 })));
      console.log(
        `   sourcing (${SOURCINGS.length} requêtes types) : p95 ${f1(apiS.p95)} ms par l'API (${apiS.n} requêtes), SQL nu p95 ${f1(brutS.p95)} ms ` +
          `→ ratio ${f1(apiS.p95 / brutS.p95)} ; 1er appel le plus lent ${f1(apiS.froid)} ms (cible : p95 ≤ 150 ms à 1,5 million)`,
      );
    } finally {
      await nu.end();
      await app.close();
      await database.close();
    }
  } finally {
    rmSync(dossier, { recursive: true, force: true });
  }
}

export const decp: SectionBanc = {
  nom: "decp",
  titre: `Données ouvertes : import des DECP, recherche et sourcing (${LIGNES.toLocaleString("fr-FR")} marchés, DECP_BENCH_LIGNES)`,
  run,
};
