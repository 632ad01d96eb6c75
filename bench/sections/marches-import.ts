import { selectRows, sql } from "@achat-public/db";
import { insertDirection, insertOrganisation, openPgliteTestDatabase, openPostgresTestDatabase } from "@achat-public/db/testing";
import { systemActor } from "@achat-public/domain";
import { importFournisseurs, importMarches } from "../../apps/server/src/marches/marches.import";
import { analyse, write } from "../../apps/server/src/platform/imports";
import { testApp } from "../../apps/server/src/testing/harness";
import { csvFournisseurs, csvMarches } from "../../apps/server/src/testing/marches-tableur";
import type { SectionBanc } from "./section";

const LIGNES = Number(process.env.BENCH_MARCHES_IMPORT_LIGNES ?? 10_000);
const FOURNISSEURS = 500;

const secondes = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

/**
 * Import of a 10,000-row contract file (holders among 500 suppliers imported first) through the platform's
 * pipeline, as the CLI runs it: analysis (every cell, then every row tried against the use cases in a
 * rolled-back transaction), then the write of every row in ONE transaction; then the same file with a bad last
 * row, refused with nothing written. PGlite, or PostgreSQL with BENCH_DATABASE_URL (an empty database).
 */
async function run(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  const database = url ? await openPostgresTestDatabase(url) : await openPgliteTestDatabase();
  const { app, ctx } = await testApp(database, { demoMode: false });
  try {
    const organisation = await insertOrganisation(database.db);
    const direction = await insertDirection(database.db, { organisationId: organisation.id });
    const [d] = await selectRows<{ sigle: string }>(database.db, sql`select sigle from directions where id = ${direction.id}`);
    const sigle = d?.sigle ?? "";
    const actor = systemActor("banc");
    const base = { format: "csv" as const, organisationId: organisation.id };
    const f = await analyse(ctx, importFournisseurs, { ...base, contenu: Buffer.from(csvFournisseurs(FOURNISSEURS)), actor }, () => {});
    await write(
      ctx,
      importFournisseurs,
      { analysis: f, actor, organisationId: organisation.id, nomFichier: "f.csv", importId: null },
      () => {},
    );

    const contenu = Buffer.from(csvMarches(LIGNES, sigle, FOURNISSEURS));
    const lignes = contenu.toString().split("\r\n");
    const mauvaise = lignes.at(-1)?.split(";") ?? [];
    mauvaise[5] = "12345678-0"; // unknown CPV code on the last row
    const refuse = Buffer.from([...lignes.slice(0, -1), mauvaise.join(";")].join("\r\n"));
    let t = performance.now();
    const analyseRefus = await analyse(ctx, importMarches, { ...base, contenu: refuse, actor: systemActor("banc refus") }, () => {});
    const [avant] = await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from marches`);
    console.log(
      `   ${LIGNES.toLocaleString("fr-FR")} lignes, la dernière fausse : analyse ${secondes(t)}, ${analyseRefus.rapport.problemes.length} problème (ligne ${analyseRefus.rapport.problemes[0]?.ligne}), écriture possible : ${analyseRefus.rapport.ecriturePossible ? "oui" : "non"}, marchés en base : ${avant?.n}`,
    );
    t = performance.now();
    const analysis = await analyse(ctx, importMarches, { ...base, contenu, actor }, () => {});
    console.log(`   ${LIGNES.toLocaleString("fr-FR")} lignes justes : analyse ${secondes(t)} (${analysis.rapport.valides} valides)`);
    t = performance.now();
    const ecrites = await write(
      ctx,
      importMarches,
      { analysis, actor, organisationId: organisation.id, nomFichier: "m.csv", importId: null },
      () => {},
    );
    const [apres] = await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from marches`);
    console.log(`   écriture en une transaction : ${secondes(t)} (${ecrites} lignes, ${apres?.n} marchés en base)`);
  } finally {
    await app.close();
    await database.close();
  }
}

export const marchesImport: SectionBanc = {
  nom: "marches-import",
  titre: "Import d'un tableur de 10 000 marchés (analyse, puis écriture en une transaction)",
  run,
};
