import type { ServerContext } from "../platform/context-registry";
import { entreprisesRoutes } from "./entreprises.routes";
import { entreprisesDemo } from "./entreprises.demo";

/** Company accounts: self-registration (SIRET), e-mail confirmation, colleagues, profile. See docs/entreprises.md. */
export const entreprises: ServerContext = { name: "entreprises", routes: [entreprisesRoutes], demo: entreprisesDemo };
