import { z } from "zod";
import { actorOf, changeOwnPassword, login, logout, permissionsOf, PERMISSIONS, ROLE_LABELS, type Utilisateur } from "@achat-public/domain";
import { ChangementMotDePasseInput, ConnexionInput, SessionOutput, type Moi } from "@achat-public/contracts";
import { directionRepository } from "@achat-public/db";
import { unitOfWork, type AppContext } from "../context";
import { defineRoutes } from "../platform/routes";
import { cookieNames, cookieOptions, ensureCsrfCookie } from "../platform/security";

export async function toMoi(ctx: AppContext, utilisateur: Utilisateur): Promise<Moi> {
  const direction = utilisateur.directionId
    ? await directionRepository(ctx.database.db).get(utilisateur.directionId, utilisateur.organisationId)
    : null;
  return {
    id: utilisateur.id,
    email: utilisateur.email,
    nomAffiche: utilisateur.nomAffiche,
    role: utilisateur.role,
    roleLibelle: ROLE_LABELS[utilisateur.role],
    direction: direction ? { id: direction.id, nom: direction.nom, sigle: direction.sigle } : null,
    motDePasseAChanger: utilisateur.motDePasseAChanger,
    permissions: permissionsOf(actorOf(utilisateur)).map((code) => ({ code, libelle: PERMISSIONS[code].label })),
  };
}

export const accesRoutes = defineRoutes("Authentification", (r, ctx) => {
  const names = cookieNames(ctx.config.session.secureCookie);

  r.read({
    method: "GET",
    url: "/api/auth/session",
    access: "public",
    summary: "Session en cours et jeton CSRF",
    response: SessionOutput,
    handler: async ({ session, request, reply }) => {
      if (session) return { utilisateur: await toMoi(ctx, session.utilisateur), csrfToken: session.csrfToken };
      return { utilisateur: null, csrfToken: ensureCsrfCookie(request, reply, ctx) };
    },
  });

  r.read({
    method: "POST",
    url: "/api/auth/connexion",
    access: "public",
    summary: "Connexion par adresse électronique et mot de passe",
    description:
      "Au-delà de 5 échecs en 15 minutes pour un compte depuis une même adresse (10 pour un compte, 100 pour une adresse), les tentatives sont " +
      "refusées (429, en-tête Retry-After) pendant une durée croissante, jamais définitivement. Chaque échec est un événement de sécurité.",
    body: ConnexionInput,
    response: SessionOutput,
    example: { body: { email: "personne@exemple.fr", motDePasse: "mauvais mot de passe" } },
    handler: async ({ body, session, request, reply }) => {
      const opened = await login(
        {
          transaction: (fn) => unitOfWork(ctx, fn, request.id),
          hasher: ctx.hasher,
          tokens: ctx.tokens,
          clock: ctx.clock,
          sessionPolicy: ctx.config.session,
          demoMode: ctx.config.demoMode,
        },
        { email: body.email, motDePasse: body.motDePasse, clientAddress: request.ip, route: "POST /api/auth/connexion" },
      );
      if (session) await unitOfWork(ctx, (uow) => uow.sessions.delete(session.tokenHash));
      reply.setCookie(names.session, opened.token, cookieOptions(ctx.config.session.secureCookie));
      return { utilisateur: await toMoi(ctx, opened.utilisateur), csrfToken: opened.csrfToken };
    },
  });

  r.write({
    method: "POST",
    url: "/api/auth/deconnexion",
    access: "session",
    allowedBeforePasswordChange: true,
    summary: "Déconnexion",
    response: z.null(),
    status: 204,
    handler: async ({ session, uow, reply }) => {
      await logout(uow, session);
      reply.clearCookie(names.session, cookieOptions(ctx.config.session.secureCookie));
      return null;
    },
  });

  r.read({
    method: "PUT",
    url: "/api/auth/mot-de-passe",
    access: "session",
    allowedBeforePasswordChange: true,
    summary: "Changer son propre mot de passe",
    description:
      "Exige le mot de passe actuel. Au moins 12 caractères, difficile à deviner (estimation avec des dictionnaires français). " +
      "Les autres sessions du compte sont fermées ; celle-ci reste ouverte.",
    body: ChangementMotDePasseInput,
    response: SessionOutput,
    example: { body: { motDePasseActuel: "x", nouveauMotDePasse: "une phrase de passe très longue" } },
    handler: async ({ actor, session, body, request }) => {
      await unitOfWork(ctx, (uow) => changeOwnPassword(uow, actor, body, session.tokenHash), request.id);
      const utilisateur = { ...session.utilisateur, motDePasseAChanger: false, aUnMotDePasse: true };
      return { utilisateur: await toMoi(ctx, utilisateur), csrfToken: session.csrfToken };
    },
  });
});
