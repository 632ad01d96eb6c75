import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DomainError, resolveSession, type CurrentSession, type SecurityEventType } from "@achat-public/domain";
import type { Problem } from "@achat-public/contracts";
import { securityEventLog, sessionRepository } from "@achat-public/db";
import type { AppContext } from "../context";

declare module "fastify" {
  interface FastifyRequest {
    /** The logged-in session, or null (anonymous). */
    session: CurrentSession | null;
  }
  interface FastifyInstance {
    /** Records a refused request (403, CSRF) as a security event. */
    recordRefusal?: (request: FastifyRequest, problem: Problem) => Promise<void>;
  }
  interface FastifyContextConfig {
    /** false for routes that change nothing (public computations): no CSRF token needed. */
    csrf?: boolean;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function cookieNames(secure: boolean) {
  const prefix = secure ? "__Host-" : "";
  return { session: `${prefix}achat_session`, csrf: `${prefix}achat_csrf` };
}

export function cookieOptions(secure: boolean) {
  return { path: "/", httpOnly: true, sameSite: "lax" as const, secure };
}

/** The path of a request as the router sees it (percent-decoded): `/%61pi/health` is `/api/health`. */
export function decodedPath(request: FastifyRequest): string {
  const raw = request.url.split("?")[0] ?? "/";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export const isApiPath = (path: string) => path === "/api" || path.startsWith("/api/");

function forbiddenCsrf(message: string): DomainError {
  return new DomainError("CSRF_REJECTED", message, "forbidden");
}

/** Content-Security-Policy of the web app: nothing from elsewhere, no inline script, no framing. */
export const APP_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
  "connect-src 'self'; font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/** Security headers of every answer, including the errors raised before any route (see app.ts). */
export function securityHeaders(path: string, secure: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  if (secure) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  if (isApiPath(path)) headers["Cache-Control"] = "no-store";
  return headers;
}

/**
 * Sessions from the database, CSRF protection on every state-changing request (origin check plus a token
 * bound to the session, or a double-submit cookie before login), security headers, and the recording of
 * refusals as security events.
 */
export function registerSecurity(app: FastifyInstance, ctx: AppContext): void {
  const secure = ctx.config.session.secureCookie;
  const names = cookieNames(secure);
  const publicOrigin = new URL(ctx.config.publicUrl).origin;

  app.decorateRequest("session", null);

  app.addHook("onRequest", async (request) => {
    if (!isApiPath(decodedPath(request))) return;
    const token = request.cookies[names.session];
    if (!token || token.length > 200) return;
    request.session = await resolveSession(
      { sessions: sessionRepository(ctx.database.db), tokens: ctx.tokens, clock: ctx.clock, sessionPolicy: ctx.config.session },
      token,
    );
  });

  // preValidation: a forged request is refused before its body is even validated
  app.addHook("preValidation", async (request: FastifyRequest) => {
    if (SAFE_METHODS.has(request.method) || request.routeOptions.config.csrf === false) return;
    const origin = request.headers.origin;
    const ownOrigin = `${request.protocol}://${request.host}`;
    if (origin && origin !== publicOrigin && origin !== ownOrigin) {
      throw forbiddenCsrf("Requête refusée : elle provient d'un autre site (en-tête Origin).");
    }
    if (request.headers["sec-fetch-site"] === "cross-site") throw forbiddenCsrf("Requête refusée : elle provient d'un autre site.");
    const sent = request.headers["x-csrf-token"];
    const expected = request.session ? request.session.csrfToken : request.cookies[names.csrf];
    if (typeof sent !== "string" || !expected || sent !== expected) {
      throw forbiddenCsrf(
        "Jeton anti-falsification (CSRF) absent ou invalide : rechargez la page, puis recommencez. " +
          "Les clients d'API l'obtiennent par GET /api/auth/session et le renvoient dans l'en-tête X-CSRF-Token.",
      );
    }
  });

  app.addHook("onSend", async (request, reply: FastifyReply) => {
    const path = decodedPath(request);
    for (const [name, value] of Object.entries(securityHeaders(path, secure))) {
      if (name === "Cache-Control" && reply.hasHeader("Cache-Control")) continue;
      reply.header(name, value);
    }
    reply.header("x-request-id", request.id);
    if (!reply.hasHeader("Content-Security-Policy")) reply.header("Content-Security-Policy", APP_CSP);
  });

  const events = securityEventLog(ctx.database.db, ctx.clock);
  app.decorate("recordRefusal", async (request: FastifyRequest, problem: Problem) => {
    const type: SecurityEventType =
      problem.code === "CSRF_REJECTED"
        ? "csrf.rejected"
        : problem.code === "PASSWORD_CHANGE_REQUIRED"
          ? "password.change-required"
          : "access.denied";
    const session = request.session;
    try {
      await events.record({
        type,
        organisationId: session?.actor.organisationId ?? null,
        actorId: session?.actor.userId ?? null,
        actorLabel: session?.actor.label ?? null,
        clientAddress: request.ip,
        route: `${request.method} ${decodedPath(request).slice(0, 300)}`,
        details: { code: problem.code, requestId: request.id },
      });
    } catch (error) {
      request.log.warn({ err: error }, "événement de sécurité non enregistré");
    }
  });
}

/** Issues the pre-login double-submit CSRF cookie if the browser has none; returns its value. */
export function ensureCsrfCookie(request: FastifyRequest, reply: FastifyReply, ctx: AppContext): string {
  const secure = ctx.config.session.secureCookie;
  const names = cookieNames(secure);
  const existing = request.cookies[names.csrf];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = ctx.tokens.newToken();
  reply.setCookie(names.csrf, token, { ...cookieOptions(secure), sameSite: "strict" });
  return token;
}
