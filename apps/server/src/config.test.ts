import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, loadConfig } from "./config";

describe("configuration", () => {
  it("defaults to the embedded database under ./data, port 3000, demo mode", () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.database.kind, "pglite");
    assert.match((config.database as { dataDir: string }).dataDir, /\/data$/);
    assert.equal(config.demoMode, true);
    assert.equal(config.publicUrl, "http://localhost:3000");
    assert.equal(config.session.secureCookie, false);
  });

  it("runs on a PostgreSQL server without demo data when DATABASE_URL is set", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/achat", PORT: "8080" });
    assert.deepEqual(config.database, { kind: "postgresql", url: "postgres://postgres@127.0.0.1:5432/achat", poolMax: 10 });
    assert.equal(config.demoMode, false);
    assert.equal(config.publicUrl, "http://localhost:8080");
  });

  it("uses secure __Host- cookies behind an https public address", () => {
    assert.equal(loadConfig({ PUBLIC_URL: "https://achats.valdemarne.fr/" }).session.secureCookie, true);
  });

  it("checks the SIRET key and the logo file", () => {
    assert.throws(
      () => loadConfig({ ORG_SIRET: "22940028800011" }),
      (e: unknown) => e instanceof ConfigError && /ORG_SIRET : clé de contrôle invalide/.test(e.message),
    );
    assert.throws(
      () => loadConfig({ THEME_LOGO_FILE: "/nulle/part/logo.svg" }),
      (e: unknown) => e instanceof ConfigError && /THEME_LOGO_FILE : fichier introuvable/.test(e.message),
    );
    assert.throws(
      () => loadConfig({ THEME_LOGO_FILE: "package.json" }),
      (e: unknown) => e instanceof ConfigError && /format attendu/.test(e.message),
    );
  });

  it("names every bad variable in French", () => {
    try {
      loadConfig({ PORT: "abc", DATABASE_URL: "mysql://x", DEMO_MODE: "peut-être", THEME_PRIMARY_COLOR: "bleu", ORG_SIRET: "123" });
      assert.fail("expected a ConfigError");
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      const variables = error.problems.map((p) => p.split(" ")[0]);
      assert.deepEqual(variables.sort(), ["DATABASE_URL", "DEMO_MODE", "ORG_SIRET", "PORT", "THEME_PRIMARY_COLOR"]);
      assert.match(error.message, /^Configuration invalide/);
      assert.match(error.message, /PORT : nombre entier attendu \(valeur reçue : "abc"\)/);
    }
  });
});
