import { sessionRepository } from "@achat-public/db";
import { buildApp } from "./app";
import { createContext, openConfiguredDatabase, prepareData, StartupError } from "./bootstrap";
import { ConfigError, loadConfig } from "./config";
import { DEMO_ACCOUNTS } from "./demo/demo-data";

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const ctx = createContext(config, database);
  const demo = await prepareData(ctx);
  const app = await buildApp(ctx);

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
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  await app.listen({ port: config.port, host: config.host });
  const where = config.database.kind === "pglite" ? `PGlite embarqué (${config.database.dataDir})` : "serveur PostgreSQL";
  app.log.info(`achat-public prêt sur ${config.publicUrl} — base : ${where}${config.demoMode ? " — mode démonstration" : ""}`);
  if (demo) {
    app.log.info(
      `Données de démonstration chargées (${demo.directions} directions, ${demo.services} services, ${demo.users} comptes). ` +
        `Comptes : ${DEMO_ACCOUNTS.map((a) => `${a.email} / ${a.password}`).join(", ")}`,
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
