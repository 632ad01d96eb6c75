import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { selectRows, sql, type Database } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import { DEMO, loggedIn, TestClient, testApp } from "../testing/harness";

for (const target of testTargets()) {
  describe(`authentification et sessions (${target.name})`, () => {
    let database: Database;
    let app: FastifyInstance;

    before(async () => {
      database = await target.open();
      ({ app } = await testApp(database));
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    it("opens a server-side session in an HttpOnly, SameSite cookie and tells who I am", async () => {
      const client = new TestClient(app);
      const response = await client.login(...DEMO.acheteur);
      assert.equal(response.status, 200);
      const setCookie = String(response.headers["set-cookie"]);
      assert.match(setCookie, /achat_session=[A-Za-z0-9_-]{43};/);
      assert.match(setCookie, /HttpOnly/);
      assert.match(setCookie, /SameSite=Lax/);
      assert.equal(response.body.utilisateur.role, "acheteur");
      assert.equal(response.body.utilisateur.direction.sigle, "DB");
      const session = await client.request("GET", "/api/auth/session");
      assert.equal(session.body.utilisateur.email, DEMO.acheteur[0]);
      const stored = await selectRows<{ token_hash: string }>(database.db, sql`select token_hash from sessions`);
      const hashes = stored.map((r) => r.token_hash);
      assert.ok(!hashes.includes(client.cookie("achat_session")!), "the table stores a fingerprint, not the token");
    });

    it("answers unknown account and wrong password identically", async () => {
      const unknown = await new TestClient(app).login("personne@demo.achat-public.fr", "mauvais-mot-de-passe");
      const wrong = await new TestClient(app).login(DEMO.central[0], "mauvais-mot-de-passe");
      assert.equal(unknown.status, 401);
      assert.equal(wrong.status, 401);
      const strip = ({ requestId: _r, ...rest }: Record<string, unknown>) => rest;
      assert.deepEqual(strip(unknown.body), strip(wrong.body));
      assert.equal(unknown.body.detail, "Adresse électronique ou mot de passe incorrect.");
    });

    it("blocks the sixth attempt on an account with 429 and Retry-After, even with the right password", async () => {
      const client = new TestClient(app);
      for (let i = 1; i <= 5; i++) {
        const r = await client.login(DEMO.lecteur[0], `faux-mot-de-passe-${i}`);
        assert.equal(r.status, 401, `attempt ${i}`);
      }
      const blocked = await client.login(...DEMO.lecteur);
      assert.equal(blocked.status, 429);
      assert.equal(blocked.body.code, "TOO_MANY_ATTEMPTS");
      assert.ok(Number(blocked.headers["retry-after"]) > 0);
      assert.match(blocked.body.detail, /réessayez dans/);
    });

    it("refuses every state-changing request without the CSRF token or from another origin", async () => {
      const admin = await loggedIn(app, DEMO.admin);
      const noToken = await admin.request("POST", "/api/directions", { nom: "Direction test CSRF", sigle: "DTC" }, { csrf: false });
      assert.equal(noToken.status, 403);
      assert.equal(noToken.body.code, "CSRF_REJECTED");
      const foreign = await admin.request(
        "POST",
        "/api/directions",
        { nom: "Direction test CSRF", sigle: "DTC" },
        {
          headers: { origin: "https://site-malveillant.example" },
        },
      );
      assert.equal(foreign.status, 403);
      const anonymousLogin = await new TestClient(app).request(
        "POST",
        "/api/auth/connexion",
        { email: DEMO.admin[0], motDePasse: DEMO.admin[1] },
        { csrf: false },
      );
      assert.equal(anonymousLogin.status, 403, "login needs the pre-session token too");
      const organisation = await admin.request("GET", "/api/organisation");
      assert.ok(!organisation.body.directions.some((d: { sigle: string }) => d.sigle === "DTC"), "nothing was written");
      const events = await admin.request("GET", "/api/securite/evenements?type=csrf.rejected");
      assert.ok(events.body.total >= 2, "each rejection is a security event");
      assert.ok(
        events.body.evenements.some(
          (e: { acteur: string; route: string }) => e.acteur === DEMO.admin[0] && e.route === "POST /api/directions",
        ),
      );
      // (the reader's account is blocked by the previous test: the buyer is refused the audit trail instead)
      const reader = await loggedIn(app, DEMO.acheteur);
      assert.equal((await reader.request("GET", "/api/audit/evenements")).status, 403);
      const denied = await admin.request("GET", "/api/securite/evenements?type=access.denied");
      assert.ok(
        denied.body.evenements.some(
          (e: { acteur: string; route: string }) => e.acteur === DEMO.acheteur[0] && e.route.startsWith("GET /api/audit/evenements"),
        ),
      );
    });

    it("ends the session at logout: the old cookie no longer opens anything", async () => {
      const client = await loggedIn(app, DEMO.central);
      const token = client.cookie("achat_session")!;
      assert.equal((await client.request("POST", "/api/auth/deconnexion")).status, 204);
      const replay = new TestClient(app);
      replay.setCookie("achat_session", token);
      assert.equal((await replay.request("GET", "/api/organisation")).status, 401);
    });

    it("keeps sessions in the database: a second instance on the same database accepts the cookie", async () => {
      const client = await loggedIn(app, DEMO.central);
      const { app: other } = await testApp(database);
      try {
        const elsewhere = new TestClient(other);
        elsewhere.setCookie("achat_session", client.cookie("achat_session")!);
        const session = await elsewhere.request("GET", "/api/auth/session");
        assert.equal(session.body.utilisateur?.email, DEMO.central[0]);
      } finally {
        await other.close();
      }
    });

    it("logs every login in the audit trail", async () => {
      const admin = await loggedIn(app, DEMO.admin);
      const page = await admin.request("GET", "/api/audit/evenements?type=user.logged-in");
      assert.ok(page.body.evenements.some((e: { acteur: string }) => e.acteur === DEMO.acheteur[0]));
    });
  });

  describe(`comptes de démonstration hors mode démonstration (${target.name})`, () => {
    it("refuses the demo accounts when demo mode is off", async () => {
      const database = await target.open();
      const demo = await testApp(database); // loads the demo organisation
      await demo.app.close();
      const { app } = await testApp(database, { demoMode: false });
      try {
        const r = await new TestClient(app).login(...DEMO.admin);
        assert.equal(r.status, 401);
      } finally {
        await app.close();
        await database.close();
      }
    });
  });
}
