import type { Utilisateur } from "../organisation/organisation";
import type { ThrottleState } from "./throttle";

export interface StoredSession {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface SessionRepository {
  insert(session: StoredSession): Promise<void>;
  /** The session and its (active) account, in one query. */
  findWithUser(tokenHash: string): Promise<{ session: StoredSession; utilisateur: Utilisateur } | null>;
  touch(tokenHash: string, at: Date): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  /** Closes every session of the account, but the one whose hash is `except`. */
  deleteForUser(userId: string, except?: string | null): Promise<void>;
  deleteExpired(now: Date, idleMs: number): Promise<number>;
}

export interface ThrottleRepository {
  /**
   * Reads the states of several keys, creating the missing ones, and row-locks them in the order of their
   * keys until the end of the transaction (a stable order: concurrent logins never deadlock).
   */
  lock(keys: readonly string[]): Promise<Map<string, ThrottleState | null>>;
  put(key: string, state: ThrottleState): Promise<void>;
  clear(key: string): Promise<void>;
}

/** Kinds of security events (failures are audited too, apart from the business audit trail). */
export type SecurityEventType =
  | "login.failed"
  | "login.blocked"
  | "access.denied"
  | "csrf.rejected"
  | "session.invalid"
  | "password.change-required";

export interface SecurityEvent {
  type: SecurityEventType;
  /** Organisation concerned when known (the account's, or the actor's). */
  organisationId: string | null;
  actorId: string | null;
  /** Who, as the client gave it (an e-mail typed at login, or the account's e-mail). */
  actorLabel: string | null;
  clientAddress: string | null;
  /** `METHOD /path` of the request. */
  route: string | null;
  details: Record<string, unknown>;
}

/** Security events (failed logins, lockouts, refusals), kept for a retention period, readable by the administrator. */
export interface SecurityEventLog {
  record(event: SecurityEvent): Promise<void>;
}
