/**
 * Steering indicators (issue 11) on PostgreSQL: `GET /api/indicateurs` over the demo département, then over the
 * national size (PILOTAGE_BENCH_MARCHES contracts, 1.5 million by default): p95 through the API and of the same SQL
 * run bare (`requetesAgregats`), and their ratio. The large population is made by cloning the demo contracts in SQL
 * (with their holders, invoices and insertion hours), each clone's dates shifted by a few months (the constraints
 * between dates hold), its number made unique; the clones keep the CPV codes, directions, amounts and clauses of the
 * demo, so the shares stay those of the demo.
 */
import pg from "pg";
import { migrate, openDatabase } from "@achat-public/db";
import { requetesAgregats } from "../../packages/db/src/pilotage/pilotage.repository";
import { DEMO, loggedIn, testApp } from "../../apps/server/src/testing/harness";
import type { SectionBanc } from "./section";

/** Sizes measured in turn (comma-separated): the base grows from one to the next, e.g. `300000,1500000`. */
const TAILLES = (process.env.PILOTAGE_BENCH_MARCHES ?? "1500000")
  .split(",")
  .map((t) => Number(t.trim()))
  .filter((t) => t > 0);
const PG_ADMIN = process.env.DECP_BENCH_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";
const BASE = process.env.PILOTAGE_BENCH_BASE ?? "bench_pilotage";
const URL_BASE = PG_ADMIN.replace(/\/[^/]*$/, `/${BASE}`);
const DUREE_MS = Number(process.env.PILOTAGE_BENCH_DUREE_MS ?? 5_000);
/** `1`: keep the base of a previous run (only what is missing is cloned), so that reruns measure without rebuilding. */
const REUTILISER = process.env.PILOTAGE_BENCH_REUTILISER === "1";
/** `0`: build only (e.g. in the background, while the code measured is being written). */
const MESURER = process.env.PILOTAGE_BENCH_MESURER !== "0";
/** The typical requests measured (`annee`, `decp`, `tout`): the whole period costs minutes per call at 1.5 million. */
const CAS = (process.env.PILOTAGE_BENCH_CAS ?? "annee,decp,tout").split(",").map((c) => c.trim());
/** The tables cloned, with the column joining them to their contract. */
const TABLES_CLONEES = ["marches", "marche_titulaires", "marche_factures", "marche_heures_insertion"];

const p95 = (d: number[]) => [...d].sort((a, b) => a - b)[Math.min(d.length - 1, Math.floor(0.95 * d.length))] ?? Number.NaN;
const f1 = (n: number) => n.toLocaleString("fr-FR", { maximumFractionDigits: 1 });

async function mesurer(requetes: (() => Promise<unknown>)[]): Promise<{ p95: number; n: number; froid: number }> {
  let froid = 0;
  for (const r of requetes) {
    const t = performance.now();
    await r();
    froid = Math.max(froid, performance.now() - t);
  }
  const durees: number[] = [];
  const fin = performance.now() + DUREE_MS;
  while (performance.now() < fin || durees.length < requetes.length * 3) {
    for (const r of requetes) {
      const t = performance.now();
      await r();
      durees.push(performance.now() - t);
    }
  }
  return { p95: p95(durees), n: durees.length, froid };
}

/**
 * INSERT … SELECT of `table`'s rows for every clone: id renewed, dates shifted, overrides applied; rows written in
 * the order `ordre` (as a real base fills up: contracts in order of notification, invoices in order of payment).
 */
async function cloner(nu: pg.ClientBase, table: string, lien: string, remplacer: Record<string, string>, ordre: string): Promise<number> {
  const colonnes = (
    await nu.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns
        WHERE table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
      [table],
    )
  ).rows;
  const valeurs = colonnes.map(({ column_name: c, data_type: t }) =>
    remplacer[c] !== undefined ? remplacer[c] : t === "date" ? `t.${c} + c.decalage` : `t.${c}`,
  );
  const r = await nu.query(
    `INSERT INTO ${table} (${colonnes.map((c) => c.column_name).join(", ")})
     SELECT ${valeurs.join(", ")} FROM clones c JOIN ${table} t ON t.${lien} = c.origine ORDER BY ${ordre}`,
  );
  return r.rowCount ?? 0;
}

