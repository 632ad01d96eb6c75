import assert from "node:assert/strict";
import { createReadStream } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import {
  formePage,
  rechercherMarchesPublies,
  resumerConcurrence,
  selectRows,
  sourcing,
  sql,
  TOTAL_PLAFOND,
  type FiltresMarchesPublies,
  type FiltresSourcing,
} from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import { cliActor } from "../platform/cli/commands";
import { apiTest, type ApiTest } from "../testing/harness";
import { importerDecp } from "./import-decp";

const FIXTURES = fileURLToPath(new URL("../../../../fixtures/decp/", import.meta.url));

const importer = (kit: ApiTest, nom: string) =>
  importerDecp(kit.ctx, cliActor("test"), createReadStream(join(FIXTURES, nom)), { nomFichier: nom });

/** Searches of every kind: frequent, rare and multi-word full text, each filter, each sort, pages further on. */
const RECHERCHES: (Partial<FiltresMarchesPublies> & { nonVide: boolean })[] = [
  { nonVide: true },
  { recherche: "travaux", nonVide: true },
  { recherche: "travaux peinture", nonVide: true },
  { recherche: "travaux", offset: 20, tri: "date-asc", nonVide: true },
  { recherche: "entretien", tri: "montant-desc", nonVide: true },
  { recherche: "maintenance", cpv: "50", montantMinCents: 4_000_000, nonVide: false },
  { recherche: "mot-introuvable-xyz", nonVide: false },
  { cpv: "4521", nonVide: true },
  { cpv: "45", departement: "94", tri: "montant-asc", nonVide: true },
  { departement: "94", tri: "montant-desc", offset: 40, nonVide: true },
  { du: "2019-01-01", au: "2019-12-31", tri: "date-asc", nonVide: true },
  { montantMinCents: 10_000_000, montantMaxCents: 100_000_000, tri: "montant-desc", nonVide: true },
];

const SOURCINGS: Omit<FiltresSourcing, "limit" | "offset">[] = [
  { cpv: "4521", departement: "94", portee: "france" },
  { cpv: "4521", departement: "94", portee: "region" },
  { cpv: "45", departement: "94", portee: "departement" },
  { cpv: "452", departement: "35", portee: "region" },
  { cpv: "71", departement: "75", portee: "france" },
  { cpv: "90", departement: "69", portee: "region" },
];

for (const target of testTargets()) {
  describe(`données ouvertes : forme de la page de recherche et synthèse du sourcing (${target.name})`, () => {
    let kit: ApiTest;

    before(async () => {
      kit = await apiTest(target);
      for (const f of [
        "decp2019_val-de-marne.json",
        "decp_tabular_2024H2_travaux_cpv4521_200.csv",
        "decp_tabular_2024H2_val-de-marne.csv",
      ]) {
        const r = await importer(kit, f);
        assert.ok(r.importes > 0, f);
      }
    });
    after(() => kit.close());

    it("the form of the page follows the capped count and the estimate", () => {
      assert.equal(formePage(0, 1_000_000), "correspondances");
      assert.equal(formePage(TOTAL_PLAFOND, 1_000_000), "correspondances");
      assert.equal(formePage(TOTAL_PLAFOND + 1, 5_000), "correspondances");
      assert.equal(formePage(TOTAL_PLAFOND + 1, 500_000), "ordre");
    });

    it("both forms of the page (every match sorted, or the sort's index filtered) give the same rows in the same order", async () => {
      for (const r of RECHERCHES) {
        const { nonVide, ...filtres } = r;
        const f: FiltresMarchesPublies = { tri: "date-desc", limit: 20, offset: 0, ...filtres };
        const parCorrespondances = await rechercherMarchesPublies(kit.database.db, f, "correspondances");
        const parOrdre = await rechercherMarchesPublies(kit.database.db, f, "ordre");
        const choisi = await rechercherMarchesPublies(kit.database.db, f);
        assert.deepEqual(parOrdre.lignes, parCorrespondances.lignes, JSON.stringify(f));
        assert.deepEqual(choisi.lignes, parCorrespondances.lignes, JSON.stringify(f));
        if (nonVide) assert.ok(parCorrespondances.lignes.length > 0, JSON.stringify(f));
        // the counted total: every row of a search under the cap, read page by page without a limit
        if (!choisi.totalPlafonne) {
          const toutes = await rechercherMarchesPublies(kit.database.db, { ...f, limit: 1000, offset: 0 }, "ordre");
          assert.equal(choisi.total, toutes.lignes.length, JSON.stringify(f));
          assert.equal(choisi.totalEstime, choisi.total);
        } else assert.ok(choisi.totalEstime > TOTAL_PLAFOND);
      }
    });

    it("the full-text search on the GIN index and the same test as a filter agree on every row", async () => {
      const [ligne] = await selectRows<{ n: number }>(
        kit.database.db,
        sql`select count(*)::int as n from decp_attributions
            where (recherche @@ plainto_tsquery('french', 'travaux')) <> ts_match_vq(recherche, plainto_tsquery('french', 'travaux'))`,
      );
      assert.equal(ligne?.n, 0);
    });

    it("the sourcing from the summaries gives exactly what the store gives (companies, pages, count, competition)", async () => {
      const comparer = async () => {
        let nonVides = 0;
        for (const s of SOURCINGS) {
          for (const page of [
            { limit: 25, offset: 0 },
            { limit: 5, offset: 5 },
          ]) {
            const f: FiltresSourcing = { ...s, ...page };
            const resume = await sourcing(kit.database.db, f, "synthese");
            const direct = await sourcing(kit.database.db, f, "attributions");
            assert.deepEqual({ ...resume, source: "" }, { ...direct, source: "" }, JSON.stringify(f));
            if (direct.entreprises.length > 0) nonVides++;
          }
        }
        return nonVides;
      };
      assert.ok((await comparer()) >= 6);
      // the default source: the summaries for a short prefix without date, the store otherwise
      assert.equal(
        (await sourcing(kit.database.db, { cpv: "4521", departement: "94", portee: "region", limit: 5, offset: 0 })).source,
        "synthese",
      );
      assert.equal(
        (await sourcing(kit.database.db, { cpv: "452142", departement: "94", portee: "region", limit: 5, offset: 0 })).source,
        "attributions",
      );
      // a later import updates the summaries
      const avant = await sourcing(kit.database.db, { cpv: "45", departement: "94", portee: "france", limit: 5, offset: 0 }, "synthese");
      const r = await importer(kit, "decp2019_aife_extrait.json");
      assert.ok(r.importes > 0);
      const apres = await sourcing(kit.database.db, { cpv: "45", departement: "94", portee: "france", limit: 5, offset: 0 }, "synthese");
      assert.ok(apres.concurrence.marches > avant.concurrence.marches);
      await comparer();
    });

    it("the competition summary: median interpolated as percentile_cont, mean, single-bid share", () => {
      const c = resumerConcurrence([
        { offres: null, marches: 3 },
        { offres: 1, marches: 2 },
        { offres: 4, marches: 1 },
        { offres: 2, marches: 1 },
      ]);
      assert.deepEqual(c, { marches: 7, avec_offres: 4, mediane: 1.5, moyenne: 2, part_unique: 0.5 });
      assert.deepEqual(resumerConcurrence([{ offres: null, marches: 2 }]), {
        marches: 2,
        avec_offres: 0,
        mediane: null,
        moyenne: null,
        part_unique: null,
      });
    });
  });
}
