import type { ServerContext } from "../platform/context-registry";
import { pilotageCommands } from "./pilotage.cli";
import { pilotageRoutes } from "./pilotage.routes";

/** Steering: the indicators of the purchasing policy and of the SPASER, their targets, the cockpit and the annual report. */
export const pilotage: ServerContext = { name: "pilotage", routes: [pilotageRoutes], commands: pilotageCommands };
