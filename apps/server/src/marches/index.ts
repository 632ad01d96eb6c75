import { importCommand } from "../platform/cli/import-command";
import type { ServerContext } from "../platform/context-registry";
import { fournisseursRoutes } from "./fournisseurs.routes";
import { marchesCommands } from "./marches.cli";
import { attributionNotifieeJob, envoyerSyntheseJob, PREPARER_SYNTHESES, preparerSynthesesJob } from "./marches.jobs";
import { marchesDemo } from "./marches.demo";
import { importFournisseurs, importMarches } from "./marches.import";
import { marchesRoutes } from "./marches.routes";

/** Contracts, their execution and the supplier directory; the portfolio watch and its daily digest. */
export const marches: ServerContext = {
  name: "marches",
  routes: [fournisseursRoutes, marchesRoutes],
  commands: [
    ...marchesCommands,
    importCommand("marches importer", importMarches),
    importCommand("fournisseurs importer", importFournisseurs),
  ],
  imports: [importFournisseurs, importMarches],
  jobs: [attributionNotifieeJob, preparerSynthesesJob, envoyerSyntheseJob],
  demo: marchesDemo,
  schedules: [{ name: "marches-synthese", cron: "0 7 * * 1-5", job: PREPARER_SYNTHESES }],
};
