import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import "@achat-public/contracts"; // configures zod's French messages
import type { AppContext } from "./context";
import { errorHandler, problem, sendProblem } from "./http/problem";
import { registerSecurity } from "./http/security";
import { auditRoutes } from "./routes/audit.routes";
import { authRoutes } from "./routes/auth.routes";
import { organisationRoutes } from "./routes/organisation.routes";
import { reglesRoutes } from "./routes/regles.routes";
import { systemRoutes } from "./routes/system.routes";
import { userRoutes } from "./routes/users.routes";

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The built web app: next to the sources and to the bundle alike (apps/web/dist), or WEB_DIST_DIR. */
function webDistDir(ctx: AppContext): string | null {
  const dir = ctx.config.webDistDir ?? fileURLToPath(new URL("../../web/dist", import.meta.url));
  return existsSync(join(dir, "index.html")) ? dir : null;
}

/** Composes the HTTP application: plugins, security, routes, OpenAPI, the web app. */
export async function buildApp(ctx: AppContext, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: ctx.config.logLevel },
    genReqId: () => randomUUID(),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: ctx.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "achat-public — API",
        description:
          "API de la plateforme de pilotage de la commande publique. Les erreurs sont au format application/problem+json " +
          "(RFC 9457) avec un `detail` en français, un `code` stable, les problèmes champ par champ dans `issues` et un `requestId`. " +
          "Les requêtes qui modifient exigent l'en-tête X-CSRF-Token (obtenu par GET /api/auth/session).",
        version: "0.1.0",
      },
      servers: [{ url: ctx.config.publicUrl }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list" } });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  registerSecurity(app, ctx);

  await app.register(systemRoutes(ctx));
  await app.register(authRoutes(ctx));
  await app.register(organisationRoutes(ctx));
  await app.register(userRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(reglesRoutes(ctx));

  const dist = webDistDir(ctx);
  if (dist) {
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      index: false,
      setHeaders(res, path) {
        // file names under assets/ carry a content hash: they never change
        if (path.includes("/assets/")) res.header("Cache-Control", "public, max-age=31536000, immutable");
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage = request.method === "GET" && !request.url.startsWith("/api/") && !/\.[a-z0-9]+$/i.test(request.url.split("?")[0]!);
    if (wantsPage && dist) {
      // client-side routes of the single-page app
      return reply.header("Cache-Control", "no-cache").sendFile("index.html", dist);
    }
    return sendProblem(
      reply,
      problem(404, "ROUTE_NOT_FOUND", `Aucune ressource à l'adresse ${request.method} ${request.url.split("?")[0]}.`, request.id),
    );
  });

  return app;
}
