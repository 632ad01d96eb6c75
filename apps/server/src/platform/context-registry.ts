import type { CommandSpec } from "./cli/commands";
import type { DemoStep } from "./demo";
import type { ImportDefinition as AnyImport } from "./imports";
import type { JobSpec, ScheduleSpec } from "./jobs/jobs";
import type { ContextRoutes } from "./routes";

// biome-ignore lint/suspicious/noExplicitAny: a definition's row type depends on its own columns
type ImportDefinition = AnyImport<any>;

/**
 * What a context brings to the server process, declared in its folder's index.ts and registered by one line
 * in apps/server/src/contexts.ts: its HTTP routes, its CLI commands, its background jobs and schedules, and
 * its part of the demo data.
 */
export interface ServerContext {
  name: string;
  routes?: ContextRoutes[];
  commands?: CommandSpec[];
  // biome-ignore lint/suspicious/noExplicitAny: each job has its own payload type; the runner parses it with the job's schema
  jobs?: JobSpec<any>[];
  schedules?: ScheduleSpec[] | ((config: import("../config").Config) => ScheduleSpec[]);
  demo?: DemoStep;
  /** Spreadsheet imports (the shared pipeline: /api/imports/<type>, `… importer` commands). */
  imports?: ImportDefinition[];
}
