import type { ServerContext } from "../platform/context-registry";
import { systemeRoutes } from "./systeme.routes";

/** Health, theme and logo of the collectivité. */
export const systeme: ServerContext = { name: "systeme", routes: [systemeRoutes] };
