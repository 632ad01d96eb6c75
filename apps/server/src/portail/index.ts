import type { ServerContext } from "../platform/context-registry";
import { envoyerSynthesePortailJob, PREPARER_SYNTHESES_PORTAIL, preparerSynthesesPortailJob } from "./portail.jobs";
import { portailCommands } from "./portail.cli";
import { portailDemo } from "./portail.demo";
import { portailRoutes } from "./portail.routes";

/** The companies' portal: saved searches and their digests, public and private RSS feeds, calendar. See docs/portail.md. */
export const portail: ServerContext = {
  name: "portail",
  routes: [portailRoutes],
  demo: portailDemo,
  commands: portailCommands,
  jobs: [preparerSynthesesPortailJob, envoyerSynthesePortailJob],
  schedules: [{ name: "portail-syntheses", cron: "30 6 * * *", job: PREPARER_SYNTHESES_PORTAIL }],
};
