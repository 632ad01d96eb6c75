import { DomainError } from "../commun/errors";
import type { AuditLog, IdGenerator } from "../commun/ports";
import { assertCan } from "../acces/policies";
import type { Actor } from "../acces/roles";
import type { DirectionRepository, DirectionWithServices, OrganisationRepository, ServiceRepository } from "./ports";
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

/** Most directions returned with the organisation tree (a département has about fifteen). */
export const DIRECTIONS_MAX = 200;

/** Creates a direction of the actor's organisation. */
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
    organisationId,
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
    organisationId,
    type: "direction.updated",
    aggregateType: "direction",
    aggregateId: id,
    payload: { before: { nom: current.nom, sigle: current.sigle }, after: values },
  });
  return next;
}

function stillHasUsers(code: string, what: string, count: number): DomainError {
  return new DomainError(
    code,
    `${what} a encore ${count} compte${count > 1 ? "s" : ""} rattaché${count > 1 ? "s" : ""} : ${count > 1 ? "rattachez-les" : "rattachez-le"} ailleurs avant de ${code === "DIRECTION_HAS_USERS" ? "la" : "le"} supprimer.`,
    "conflict",
    [],
    { nombreComptes: count },
  );
}

/** Deletes a direction and its services; refused while accounts are attached to it. */
export async function deleteDirection(
  deps: Pick<Deps, "directions" | "audit">,
  actor: Actor,
  organisationId: string,
  id: string,
): Promise<void> {
  assertCan(actor, "organisation.manage");
  // locked: an account attached meanwhile waits for this transaction, then finds the direction gone
  const current = await deps.directions.getForUpdate(id, organisationId);
  if (!current) throw notFound("Direction");
  const count = await deps.directions.countUsers(id);
  if (count > 0) throw stillHasUsers("DIRECTION_HAS_USERS", `La direction « ${current.nom} »`, count);
  // its services go with it: name them in the event, they get no event of their own
  const services = await deps.directions.listServices(id);
  await deps.directions.delete(id);
  await deps.audit.append(actor, {
    organisationId,
    type: "direction.deleted",
    aggregateType: "direction",
    aggregateId: id,
    payload: { nom: current.nom, sigle: current.sigle, services: services.map((s) => ({ id: s.id, nom: s.nom })) },
  });
}

export async function createService(
  deps: Deps,
  actor: Actor,
  organisationId: string,
  directionId: string,
  input: { nom: string },
): Promise<Service> {
  assertCan(actor, "organisation.manage");
  const direction = await deps.directions.get(directionId, organisationId);
  if (!direction) throw notFound("Direction");
  const service: Service = { id: deps.ids.newId(), directionId, nom: validateServiceName(input.nom), version: 1 };
  await deps.services.insert(service);
  await deps.audit.append(actor, {
    organisationId,
    type: "service.created",
    aggregateType: "service",
    aggregateId: service.id,
    payload: { directionId, nom: service.nom },
  });
  return service;
}

export async function updateService(
  deps: Pick<Deps, "services" | "audit">,
  actor: Actor,
  organisationId: string,
  id: string,
  input: { nom: string; version: number },
): Promise<Service> {
  assertCan(actor, "organisation.manage");
  const current = await deps.services.get(id, organisationId);
  if (!current) throw notFound("Service");
  const next: Service = { ...current, nom: validateServiceName(input.nom), version: input.version + 1 };
  if (!(await deps.services.update(next, input.version))) throw staleVersion();
  await deps.audit.append(actor, {
    organisationId,
    type: "service.updated",
    aggregateType: "service",
    aggregateId: id,
    payload: { before: { nom: current.nom }, after: { nom: next.nom } },
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
  const current = await deps.services.getForUpdate(id, organisationId);
  if (!current) throw notFound("Service");
  const count = await deps.services.countUsers(id);
  if (count > 0) throw stillHasUsers("SERVICE_HAS_USERS", `Le service « ${current.nom} »`, count);
  await deps.services.delete(id);
  await deps.audit.append(actor, {
    organisationId,
    type: "service.deleted",
    aggregateType: "service",
    aggregateId: id,
    payload: { directionId: current.directionId, nom: current.nom },
  });
}

/** The organisation with its directions and services (bounded), for whoever may read it. */
export async function getOrganisationTree(
  deps: { organisations: OrganisationRepository; directions: DirectionRepository },
  actor: Actor,
  organisationId: string,
): Promise<{ organisation: Organisation; total: number; directions: DirectionWithServices[] }> {
  assertCan(actor, "organisation.read");
  const organisation = await deps.organisations.get(organisationId);
  if (!organisation) throw notFound("Organisation");
  const { total, directions } = await deps.directions.list(organisationId, DIRECTIONS_MAX);
  return { organisation, total, directions };
}
