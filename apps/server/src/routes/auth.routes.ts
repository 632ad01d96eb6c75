import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, login, logout, permissionsOf, PERMISSIONS, ROLE_LABELS, type User } from "@achat-public/domain";
import { ConnexionInput, Problem, SessionOutput, type Moi } from "@achat-public/contracts";
import { directionRepository, repositories } from "@achat-public/db";
import { unitOfWork, type AppContext } from "../context";
import { cookieNames, cookieOptions, ensureCsrfCookie, requireSession } from "../http/security";

export async function toMoi(ctx: AppContext, user: User): Promise<Moi> {
  const direction = user.directionId ? await directionRepository(ctx.database.db).get(user.directionId, user.organisationId) : null;
  return {
    id: user.id,
    email: user.email,
    nomAffiche: user.displayName,
    role: user.role,
    roleLibelle: ROLE_LABELS[user.role],
    direction: direction ? { id: direction.id, nom: direction.name, sigle: direction.acronym } : null,
    permissions: permissionsOf(actorOf(user)).map((code) => ({ code, libelle: PERMISSIONS[code].label })),
  };
}

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const names = cookieNames(ctx.config.session.secureCookie);

    app.get(
      "/api/auth/session",
      {
        schema: {
          tags: ["Authentification"],
          summary: "Session en cours et jeton CSRF",
          response: { 200: SessionOutput },
        },
      },
      async (request, reply) => {
        if (request.session) {
          return { utilisateur: await toMoi(ctx, request.session.user), csrfToken: request.session.csrfToken };
        }
        return { utilisateur: null, csrfToken: ensureCsrfCookie(request, reply, ctx) };
      },
    );

    app.post(
      "/api/auth/connexion",
      {
        schema: {
          tags: ["Authentification"],
          summary: "Connexion par adresse électronique et mot de passe",
          description:
            "Après 5 échecs en 15 minutes pour un compte (30 pour une adresse IP), les tentatives sont refusées (429) pendant une durée croissante.",
          body: ConnexionInput,
          response: { 200: SessionOutput, 401: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        const opened = await login(
          {
            transaction: (fn) => unitOfWork(ctx, fn, request.id),
            hasher: ctx.hasher,
            tokens: ctx.tokens,
            clock: ctx.clock,
            sessionPolicy: ctx.config.session,
            demoMode: ctx.config.demoMode,
          },
          { email: request.body.email, password: request.body.motDePasse, clientAddress: request.ip },
        );
        if (request.session) {
          await ctx.database.transaction((tx) =>
            repositories(tx, { clock: ctx.clock, ids: ctx.ids }).sessions.delete(request.session!.tokenHash),
          );
        }
        reply.setCookie(names.session, opened.token, cookieOptions(ctx.config.session.secureCookie));
        return { utilisateur: await toMoi(ctx, opened.user), csrfToken: opened.csrfToken };
      },
    );

    app.post(
      "/api/auth/deconnexion",
      {
        schema: { tags: ["Authentification"], summary: "Déconnexion", response: { 204: z.null() } },
      },
      async (request, reply) => {
        const current = requireSession(request);
        await unitOfWork(ctx, (repos) => logout(repos, current), request.id);
        reply.clearCookie(names.session, cookieOptions(ctx.config.session.secureCookie));
        return reply.status(204).send(null);
      },
    );
  };
