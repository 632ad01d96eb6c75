import type { ServerContext } from "../platform/context-registry";
import { organisationCommands } from "./organisation.cli";
import { organisationDemo } from "./organisation.demo";
import { organisationRoutes } from "./organisation.routes";
import { importCommand } from "../platform/cli/import-command";
import { importUtilisateurs } from "./utilisateurs.import";
import { utilisateursRoutes } from "./utilisateurs.routes";

/** Directions, services and accounts of the département. */
export const organisation: ServerContext = {
  name: "organisation",
  routes: [organisationRoutes, utilisateursRoutes],
  commands: [...organisationCommands, importCommand("utilisateur importer", importUtilisateurs)],
  imports: [importUtilisateurs],
  demo: organisationDemo,
};
