import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { can, ROLES, type Permission, type Role } from "@achat-public/domain";
import { testTargets } from "@achat-public/db/testing";
import { apiTest, type ApiTest, type TestClient } from "../testing/harness";
import type { CatalogEntry } from "./routes";

/** A concrete URL for a route pattern: unknown identifiers (404 for whoever may call it), known import types. */
function concreteUrl(entry: CatalogEntry): string {
  let url = entry.url;
  for (const [name, value] of Object.entries(entry.example?.params ?? {})) url = url.replace(`:${name}`, value);
  url = url.replace(":type", "utilisateurs").replace(/:[a-zA-Z]+/g, () => randomUUID());
  const query = new URLSearchParams(entry.example?.query ?? {}).toString();
  return query ? `${url}?${query}` : url;
}

/**
 * The role × route matrix, generated from the router's own route table: every route declares who may call it,
 * and for every role (and an anonymous visitor) the answer must agree with the declaration: 401 without a
 * session, 403 without the permission, anything but 401/403 with it — and never a 500.
 */
for (const target of testTargets()) {
  describe(`matrice rôles × routes, tirée de la table des routes (${target.name})`, () => {
    let kit: ApiTest;
    const clients = new Map<Role | "anonyme", TestClient>();

    before(async () => {
      kit = await apiTest(target);
      clients.set("anonyme", kit.anonymous());
      for (const role of ROLES) clients.set(role, await kit.as(role));
    });
    after(() => kit.close());

    it("declares an access for every route, and every declared permission exists", () => {
      assert.ok(kit.app.routeCatalog.length >= 30, `${kit.app.routeCatalog.length} routes`);
      for (const entry of kit.app.routeCatalog) {
        assert.ok(entry.access === "public" || entry.access === "session" || can({ kind: "system", label: "x" }, entry.access), entry.url);
      }
    });

    it("answers every route, for every role, as its declaration says", async () => {
      const catalog = [...kit.app.routeCatalog].sort(
        (a, b) => Number(a.url === "/api/auth/deconnexion") - Number(b.url === "/api/auth/deconnexion"),
      );
      const mismatches: string[] = [];
      let calls = 0;
      for (const entry of catalog) {
        for (const [who, client] of clients) {
          const url = concreteUrl(entry);
          const body = entry.method === "GET" || entry.method === "DELETE" ? undefined : (entry.example?.body ?? {});
          const response = await client.request(entry.method as "GET", url, body);
          calls++;
          const label = `${who} ${entry.method} ${entry.url} → ${response.status} ${response.body?.code ?? ""}`;
          if (response.status >= 500) mismatches.push(`${label} (erreur serveur)`);
          if (entry.access === "public") {
            if (response.status === 403) mismatches.push(`${label} (route publique refusée)`);
            continue;
          }
          if (who === "anonyme") {
            if (response.status !== 401) mismatches.push(`${label} (401 attendu)`);
            continue;
          }
          const allowed =
            entry.access === "session" || can(client === undefined ? ({} as never) : actorOf(who), entry.access as Permission);
          if (allowed && (response.status === 401 || (response.status === 403 && entry.access !== "session")))
            mismatches.push(`${label} (permis)`);
          if (!allowed && response.status !== 403) mismatches.push(`${label} (403 attendu)`);
        }
      }
      assert.deepEqual(mismatches, []);
      assert.ok(calls >= 200, `${calls} appels`);
    });
  });
}

function actorOf(role: Role) {
  return { kind: "user" as const, userId: "u", organisationId: "o", role, directionId: role === "acheteur" ? "d" : null, label: role };
}
