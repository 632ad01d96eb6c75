import type { ServerContext } from "../platform/context-registry";
import { accueilEntreprisesRoutes } from "./accueil.routes";
import { sourcageDemo } from "./sourcage.demo";
import { sourcageRoutes } from "./sourcage.routes";

/** Sourcing: interest signals and sourcing questionnaires on programme lines. See docs/sourcage.md. */
export const sourcage: ServerContext = {
  name: "sourcage",
  routes: [sourcageRoutes, accueilEntreprisesRoutes],
  demo: sourcageDemo,
};
