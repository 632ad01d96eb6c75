/**
 * Initial JavaScript of each page of the web app, gzip-compressed: what the browser downloads before the
 * page can show, when it is opened directly (the entry chunk, the page's chunk and every chunk they import
 * statically). Pages come from the registry (apps/web/src/app/features.ts); the budget is 250 KB per page.
 * Run alone: `npx tsx bench/web.ts` (builds the web app in a temporary folder, with Vite's manifest).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { blocsDe, pagesDe, type Feature } from "../apps/web/src/app/registre";

const root = fileURLToPath(new URL("..", import.meta.url));
export const BUDGET_OCTETS = 250 * 1024;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface PoidsPage {
  path: string;
  label: string;
  module: string;
  fichiers: number;
  gzip: number;
}

/** The files a chunk needs before it runs: itself and its static imports, recursively. */
function fermeture(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) fermeture(manifest, imported, seen);
  return seen;
}

/** Builds the web app and measures every page of the registry. */
export async function mesurerPagesWeb(): Promise<{ entree: number; pages: PoidsPage[]; accueilComplet: number }> {
  // imported at run time: the type-checker of the tools does not follow the registry into the pages (JSX)
  const registre = pathToFileURL(join(root, "apps/web/src/app/features.ts")).href;
  const { FEATURES } = (await import(registre)) as { FEATURES: readonly Feature[] };
  const outDir = mkdtempSync(join(tmpdir(), "achat-bench-web-"));
  try {
    const build = spawnSync(
      process.execPath,
      [join(root, "node_modules/vite/bin/vite.js"), "build", "--manifest", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"],
      { cwd: join(root, "apps/web"), stdio: "inherit" },
    );
    if (build.status !== 0) throw new Error("la construction de l'application web a échoué");
    const manifest = JSON.parse(readFileSync(join(outDir, ".vite/manifest.json"), "utf8")) as Manifest;
    const gzipOf = new Map<string, number>();
    const taille = (key: string) => {
      const file = manifest[key]?.file ?? "";
      if (!file.endsWith(".js")) return 0;
      let n = gzipOf.get(file);
      if (n === undefined) {
        n = gzipSync(readFileSync(join(outDir, file))).length;
        gzipOf.set(file, n);
      }
      return n;
    };
    const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
    if (!entryKey) throw new Error("pas de point d'entrée dans le manifeste de Vite");
    const initial = fermeture(manifest, entryKey);
    const somme = (keys: Iterable<string>) => [...keys].reduce((n, k) => n + taille(k), 0);

    /** The manifest key of the module a `load` imports, as written in its feature.ts: `() => import("./AuditPage")`. */
    const moduleDe = (what: string, load: () => unknown): string => {
      const specifier = /import\(\s*["']([^"']+)["']\s*\)/u.exec(load.toString())?.[1];
      const base = specifier?.split("/").at(-1);
      const key = Object.keys(manifest).find((k) => manifest[k]?.isDynamicEntry && k.replace(/\.[jt]sx?$/u, "").endsWith(`/${base}`));
      if (!base || !key) throw new Error(`${what} : module introuvable dans le manifeste (${specifier})`);
      return key;
    };

    const pages = pagesDe(FEATURES).map((page) => {
      const key = moduleDe(page.path, page.load);
      const fichiers = fermeture(manifest, key, new Set(initial));
      return { path: page.path, label: page.label, module: key, fichiers: fichiers.size, gzip: somme(fichiers) };
    });
    // The start page loads its blocks as soon as it shows: with every block (an administrator's start page).
    const accueil = new Set(initial);
    fermeture(manifest, moduleDe("/", pagesDe(FEATURES).find((p) => p.path === "/")?.load ?? (() => null)), accueil);
    for (const bloc of blocsDe(FEATURES)) fermeture(manifest, moduleDe(`bloc ${bloc.id}`, bloc.load), accueil);
    return { entree: somme(initial), pages, accueilComplet: somme(accueil) };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const ko = (octets: number) => `${(octets / 1024).toFixed(1).replace(".", ",")} Ko`;

/** Prints the measure; false when a page is over budget. */
export async function rapportPagesWeb(titre: string): Promise<boolean> {
  const { entree, pages, accueilComplet } = await mesurerPagesWeb();
  console.log(`${titre} (JavaScript initial compressé gzip, budget ${ko(BUDGET_OCTETS)} par page) :`);
  console.log(`   socle commun (point d'entrée et ses imports) : ${ko(entree)}`);
  const largeur = Math.max(...pages.map((p) => p.path.length));
  for (const page of [...pages].sort((a, b) => b.gzip - a.gzip)) {
    const statut = page.gzip <= BUDGET_OCTETS ? "✓" : "✗ AU-DELÀ DU BUDGET";
    console.log(
      `   ${page.path.padEnd(largeur)}  ${ko(page.gzip).padStart(9)}  ${String(page.fichiers).padStart(2)} fichiers  ${statut}  (${page.label})`,
    );
  }
  console.log(`   accueil avec tous ses blocs (administrateur), chargés dès son affichage : ${ko(accueilComplet)}`);
  return pages.every((p) => p.gzip <= BUDGET_OCTETS) && accueilComplet <= BUDGET_OCTETS;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!(await rapportPagesWeb("Poids initial de chaque page web"))) process.exitCode = 1;
}
