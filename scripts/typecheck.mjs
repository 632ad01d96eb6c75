#!/usr/bin/env node
// Type-checks every project of the repository (TypeScript strict), one tsc run per tsconfig.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const projects = [
  "packages/domain/tsconfig.json",
  "packages/contracts/tsconfig.json",
  "packages/db/tsconfig.json",
  "packages/tableur/tsconfig.json",
  "apps/server/tsconfig.json",
  "apps/web/tsconfig.json",
  "tsconfig.tools.json",
];
let failed = 0;
for (const project of projects) {
  const result = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", project, "--pretty", "false"], {
    cwd: root,
    encoding: "utf8",
  });
  if (result.status !== 0) {
    failed++;
    process.stdout.write(`✗ ${project}\n${result.stdout}${result.stderr}`);
  } else process.stdout.write(`✓ ${project}\n`);
}
process.exit(failed ? 1 : 0);
