import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { LIBELLES_EVENEMENTS, PERMISSIONS } from "./contextes";

const root = fileURLToPath(new URL("../../../", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === "node_modules" || entry === "dist" || entry === "testing") return [];
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(entry) && !entry.includes(".test.") ? [path] : [];
  });
}

describe("registre des contextes", () => {
  it("gives a French label to every audit event type written by the code", () => {
    const written = new Set<string>();
    for (const file of [...sources(join(root, "packages/domain/src")), ...sources(join(root, "apps/server/src"))]) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/audit\.append\([^{]*\{[^}]*?type:\s*"([a-z-]+\.[a-z-]+)"/gs)) written.add(match[1] as string);
      for (const match of text.matchAll(/evenement:\s*"([a-z-]+\.[a-z-]+)"/g)) written.add(match[1] as string);
    }
    assert.ok(written.size >= 15, `${written.size} types trouvés`);
    const missing = [...written].filter((type) => !LIBELLES_EVENEMENTS[type]);
    assert.deepEqual(missing, []);
  });

  it("names every permission in French and gives it at least one role", () => {
    for (const [code, permission] of Object.entries(PERMISSIONS)) {
      assert.match(code, /^[a-z-]+\.[a-z-]+$/);
      assert.ok(permission.label.length > 10, code);
      assert.ok(permission.roles.length > 0, code);
    }
  });
});
