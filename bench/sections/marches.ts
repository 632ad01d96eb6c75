import { randomUUID } from "node:crypto";
import { requetesListeMarches, repositories, selectRows, sql, uuidGenerator, systemClock, type Database } from "@achat-public/db";
import { openPgliteTestDatabase } from "@achat-public/db/testing";
import { genererPortefeuille, type MarcheFiltre } from "@achat-public/domain/marches";
import { prng } from "../../apps/server/src/platform/demo";
import { aujourdhuiParis } from "../../apps/server/src/marches/aujourdhui";
import { DEMO, loggedIn, testApp } from "../../apps/server/src/testing/harness";
import type { SectionBanc } from "./section";

const GRAND = Number(process.env.BENCH_MARCHES ?? 100_000);
const DUREE_MS = Number(process.env.BENCH_MARCHES_DUREE_MS ?? 4_000);

/** The list queries measured: filters and a sort each, as the list page and the CLI send them. */
const REQUETES: { nom: string; query: string; filtre: Partial<MarcheFiltre> }[] = [
  { nom: "en cours, fin la plus proche", query: "statut=en-cours&tri=dateFin", filtre: { statut: "en-cours", tri: "dateFin" } },
  { nom: "services, montant décroissant", query: "nature=services&tri=-montant", filtre: { nature: "services", tri: "-montant" } },
  {
    nom: "recherche « entretien », page 3",
    query: "recherche=entretien&tri=-dateNotification&page=3",
    filtre: { recherche: "entretien", tri: "-dateNotification", page: 3 },
  },
];

const p95 = (d: number[]) => [...d].sort((a, b) => a - b)[Math.min(d.length - 1, Math.floor(0.95 * d.length))] ?? 0;

async function mesurer(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up
  const durees: number[] = [];
  const fin = performance.now() + DUREE_MS;
  while (performance.now() < fin || durees.length < 20) {
    const t = performance.now();
    await fn();
    durees.push(performance.now() - t);
  }
  return durees;
}

async function grossir(database: Database, organisationId: string, n: number): Promise<void> {
  const directions = await selectRows<{ id: string }>(
    database.db,
    sql`select id from directions where organisation_id = ${organisationId}`,
  );
  const fournisseurs = await selectRows<{ id: string }>(
    database.db,
    sql`select id from fournisseurs where organisation_id = ${organisationId}`,
  );
  const h = prng(100_000);
  const par = 10_000;
  for (let lot = 0; lot * par < n; lot++) {
    const p = genererPortefeuille({
      organisationId,
      directions: directions.map((d) => ({ id: d.id, poids: 1, travaux: h() < 0.25 })),
      fournisseurs: fournisseurs.map((f) => ({ id: f.id, cpv: "", objet: "", travaux: h() < 0.3 })),
      aujourdhui: aujourdhuiParis(new Date()),
      parAn: Math.ceil(par / 4),
      annees: 4,
      sansExecution: true,
      hasard: h,
      ids: randomUUID,
    });
    for (const m of p.marches) m.numero = `B${lot}-${m.numero}`;
    await database.transaction((tx) => repositories(tx, { clock: systemClock, ids: uuidGenerator }).marches.importerPortefeuille(p));
  }
  await database.db.execute(sql`analyze`);
}

/**
 * GET /api/marches with filters and sort over the demo portfolio (≈ 850 contracts, 650 live), then over
 * 100 000 generated contracts: p95 of the server time (in process, one request at a time) and its ratio to
 * the same two SQL statements (count and page) run bare on the same database, in the same run.
 */
async function run(): Promise<void> {
  const database = await openPgliteTestDatabase();
  const { app } = await testApp(database);
  try {
    const central = await loggedIn(app, DEMO.central);
    const [org] = await selectRows<{ id: string }>(database.db, sql`select id from organisations order by created_at limit 1`);
    const organisationId = org?.id ?? "";
    for (const taille of ["demo", "grand"] as const) {
      if (taille === "grand") {
        const t = performance.now();
        await grossir(database, organisationId, GRAND);
        console.log(`   ${GRAND.toLocaleString("fr-FR")} marchés générés et écrits en ${((performance.now() - t) / 1000).toFixed(0)} s`);
      }
      const [c] = await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from marches`);
      for (const r of REQUETES) {
        const api = await mesurer(async () => {
          const res = await central.request("GET", `/api/marches?${r.query}`);
          if (res.status !== 200) throw new Error(`statut ${res.status}`);
        });
        const filtre: MarcheFiltre = { organisationId, aujourdhui: aujourdhuiParis(new Date()), page: 1, parPage: 50, ...r.filtre };
        const requetes = requetesListeMarches(filtre, { kind: "all" });
        const nu = await mesurer(async () => {
          await database.db.execute(requetes.compte);
          await database.db.execute(requetes.page);
        });
        console.log(
          `   ${c?.n.toLocaleString("fr-FR")} marchés, ${r.nom} : p95 serveur ${p95(api).toFixed(1)} ms, SQL nu ${p95(nu).toFixed(1)} ms, rapport ${(p95(api) / p95(nu)).toFixed(2)}`,
        );
      }
    }
  } finally {
    await app.close();
    await database.close();
  }
}

export const marches: SectionBanc = {
  nom: "marches",
  titre: "Liste des marchés filtrée et triée (démonstration, puis 100 000 marchés)",
  run,
};
