import type { ServerContext } from "../platform/context-registry";
import { importJobs } from "../platform/imports";
import { sendMailJob } from "../platform/jobs/courriels";
import { importsRoutes } from "./imports.routes";
import { plateformeCommands } from "./plateforme.cli";
import { plateformeRoutes } from "./plateforme.routes";

/** Outgoing mail, background jobs and the spreadsheet import pipeline, supervised by the administrator. */
export const plateforme: ServerContext = {
  name: "plateforme",
  routes: [plateformeRoutes, importsRoutes],
  commands: plateformeCommands,
  jobs: [sendMailJob, ...importJobs()],
};
