#!/usr/bin/env node
// Builds what `npm start` needs, only when its sources changed: the web app (Vite) and the server bundle
// (esbuild; workspace packages are bundled from TypeScript, npm dependencies stay external).
// `--force` rebuilds everything. `--serveur`: only the server bundle (what `npm run cli` runs: the CLI starts without
// compiling its sources). Messages go to stderr: the standard output of `npm run --silent cli -- … --json` stays JSON.
import { cpSync, existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const force = process.argv.includes("--force");
const serveurSeul = process.argv.includes("--serveur");

function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== "node_modules" && entry !== "dist") visit(join(path, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of paths) visit(join(root, p));
  return newest;
}

function isStale(output, inputs) {
  const target = join(root, output);
  return force || !existsSync(target) || statSync(target).mtimeMs < newestMtime(inputs);
}

const shared = ["packages/domain/src", "packages/domain/data", "packages/contracts/src", "package-lock.json"];

const webInputs = ["apps/web/src", "apps/web/index.html", "apps/web/public", "apps/web/vite.config.ts", ...shared];
if (!serveurSeul && isStale("apps/web/dist/index.html", webInputs)) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], {
    cwd: join(root, "apps/web"),
    stdio: ["inherit", process.stderr, "inherit"],
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.error(`build : application web construite en ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const serverInputs = ["apps/server/src", "packages/db/src", "packages/db/migrations", "packages/tableur/src", ...shared];
if (isStale("apps/server/dist/main.js", serverInputs)) {
  const started = Date.now();
  const { build } = await import("esbuild");
  const outdir = join(root, "apps/server/dist");
  // built beside, then swapped in: a CLI started meanwhile (two `npm run cli` at once) never finds a half-written bundle
  const temporaire = `${outdir}.${process.pid}`;
  rmSync(temporaire, { recursive: true, force: true });
  await build({
    entryPoints: { main: join(root, "apps/server/src/main.ts"), cli: join(root, "apps/server/src/cli/main.ts") },
    outdir: temporaire,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    logLevel: "warning",
    plugins: [
      {
        name: "externalise-npm-dependencies",
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith("@achat-public/") ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  cpSync(join(root, "packages/db/migrations"), join(temporaire, "migrations"), { recursive: true });
  rmSync(outdir, { recursive: true, force: true });
  renameSync(temporaire, outdir);
  console.error(`build : serveur empaqueté en ${((Date.now() - started) / 1000).toFixed(1)} s (${relative(root, outdir)})`);
}
