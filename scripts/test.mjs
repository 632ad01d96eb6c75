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

/** Runs test files with node:test; resolves with the reporter's output, the exit code and the counts. */
function runFiles(list, concurrency) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--test", `--test-concurrency=${concurrency}`, "--test-reporter=spec", ...list],
      { cwd: root, env: { ...process.env, TZ: "Europe/Paris", NODE_ENV: "test" }, stdio: ["ignore", "pipe", "inherit"] },
    );
    let output = "";
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.on("close", (code) => {
      const count = (label) => Number(output.match(new RegExp(`^ℹ ${label} (\\d+)$`, "m"))?.[1] ?? 0);
      const failed = count("fail") + count("cancelled");
      const broken = code !== 0 && failed === 0 ? 1 : 0; // a crash that the reporter did not count
      resolve({ output, code: code ?? 1, passed: count("pass"), failed: failed + broken });
    });
  });
}

/** The files of the failing tests, as the spec reporter lists them at the end ("test at <file>:<line>:<column>"). */
function failingFiles(output) {
  const found = new Set();
  for (const m of output.matchAll(/^test at (.+?\.test\.ts):\d+:\d+$/gm)) {
    const file = relative(root, join(root, m[1]));
    if (files.includes(file)) found.add(file);
  }
  return [...found];
}

// Three files at once on two cores: integration tests with background jobs, SMTP servers and browsers can miss a
// deadline when the machine is saturated. A failing file is run once more, alone; it is reported by name either
// way, and a real failure fails again.
const RELANCE_MAX = 5;
const first = await runFiles(files, 3);
let { passed, failed, code } = first;
if (first.code !== 0) {
  const again = failingFiles(first.output);
  if (again.length > 0 && again.length <= RELANCE_MAX) {
    console.log(`\nRelance, une fois et seuls, des fichiers en échec au premier passage : ${again.join(", ")}`);
    const second = await runFiles(again, 1);
    passed = first.passed + first.failed - second.failed;
    failed = second.failed;
    code = second.code;
    console.log(
      second.code === 0
        ? `Réussis à la relance (échec au premier passage, à surveiller) : ${again.join(", ")}`
        : `Échouent encore à la relance : ${failingFiles(second.output).join(", ") || again.join(", ")}`,
    );
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(code);