/** Clones of the demo contracts marked by their number `…-C<g>`; the demo rows are the others. */
const EST_CLONE = "numero ~ '-C[0-9]+$'";

/**
 * Grows the base to `cible` contracts by whole copies of the demo (copies numbered after the existing ones), fast:
 * one statement per table, foreign-key triggers off (`session_replication_role = replica`: the clones reference
 * rows that exist), the indexes that back no constraint dropped during the load and rebuilt after, then VACUUM
 * ANALYZE (statistics and visibility map, as a base that has lived).
 */
async function grandir(url: string, cible: number): Promise<string | null> {
  const nu = new pg.Client({ connectionString: url });
  await nu.connect();
  try {
    const compte = async (where: string) =>
      Number((await nu.query(`SELECT count(*)::int AS n FROM marches WHERE ${where}`)).rows[0]?.n ?? 0);
    const demo = await compte(`NOT (${EST_CLONE})`);
    const existants = await compte(EST_CLONE);
    const copies = Math.ceil(Math.max(0, cible - demo - existants) / demo);
    if (copies === 0) return null;
    const deja = Math.ceil(existants / demo);
    const t = performance.now();
    await nu.query("SET session_replication_role = replica");
    await nu.query("SET synchronous_commit = off");
    await nu.query("SET maintenance_work_mem = '512MB'");
    await nu.query("SET work_mem = '256MB'");
    const index = (
      await nu.query<{ indexname: string; indexdef: string }>(
        `SELECT i.indexname, i.indexdef FROM pg_indexes i
          WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
            AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`,
        [TABLES_CLONEES],
      )
    ).rows;
    for (const i of index) await nu.query(`DROP INDEX ${i.indexname}`);
    await nu.query("DROP TABLE IF EXISTS clones");
    await nu.query(`CREATE UNLOGGED TABLE clones AS
      SELECT m.id AS origine, gen_random_uuid() AS id, g, (abs(hashtext(m.id::text || g::text)) % 240 - 120)::int AS decalage
        FROM marches m, generate_series(${deja + 1}, ${deja + copies}) g WHERE NOT (m.${EST_CLONE})`);
    await nu.query("CREATE INDEX ON clones (origine)");
    await nu.query("ANALYZE clones");
    const marches = await cloner(
      nu,
      "marches",
      "id",
      { id: "c.id", numero: "t.numero || '-C' || c.g", procedure_id: "NULL", lot_numero: "NULL", lignes_programme_ids: "'{}'" },
      "t.date_notification + c.decalage",
    );
    const titulaires = await cloner(nu, "marche_titulaires", "marche_id", { marche_id: "c.id" }, "c.id");
    const factures = await cloner(
      nu,
      "marche_factures",
      "marche_id",
      { id: "gen_random_uuid()", marche_id: "c.id" },
      "t.date_paiement + c.decalage NULLS LAST",
    );
    const heures = await cloner(nu, "marche_heures_insertion", "marche_id", { id: "gen_random_uuid()", marche_id: "c.id" }, "c.id");
    await nu.query("DROP TABLE clones");
    for (const i of index) await nu.query(i.indexdef);
    await nu.query("SET session_replication_role = origin");
    await nu.query(`VACUUM ANALYZE ${TABLES_CLONEES.join(", ")}`);
    return (
      `${marches.toLocaleString("fr-FR")} marchés clonés (${titulaires.toLocaleString("fr-FR")} titulaires, ` +
      `${factures.toLocaleString("fr-FR")} factures, ${heures.toLocaleString("fr-FR")} relevés d'heures) en ${f1((performance.now() - t) / 1000)} s`
    );
  } finally {
    await nu.end();
  }
}

