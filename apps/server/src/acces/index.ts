import type { ServerContext } from "../platform/context-registry";
import { accesRoutes } from "./acces.routes";

/** Sessions, login (with throttling) and one's own password. */
export const acces: ServerContext = { name: "acces", routes: [accesRoutes] };
