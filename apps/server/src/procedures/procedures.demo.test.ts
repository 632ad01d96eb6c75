import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { selectRows, sql, type Database } from "@achat-public/db";
import { openPgliteTestDatabase } from "@achat-public/db/testing";
import { aujourdhui } from "@achat-public/domain/procedures";
import { DEMO, loggedIn, testApp } from "../testing/harness";

/** The demo procedures: a year at the portfolio's scale, unsuccessful lots, consultations open today. */
describe("procédures de démonstration", () => {
  let database: Database;
  let app: FastifyInstance;

  before(async () => {
    database = await openPgliteTestDatabase();
    ({ app } = await testApp(database));
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  it("holds a year of notified procedures (a little over 200 lots), unsuccessful lots and open consultations", async () => {
    const [lots] = await selectRows<{ notifies: number; infructueux: number; procedures: number }>(
      database.db,
      sql`select count(*) filter (where p.etat = 'notifiee' and not l.infructueux)::int as notifies,
                 count(*) filter (where l.infructueux)::int as infructueux,
                 count(distinct p.id)::int as procedures
          from procedures p join procedure_lots l on l.procedure_id = p.id`,
    );
    assert.ok((lots?.notifies ?? 0) >= 180 && (lots?.notifies ?? 0) <= 260, JSON.stringify(lots));
    assert.ok((lots?.infructueux ?? 0) > 0);
    const central = await loggedIn(app, DEMO.central);
    const list = await central.request("GET", "/api/procedures?statut=infructueuse");
    assert.ok(list.body.total >= 1);
    const ouvertes = await central.request("GET", "/api/public/consultations");
    assert.ok(ouvertes.body.consultations.length >= 3, JSON.stringify(ouvertes.body));
    const jour = aujourdhui(new Date());
    for (const c of ouvertes.body.consultations) {
      assert.ok(c.dateLimiteReception > jour && c.urlProfilAcheteur.startsWith("https://"));
    }
    const clausier = await central.request("GET", "/api/clausier");
    assert.ok(clausier.body.some((c: { formuleHeures: unknown }) => c.formuleHeures !== null));
  });
});
