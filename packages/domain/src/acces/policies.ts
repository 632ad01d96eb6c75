import { DomainError } from "../errors";
import { INTERNAL_ROLES, type Actor, type Role } from "./roles";

/**
 * What an actor may do. Policies are pure: they see the actor (role and direction), never the request.
 * Routes and the CLI never decide access themselves; use cases call `assertCan`.
 */
export const PERMISSIONS = {
  "organisation.read": { label: "Consulter les directions et services", roles: INTERNAL_ROLES },
  "organisation.manage": { label: "Créer, modifier et supprimer les directions et services", roles: ["admin"] },
  "user.read": {
    label: "Consulter les comptes utilisateurs",
    roles: ["admin", "acheteur-central", "acheteur"],
  },
  "user.manage": { label: "Créer, modifier et supprimer les comptes utilisateurs", roles: ["admin"] },
  "audit.read": { label: "Consulter le journal d'audit", roles: ["admin"] },
  "regles.manage": { label: "Administrer les paramètres des règles (taux de la BCE)", roles: ["admin"] },
  "regles.simulate": {
    label: "Simuler les règles de la commande publique",
    roles: ["admin", "acheteur-central", "acheteur", "lecteur", "entreprise"],
  },
} as const satisfies Record<string, { label: string; roles: readonly Role[] }>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor, permission: Permission): boolean {
  if (actor.kind === "system") return true;
  return (PERMISSIONS[permission].roles as readonly Role[]).includes(actor.role);
}

/** Permissions of a role, in a stable order (used by the home page "what I can do"). */
export function permissionsOf(actor: Actor): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(actor, p));
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new DomainError(
      "FORBIDDEN",
      `Votre rôle ne permet pas cette action (${PERMISSIONS[permission].label.toLowerCase()}).`,
      "forbidden",
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
