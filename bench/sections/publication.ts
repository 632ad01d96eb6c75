import { openPgliteTestDatabase } from "@achat-public/db/testing";
import { controlerPublication, sourcePublicationEnMemoire, versDecp, type MarchePourPublication } from "@achat-public/domain/publication";
import { AUJOURDHUI_PUBLICATION, fixturesPublicationSaines } from "@achat-public/domain/testing";
import { organisationPubliee } from "../../apps/server/src/publication/publication.service";
import { validerDecp } from "../../apps/server/src/publication/validation";
import { testApp } from "../../apps/server/src/testing/harness";
import type { SectionBanc } from "./section";

const MARCHES = Number(process.env.BENCH_PUBLICATION_MARCHES ?? 650);

/** The clean fixture contracts, cloned up to `n` (new ids and numbers), as the in-memory source of the exports. */
function portefeuille(n: number, organisationId: string) {
  const base = fixturesPublicationSaines(organisationId);
  const modeles = base.marches.filter((m) => !base.horsPerimetre.includes(m.numero));
  const marches: MarchePourPublication[] = Array.from({ length: n }, (_, i) => {
    const m = modeles[i % modeles.length] as MarchePourPublication;
    const suffixe = String(i).padStart(5, "0");
    return { ...m, id: `${m.id.slice(0, 24)}${suffixe.padStart(12, "0")}`, numero: `B${suffixe}`, procedureId: null, lotNumero: null };
  });
  return { organisationId, marches, procedures: base.procedures };
}

function p95(durations: number[]): string {
  const sorted = [...durations].sort((a, b) => a - b);
  return (sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] ?? 0).toFixed(1);
}

/**
 * DECP export at the portfolio's scale (650 contracts): GET /api/donnees-ouvertes/decp.json (gate asked of the rules
 * engine, DECP build, ajv validation against the official schema, ETag), p95 server time, against the bare work of
 * building and serialising the same document without gate nor validation, in the same run.
 */
async function run(): Promise<void> {
  const database = await openPgliteTestDatabase();
  const { app, ctx } = await testApp(database, { demoMode: false });
  try {
    ctx.clock = { now: () => new Date(`${AUJOURDHUI_PUBLICATION}T11:00:00Z`) };
    const organisation = await organisationPubliee(ctx);
    const donnees = portefeuille(MARCHES, organisation.id);
    ctx.sourcePublication = sourcePublicationEnMemoire(donnees);
    const mesurer = async (fn: () => Promise<unknown> | unknown, secondes = 4) => {
      const durations: number[] = [];
      const fin = performance.now() + secondes * 1000;
      while (performance.now() < fin) {
        const t0 = performance.now();
        await fn();
        durations.push(performance.now() - t0);
      }
      return durations;
    };
    let octets = 0;
    const route = await mesurer(async () => {
      const response = await app.inject({ method: "GET", url: "/api/donnees-ouvertes/decp.json" });
      if (response.statusCode !== 200) throw new Error(`statut ${response.statusCode}`);
      octets = response.body.length;
    });
    const nu = await mesurer(() => JSON.stringify(versDecp(donnees.marches, AUJOURDHUI_PUBLICATION)));
    const controle = await mesurer(() => controlerPublication(donnees.marches, AUJOURDHUI_PUBLICATION));
    const document = versDecp(donnees.marches, AUJOURDHUI_PUBLICATION);
    const schema = await mesurer(() => validerDecp(document));
    const ratio = Number(p95(route)) / Math.max(0.01, Number(p95(nu)));
    console.log(
      `   ${MARCHES} marchés : GET decp.json p95 ${p95(route)} ms (${(octets / 1024).toFixed(0)} Ko) ; construction + sérialisation nues p95 ${p95(nu)} ms (rapport ${ratio.toFixed(1)}) ; ` +
        `dont contrôle qualité p95 ${p95(controle)} ms, validation ajv p95 ${p95(schema)} ms`,
    );
  } finally {
    await app.close();
    await database.close();
  }
}

export const publication: SectionBanc = { nom: "publication", titre: "Export DECP au portefeuille de 650 marchés", run };
