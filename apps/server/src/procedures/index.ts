import type { ServerContext } from "../platform/context-registry";
import { proceduresDemo } from "./procedures.demo";
import { proceduresRoutes } from "./procedures.routes";

/**
 * Procedures (consultations): from programme lines to a notified award; the clause library; the open
 * consultations of the companies' portal. Notification writes `procedures.attribution-notifiee`, handled by
 * the contracts context (marches.jobs.ts).
 */
export const procedures: ServerContext = {
  name: "procedures",
  routes: [proceduresRoutes],
  demo: proceduresDemo,
};
