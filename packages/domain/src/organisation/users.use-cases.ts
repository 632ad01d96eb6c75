import { DomainError, invalidInput, isDomainError, type Issue } from "../errors";
import { assertCan, userScope } from "../acces/policies";
import type { Actor } from "../acces/roles";
import type {
  AuditLog,
  DirectionRepository,
  IdGenerator,
  PasswordHasher,
  ServiceRepository,
  SessionRepository,
  UserListFilter,
  UserRepository,
} from "../ports";
import {
  assertPasswordAcceptable,
  notFound,
  passwordProblems,
  staleVersion,
  validateUser,
  type User,
  type UserInput,
} from "./organisation";

interface Deps {
  users: UserRepository;
  directions: DirectionRepository;
  services: ServiceRepository;
  sessions: SessionRepository;
  audit: AuditLog;
  ids: IdGenerator;
  hasher: PasswordHasher;
}

/** Accounts the actor may see, filtered by its scope in SQL. */
export async function listUsers(deps: Pick<Deps, "users">, actor: Actor, filter: Omit<UserListFilter, "scope">): Promise<User[]> {
  assertCan(actor, "user.read");
  return deps.users.list({ ...filter, scope: userScope(actor) });
}

export async function getUser(deps: Pick<Deps, "users">, actor: Actor, organisationId: string, id: string): Promise<User> {
  assertCan(actor, "user.read");
  const user = await deps.users.get(id, organisationId, userScope(actor));
  if (!user) throw notFound("Compte");
  return user;
}

/** Checks that the direction and the service exist in the organisation and belong together. */
async function checkAttachment(
  deps: Pick<Deps, "directions" | "services">,
  organisationId: string,
  directionId: string | null,
  serviceId: string | null,
): Promise<void> {
  const issues: Issue[] = [];
  if (directionId && !(await deps.directions.get(directionId, organisationId))) {
    issues.push({ path: ["directionId"], message: "Cette direction n'existe pas." });
  }
  if (serviceId) {
    const service = await deps.services.get(serviceId, organisationId);
    if (!service) issues.push({ path: ["serviceId"], message: "Ce service n'existe pas." });
    else if (service.directionId !== directionId) {
      issues.push({ path: ["serviceId"], message: "Ce service n'appartient pas à la direction choisie." });
    }
  }
  if (issues.length) throw invalidInput(issues);
}

function publicFields(user: User) {
  return {
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    directionId: user.directionId,
    serviceId: user.serviceId,
    active: user.active,
  };
}

/** The account's fields and its initial password, every problem of both reported at once. */
function validateNewUser(input: UserInput & { password: string | null }) {
  const issues: Issue[] = [];
  let values: ReturnType<typeof validateUser> | null = null;
  try {
    values = validateUser(input);
  } catch (error) {
    if (!isDomainError(error) || error.kind !== "invalid-input") throw error;
    issues.push(...error.issues);
  }
  if (input.password !== null) {
    for (const message of passwordProblems(input.password, input.email)) issues.push({ path: ["password"], message });
  }
  if (issues.length || !values) throw invalidInput(issues);
  return values;
}

export async function createUser(
  deps: Deps,
  actor: Actor,
  organisationId: string,
  input: UserInput & { password: string | null },
): Promise<User> {
  assertCan(actor, "user.manage");
  const values = validateNewUser(input);
  await checkAttachment(deps, organisationId, values.directionId, values.serviceId);
  const user: User = {
    id: deps.ids.newId(),
    organisationId,
    email: values.email,
    displayName: values.displayName,
    role: values.role,
    directionId: values.directionId,
    serviceId: values.serviceId,
    active: true,
    hasPassword: input.password !== null,
    lastLoginAt: null,
    version: 1,
  };
  const hash = input.password === null ? null : await deps.hasher.hash(input.password);
  await deps.users.insert(user, hash);
  await deps.audit.append(actor, {
    type: "user.created",
    aggregateType: "user",
    aggregateId: user.id,
    payload: publicFields(user),
  });
  return user;
}

async function assertAnotherAdminRemains(deps: Pick<Deps, "users">, organisationId: string): Promise<void> {
  if ((await deps.users.countActiveAdmins(organisationId)) <= 1) {
    throw new DomainError(
      "LAST_ADMIN",
      "C'est le dernier compte administrateur actif : créez-en un autre avant de retirer celui-ci.",
      "conflict",
    );
  }
}

export async function updateUser(
  deps: Deps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: UserInput & { active: boolean; version: number },
): Promise<User> {
  assertCan(actor, "user.manage");
  const current = await deps.users.get(id, organisationId, { kind: "all" });
  if (!current) throw notFound("Compte");
  const values = validateUser(input);
  await checkAttachment(deps, organisationId, values.directionId, values.serviceId);
  const losesAdmin = current.role === "admin" && current.active && (values.role !== "admin" || !input.active);
  if (losesAdmin) await assertAnotherAdminRemains(deps, organisationId);
  const next: User = {
    ...current,
    email: values.email,
    displayName: values.displayName,
    role: values.role,
    directionId: values.directionId,
    serviceId: values.serviceId,
    active: input.active,
    version: input.version + 1,
  };
  if (!(await deps.users.update(next, input.version))) throw staleVersion();
  // Changing who someone is or what they may do ends their open sessions.
  if (!next.active || next.role !== current.role || next.directionId !== current.directionId) {
    await deps.sessions.deleteForUser(id);
  }
  await deps.audit.append(actor, {
    type: "user.updated",
    aggregateType: "user",
    aggregateId: id,
    payload: { before: publicFields(current), after: publicFields(next) },
  });
  return next;
}

export async function deleteUser(deps: Deps, actor: Actor, organisationId: string, id: string): Promise<void> {
  assertCan(actor, "user.manage");
  if (actor.kind === "user" && actor.userId === id) {
    throw new DomainError("CANNOT_DELETE_SELF", "Vous ne pouvez pas supprimer votre propre compte.", "conflict");
  }
  const current = await deps.users.get(id, organisationId, { kind: "all" });
  if (!current) throw notFound("Compte");
  if (current.role === "admin" && current.active) await assertAnotherAdminRemains(deps, organisationId);
  await deps.users.delete(id);
  await deps.audit.append(actor, {
    type: "user.deleted",
    aggregateType: "user",
    aggregateId: id,
    payload: publicFields(current),
  });
}

/** Sets a new password (admin reset or CLI) and closes the account's sessions. */
export async function resetPassword(deps: Deps, actor: Actor, organisationId: string, id: string, password: string): Promise<void> {
  assertCan(actor, "user.manage");
  const current = await deps.users.get(id, organisationId, { kind: "all" });
  if (!current) throw notFound("Compte");
  assertPasswordAcceptable(password, current.email);
  await deps.users.setPassword(id, await deps.hasher.hash(password));
  await deps.sessions.deleteForUser(id);
  await deps.audit.append(actor, {
    type: "user.password-reset",
    aggregateType: "user",
    aggregateId: id,
    payload: { email: current.email },
  });
}
