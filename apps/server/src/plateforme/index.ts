import { sendMailJob } from "../platform/jobs/courriels";
import type { ServerContext } from "../platform/context-registry";
import { plateformeCommands } from "./plateforme.cli";
import { plateformeRoutes } from "./plateforme.routes";

/** Outgoing mail and background jobs, supervised by the administrator. */
export const plateforme: ServerContext = {
  name: "plateforme",
  routes: [plateformeRoutes],
  commands: plateformeCommands,
  jobs: [sendMailJob],
};
