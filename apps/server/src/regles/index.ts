import type { ServerContext } from "../platform/context-registry";
import { reglesCommands } from "./regles.cli";
import { reglesRoutes } from "./regles.routes";

/** The dated rule book of the Code de la commande publique: public analyses and the administrable ECB rates. */
export const regles: ServerContext = { name: "regles", routes: [reglesRoutes], commands: reglesCommands };
