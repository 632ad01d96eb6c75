import type { ServerContext } from "../platform/context-registry";
import { fournisseursRoutes } from "./fournisseurs.routes";
import { marchesCommands } from "./marches.cli";
import { attributionNotifieeJob, envoyerSyntheseJob, PREPARER_SYNTHESES, preparerSynthesesJob } from "./marches.jobs";
import { marchesDemo } from "./marches.demo";
import { marchesRoutes } from "./marches.routes";

/** Contracts, their execution and the supplier directory; the portfolio watch and its daily digest. */
export const marches: ServerContext = {
  name: "marches",
  routes: [fournisseursRoutes, marchesRoutes],
  commands: marchesCommands,
  jobs: [attributionNotifieeJob, preparerSynthesesJob, envoyerSyntheseJob],
  demo: marchesDemo,
  schedules: [{ name: "marches-synthese", cron: "0 7 * * 1-5", job: PREPARER_SYNTHESES }],
};
