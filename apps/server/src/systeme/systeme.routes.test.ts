import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Database } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import { testApp } from "../testing/harness";

for (const target of testTargets()) {
  describe(`système : santé, OpenAPI, erreurs (${target.name})`, () => {
    let database: Database;
    let app: FastifyInstance;

    before(async () => {
      database = await target.open();
      ({ app } = await testApp(database));
      // A route that fails the way a bug would: its message must never reach the client.
      app.get("/api/test/panne", async () => {
        throw new Error("connexion refusée à 10.0.0.12:5432 (mot de passe: secret)");
      });
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    it("answers GET /api/health with the kind of database", async () => {
      const response = await app.inject({ method: "GET", url: "/api/health" });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(JSON.parse(response.body), { status: "ok", database: target.name });
    });

    it("publishes an OpenAPI document of every route with French summaries, and its browsable docs", async () => {
      const response = await app.inject({ method: "GET", url: "/api/openapi.json" });
      assert.equal(response.statusCode, 200);
      const doc = JSON.parse(response.body);
      assert.match(doc.openapi, /^3\./);
      for (const path of ["/api/health", "/api/auth/connexion", "/api/directions", "/api/utilisateurs/{id}", "/api/audit/evenements"]) {
        assert.ok(doc.paths[path], `missing ${path}`);
      }
      assert.equal(doc.paths["/api/directions"].post.summary, "Créer une direction");
      assert.ok(doc.paths["/api/directions"].post.requestBody.content["application/json"].schema);
      const docs = await app.inject({ method: "GET", url: "/api/docs/" });
      assert.equal(docs.statusCode, 200);
      assert.match(docs.body, /swagger/i);
    });

    it("hides internals in a 500 and gives a request id instead", async () => {
      const response = await app.inject({ method: "GET", url: "/api/test/panne" });
      assert.equal(response.statusCode, 500);
      assert.equal(response.headers["content-type"], "application/problem+json; charset=utf-8");
      const body = JSON.parse(response.body);
      assert.equal(body.code, "INTERNAL_ERROR");
      assert.doesNotMatch(response.body, /10\.0\.0\.12|secret|Error|at /);
      assert.equal(body.requestId, response.headers["x-request-id"]);
      assert.match(body.detail, new RegExp(body.requestId));
    });

    it("answers unknown API routes with a French problem", async () => {
      const response = await app.inject({ method: "GET", url: "/api/inexistant" });
      assert.equal(response.statusCode, 404);
      assert.equal(JSON.parse(response.body).code, "ROUTE_NOT_FOUND");
    });

    it("serves the theme and the default logo from configuration", async () => {
      const theme = JSON.parse((await app.inject({ method: "GET", url: "/api/theme" })).body);
      assert.deepEqual(theme, {
        nomOrganisation: "Département du Val-de-Marne",
        couleurPrincipale: "#005a9c",
        logoUrl: "/api/theme/logo",
        demo: true,
      });
      const logo = await app.inject({ method: "GET", url: "/api/theme/logo" });
      assert.equal(logo.headers["content-type"], "image/svg+xml");
      assert.match(logo.body, /fill="#005a9c"/);
      assert.match(logo.body, /aria-label="Département du Val-de-Marne"/);
    });

    it("sets security headers", async () => {
      const response = await app.inject({ method: "GET", url: "/api/health" });
      assert.equal(response.headers["x-content-type-options"], "nosniff");
      assert.equal(response.headers["x-frame-options"], "DENY");
      assert.match(String(response.headers["content-security-policy"]), /frame-ancestors 'none'/);
      assert.equal(response.headers["cache-control"], "no-store");
    });
  });
}

describe("santé quand la base ne répond plus", () => {
  it("answers 503 DATABASE_UNAVAILABLE in French", async () => {
    const { openPgliteTestDatabase } = await import("@achat-public/db/testing");
    const database = await openPgliteTestDatabase();
    const { app } = await testApp(database);
    try {
      await database.close();
      const response = await app.inject({ method: "GET", url: "/api/health" });
      assert.equal(response.statusCode, 503);
      assert.equal(JSON.parse(response.body).code, "DATABASE_UNAVAILABLE");
    } finally {
      await app.close();
    }
  });
});
