import { DomainError } from "../commun/errors";
import { PERMISSIONS, type Permission } from "../contextes";
import type { Actor, Role } from "./roles";

/**
 * What an actor may do. Policies are pure: they see the actor (role and direction), never the request.
 * Routes and the CLI never decide access themselves; use cases call `assertCan`.
 */
export function can(actor: Actor, permission: Permission): boolean {
  if (actor.kind === "system") return true;
  return (PERMISSIONS[permission].roles as readonly Role[]).includes(actor.role);
}

/** Permissions of a role, in a stable order (the start page shows what the role can do). */
export function permissionsOf(actor: Actor): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(actor, p));
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new DomainError(
      "FORBIDDEN",
      `Votre rôle ne permet pas cette action (${PERMISSIONS[permission].label.toLowerCase()}).`,
      "forbidden",
      [],
      {
        permission,
      },
    );
  }
}

/**
 * Which rows of a list an actor may see. Repositories translate it into a SQL `where`, so that a list
 * can never show what a detail page would refuse.
 */
export type Scope = { kind: "all" } | { kind: "direction"; directionId: string } | { kind: "none" };

/** Users an actor may see: everything for admin and central buyers, their own direction for a buyer. */
export function userScope(actor: Actor): Scope {
  if (actor.kind === "system") return { kind: "all" };
  switch (actor.role) {
    case "admin":
    case "acheteur-central":
      return { kind: "all" };
    case "acheteur":
      return actor.directionId ? { kind: "direction", directionId: actor.directionId } : { kind: "none" };
    case "lecteur":
    case "entreprise":
      return { kind: "none" };
  }
}

/**
 * Business records of the directions (programme lines, procedures, contracts): the whole département for
 * the administrator, the central buyers and the readers (management, elected officials), its own direction
 * for a direction buyer, nothing for a company account (which sees its own company's records elsewhere).
 */
export function directionScope(actor: Actor): Scope {
  if (actor.kind === "system") return { kind: "all" };
  switch (actor.role) {
    case "admin":
    case "acheteur-central":
    case "lecteur":
      return { kind: "all" };
    case "acheteur":
      return actor.directionId ? { kind: "direction", directionId: actor.directionId } : { kind: "none" };
    case "entreprise":
      return { kind: "none" };
  }
}

export type { Permission };
