import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { selectRows, sql, type Database } from "@achat-public/db";
import { openPgliteTestDatabase } from "@achat-public/db/testing";
import { DEMO, loggedIn, TestClient, testApp } from "../testing/harness";
import { FICHIERS_DEMO_DECP } from "./donnees.demo";

describe("données ouvertes de démonstration : de vraies DECP importées au premier démarrage", () => {
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

  it("imports each demo file once, as an administrator would (one audited import per file, its report's counts)", async () => {
    const imports = await selectRows<{ nom: string; total: number; importes: number; rejetes: number; doublons: number }>(
      database.db,
      sql`select payload->>'nomFichier' as nom, (payload->>'total')::int as total, (payload->>'importes')::int as importes,
            (payload->>'rejetes')::int as rejetes, (payload->>'doublons')::int as doublons
          from audit_events where type = 'decp.imported' order by seq`,
    );
    assert.deepEqual(
      imports.map((i) => i.nom),
      [...FICHIERS_DEMO_DECP],
    );
    for (const i of imports) assert.equal(i.importes + i.rejetes + i.doublons, i.total, JSON.stringify(i));
    const [store] = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from (select distinct acheteur_id, marche_id from decp_attributions) m`,
    );
    assert.ok((store?.n ?? 0) >= 400, JSON.stringify(store));
  });

  it("answers the public search, the sourcing and the peers from those real records", async () => {
    const anonyme = new TestClient(app);
    const tout = await anonyme.request("GET", "/api/public/decp/marches?parPage=5");
    assert.equal(tout.status, 200, JSON.stringify(tout.body));
    assert.ok(tout.body.total >= 400, String(tout.body.total));
    const valDeMarne = await anonyme.request("GET", "/api/public/decp/marches?departement=94&parPage=100");
    assert.ok(valDeMarne.body.total > 100, String(valDeMarne.body.total));

    const acheteur = await loggedIn(app, DEMO.acheteur);
    const sourcing = await acheteur.request("GET", "/api/decp/sourcing?cpv=4521&departement=94&portee=france");
    assert.equal(sourcing.status, 200, JSON.stringify(sourcing.body));
    assert.ok(sourcing.body.entreprises.length > 10, String(sourcing.body.entreprises.length));
    assert.ok(sourcing.body.concurrence.marchesAvecOffres > 0);

    // a Val-de-Marne buyer of the 2019 file against the others
    const [frequent] = await selectRows<{ siret: string }>(
      database.db,
      sql`select acheteur_id as siret from decp_attributions where acheteur_id ~ '^[0-9]{14}$' and acheteur_id <> '00000000000000' group by 1 order by count(*) desc, 1 limit 1`,
    );
    const pairs = await acheteur.request("GET", `/api/decp/pairs?acheteur=${frequent?.siret}&minimumMarches=1`);
    assert.equal(pairs.status, 200, JSON.stringify(pairs.body));
    assert.ok(pairs.body.pairs.acheteurs > 5, JSON.stringify(pairs.body.pairs));
  });
});
