// The reference for the throughput ratio: a bare Fastify route answering the same JSON as /api/health,
// with no plugin, no hook and no database, in its own process like the real server.
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.get("/api/health", async () => ({ status: "ok", database: "pglite" }));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
process.on("SIGTERM", () => app.close().then(() => process.exit(0)));
