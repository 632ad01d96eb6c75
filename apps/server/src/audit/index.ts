import { z } from "zod";
import { purgeSecurityEvents } from "@achat-public/db";
import type { ServerContext } from "../platform/context-registry";
import { defineJob } from "../platform/jobs/jobs";
import { auditCommands } from "./audit.cli";
import { auditRoutes } from "./audit.routes";
import { checkpointCron, writeCheckpoint } from "./checkpoints";

const checkpointJob = defineJob({
  name: "audit.ancrer",
  payload: z.object({}),
  retryLimit: 2,
  handler: async (_payload, { ctx }) => {
    await writeCheckpoint(ctx);
  },
});

const purgeJob = defineJob({
  name: "securite.purger",
  payload: z.object({}),
  handler: async (_payload, { ctx }) => {
    const before = new Date(ctx.clock.now().getTime() - ctx.config.securityEventsRetentionDays * 86_400_000);
    const deleted = await purgeSecurityEvents(ctx.database.db, before);
    if (deleted > 0) ctx.log.info({ deleted }, `événements de sécurité de plus de ${ctx.config.securityEventsRetentionDays} jours effacés`);
  },
});

/** The audit trail (hash chain, signed checkpoints) and the security events. */
export const audit: ServerContext = {
  name: "audit",
  routes: [auditRoutes],
  commands: auditCommands,
  jobs: [checkpointJob, purgeJob],
  schedules: (config) => [
    { name: "audit-ancrage", cron: checkpointCron(config.audit.checkpointMinutes), job: "audit.ancrer" },
    { name: "securite-purge", cron: "30 3 * * *", job: "securite.purger" },
  ],
};
