import type { Role } from "./roles";

/** A permission of a context: its French label (shown on the start page) and the roles that hold it. */
export interface PermissionDefinition {
  label: string;
  roles: readonly Role[];
}

/**
 * What a context declares of itself to the rest of the platform: its permissions (`context.verb` codes,
 * English like error codes) and the French labels of its audit event types (`aggregate.past-tense`).
 */
export interface ContexteDeclare<P extends Record<string, PermissionDefinition>> {
  permissions: P;
  evenements: Record<string, string>;
}

export function defineContexte<const P extends Record<string, PermissionDefinition>>(contexte: ContexteDeclare<P>): ContexteDeclare<P> {
  return contexte;
}
