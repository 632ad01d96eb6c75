import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createUser, deleteUser, getUser, listUsers, resetPassword, updateUser, type User } from "@achat-public/domain";
import {
  IdParams,
  MotDePasseInput,
  Problem,
  UtilisateurCreate,
  UtilisateurOutput,
  UtilisateursQuery,
  UtilisateurUpdate,
} from "@achat-public/contracts";
import { repositories } from "@achat-public/db";
import { unitOfWork, type AppContext } from "../context";
import { requireActor } from "../http/security";

const tags = ["Utilisateurs"];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

export const userOutput = (u: User): UtilisateurOutput => ({
  id: u.id,
  email: u.email,
  nomAffiche: u.displayName,
  role: u.role,
  directionId: u.directionId,
  serviceId: u.serviceId,
  actif: u.active,
  aUnMotDePasse: u.hasPassword,
  derniereConnexion: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
  version: u.version,
});

export const userRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const withHasher = <T extends object>(repos: T) => ({ ...repos, hasher: ctx.hasher });

    app.get(
      "/api/utilisateurs",
      {
        schema: {
          tags,
          summary: "Comptes visibles par l'utilisateur connecté",
          description: "Administrateurs et acheteurs centraux voient tous les comptes ; un acheteur, ceux de sa direction.",
          querystring: UtilisateursQuery,
          response: { 200: z.array(UtilisateurOutput), 400: Problem, 401: Problem, 403: Problem },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const repos = repositories(ctx.database.db, { clock: ctx.clock, ids: ctx.ids });
        const { recherche, role, directionId } = request.query;
        const users = await listUsers(repos, actor, {
          organisationId: actor.organisationId,
          ...(recherche ? { search: recherche } : {}),
          ...(role ? { role } : {}),
          ...(directionId ? { directionId } : {}),
        });
        return users.map(userOutput);
      },
    );

    app.get(
      "/api/utilisateurs/:id",
      { schema: { tags, summary: "Un compte", params: IdParams, response: { 200: UtilisateurOutput, ...errors } } },
      async (request) => {
        const actor = requireActor(request);
        const repos = repositories(ctx.database.db, { clock: ctx.clock, ids: ctx.ids });
        return userOutput(await getUser(repos, actor, actor.organisationId, request.params.id));
      },
    );

    app.post(
      "/api/utilisateurs",
      { schema: { tags, summary: "Créer un compte", body: UtilisateurCreate, response: { 201: UtilisateurOutput, ...errors } } },
      async (request, reply) => {
        const actor = requireActor(request);
        const b = request.body;
        const created = await unitOfWork(
          ctx,
          (repos) =>
            createUser(withHasher(repos), actor, actor.organisationId, {
              email: b.email,
              displayName: b.nomAffiche,
              role: b.role,
              directionId: b.directionId,
              serviceId: b.serviceId,
              password: b.motDePasse,
            }),
          request.id,
        );
        return reply.status(201).send(userOutput(created));
      },
    );

    app.put(
      "/api/utilisateurs/:id",
      {
        schema: {
          tags,
          summary: "Modifier un compte",
          description: "Désactiver un compte ou changer son rôle ou sa direction ferme ses sessions.",
          params: IdParams,
          body: UtilisateurUpdate,
          response: { 200: UtilisateurOutput, ...errors },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const b = request.body;
        const updated = await unitOfWork(
          ctx,
          (repos) =>
            updateUser(withHasher(repos), actor, actor.organisationId, request.params.id, {
              email: b.email,
              displayName: b.nomAffiche,
              role: b.role,
              directionId: b.directionId,
              serviceId: b.serviceId,
              active: b.actif,
              version: b.version,
            }),
          request.id,
        );
        return userOutput(updated);
      },
    );

    app.delete(
      "/api/utilisateurs/:id",
      { schema: { tags, summary: "Supprimer un compte", params: IdParams, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        const actor = requireActor(request);
        await unitOfWork(ctx, (repos) => deleteUser(withHasher(repos), actor, actor.organisationId, request.params.id), request.id);
        return reply.status(204).send(null);
      },
    );

    app.put(
      "/api/utilisateurs/:id/mot-de-passe",
      {
        schema: {
          tags,
          summary: "Définir le mot de passe d'un compte",
          description: "Ferme les sessions ouvertes du compte. Au moins 12 caractères ; les mots de passe courants sont refusés.",
          params: IdParams,
          body: MotDePasseInput,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        await unitOfWork(
          ctx,
          (repos) => resetPassword(withHasher(repos), actor, actor.organisationId, request.params.id, request.body.motDePasse),
          request.id,
        );
        return reply.status(204).send(null);
      },
    );
  };
