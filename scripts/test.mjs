#!/usr/bin/env node
// Runs every test of the repository with node:test (unit, integration, API, CLI, browser, typecheck) after
// building what the browser tests serve, and ends with one line: "N passed, N failed".
// Files: **/*.test.ts outside node_modules and dist. Arguments narrow the run to paths containing them.
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const filters = process.argv.slice(2);

const build = spawnSync(process.execPath, [join(root, "scripts/build.mjs")], { stdio: "inherit" });
if (build.status !== 0) {
  console.log("0 passed, 1 failed");
  process.exit(1);
}

function find(dir, found = []) {
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry === "dist" || entry.startsWith(".")) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) find(path, found);
    else if (entry.endsWith(".test.ts")) found.push(relative(root, path));
  }
  return found;
}

const files = find(root)
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const child = spawn(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=3", "--test-reporter=spec", ...files], {
  cwd: root,
  env: { ...process.env, TZ: "Europe/Paris", NODE_ENV: "test" },
  stdio: ["ignore", "pipe", "inherit"],
});

let output = "";
child.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  output += chunk.toString();
});
child.on("close", (code) => {
  const count = (label) => Number(output.match(new RegExp(`^ℹ ${label} (\\d+)$`, "m"))?.[1] ?? 0);
  const passed = count("pass");
  const failed = count("fail") + count("cancelled");
  const broken = code !== 0 && failed === 0 ? 1 : 0; // a crash that the reporter did not count
  console.log(`${passed} passed, ${failed + broken} failed`);
  process.exit(code ?? 1);
});
