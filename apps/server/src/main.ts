import { sessionRepository } from "@achat-public/db";
import { buildApp } from "./app";
import { writeCheckpoint } from "./audit/checkpoints";
import { createContext, openConfiguredDatabase, prepareData, StartupError } from "./bootstrap";
import { ConfigError, loadConfig, loadDotEnv } from "./config";
import { ALL_COMMANDS } from "./contexts";
import { cliSocketPath, listenForCli } from "./platform/cli/socket";
import { DEMO_ACCOUNTS } from "./organisation/organisation.demo";

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const ctx = await createContext(config, database);
  const app = await buildApp(ctx);
  ctx.log = app.log;
  const demo = await prepareData(ctx);

  // the CLI beside the running embedded server: commands run here, on the same database instance
  const closeCliSocket =
    config.database.kind === "pglite"
      ? await listenForCli(ctx, ALL_COMMANDS, cliSocketPath(config.database.dataDir), (error) =>
          app.log.error({ err: error }, "commande en ligne"),
        )
      : async () => {};

  const cleanup = setInterval(() => {
    sessionRepository(database.db)
      .deleteExpired(ctx.clock.now(), config.session.idleMs)
      .catch((error: unknown) => app.log.warn({ err: error }, "nettoyage des sessions expirées impossible"));
  }, 3_600_000);
  cleanup.unref();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal} reçu : arrêt en cours`);
    clearInterval(cleanup);
    await closeCliSocket();
    await app.close();
    await ctx.jobs.stop();
    await writeCheckpoint(ctx).catch((error: unknown) => app.log.warn({ err: error }, "point d'ancrage d'arrêt impossible"));
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  await writeCheckpoint(ctx).catch((error: unknown) => app.log.warn({ err: error }, "point d'ancrage de démarrage impossible"));
  await app.listen({ port: config.port, host: config.host });
  const where = config.database.kind === "pglite" ? `PGlite embarqué (${config.database.dataDir})` : "serveur PostgreSQL";
  app.log.info(`achat-public prêt sur ${config.publicUrl} — base : ${where}${config.demoMode ? " — mode démonstration" : ""}`);
  if (demo) {
    app.log.info(
      `Données de démonstration chargées (${Object.entries(demo)
        .map(([k, n]) => `${n} ${k}`)
        .join(", ")}). Comptes : ${DEMO_ACCOUNTS.map((a) => `${a.email} / ${a.password}`).join(", ")}`,
    );
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError) {
    console.error(`achat-public ne peut pas démarrer.\n${error.message}`);
  } else {
    console.error("achat-public ne peut pas démarrer :", error);
  }
  process.exit(1);
});
