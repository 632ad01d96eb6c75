import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DomainError, resolveSession, type CurrentSession, type UserActor } from "@achat-public/domain";
import { sessionRepository } from "@achat-public/db";
import type { AppContext } from "../context";

declare module "fastify" {
  interface FastifyRequest {
    /** The logged-in session, or null (anonymous). */
    session: CurrentSession | null;
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

/** The actor of an authenticated request; 401 otherwise. */
export function requireSession(request: FastifyRequest): CurrentSession {
  if (!request.session) {
    throw new DomainError("UNAUTHENTICATED", "Vous devez être connecté pour accéder à cette ressource.", "unauthenticated");
  }
  return request.session;
}

export function requireActor(request: FastifyRequest): UserActor {
  return requireSession(request).actor;
}

function forbiddenCsrf(message: string): DomainError {
  return new DomainError("CSRF_REJECTED", message, "forbidden");
}

/**
 * Sessions from the database, CSRF protection on every state-changing request (origin check plus a token
 * bound to the session, or a double-submit cookie before login), and security headers.
 */
export function registerSecurity(app: FastifyInstance, ctx: AppContext): void {
  const secure = ctx.config.session.secureCookie;
  const names = cookieNames(secure);
  const publicOrigin = new URL(ctx.config.publicUrl).origin;

  app.decorateRequest("session", null);

  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[names.session];
    if (!token) return;
    request.session = await resolveSession(
      {
        sessions: sessionRepository(ctx.database.db),
        tokens: ctx.tokens,
        clock: ctx.clock,
        sessionPolicy: ctx.config.session,
      },
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
    if (request.headers["sec-fetch-site"] === "cross-site") {
      throw forbiddenCsrf("Requête refusée : elle provient d'un autre site.");
    }
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
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "same-origin");
    reply.header("X-Frame-Options", "DENY");
    reply.header("Cross-Origin-Opener-Policy", "same-origin");
    reply.header("x-request-id", request.id);
    if (secure) reply.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    if (request.url.startsWith("/api/")) {
      if (!reply.hasHeader("Cache-Control")) reply.header("Cache-Control", "no-store");
    }
    if (!request.url.startsWith("/api/docs")) {
      reply.header(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
          "connect-src 'self'; font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
      );
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
