import type { ServerContext } from "../platform/context-registry";
import { salonCommands } from "./salon.cli";
import { salonDemo } from "./salon.demo";
import { rendezVousRoutes } from "./rendez-vous.routes";
import { salonRoutes } from "./salon.routes";

/**
 * The procurement fair (salon de l'achat public): the event (date, hours, slots, capacities), the registrations of
 * companies with a waiting list and check-in, the meetings (buyers' availability, requests, schedule, agendas) and
 * the meeting scheduler (CLI). See docs/salon.md.
 */
export const salon: ServerContext = { name: "salon", routes: [salonRoutes, rendezVousRoutes], commands: salonCommands, demo: salonDemo };
