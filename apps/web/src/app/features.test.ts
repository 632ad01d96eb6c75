import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { PERMISSIONS, ROLES } from "@achat-public/domain";
import { FEATURES } from "./features";
import { autorise, blocsDe, pagesDe } from "./registre";

const known = (permission: string | null) => permission === null || permission === "public" || Object.hasOwn(PERMISSIONS, permission);
const featuresDir = fileURLToPath(new URL("../features", import.meta.url));

describe("registre des fonctionnalités web", () => {
  it("gives every page a unique path, starting with /, parameters last (`/programme-public/:annee/:id`)", () => {
    const paths = pagesDe(FEATURES).map((p) => p.path);
    assert.deepEqual(
      paths.filter((p, i) => paths.indexOf(p) !== i),
      [],
      "chemins en double",
    );
    // a segment may be a route parameter (`/marches/:id`, pages reached from a list, not from the navigation)
    for (const path of paths) assert.match(path, /^\/(:?[a-z0-9-]+\/?)*$/u, path);
  });

  it("gives every navigation page, menu page and start-page block a permission the domain knows", () => {
    for (const page of pagesDe(FEATURES)) {
      assert.ok(known(page.permission), `${page.path} : permission inconnue « ${page.permission} »`);
      assert.ok(page.label.trim().length > 0, `${page.path} : libellé vide`);
      assert.equal(typeof page.load, "function");
    }
    for (const bloc of blocsDe(FEATURES)) assert.ok(known(bloc.permission), `bloc ${bloc.id} : permission inconnue`);
  });

  it("has unique feature ids, block ids and navigation labels", () => {
    const unique = (values: string[], what: string) =>
      assert.deepEqual(
        values.filter((v, i) => values.indexOf(v) !== i),
        [],
        what,
      );
    unique(
      FEATURES.map((f) => f.id),
      "identifiants de fonctionnalité en double",
    );
    unique(
      blocsDe(FEATURES).map((b) => b.id),
      "identifiants de bloc en double",
    );
    unique(
      pagesDe(FEATURES)
        .filter((p) => p.nav)
        .map((p) => p.label),
      "libellés de navigation en double",
    );
  });

  it("has a start page, a public login page and the public legal pages in the footer", () => {
    const byPath = new Map(pagesDe(FEATURES).map((p) => [p.path, p]));
    assert.equal(byPath.get("/")?.permission, null);
    assert.equal(byPath.get("/connexion")?.permission, "public");
    for (const path of ["/accessibilite", "/mentions-legales", "/donnees-personnelles"]) {
      assert.equal(byPath.get(path)?.permission, "public", path);
      assert.ok(byPath.get(path)?.piedDePage, `${path} dans le pied de page`);
    }
  });

  it("lets every role find something to do: at least two blocks on its start page", () => {
    for (const role of ROLES) {
      const permissions = Object.entries(PERMISSIONS)
        .filter(([, definition]) => (definition.roles as readonly string[]).includes(role))
        .map(([code]) => code);
      const blocs = blocsDe(FEATURES).filter((b) => autorise(b.permission, permissions));
      assert.ok(blocs.length >= 2, `${role} : ${blocs.map((b) => b.id).join(", ")}`);
    }
  });

  it("keeps every feature.ts pure data: no static import but types and the registry helpers", () => {
    const files = readdirSync(featuresDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("feature.ts"));
    assert.ok(files.length >= 5);
    for (const file of [...files.map((f) => join(featuresDir, f)), fileURLToPath(new URL("./simulateur.feature.ts", import.meta.url))]) {
      const source = readFileSync(file, "utf8");
      for (const [line] of source.matchAll(/^import\s+(?!type\b).*$/gmu)) {
        assert.match(line, /from "(\.\/|\.\.\/\.\.\/app\/)registre";$/u, `${file} : ${line}`);
      }
    }
  });
});
