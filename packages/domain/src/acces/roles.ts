/**
 * Roles of the platform. One role per account; the scope (direction) comes from the account.
 * See docs/glossaire.md for the French definitions.
 */
export const ROLES = ["admin", "acheteur-central", "acheteur", "lecteur", "entreprise"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrateur",
  "acheteur-central": "Acheteur central (direction de la commande publique)",
  acheteur: "Acheteur de direction",
  lecteur: "Lecteur (direction générale, élus)",
  entreprise: "Entreprise",
};

/** Roles of the département's own agents and officials (everyone but company users). */
export const INTERNAL_ROLES: readonly Role[] = ["admin", "acheteur-central", "acheteur", "lecteur"];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** A logged-in person acting through the web, the API or an OIDC login. */
export interface UserActor {
  kind: "user";
  userId: string;
  organisationId: string;
  role: Role;
  directionId: string | null;
  /** Shown in the audit trail (the e-mail at the time of the action). */
  label: string;
}

/** The platform itself: CLI administration, demo-data generator, scheduled jobs. */
export interface SystemActor {
  kind: "system";
  label: string;
}

export type Actor = UserActor | SystemActor;

export function systemActor(label: string): SystemActor {
  return { kind: "system", label };
}
