import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { selectRows, sql, type Database } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import type { AppContext } from "../context";
import { cliActor } from "../platform/cli/commands";
import { testApp } from "../testing/harness";
import { exporterDecp, exporterOcds, marquerPublies } from "./publication.service";

type Json = Record<string, unknown>;

/** The exports over the database source (the demo's procedures and contracts), not the in-memory one. */
for (const target of testTargets()) {
  describe(`publication depuis la base : appels d'offres OCDS et date de première publication (${target.name})`, () => {
    let database: Database;
    let ctx: AppContext;
    let close: () => Promise<unknown>;

    before(async () => {
      database = await target.open();
      const t = await testApp(database, { demoMode: true });
      ctx = t.ctx;
      close = () => t.app.close();
    });
    after(async () => {
      await close();
      await database.close();
    });

    it("OCDS: one release per procedure with the tender read from the procedures context, valid and stable", async () => {
      const [{ n: procedures } = { n: 0 }] = await selectRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from procedures where etat <> 'brouillon'`,
      );
      assert.ok(procedures > 0);
      const r = await exporterOcds(ctx);
      assert.deepEqual(r.erreursSchema, []);
      const releases = r.document.releases as Json[];
      const parProcedure = releases.filter((x) => (x.tender as Json).id?.toString().startsWith("procedure-"));
      assert.equal(parProcedure.length, procedures);
      const lignes = await selectRows<{ id: string; etat: string; date_limite_reception: string | null; lots: number; offrants: number }>(
        database.db,
        sql`select p.id, p.etat, p.date_limite_reception::text as date_limite_reception,
                   (select count(*)::int from procedure_lots l where l.procedure_id = p.id) as lots,
                   (select count(distinct o.siret)::int from offres o where o.procedure_id = p.id) as offrants
              from procedures p where p.etat <> 'brouillon'`,
      );
      for (const p of lignes) {
        const release = parProcedure.find((x) => (x.ocid as string).endsWith(p.id));
        assert.ok(release, p.id);
        const tender = release.tender as Json;
        assert.ok(tender.procurementMethod, p.id);
        assert.ok(((tender.value as Json).amount as number) > 0, p.id);
        assert.equal((tender.items as Json[]).length, Math.max(1, p.lots), p.id);
        if (p.date_limite_reception) assert.ok(((tender.tenderPeriod as Json).endDate as string).startsWith(p.date_limite_reception));
        if (p.offrants > 0) assert.equal(tender.numberOfTenderers, p.offrants, p.id);
      }
      // the awards decided in a procedure (retained tenders) are published, with their suppliers
      const decidees = await selectRows<{ procedure_id: string; lots: number }>(
        database.db,
        sql`select a.procedure_id, count(distinct a.lot_numero)::int as lots from attributions a group by a.procedure_id`,
      );
      assert.ok(decidees.length > 0);
      for (const d of decidees) {
        const release = parProcedure.find((x) => (x.ocid as string).endsWith(d.procedure_id));
        const awards = (release?.awards ?? []) as Json[];
        assert.ok(awards.length >= d.lots, d.procedure_id);
        for (const a of awards) assert.ok((a.suppliers as Json[]).length > 0);
      }
      // the same data: the same ocids and release ids
      const encore = await exporterOcds(ctx);
      assert.deepEqual(
        (encore.document.releases as Json[]).map((x) => [x.ocid, x.id]),
        releases.map((x) => [x.ocid, x.id]),
      );
    });

    it("the DECP export stamps the first publication of what it publishes: no longer late, audited once, never moved", async () => {
      const avant = await exporterDecp(ctx);
      const nonPublies = avant.publies.filter((m) => m.datePublicationDonnees === null);
      assert.ok(nonPublies.length > 0, "la démonstration a des marchés pas encore publiés");
      const evenements = async () =>
        (await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_events where type = 'decp.published'`))[0]
          ?.n;
      const n0 = await evenements();
      const marques = await marquerPublies(ctx, cliActor("test"), avant, avant.publies);
      assert.equal(marques.marches, nonPublies.length);
      assert.equal(await evenements(), (n0 ?? 0) + 1);
      const apres = await exporterDecp(ctx);
      for (const m of nonPublies) {
        const relu = apres.marches.find((x) => x.id === m.id);
        assert.equal(relu?.datePublicationDonnees, avant.aujourdhui, m.numero);
        assert.ok(!apres.controle.aPublierEnRetard.some((r) => r.numero === m.numero && r.evenement === "notification"), m.numero);
      }
      // the published document is the same bytes: it already carried today's date for them
      assert.deepEqual(apres.document, avant.document);
      // nothing more to stamp: nothing written
      assert.deepEqual(await marquerPublies(ctx, cliActor("test"), apres, apres.publies), { marches: 0, modifications: 0 });
      assert.equal(await evenements(), (n0 ?? 0) + 1);
    });
  });
}
