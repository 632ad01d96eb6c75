// The reference for the public lists' throughput: a bare Fastify route answering, at the same address, the very
// bytes the real server sends for GET /api/public/consultations (read from BODY_FILE), with no plugin, no hook
// and no database, in its own process like the real server.
import { readFileSync } from "node:fs";
import Fastify from "fastify";

const body = readFileSync(process.env.BODY_FILE ?? "", "utf8");
const app = Fastify({ logger: false });
app.get("/api/health", async () => ({ status: "ok" }));
app.get("/api/public/consultations", async (_request, reply) => reply.type("application/json; charset=utf-8").send(body));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
process.on("SIGTERM", () => app.close().then(() => process.exit(0)));
