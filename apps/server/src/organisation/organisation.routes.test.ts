import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { selectRows, sql, type Database } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import { DEMO, loggedIn, testApp, type TestClient } from "../testing/harness";

async function auditCount(database: Database): Promise<number> {
  const [row] = await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_events`);
  return row!.n;
}

for (const target of testTargets()) {
  describe(`directions et services (${target.name})`, () => {
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

    it("lists the demo organisation: the département, a dozen directions with their services", async () => {
      const response = await admin.request("GET", "/api/organisation");
      assert.equal(response.status, 200);
      assert.equal(response.body.siret, "22940028800010");
      assert.ok(response.body.directions.length >= 12);
      const db = response.body.directions.find((d: { sigle: string }) => d.sigle === "DB");
      assert.equal(db.nom, "Direction des bâtiments");
      assert.ok(db.services.length >= 2);
    });

    it("creates, renames and deletes a direction and a service, each write audited with its actor", async () => {
      const before = await auditCount(database);
      const created = await admin.request("POST", "/api/directions", { nom: "  Direction   de l'innovation ", sigle: "dinno" });
      assert.equal(created.status, 201);
      assert.equal(created.body.nom, "Direction de l'innovation");
      assert.equal(created.body.sigle, "DINNO");
      const service = await admin.request("POST", `/api/directions/${created.body.id}/services`, { nom: "Service des achats innovants" });
      assert.equal(service.status, 201);
      const renamed = await admin.request("PUT", `/api/directions/${created.body.id}`, {
        nom: "Direction de l'innovation publique",
        sigle: "DINNO",
        version: created.body.version,
      });
      assert.equal(renamed.status, 200);
      assert.equal(renamed.body.version, created.body.version + 1);
      assert.equal((await admin.request("DELETE", `/api/directions/${created.body.id}`)).status, 204);
      assert.equal(await auditCount(database), before + 4);
      const events = await admin.request("GET", `/api/audit/evenements?agregatId=${created.body.id}`);
      assert.deepEqual(
        events.body.evenements.map((e: { type: string }) => e.type),
        ["direction.deleted", "direction.updated", "direction.created"],
      );
      assert.ok(events.body.evenements.every((e: { acteur: string }) => e.acteur === DEMO.admin[0]));
      assert.deepEqual(events.body.evenements[1].donnees.before, { nom: "Direction de l'innovation", sigle: "DINNO" });
    });

    it("refuses a duplicate name (any case) with 409 on the field, and writes nothing", async () => {
      const before = await auditCount(database);
      const response = await admin.request("POST", "/api/directions", { nom: "direction des BÂTIMENTS", sigle: "DB2" });
      assert.equal(response.status, 409);
      assert.equal(response.headers["content-type"], "application/problem+json; charset=utf-8");
      assert.equal(response.body.code, "DIRECTION_NAME_TAKEN");
      assert.deepEqual(response.body.issues, [{ path: ["nom"], message: "Une direction porte déjà ce nom." }]);
      assert.ok(response.body.requestId);
      assert.equal(await auditCount(database), before);
    });

    it("reports every field problem with its path: wrong types, unknown field, too long, bad acronym", async () => {
      const typed = await admin.request("POST", "/api/directions", { nom: 42, sigle: null, couleur: "bleu" });
      assert.equal(typed.status, 400);
      assert.equal(typed.body.code, "INVALID_INPUT");
      const paths = typed.body.issues.map((i: { path: string[] }) => i.path.join("."));
      assert.deepEqual(paths.sort(), ["couleur", "nom", "sigle"]);
      assert.ok(typed.body.issues.every((i: { message: string }) => /[a-zéèà]/.test(i.message)));
      const business = await admin.request("POST", "/api/directions", { nom: "X", sigle: "trop long pour un sigle" });
      assert.equal(business.status, 400);
      assert.deepEqual(business.body.issues.map((i: { path: string[] }) => i.path[0]).sort(), ["nom", "sigle"]);
      const missing = await admin.request("POST", "/api/directions", {});
      assert.deepEqual(missing.body.issues, [
        { path: ["nom"], message: "Champ obligatoire." },
        { path: ["sigle"], message: "Champ obligatoire." },
      ]);
    });

    it("answers malformed JSON and oversized bodies in French without touching anything", async () => {
      const before = await auditCount(database);
      const malformed = await admin.request("POST", "/api/directions", undefined, { rawBody: '{"nom": "A",' });
      assert.equal(malformed.status, 400);
      assert.equal(malformed.body.code, "MALFORMED_JSON");
      const huge = await admin.request("POST", "/api/directions", { nom: "a".repeat(1_100_000), sigle: "X" });
      assert.equal(huge.status, 413);
      assert.match(huge.body.detail, /taille maximale/);
      const notJson = await admin.request("POST", "/api/directions", undefined, {
        rawBody: "nom=A",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      assert.equal(notJson.status, 415);
      assert.equal(await auditCount(database), before);
    });

    it("refuses to delete a direction that still has accounts, and keeps it", async () => {
      const organisation = await admin.request("GET", "/api/organisation");
      const db = organisation.body.directions.find((d: { sigle: string }) => d.sigle === "DB");
      const response = await admin.request("DELETE", `/api/directions/${db.id}`);
      assert.equal(response.status, 409);
      assert.equal(response.body.code, "DIRECTION_HAS_USERS");
      assert.match(response.body.detail, /Direction des bâtiments/);
      const after = await admin.request("GET", "/api/organisation");
      assert.ok(after.body.directions.some((d: { id: string }) => d.id === db.id));
    });

    it("detects a concurrent change: the second write with the same version gets 409", async () => {
      const created = await admin.request("POST", "/api/directions", { nom: "Direction concurrente", sigle: "DCONC" });
      const body = { nom: "Direction concurrente A", sigle: "DCONC", version: created.body.version };
      const [a, b] = await Promise.all([
        admin.request("PUT", `/api/directions/${created.body.id}`, body),
        admin.request("PUT", `/api/directions/${created.body.id}`, { ...body, nom: "Direction concurrente B" }),
      ]);
      assert.deepEqual([a.status, b.status].sort(), [200, 409]);
      assert.equal([a, b].find((r) => r.status === 409)!.body.code, "STALE_VERSION");
    });

    it("lets every internal role read the organisation but only the admin change it", async () => {
      for (const account of [DEMO.central, DEMO.acheteur, DEMO.lecteur]) {
        const client = await loggedIn(app, account);
        assert.equal((await client.request("GET", "/api/organisation")).status, 200, account[0]);
        const write = await client.request("POST", "/api/directions", { nom: "Direction interdite", sigle: "DINT" });
        assert.equal(write.status, 403, account[0]);
        assert.equal(write.body.code, "FORBIDDEN");
      }
      const company = await loggedIn(app, DEMO.entreprise);
      assert.equal((await company.request("GET", "/api/organisation")).status, 403);
    });

    it("answers 401 to anonymous requests and 404 to unknown ids", async () => {
      const anonymous = await app.inject({ method: "GET", url: "/api/organisation" });
      assert.equal(anonymous.statusCode, 401);
      assert.equal(JSON.parse(anonymous.body).code, "UNAUTHENTICATED");
      const unknown = await admin.request("DELETE", "/api/directions/7f1d8a52-3b0e-4c57-9a4f-2f1b6f0d9e11");
      assert.equal(unknown.status, 404);
      const badId = await admin.request("DELETE", "/api/directions/pas-un-uuid");
      assert.equal(badId.status, 400);
      assert.deepEqual(badId.body.issues[0].path, ["params", "id"]);
    });
  });
}
