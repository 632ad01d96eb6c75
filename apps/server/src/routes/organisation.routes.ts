import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  createDirection,
  createService,
  deleteDirection,
  deleteService,
  getOrganisationTree,
  updateDirection,
  updateService,
  type Direction,
  type Service,
} from "@achat-public/domain";
import {
  DirectionIdParams,
  DirectionInput,
  DirectionOutput,
  DirectionUpdate,
  IdParams,
  OrganisationOutput,
  Problem,
  ServiceInput,
  ServiceOutput,
  ServiceUpdate,
} from "@achat-public/contracts";
import { repositories } from "@achat-public/db";
import { unitOfWork, type AppContext } from "../context";
import { requireActor } from "../http/security";

const tags = ["Organisation"];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

const directionOutput = (d: Direction): DirectionOutput => ({
  id: d.id,
  nom: d.name,
  sigle: d.acronym,
  nombreComptes: 0,
  services: [],
  version: d.version,
});

const serviceOutput = (s: Service, nombreComptes = 0): ServiceOutput => ({
  id: s.id,
  directionId: s.directionId,
  nom: s.name,
  nombreComptes,
  version: s.version,
});

export const organisationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/organisation",
      {
        schema: {
          tags,
          summary: "L'organisation, ses directions et leurs services",
          response: { 200: OrganisationOutput, 401: Problem, 403: Problem },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const repos = repositories(ctx.database.db, { clock: ctx.clock, ids: ctx.ids });
        const { organisation, directions } = await getOrganisationTree(repos, actor, actor.organisationId);
        return {
          id: organisation.id,
          nom: organisation.name,
          siret: organisation.siret,
          directions: directions.map((d) => ({
            ...directionOutput(d),
            nombreComptes: d.userCount,
            services: d.services.map((s) => serviceOutput(s, s.userCount)),
          })),
        };
      },
    );

    app.post(
      "/api/directions",
      { schema: { tags, summary: "Créer une direction", body: DirectionInput, response: { 201: DirectionOutput, ...errors } } },
      async (request, reply) => {
        const actor = requireActor(request);
        const created = await unitOfWork(
          ctx,
          (repos) => createDirection(repos, actor, actor.organisationId, { name: request.body.nom, acronym: request.body.sigle }),
          request.id,
        );
        return reply.status(201).send(directionOutput(created));
      },
    );

    app.put(
      "/api/directions/:id",
      {
        schema: {
          tags,
          summary: "Modifier une direction",
          params: IdParams,
          body: DirectionUpdate,
          response: { 200: DirectionOutput, ...errors },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { nom, sigle, version } = request.body;
        const updated = await unitOfWork(
          ctx,
          (repos) => updateDirection(repos, actor, actor.organisationId, request.params.id, { name: nom, acronym: sigle, version }),
          request.id,
        );
        return directionOutput(updated);
      },
    );

    app.delete(
      "/api/directions/:id",
      {
        schema: {
          tags,
          summary: "Supprimer une direction (et ses services)",
          description: "Refusé (409) tant que des comptes y sont rattachés.",
          params: IdParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        await unitOfWork(ctx, (repos) => deleteDirection(repos, actor, actor.organisationId, request.params.id), request.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/directions/:directionId/services",
      {
        schema: {
          tags,
          summary: "Créer un service dans une direction",
          params: DirectionIdParams,
          body: ServiceInput,
          response: { 201: ServiceOutput, ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const created = await unitOfWork(
          ctx,
          (repos) => createService(repos, actor, actor.organisationId, request.params.directionId, { name: request.body.nom }),
          request.id,
        );
        return reply.status(201).send(serviceOutput(created));
      },
    );

    app.put(
      "/api/services/:id",
      {
        schema: {
          tags,
          summary: "Renommer un service",
          params: IdParams,
          body: ServiceUpdate,
          response: { 200: ServiceOutput, ...errors },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const updated = await unitOfWork(
          ctx,
          (repos) =>
            updateService(repos, actor, actor.organisationId, request.params.id, {
              name: request.body.nom,
              version: request.body.version,
            }),
          request.id,
        );
        return serviceOutput(updated);
      },
    );

    app.delete(
      "/api/services/:id",
      {
        schema: {
          tags,
          summary: "Supprimer un service",
          description: "Refusé (409) tant que des comptes y sont rattachés.",
          params: IdParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        await unitOfWork(ctx, (repos) => deleteService(repos, actor, actor.organisationId, request.params.id), request.id);
        return reply.status(204).send(null);
      },
    );
  };
