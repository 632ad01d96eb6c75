import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { selectRows, sql } from "@achat-public/db";
import { insertUtilisateur, testTargets } from "@achat-public/db/testing";
import { apiTest, type ApiTest, TestClient } from "../testing/harness";

/**
 * Rules that read then write across rows, under parallel requests. On PostgreSQL the requests really run at
 * the same time (PGlite serialises everything, which would hide a race): these tests matter there.
 */
for (const target of testTargets()) {
  describe(`règles sous requêtes parallèles (${target.name})`, () => {
    let kit: ApiTest;

    before(async () => {
      kit = await apiTest(target, {
        database: target.name === "postgresql" ? { kind: "postgresql", url: "x", poolMax: 10 } : { kind: "pglite", dataDir: "(mémoire)" },
      });
    });
    after(() => kit.close());

    it("verifies at most 5 of 40 parallel guesses on one account, never answers 500, and lets no guess in after the limit", async () => {
      const victim = await kit.as("lecteur");
      const email = victim.utilisateur.email;
      const guesses = await Promise.all(
        Array.from({ length: 40 }, (_, i) => new TestClient(kit.app).login(email, `essai numéro ${i}`, "203.0.113.7")),
      );
      const statuses = guesses.map((g) => g.status);
      assert.ok(
        statuses.every((s) => s === 401 || s === 429),
        statuses.join(","),
      );
      const [checked] = await selectRows<{ n: number }>(
        kit.database.db,
        sql`select count(*)::int as n from security_events where type = 'login.failed' and actor_label = ${email}`,
      );
      assert.ok((checked?.n ?? 99) <= 5, `${checked?.n} mots de passe vérifiés`);
      assert.equal(statuses.filter((s) => s === 401).length, checked?.n);
      const right = await new TestClient(kit.app).login(email, "mot de passe des tests automatiques", "203.0.113.7");
      assert.equal(right.status, 429, "still blocked, even with the right password");
    });

    it("answers a burst of 200 logins on many accounts without a deadlock or a 500", async () => {
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          new TestClient(kit.app).login(`compte.${i % 13}@inconnu.fr`, "faux mot de passe", `198.51.100.${i % 7}`),
        ),
      );
      assert.ok(
        results.every((r) => r.status === 401 || r.status === 429),
        results.map((r) => `${r.status} ${r.body?.code}`).join(","),
      );
    });

    it("keeps an administrator when two administrators deactivate each other at the same time", async () => {
      const a = await kit.as("admin");
      const b = await kit.as("admin");
      // the kit's organisation may hold other administrators from earlier tests: keep only these two
      await kit.database.db.execute(
        sql`update utilisateurs set actif = false where role = 'admin' and organisation_id = ${kit.organisationId} and id not in (${a.utilisateur.id}, ${b.utilisateur.id})`,
      );
      const deactivate = (client: TestClient, other: { id: string; email: string; nomAffiche: string; version: number }) =>
        client.request("PUT", `/api/utilisateurs/${other.id}`, {
          email: other.email,
          nomAffiche: other.nomAffiche,
          role: "admin",
          directionId: null,
          serviceId: null,
          actif: false,
          version: other.version,
        });
      const results = await Promise.all([deactivate(a, b.utilisateur), deactivate(b, a.utilisateur)]);
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409].sort(), results.map((r) => JSON.stringify(r.body)).join(" "));
      const [admins] = await selectRows<{ n: number }>(
        kit.database.db,
        sql`select count(*)::int as n from utilisateurs where role = 'admin' and actif and organisation_id = ${kit.organisationId}`,
      );
      assert.equal(admins?.n, 1);
    });

    it("keeps an administrator when three are demoted at the same time", async () => {
      const admins = [await kit.as("admin"), await kit.as("admin"), await kit.as("admin")];
      const operator = admins[0] as TestClient;
      const ids = admins.map((c) => c.utilisateur.id);
      await kit.database.db.execute(
        sql`update utilisateurs set actif = false where role = 'admin' and organisation_id = ${kit.organisationId} and id <> all(${`{${ids.join(",")}}`}::uuid[])`,
      );
      const results = await Promise.all(
        admins.map(({ utilisateur: u }) =>
          operator.request("PUT", `/api/utilisateurs/${u.id}`, {
            email: u.email,
            nomAffiche: u.nomAffiche,
            role: "lecteur",
            directionId: null,
            serviceId: null,
            actif: true,
            version: u.version,
          }),
        ),
      );
      assert.ok(
        results.every((r) => r.status === 200 || r.status === 409),
        results.map((r) => `${r.status} ${r.body?.code}`).join(","),
      );
      assert.ok(
        results.some((r) => r.status === 409 && r.body.code === "LAST_ADMIN"),
        "the last demotion is refused",
      );
      const [left] = await selectRows<{ n: number }>(
        kit.database.db,
        sql`select count(*)::int as n from utilisateurs where role = 'admin' and actif and organisation_id = ${kit.organisationId}`,
      );
      assert.ok((left?.n ?? 0) >= 1, "at least one administrator left");
    });

    it("answers 409 (never 500) when a direction is deleted while accounts are attached to it", async () => {
      const admin = await kit.as("admin");
      for (let round = 0; round < 5; round++) {
        const created = await admin.request("POST", "/api/directions", { nom: `Direction disputée ${round}`, sigle: `DDIS${round}` });
        const attach = Array.from({ length: 6 }, (_, i) =>
          admin.request("POST", "/api/utilisateurs", {
            email: `rattache.${round}.${i}@valdemarne.fr`,
            nomAffiche: `Agent rattaché ${i}`,
            role: "acheteur",
            directionId: created.body.id,
            serviceId: null,
            motDePasse: null,
          }),
        );
        const results = await Promise.all([...attach, admin.request("DELETE", `/api/directions/${created.body.id}`)]);
        const statuses = results.map((r) => r.status);
        assert.ok(
          statuses.every((s) => s < 500),
          statuses.join(","),
        );
        const deletion = results.at(-1);
        assert.ok(deletion && [204, 409].includes(deletion.status), JSON.stringify(deletion?.body));
      }
    });

    it("deactivating an account cuts the sessions it has, even mid-flight", async () => {
      const admin = await kit.as("admin");
      const reader = await kit.as("lecteur");
      const inserted = await insertUtilisateur(kit.database.db, { organisationId: kit.organisationId, role: "lecteur", actif: false });
      assert.equal((await admin.request("GET", `/api/utilisateurs/${inserted.id}`)).body.actif, false);
      assert.equal((await reader.request("GET", "/api/auth/session")).status, 200);
    });
  });
}
