import type { ServerContext } from "../platform/context-registry";
import { salonCommands } from "./salon.cli";

/**
 * The procurement fair (salon de l'achat public). For now its meeting scheduler, in the CLI; registration,
 * agendas, check-in and routes come with the companies' portal. Needs no database.
 */
export const salon: ServerContext = { name: "salon", commands: salonCommands };
