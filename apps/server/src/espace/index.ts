import type { ServerContext } from "../platform/context-registry";
import { espaceDemo } from "./espace.demo";
import { espaceRoutes } from "./espace.routes";
import { invaliderListesPubliquesJob } from "./listes-publiques";

/**
 * The company's own space (contracts, invoices, interest owed, two-way evaluation) and the invalidation of the
 * cached public lists. See docs/portail.md.
 */
export const espace: ServerContext = {
  name: "espace",
  routes: [espaceRoutes],
  demo: espaceDemo,
  jobs: [invaliderListesPubliquesJob],
};
