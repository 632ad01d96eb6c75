import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";

const root = fileURLToPath(new URL("..", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });
}

describe("code quality gates", () => {
  it("type-checks every project in strict mode", () => {
    const result = spawnSync(process.execPath, [join(root, "scripts/typecheck.mjs")], { cwd: root, encoding: "utf8" });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });

  it("passes Biome: formatting and lint, no error nor warning (a disabled rule says why)", () => {
    const result = spawnSync(process.execPath, [join(root, "node_modules/@biomejs/biome/bin/biome"), "check", "--error-on-warnings", "."], {
      cwd: root,
      encoding: "utf8",
    });
    assert.equal(result.status, 0, (result.stdout + result.stderr).slice(0, 4000));
  });

  it("keeps packages/domain pure: no I/O, no clock, no framework, no environment", () => {
    const offences: string[] = [];
    for (const file of sources(join(root, "packages/domain/src"))) {
      const text = readFileSync(file, "utf8");
      const rel = file.slice(root.length);
      for (const match of text.matchAll(/from\s+"([^".][^"]*)"/g)) offences.push(`${rel} importe ${match[1]}`);
      if (/process\.env|Date\.now\(\)|new Date\(\)|fetch\(/.test(text)) offences.push(`${rel} lit l'environnement, l'horloge ou le réseau`);
    }
    assert.deepEqual(offences, []);
  });
});
