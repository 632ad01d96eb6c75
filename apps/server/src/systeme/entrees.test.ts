import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { testTargets } from "@achat-public/db/testing";
import { apiTest, type ApiTest, type TestClient } from "../testing/harness";

const HOSTILE = ["\u0000", "\ud800", "a\u0007b", "\u200b\u200b"];

/** encodeURIComponent, but a lone surrogate is sent as the bytes a careless client would send (ED A0 80). */
const enc = (text: string) =>
  text
    .replace(/[\ud800-\udfff]/g, "\u0000SURROGATE")
    .split("\u0000SURROGATE")
    .map(encodeURIComponent)
    .join("%ED%A0%80");

/**
 * Bad input never gets a 500: every text goes through the shared text type (no control character, no lone
 * surrogate, NFC, not only invisible characters), every number and date is bounded, and the errors raised
 * before any route (router, HTTP parser) are answered in French with the security headers.
 */
for (const target of testTargets()) {
  describe(`entrées hostiles (${target.name})`, () => {
    let kit: ApiTest;
    let admin: TestClient;
    let directionId: string;

    before(async () => {
      kit = await apiTest(target);
      admin = await kit.as("admin");
      directionId = (await admin.request("POST", "/api/directions", { nom: "Direction des entrées", sigle: "DENT" })).body.id;
    });
    after(() => kit.close());

    it("answers 400 in French, naming the field, to NUL bytes, lone surrogates and invisible text in every text field and query", async () => {
      const failures: string[] = [];
      const check = async (
        label: string,
        call: () => Promise<{ status: number; body: { issues?: { path: (string | number)[] }[] } }>,
        field: string,
      ) => {
        const r = await call();
        if (r.status !== 400 && !(r.status === 401 && field === "email")) failures.push(`${label} → ${r.status}`);
        else if (r.status === 400 && !r.body.issues?.some((i) => i.path.join(".").endsWith(field)))
          failures.push(`${label} → le champ ${field} n'est pas nommé`);
      };
      let n = 0;
      for (const bad of HOSTILE) {
        const tag = JSON.stringify(bad);
        // invisible-only text is refused as a whole value; the others anywhere inside a value
        const within = (visible: string) => (bad.startsWith("\u200b") ? bad : `${visible}${bad}`);
        await check(
          `direction.nom ${tag}`,
          () => admin.request("POST", "/api/directions", { nom: within("Direction "), sigle: `DX${n++}` }),
          "nom",
        );
        await check(
          `direction.sigle ${tag}`,
          () => admin.request("POST", "/api/directions", { nom: `Direction ok ${n++}`, sigle: within("D") }),
          "sigle",
        );
        await check(
          `service.nom ${tag}`,
          () => admin.request("POST", `/api/directions/${directionId}/services`, { nom: within("Service ") }),
          "nom",
        );
        await check(
          `utilisateur.nomAffiche ${tag}`,
          () =>
            admin.request("POST", "/api/utilisateurs", {
              email: `x${n++}@valdemarne.fr`,
              nomAffiche: within("Nom "),
              role: "lecteur",
              directionId: null,
              serviceId: null,
              motDePasse: null,
            }),
          "nomAffiche",
        );
        await check(
          `utilisateur.email ${tag}`,
          () =>
            admin.request("POST", "/api/utilisateurs", {
              email: bad.startsWith("\u200b") ? bad : `x${bad}@valdemarne.fr`,
              nomAffiche: "Nom correct",
              role: "lecteur",
              directionId: null,
              serviceId: null,
              motDePasse: null,
            }),
          "email",
        );
        await check(
          `connexion.email ${tag}`,
          () =>
            kit
              .anonymous()
              .request("POST", "/api/auth/connexion", { email: bad.startsWith("\u200b") ? bad : `a${bad}@b.fr`, motDePasse: "x" }),
          "email",
        );
        // a lone surrogate cannot cross a URL (its bytes are invalid UTF-8, decoded as U+FFFD): no 500 is asked there
        const inQuery = bad === "\ud800" ? ["query", 200] : ["query", 400];
        for (const [label, url, field] of [
          ["recherche", `/api/utilisateurs?recherche=${enc(within("a"))}`, "recherche"],
          ["audit.acteur", `/api/audit/evenements?acteur=${enc(within("a"))}`, "acteur"],
          ["audit.type", `/api/audit/evenements?type=${enc(within("a"))}`, "type"],
        ] as const) {
          const r = await admin.request("GET", url);
          if (r.status !== inQuery[1]) failures.push(`${label} ${tag} → ${r.status}`);
          else if (r.status === 400 && !r.body.issues?.some((i: { path: string[] }) => i.path.join(".").endsWith(field)))
            failures.push(`${label} ${tag}`);
        }
        await check(
          `taux-bce.source ${tag}`,
          () => admin.request("PUT", "/api/regles/taux-bce/2031-01-01", { tauxBce: 2, source: within("BCE "), statut: "a-confirmer" }),
          "source",
        );
      }
      assert.deepEqual(failures, []);
    });

    it("bounds dates, numbers and versions: 0000-01-01, 2147483647, 1e400", async () => {
      assert.equal((await admin.request("GET", "/api/audit/evenements?du=0000-01-01")).status, 400);
      assert.equal((await admin.request("GET", "/api/audit/evenements?page=99999999999")).status, 400);
      const version = await admin.request("PUT", `/api/directions/${directionId}`, {
        nom: "Direction des entrées",
        sigle: "DENT",
        version: 2147483647,
      });
      assert.equal(version.status, 400);
      assert.deepEqual(version.body.issues[0].path, ["version"]);
      const huge = await admin.request("PUT", "/api/regles/taux-bce/2031-01-01", undefined, {
        rawBody: '{"tauxBce":1e400,"source":"BCE","statut":"confirme"}',
      });
      assert.equal(huge.status, 400);
      assert.match(huge.body.issues[0].message, /fini|grand/);
    });

    it("answers the router's own errors in French, with the security headers", async () => {
      const badUrl = await kit.app.inject({ method: "GET", url: "/api/utilisateurs/%E0%A4%A" });
      assert.equal(badUrl.statusCode, 400);
      assert.equal(JSON.parse(badUrl.body).code, "BAD_URL");
      assert.equal(badUrl.headers["x-content-type-options"], "nosniff");
      const long = await kit.app.inject({ method: "GET", url: `/api/utilisateurs/${"a".repeat(5000)}` });
      assert.ok([400, 404, 414].includes(long.statusCode), String(long.statusCode));
      assert.match(JSON.parse(long.body).detail, /[éèàa-z]/);
      assert.equal(long.headers["x-content-type-options"], "nosniff");
      const encoded = await kit.app.inject({ method: "GET", url: "/%61pi/health" });
      assert.equal(encoded.statusCode, 200);
      assert.equal(encoded.headers["cache-control"], "no-store");
    });

    it("gives the API documentation its own Content-Security-Policy", async () => {
      const docs = await kit.app.inject({ method: "GET", url: "/api/docs/" });
      assert.equal(docs.statusCode, 200);
      const csp = String(docs.headers["content-security-policy"]);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /script-src/);
    });
  });
}

describe("application web construite", () => {
  it("does not serve the source maps", async () => {
    const dist = mkdtempSync(join(tmpdir(), "achat-dist-"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>x</title>");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "assets", "app.js"), "console.log(1)");
    writeFileSync(join(dist, "assets", "app.js.map"), "{}");
    const target = testTargets()[0] as typeof testTargets extends () => (infer T)[] ? T : never;
    const kit = await apiTest(target, { webDistDir: dist });
    try {
      assert.equal((await kit.app.inject({ method: "GET", url: "/assets/app.js" })).statusCode, 200);
      assert.equal((await kit.app.inject({ method: "GET", url: "/assets/app.js.map" })).statusCode, 404);
    } finally {
      await kit.close();
    }
  });
});
