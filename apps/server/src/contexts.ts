/**
 * The contexts of the server process, in order: adding a context adds one line here (and its folder). The
 * app registers their routes, the CLI their commands, the job runner their jobs and schedules, the demo
 * loader their demo steps (in this order: a step may use what an earlier one created).
 */
import { acces } from "./acces/index";
import { audit } from "./audit/index";
import { entreprises } from "./entreprises/index";
import type { Config } from "./config";
import { donnees } from "./donnees/index";
import { organisation } from "./organisation/index";
import type { CommandSpec } from "./platform/cli/commands";
import type { ServerContext } from "./platform/context-registry";
import type { DemoStep } from "./platform/demo";
import type { JobSpec, ScheduleSpec } from "./platform/jobs/jobs";
import { pilotage } from "./pilotage/index";
import { portail } from "./portail/index";
import { espace } from "./espace/index";
import { plateforme } from "./plateforme/index";
import { programme } from "./programme/index";
import { publication } from "./publication/index";
import { regles } from "./regles/index";
import { salon } from "./salon/index";
import { marches } from "./marches/index";
import { procedures } from "./procedures/index";
import { sourcage } from "./sourcage/index";
import { systeme } from "./systeme/index";

export const CONTEXTS: readonly ServerContext[] = [
  systeme,
  acces,
  organisation,
  audit,
  plateforme,
  regles,
  entreprises,
  programme,
  marches,
  procedures,
  salon,
  pilotage,
  donnees,
  publication,
  portail,
  sourcage,
  espace,
];

export const ALL_ROUTES = CONTEXTS.flatMap((c) => c.routes ?? []);
export const ALL_COMMANDS: readonly CommandSpec[] = CONTEXTS.flatMap((c) => c.commands ?? []);
export const ALL_JOBS: readonly JobSpec<unknown>[] = CONTEXTS.flatMap((c) => c.jobs ?? []);
export const ALL_IMPORTS = CONTEXTS.flatMap((c) => c.imports ?? []);
export const DEMO_STEPS: readonly DemoStep[] = CONTEXTS.flatMap((c) => (c.demo ? [c.demo] : []));

export function allSchedules(config: Config): ScheduleSpec[] {
  return CONTEXTS.flatMap((c) => (typeof c.schedules === "function" ? c.schedules(config) : (c.schedules ?? [])));
}
