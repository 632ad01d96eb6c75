import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { selectRows, sql, type Database } from "@achat-public/db";
import { openPgliteTestDatabase } from "@achat-public/db/testing";
import type { AppContext } from "../context";
import { DEMO, loggedIn, testApp } from "../testing/harness";
import { cliEnProcessus } from "../testing/cli";
import { aujourdhuiParis } from "./aujourdhui";

describe("portefeuille de démonstration (à l'échelle du département)", () => {
  let database: Database;
  let app: FastifyInstance;
  let ctx: AppContext;

  before(async () => {
    database = await openPgliteTestDatabase();
    ({ app, ctx } = await testApp(database));
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  it("has about 650 live contracts, a little over 200 notified a year, more than 300 M€ paid a year", async () => {
    const aujourdhui = aujourdhuiParis(new Date());
    const [row] = await selectRows<{ vivants: number; an: number; paye: number; sociales: number; modifs: number; retards: number }>(
      database.db,
      sql`select (select count(*)::int from marches where not clos and date_fin >= ${aujourdhui}) as vivants,
                 (select count(*)::int from marches where date_notification > ${aujourdhui}::date - 365) as an,
                 (select sum(montant_ttc_cents)::float8 / 100 from marche_factures where date_paiement > ${aujourdhui}::date - 365) as paye,
                 (select count(*)::int from marches where clause_sociale) as sociales,
                 (select count(*)::int from marche_modifications) as modifs,
                 (select count(*)::int from marche_factures where jours_retard > 0) as retards`,
    );
    assert.ok(row);
    assert.ok(row.vivants >= 600 && row.vivants <= 720, `vivants ${row.vivants}`);
    assert.ok(row.an >= 200 && row.an <= 230, `notifiés ${row.an}`);
    assert.ok(row.paye > 300_000_000, `payés ${row.paye}`);
    assert.ok(row.sociales > 100 && row.modifs > 50 && row.retards > 100, JSON.stringify(row));
  });

  it("shows no accent lost at publication (U+FFFD) in the demo's contracts and suppliers", async () => {
    const [row] = await selectRows<{ n: number }>(
      database.db,
      sql`select (select count(*)::int from marches where objet like ${"%\uFFFD%"})
               + (select count(*)::int from fournisseurs where nom like ${"%\uFFFD%"}) as n`,
    );
    assert.equal(row?.n, 0);
  });

  it("shows the demo cases in the portfolio watch", async () => {
    const central = await loggedIn(app, DEMO.central);
    const veille = await central.request("GET", "/api/marches/veille");
    assert.equal(veille.status, 200);
    const b = veille.body;
    assert.ok(b.finSansSuccesseur.some((l: { horizonMois: number }) => l.horizonMois === 3));
    assert.ok(b.finSansSuccesseur.some((l: { horizonMois: number }) => l.horizonMois === 12));
    for (const cle of ["reconductionsADecider", "accordsCadresConsommes", "derivesAvenants", "retardsPaiement"])
      assert.ok(b[cle].length > 0, cle);
    const acheteur = await loggedIn(app, DEMO.acheteur);
    const own = await acheteur.request("GET", "/api/marches/veille");
    const sigles = new Set(own.body.finSansSuccesseur.map((l: { directionSigle: string }) => l.directionSigle));
    assert.deepEqual([...sigles], ["DB"]);
  });

  it("prints the list for scripts: marches liste --statut en-cours --json, paged", async () => {
    const run = async (argv: string[]) => {
      const r = await cliEnProcessus(argv, { context: async () => ctx });
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout);
    };
    const p1 = await run(["marches", "liste", "--statut", "en-cours", "--json"]);
    const p2 = await run(["marches", "liste", "--statut", "en-cours", "--json", "--page", "2"]);
    assert.ok(p1.total >= 600);
    assert.equal(p1.marches.length, 50);
    assert.ok(p1.marches.every((m: { statut: string }) => m.statut === "en-cours"));
    assert.notEqual(p1.marches[0].id, p2.marches[0].id);
    const api = await (await loggedIn(app, DEMO.central)).request("GET", "/api/marches?statut=en-cours");
    assert.equal(api.body.total, p1.total);
  });
});
