import { z } from "zod";
import {
  createDirection,
  createService,
  deleteDirection,
  deleteService,
  getOrganisationTree,
  updateDirection,
  updateService,
} from "@achat-public/domain";
import {
  DirectionIdParams,
  DirectionInput,
  DirectionOutput,
  DirectionUpdate,
  IdParams,
  OrganisationOutput,
  presentDirection,
  presentOrganisation,
  presentService,
  ServiceInput,
  ServiceOutput,
  ServiceUpdate,
} from "@achat-public/contracts";
import { defineRoutes } from "../platform/routes";

export const organisationRoutes = defineRoutes("Organisation", (r) => {
  r.read({
    method: "GET",
    url: "/api/organisation",
    access: "organisation.read",
    summary: "L'organisation, ses directions et leurs services",
    description: "Au plus 200 directions, dans l'ordre alphabétique ; `nombreDirections` donne leur nombre total.",
    response: OrganisationOutput,
    handler: async ({ actor, uow }) => presentOrganisation(await getOrganisationTree(uow, actor, actor.organisationId)),
  });

  r.write({
    method: "POST",
    url: "/api/directions",
    access: "organisation.manage",
    summary: "Créer une direction",
    body: DirectionInput,
    response: DirectionOutput,
    status: 201,
    example: { body: { nom: "Direction d'exemple", sigle: "DEX" } },
    handler: async ({ actor, uow, body }) => presentDirection(await createDirection(uow, actor, actor.organisationId, body)),
  });

  r.write({
    method: "PUT",
    url: "/api/directions/:id",
    access: "organisation.manage",
    summary: "Modifier une direction",
    params: IdParams,
    body: DirectionUpdate,
    response: DirectionOutput,
    example: { body: { nom: "Direction d'exemple", sigle: "DEX", version: 1 } },
    handler: async ({ actor, uow, params, body }) =>
      presentDirection(await updateDirection(uow, actor, actor.organisationId, params.id, body)),
  });

  r.write({
    method: "DELETE",
    url: "/api/directions/:id",
    access: "organisation.manage",
    summary: "Supprimer une direction (et ses services)",
    description: "Refusé (409) tant que des comptes y sont rattachés.",
    params: IdParams,
    response: z.null(),
    status: 204,
    handler: async ({ actor, uow, params }) => {
      await deleteDirection(uow, actor, actor.organisationId, params.id);
      return null;
    },
  });

  r.write({
    method: "POST",
    url: "/api/directions/:directionId/services",
    access: "organisation.manage",
    summary: "Créer un service dans une direction",
    params: DirectionIdParams,
    body: ServiceInput,
    response: ServiceOutput,
    status: 201,
    example: { body: { nom: "Service d'exemple" } },
    handler: async ({ actor, uow, params, body }) =>
      presentService(await createService(uow, actor, actor.organisationId, params.directionId, body)),
  });

  r.write({
    method: "PUT",
    url: "/api/services/:id",
    access: "organisation.manage",
    summary: "Renommer un service",
    params: IdParams,
    body: ServiceUpdate,
    response: ServiceOutput,
    example: { body: { nom: "Service d'exemple", version: 1 } },
    handler: async ({ actor, uow, params, body }) => presentService(await updateService(uow, actor, actor.organisationId, params.id, body)),
  });

  r.write({
    method: "DELETE",
    url: "/api/services/:id",
    access: "organisation.manage",
    summary: "Supprimer un service",
    description: "Refusé (409) tant que des comptes y sont rattachés.",
    params: IdParams,
    response: z.null(),
    status: 204,
    handler: async ({ actor, uow, params }) => {
      await deleteService(uow, actor, actor.organisationId, params.id);
      return null;
    },
  });
});
