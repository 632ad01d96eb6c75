import { randomUUID } from "node:crypto";
import { openPgliteTestDatabase } from "@achat-public/db/testing";
import { sql } from "@achat-public/db";
import { testApp, loggedIn, DEMO } from "../../apps/server/src/testing/harness";
import type { SectionBanc } from "./section";

const DIRECTIONS = Number(process.env.BENCH_DIRECTIONS ?? 6_500);

/**
 * GET /api/organisation with an organisation of 6,500 directions (and a service each): the tree is bounded
 * (200 directions per answer, counted in SQL with GROUP BY): latency and requests per second, in process.
 */
async function run(): Promise<void> {
  const database = await openPgliteTestDatabase();
  const { app } = await testApp(database);
  try {
    const [org] = ((await database.db.execute(sql`select id from organisations limit 1`)) as unknown as { rows: { id: string }[] }).rows;
    const values = Array.from({ length: DIRECTIONS }, (_, i) => ({ id: randomUUID(), nom: `Direction générée ${i}`, sigle: `G${i}` }));
    for (let i = 0; i < values.length; i += 500) {
      const chunk = values.slice(i, i + 500);
      await database.db.execute(
        sql`insert into directions (id, organisation_id, nom, sigle) values ${sql.join(
          chunk.map((d) => sql`(${d.id}, ${org?.id}, ${d.nom}, ${d.sigle})`),
          sql`, `,
        )}`,
      );
      await database.db.execute(
        sql`insert into services (id, direction_id, nom) values ${sql.join(
          chunk.map((d) => sql`(${randomUUID()}, ${d.id}, ${"Service unique"})`),
          sql`, `,
        )}`,
      );
    }
    const admin = await loggedIn(app, DEMO.admin);
    const durations: number[] = [];
    const deadline = performance.now() + 5_000;
    let bytes = 0;
    while (performance.now() < deadline) {
      const started = performance.now();
      const response = await admin.request("GET", "/api/organisation");
      durations.push(performance.now() - started);
      bytes = JSON.stringify(response.body).length;
      if (response.status !== 200) throw new Error(`statut ${response.status}`);
    }
    durations.sort((a, b) => a - b);
    const p = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))]?.toFixed(1);
    console.log(
      `   ${DIRECTIONS + 13} directions : ${(durations.length / 5).toFixed(0)} req/s (une à la fois), p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, réponse ${(bytes / 1024).toFixed(0)} Ko (200 directions au plus)`,
    );
  } finally {
    await app.close();
    await database.close();
  }
}

export const organisation: SectionBanc = { nom: "organisation", titre: "Arborescence de l'organisation à 6 500 directions", run };
