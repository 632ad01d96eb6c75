import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { sql, verifyAuditChain, type Database } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import { DEMO, loggedIn, testApp, type TestClient } from "../testing/harness";

for (const target of testTargets()) {
  describe(`journal d'audit (${target.name})`, () => {
    let database: Database;
    let app: FastifyInstance;
    let admin: TestClient;

    before(async () => {
      database = await target.open();
      ({ app } = await testApp(database));
      admin = await loggedIn(app, DEMO.admin);
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    it("records the demo data and every login, newest first, with filters and pages", async () => {
      const page = await admin.request("GET", "/api/audit/evenements?parPage=5");
      assert.equal(page.status, 200);
      assert.equal(page.body.evenements.length, 5);
      assert.ok(page.body.total > 50);
      const seqs = page.body.evenements.map((e: { seq: number }) => e.seq);
      assert.deepEqual(
        seqs,
        [...seqs].sort((a, b) => b - a),
      );
      assert.ok(
        page.body.types.some((t: { type: string; libelle: string }) => t.type === "direction.created" && t.libelle === "Direction créée"),
      );
      assert.ok(
        page.body.evenements.every((e: { libelle: string; type: string }) => e.libelle !== e.type),
        "every event type has a French label",
      );
      const directions = await admin.request("GET", "/api/audit/evenements?type=direction.&parPage=200");
      assert.ok(directions.body.evenements.every((e: { type: string }) => e.type.startsWith("direction.")));
      assert.equal(directions.body.evenements.at(-1).acteur, "générateur de données de démonstration");
      const byActor = await admin.request("GET", "/api/audit/evenements?acteur=admin@demo");
      assert.ok(byActor.body.total >= 1);
      const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris" }).format(new Date());
      const dated = await admin.request("GET", `/api/audit/evenements?du=${today}&au=${today}`);
      assert.equal(dated.status, 200, JSON.stringify(dated.body));
      assert.equal(dated.body.total, page.body.total);
      const none = await admin.request("GET", "/api/audit/evenements?au=2020-01-01");
      assert.equal(none.body.total, 0);
      const bad = await admin.request("GET", "/api/audit/evenements?du=2026-02-30&parPage=1000");
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.issues.map((i: { path: string[] }) => i.path.join(".")).sort(), ["query.du", "query.parPage"]);
    });

    it("is readable by the administrator only", async () => {
      for (const account of [DEMO.central, DEMO.acheteur, DEMO.lecteur, DEMO.entreprise]) {
        const client = await loggedIn(app, account);
        assert.equal((await client.request("GET", "/api/audit/evenements")).status, 403, account[0]);
      }
    });

    it("cannot be changed: the database refuses UPDATE and DELETE", async () => {
      const refused = (error: Error & { cause?: Error }) => /ajout seul/.test(error.cause?.message ?? error.message);
      await assert.rejects(database.db.execute(sql`update audit_events set actor_label = 'x'`), refused);
      await assert.rejects(database.db.execute(sql`delete from audit_events`), refused);
    });

    it("verifies the chain, and finds the first broken link after tampering", async () => {
      const verification = await admin.request("GET", "/api/audit/verification");
      assert.equal(verification.status, 200);
      assert.equal(verification.body.ok, true);
      assert.ok(verification.body.evenementsVerifies > 50);

      // Someone with direct database access rewrites an old event, bypassing the trigger.
      await database.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
      await database.db.execute(sql`update audit_events set payload = '{"nom":"Direction falsifiée"}' where seq = 5`);
      await database.db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
      const broken = await admin.request("GET", "/api/audit/verification");
      assert.equal(broken.body.ok, false);
      assert.equal(broken.body.premiereRupture.seq, 5);
      assert.equal(broken.body.premiereRupture.raison, "hash-mismatch");
      assert.equal(broken.body.evenementsVerifies, 4);

      // Removing an event is caught at the next one.
      await database.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
      await database.db.execute(sql`delete from audit_events where seq = 3`);
      await database.db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
      const report = await verifyAuditChain(database.db, 2);
      assert.equal(report.ok, false);
      assert.equal(report.firstBreak?.seq, 4);
      assert.equal(report.firstBreak?.reason, "prev-hash-mismatch");
    });
  });
}