async function run(): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  const existe = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [BASE])).rowCount === 1;
  if (!REUTILISER || !existe) {
    await admin.query(`drop database if exists ${BASE} with (force)`);
    await admin.query(`create database ${BASE}`);
  }
  await admin.end();
  const database = await openDatabase({ kind: "postgresql", url: URL_BASE });
  await migrate(database);
  const { app } = await testApp(database, { demoMode: true });
  const nu = new pg.Pool({ connectionString: URL_BASE, max: 4 });
  try {
    const client = await loggedIn(app, DEMO.central);
    const [org] = (
      await nu.query<{ organisation_id: string; n: number; annee: number }>(
        `SELECT organisation_id, count(*)::int AS n, extract(year FROM date_notification)::int AS annee FROM marches
          WHERE NOT (${EST_CLONE}) GROUP BY 1, 3 ORDER BY 2 DESC LIMIT 1`,
      )
    ).rows;
    if (!org) throw new Error("pas de marchés de démonstration");
    const cas = [
      { nom: "annee", qs: `annee=${org.annee}`, du: `${org.annee}-01-01`, au: `${org.annee}-12-31`, min: 0 },
      { nom: "decp", qs: `annee=${org.annee}&montantMinHt=40000`, du: `${org.annee}-01-01`, au: `${org.annee}-12-31`, min: 4_000_000 },
      { nom: "tout", qs: "du=2000-01-01&au=2035-12-31", du: "2000-01-01", au: "2035-12-31", min: 0 },
    ].filter((c) => CAS.includes(c.nom));
    const mesure = async (etiquette: string) => {
      const total = Number((await nu.query("SELECT count(*)::int AS n FROM marches")).rows[0]?.n ?? 0);
      const factures = Number((await nu.query("SELECT count(*)::int AS n FROM marche_factures")).rows[0]?.n ?? 0);
      console.log(`   ${etiquette} : ${total.toLocaleString("fr-FR")} marchés, ${factures.toLocaleString("fr-FR")} factures`);
      for (const c of cas) {
        const api = await mesurer([
          async () => {
            const r = await client.request("GET", `/api/indicateurs?${c.qs}`);
            if (r.status !== 200) throw new Error(`indicateurs ${c.qs} : ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
          },
        ]);
        const brut = await mesurer([
          async () => {
            const q = requetesAgregats(org.organisation_id, {
              du: c.du,
              au: c.au,
              directionId: null,
              montantMinHtCents: c.min,
              divisionCpv: null,
            });
            await Promise.all(q.map((x) => nu.query(x.text, x.values)));
          },
        ]);
        console.log(
          `     ${c.qs} : p95 ${f1(api.p95)} ms par l'API (${api.n} requêtes, 1er appel ${f1(api.froid)} ms), ` +
            `SQL nu p95 ${f1(brut.p95)} ms (${brut.n}) → ratio ${f1(api.p95 / brut.p95)}`,
        );
      }
    };
    const demo = Number((await nu.query(`SELECT count(*)::int AS n FROM marches WHERE NOT (${EST_CLONE})`)).rows[0]?.n ?? 0);
    const total = Number((await nu.query("SELECT count(*)::int AS n FROM marches")).rows[0]?.n ?? 0);
    if (MESURER && total === demo) {
      await nu.query("ANALYZE");
      await mesure("démonstration");
    }
    for (const taille of TAILLES) {
      const construit = await grandir(URL_BASE, taille);
      if (construit) console.log(`   population nationale : ${construit}`);
      if (MESURER) await mesure(`${taille.toLocaleString("fr-FR")} marchés visés`);
    }
  } finally {
    await nu.end();
    await app.close();
    await database.close();
  }
}

export const pilotage: SectionBanc = {
  nom: "pilotage",
  titre: `Pilotage : indicateurs sur la démonstration puis sur ${TAILLES.map((t) => t.toLocaleString("fr-FR")).join(" puis ")} marchés (PostgreSQL, PILOTAGE_BENCH_MARCHES)`,
  run,
};
