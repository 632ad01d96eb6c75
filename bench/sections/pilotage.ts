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

const MARCHES = Number(process.env.PILOTAGE_BENCH_MARCHES ?? 1_500_000);
const PG_ADMIN = process.env.DECP_BENCH_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";
const BASE = "bench_pilotage";
const URL_BASE = PG_ADMIN.replace(/\/[^/]*$/, `/${BASE}`);
const DUREE_MS = Number(process.env.PILOTAGE_BENCH_DUREE_MS ?? 5_000);

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

/** INSERT … SELECT of `table`'s rows for every clone: id renewed, dates shifted, overrides applied. */
async function cloner(nu: pg.Pool, table: string, lien: string, remplacer: Record<string, string>): Promise<number> {
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
     SELECT ${valeurs.join(", ")} FROM clones c JOIN ${table} t ON t.${lien} = c.origine`,
  );
  return r.rowCount ?? 0;
}

async function run(): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`drop database if exists ${BASE} with (force)`);
  await admin.query(`create database ${BASE}`);
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
        GROUP BY 1, 3 ORDER BY 2 DESC LIMIT 1`,
      )
    ).rows;
    if (!org) throw new Error("pas de marchés de démonstration");
    const cas = [
      { qs: `annee=${org.annee}`, du: `${org.annee}-01-01`, au: `${org.annee}-12-31`, min: 0 },
      { qs: `annee=${org.annee}&montantMinHt=40000`, du: `${org.annee}-01-01`, au: `${org.annee}-12-31`, min: 4_000_000 },
      { qs: "du=2000-01-01&au=2035-12-31", du: "2000-01-01", au: "2035-12-31", min: 0 },
    ];
    const mesure = async (etiquette: string) => {
      const total = Number((await nu.query("SELECT count(*)::int AS n FROM marches")).rows[0]?.n ?? 0);
      const factures = Number((await nu.query("SELECT count(*)::int AS n FROM marche_factures")).rows[0]?.n ?? 0);
      const api = await mesurer(
        cas.map((c) => async () => {
          const r = await client.request("GET", `/api/indicateurs?${c.qs}`);
          if (r.status !== 200) throw new Error(`indicateurs ${c.qs} : ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
        }),
      );
      const brut = await mesurer(
        cas.map((c) => async () => {
          const q = requetesAgregats(org.organisation_id, { du: c.du, au: c.au, directionId: null, montantMinHtCents: c.min });
          await Promise.all(q.map((x) => nu.query(x.text, x.values)));
        }),
      );
      console.log(
        `   indicateurs, ${etiquette} (${total.toLocaleString("fr-FR")} marchés, ${factures.toLocaleString("fr-FR")} factures ; ` +
          `${cas.length} requêtes types : l'année ${org.annee}, la même à 40 000 € HT, toutes les années) : p95 ${f1(api.p95)} ms par l'API ` +
          `(${api.n} requêtes), SQL nu p95 ${f1(brut.p95)} ms → ratio ${f1(api.p95 / brut.p95)} ; 1er appel le plus lent ${f1(api.froid)} ms`,
      );
    };
    await nu.query("ANALYZE");
    await mesure("démonstration");

    const demo = Number((await nu.query("SELECT count(*)::int AS n FROM marches")).rows[0]?.n ?? 1);
    const copies = Math.max(0, Math.ceil((MARCHES - demo) / demo));
    if (copies > 0) {
      const t = performance.now();
      await nu.query(`CREATE UNLOGGED TABLE clones AS
        SELECT m.id AS origine, gen_random_uuid() AS id, g, (abs(hashtext(m.id::text || g::text)) % 240 - 120)::int AS decalage
          FROM marches m, generate_series(1, ${copies}) g`);
      await nu.query("CREATE INDEX ON clones (origine)");
      const marches = await cloner(nu, "marches", "id", {
        id: "c.id",
        numero: "t.numero || '-C' || c.g",
        procedure_id: "NULL",
        lot_numero: "NULL",
        lignes_programme_ids: "'{}'",
      });
      const titulaires = await cloner(nu, "marche_titulaires", "marche_id", { marche_id: "c.id" });
      const factures = await cloner(nu, "marche_factures", "marche_id", { id: "gen_random_uuid()", marche_id: "c.id" });
      const heures = await cloner(nu, "marche_heures_insertion", "marche_id", { id: "gen_random_uuid()", marche_id: "c.id" });
      await nu.query("DROP TABLE clones");
      await nu.query("ANALYZE");
      console.log(
        `   population nationale : ${marches.toLocaleString("fr-FR")} marchés clonés (${titulaires.toLocaleString("fr-FR")} titulaires, ` +
          `${factures.toLocaleString("fr-FR")} factures, ${heures.toLocaleString("fr-FR")} relevés d'heures) en ${f1((performance.now() - t) / 1000)} s`,
      );
      await mesure(`${MARCHES.toLocaleString("fr-FR")} marchés visés`);
    }
  } finally {
    await nu.end();
    await app.close();
    await database.close();
  }
}

export const pilotage: SectionBanc = {
  nom: "pilotage",
  titre: `Pilotage : indicateurs sur la démonstration puis sur ${MARCHES.toLocaleString("fr-FR")} marchés (PostgreSQL, PILOTAGE_BENCH_MARCHES)`,
  run,
};
