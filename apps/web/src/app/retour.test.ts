import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { apresConnexion, lienConnexion, retourSur } from "./retour";

describe("retour à la page demandée après la connexion", () => {
  it("keeps a path of this site, with its query", () => {
    assert.equal(retourSur("/audit"), "/audit");
    assert.equal(retourSur("/utilisateurs?role=admin&page=2"), "/utilisateurs?role=admin&page=2");
    assert.equal(lienConnexion("/audit"), "/connexion?retour=%2Faudit");
  });

  it("refuses anything that would leave the site", () => {
    for (const bad of [
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "audit",
      "/\taudit",
      "",
      null,
    ]) {
      assert.equal(retourSur(bad), null, String(bad));
    }
  });

  it("does not come back to the start or login page", () => {
    assert.equal(retourSur("/"), null);
    assert.equal(retourSur("/connexion?retour=/audit"), null);
    assert.equal(lienConnexion("/"), "/connexion");
  });

  it("sends an account with a provisional password to « Mon mot de passe » first", () => {
    assert.equal(apresConnexion("/audit", true), "/mon-mot-de-passe?retour=%2Faudit");
    assert.equal(apresConnexion(null, true), "/mon-mot-de-passe");
    assert.equal(apresConnexion("/audit", false), "/audit");
    assert.equal(apresConnexion(null, false), "/");
  });
});
