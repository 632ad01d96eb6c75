import type { ServerContext } from "../platform/context-registry";
import { importCommand } from "../platform/cli/import-command";
import { programmeCommands } from "./programme.cli";
import { programmeDemo } from "./programme.demo";
import { importBesoins } from "./programme.import";
import { programmeRoutes } from "./programme.routes";

/** The yearly purchase programme: families, lines of the directions, aggregation and split-purchase alerts, public programme. */
export const programme: ServerContext = {
  name: "programme",
  routes: [programmeRoutes],
  commands: [...programmeCommands, importCommand("programme importer", importBesoins)],
  imports: [importBesoins],
  demo: programmeDemo,
};
