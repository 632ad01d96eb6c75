import { createReadStream, existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { systemActor } from "@achat-public/domain";
import type { DemoStep } from "../platform/demo";
import { importerAvec } from "./import-decp";

/**
 * Real published DECP files of the repository's fixtures (fixtures/decp, provenance in its README), imported as an
 * administrator would: the Val-de-Marne buyers' contracts (2019 format) and the first 200 rows of the national
 * table of building works (CPV 4521, second half of 2024). The public search, the sourcing and the peers then answer
 * from real data on the first start. The CSV of the Val-de-Marne buyers (2024) is left out: the browser test imports
 * it from the page.
 */
export const FICHIERS_DEMO_DECP = ["decp2019_val-de-marne.json", "decp_tabular_2024H2_travaux_cpv4521_200.csv"] as const;

/** The fixtures folder, looked up from this module (sources or bundled server) then from the working directory. */
function dossierFixtures(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++, dir = dirname(dir)) if (existsSync(join(dir, "fixtures/decp"))) return join(dir, "fixtures/decp");
  const cwd = join(process.cwd(), "fixtures/decp");
  return existsSync(cwd) ? cwd : null;
}

export const donneesDemo: DemoStep = {
  name: "donnees",
  async load({ uow }) {
    const dossier = dossierFixtures();
    if (!dossier) return { decpImportes: 0 };
    const actor = systemActor("générateur de données de démonstration");
    let importes = 0;
    for (const nom of FICHIERS_DEMO_DECP) {
      const chemin = join(dossier, nom);
      const rapport = await importerAvec(uow, actor, createReadStream(chemin), { nomFichier: nom, octets: statSync(chemin).size });
      importes += rapport.importes;
    }
    return { decpImportes: importes };
  },
};
