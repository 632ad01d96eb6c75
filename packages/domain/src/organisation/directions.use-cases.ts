import { DomainError } from "../errors";
import { assertCan } from "../acces/policies";
import type { Actor } from "../acces/roles";
import type {
  AuditLog,
  DirectionRepository,
  DirectionWithServices,
  IdGenerator,
  OrganisationRepository,
  ServiceRepository,
} from "../ports";
import {
  notFound,
  staleVersion,
  validateDirection,
  validateServiceName,
  type Direction,
  type DirectionInput,
  type Organisation,
  type Service,
} from "./organisation";

interface Deps {
  directions: DirectionRepository;
  services: ServiceRepository;
  audit: AuditLog;
  ids: IdGenerator;
}

/** Creates a direction of the organisation. */
export async function createDirection(
  deps: Pick<Deps, "directions" | "audit" | "ids">,
  actor: Actor,
  organisationId: string,
  input: DirectionInput,
): Promise<Direction> {
  assertCan(actor, "organisation.manage");
  const values = validateDirection(input);
  const direction: Direction = { id: deps.ids.newId(), organisationId, ...values, version: 1 };
  await deps.directions.insert(direction);
  await deps.audit.append(actor, {
    type: "direction.created",
    aggregateType: "direction",
    aggregateId: direction.id,
    payload: values,
  });
  return direction;
}

export async function updateDirection(
  deps: Pick<Deps, "directions" | "audit">,
  actor: Actor,
  organisationId: string,
  id: string,
  input: DirectionInput & { version: number },
): Promise<Direction> {
  assertCan(actor, "organisation.manage");
  const current = await deps.directions.get(id, organisationId);
  if (!current) throw notFound("Direction");
  const values = validateDirection(input);
  const next: Direction = { ...current, ...values, version: input.version + 1 };
  if (!(await deps.directions.update(next, input.version))) throw staleVersion();
  await deps.audit.append(actor, {
    type: "direction.updated",
    aggregateType: "direction",
    aggregateId: id,
    payload: { before: { name: current.name, acronym: current.acronym }, after: values },
  });
  return next;
}

/** Deletes a direction and its services; refused while accounts are attached to it. */
export async function deleteDirection(
  deps: Pick<Deps, "directions" | "audit">,
  actor: Actor,
  organisationId: string,
  id: string,
): Promise<void> {
  assertCan(actor, "organisation.manage");
  const current = await deps.directions.get(id, organisationId);
  if (!current) throw notFound("Direction");
  const userCount = await deps.directions.countUsers(id);
  if (userCount > 0) {
    throw new DomainError(
      "DIRECTION_HAS_USERS",
      `La direction « ${current.name} » a encore ${userCount} compte${userCount > 1 ? "s" : ""} rattaché${userCount > 1 ? "s" : ""} : rattachez-les ailleurs avant de la supprimer.`,
      "conflict",
      [],
      { userCount },
    );
  }
  // its services go with it: name them in the event, they get no event of their own
  const services = (await deps.directions.list(organisationId)).find((d) => d.id === id)?.services ?? [];
  await deps.directions.delete(id);
  await deps.audit.append(actor, {
    type: "direction.deleted",
    aggregateType: "direction",
    aggregateId: id,
    payload: { name: current.name, acronym: current.acronym, services: services.map((s) => ({ id: s.id, name: s.name })) },
  });
}

export async function createService(
  deps: Deps,
  actor: Actor,
  organisationId: string,
  directionId: string,
  input: { name: string },
): Promise<Service> {
  assertCan(actor, "organisation.manage");
  const direction = await deps.directions.get(directionId, organisationId);
  if (!direction) throw notFound("Direction");
  const service: Service = { id: deps.ids.newId(), directionId, name: validateServiceName(input.name), version: 1 };
  await deps.services.insert(service);
  await deps.audit.append(actor, {
    type: "service.created",
    aggregateType: "service",
    aggregateId: service.id,
    payload: { directionId, name: service.name },
  });
  return service;
}

export async function updateService(
  deps: Pick<Deps, "services" | "audit">,
  actor: Actor,
  organisationId: string,
  id: string,
  input: { name: string; version: number },
): Promise<Service> {
  assertCan(actor, "organisation.manage");
  const current = await deps.services.get(id, organisationId);
  if (!current) throw notFound("Service");
  const next: Service = { ...current, name: validateServiceName(input.name), version: input.version + 1 };
  if (!(await deps.services.update(next, input.version))) throw staleVersion();
  await deps.audit.append(actor, {
    type: "service.updated",
    aggregateType: "service",
    aggregateId: id,
    payload: { before: { name: current.name }, after: { name: next.name } },
  });
  return next;
}

export async function deleteService(
  deps: Pick<Deps, "services" | "audit">,
  actor: Actor,
  organisationId: string,
  id: string,
): Promise<void> {
  assertCan(actor, "organisation.manage");
  const current = await deps.services.get(id, organisationId);
  if (!current) throw notFound("Service");
  const userCount = await deps.services.countUsers(id);
  if (userCount > 0) {
    throw new DomainError(
      "SERVICE_HAS_USERS",
      `Le service « ${current.name} » a encore ${userCount} compte${userCount > 1 ? "s" : ""} rattaché${userCount > 1 ? "s" : ""}.`,
      "conflict",
      [],
      { userCount },
    );
  }
  await deps.services.delete(id);
  await deps.audit.append(actor, {
    type: "service.deleted",
    aggregateType: "service",
    aggregateId: id,
    payload: { directionId: current.directionId, name: current.name },
  });
}

/** The organisation with its directions and services, for whoever may read it. */
export async function getOrganisationTree(
  deps: { organisations: OrganisationRepository; directions: DirectionRepository },
  actor: Actor,
  organisationId: string,
): Promise<{ organisation: Organisation; directions: DirectionWithServices[] }> {
  assertCan(actor, "organisation.read");
  const organisation = await deps.organisations.get(organisationId);
  if (!organisation) throw notFound("Organisation");
  return { organisation, directions: await deps.directions.list(organisationId) };
}
