import type { ServerContext } from "../platform/context-registry";
import { donneesCommands } from "./donnees.cli";
import { donneesDemo } from "./donnees.demo";
import { donneesRoutes } from "./donnees.routes";

/**
 * Open data: the store of public award data (DECP of every buyer) — import (CLI and admin page), public
 * search, sourcing and peers. See docs/donnees-ouvertes.md.
 */
export const donnees: ServerContext = { name: "donnees", routes: [donneesRoutes], commands: donneesCommands, demo: donneesDemo };
