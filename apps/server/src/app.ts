import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import type { Socket } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import "@achat-public/contracts"; // configures zod's French messages
import type { AppContext } from "./context";
import { ALL_ROUTES } from "./contexts";
import { errorHandler, problem, problemOf, sendProblem } from "./platform/problem";
import type { CatalogEntry } from "./platform/routes";
import { registerListesPubliques } from "./espace/listes-publiques";
import { decodedPath, registerSecurity, securityHeaders } from "./platform/security";

export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Longest route parameter (an identifier); longer is answered 414 in French. */
const MAX_PARAM_LENGTH = 200;

declare module "fastify" {
  interface FastifyInstance {
    /** Every route with its declared access: the role × route matrix test iterates over it. */
    routeCatalog: CatalogEntry[];
  }
}

/** The built web app: next to the sources and to the bundle alike (apps/web/dist), or WEB_DIST_DIR. */
function webDistDir(ctx: AppContext): string | null {
  const dir = ctx.config.webDistDir ?? fileURLToPath(new URL("../../web/dist", import.meta.url));
  return existsSync(join(dir, "index.html")) ? dir : null;
}

/** An error the HTTP parser raised before Fastify (malformed request, headers too large): a French problem. */
function clientError(secure: boolean) {
  return (error: Error & { code?: string }, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "HPE_URI_TOO_LONG" ? 414 : 400;
    const body = JSON.stringify(
      problem(
        status,
        status === 431 ? "HEADERS_TOO_LARGE" : status === 414 ? "URI_TOO_LONG" : "MALFORMED_REQUEST",
        status === 431
          ? "Les en-têtes de la requête sont trop volumineux."
          : status === 414
            ? "L'adresse demandée est trop longue."
            : "La requête HTTP est mal formée.",
        randomUUID(),
      ),
    );
    const headers = { ...securityHeaders("/api/", secure), "Content-Type": "application/problem+json; charset=utf-8", Connection: "close" };
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? "Request Header Fields Too Large" : status === 414 ? "URI Too Long" : "Bad Request"}\r\n` +
        `${Object.entries(headers)
          .map(([k, v]) => `${k}: ${v}`)
          .join("\r\n")}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  };
}

/** Composes the HTTP application: plugins, security, the routes of every context, OpenAPI, the web app. */
export async function buildApp(ctx: AppContext, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const secure = ctx.config.session.secureCookie;
  const app = Fastify({
    logger: options.logger === false ? false : { level: ctx.config.logLevel },
    genReqId: () => randomUUID(),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: ctx.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    requestTimeout: 120_000,
    clientErrorHandler: clientError(secure),
    // errors of the router itself (bad percent-encoding…), in French with the security headers
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const { body } = problemOf(error, request.id);
      for (const [name, value] of Object.entries(securityHeaders(decodedPath(request), secure))) reply.header(name, value);
      void sendProblem(reply, body);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorate("routeCatalog", [] as CatalogEntry[]);
  // uploaded files (imports) come as raw bytes; each route sets its own size limit
  app.addContentTypeParser("application/octet-stream", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "achat-public — API",
        description:
          "API de la plateforme de pilotage de la commande publique. Les erreurs sont au format application/problem+json " +
          "(RFC 9457) avec un `detail` en français, un `code` stable, les problèmes champ par champ dans `issues` (chemins tels que le client " +
          "les a envoyés) et un `requestId`. Les montants sont en euros HT (deux décimales au plus). Les requêtes qui modifient exigent " +
          "l'en-tête X-CSRF-Token (obtenu par GET /api/auth/session).",
        version: "0.2.0",
      },
      servers: [{ url: ctx.config.publicUrl }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: { docExpansion: "list" },
    // the documentation pages get their own Content-Security-Policy, with the hashes of their inline code
    staticCSP: true,
    transformStaticCSP: (header) => `${header.replace(/;\s*$/, "")}; frame-ancestors 'none'; object-src 'none'; base-uri 'self'`,
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  registerSecurity(app, ctx);
  // cached public JSON lists: after the security hooks (their headers), before any route
  registerListesPubliques(app, ctx);
  for (const routes of ALL_ROUTES) routes(app, ctx, app.routeCatalog);

  const dist = webDistDir(ctx);
  if (dist) {
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      index: false,
      // source maps stay on the server (they are built for the developers, not served)
      allowedPath: (path) => !path.endsWith(".map"),
      setHeaders(res, path) {
        // file names under assets/ carry a content hash: they never change
        if (path.includes("/assets/")) res.header("Cache-Control", "public, max-age=31536000, immutable");
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const path = decodedPath(request);
    const wantsPage = request.method === "GET" && !path.startsWith("/api/") && !/\.[a-z0-9]+$/i.test(path);
    if (wantsPage && dist) {
      // client-side routes of the single-page app
      return reply.header("Cache-Control", "no-cache").sendFile("index.html", dist);
    }
    return sendProblem(
      reply,
      problem(404, "ROUTE_NOT_FOUND", `Aucune ressource à l'adresse ${request.method} ${path.slice(0, 200)}.`, request.id),
    );
  });

  return app;
}
