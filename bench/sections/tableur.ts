import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { SectionBanc } from "./section";

/** Spreadsheet import and export (bench/tableur.ts, one process per scenario for its own peak memory). */
export const tableur: SectionBanc = {
  nom: "tableur",
  titre: "Tableurs : export et import de 100 000 lignes, refus des fichiers hostiles",
  async run() {
    const script = fileURLToPath(new URL("../tableur.ts", import.meta.url));
    const child = spawnSync(process.execPath, ["--import", "tsx", script], { stdio: "inherit", env: process.env });
    if (child.status !== 0) throw new Error(`bench/tableur.ts a échoué (${child.status})`);
  },
};
