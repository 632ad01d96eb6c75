import type { Clock, TokenGenerator } from "../commun/ports";
import type { AuditLog } from "../commun/ports";
import type { Utilisateur } from "../organisation/organisation";
import type { SessionRepository } from "./ports";
import type { UserActor } from "./roles";

/**
 * Session lifetime (ASVS 7.3): a session ends after an idle period or an absolute duration, whichever
 * comes first. Both are configuration; defaults are 30 minutes idle and 12 hours absolute.
 */
export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export function newSessionTimes(now: Date, policy: SessionPolicy): SessionTimes {
  return { createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + policy.absoluteMs) };
}

export function isSessionAlive(session: SessionTimes, now: Date, policy: SessionPolicy): boolean {
  return now < session.expiresAt && now.getTime() - session.lastSeenAt.getTime() < policy.idleMs;
}

/**
 * Whether to write a new `last_seen_at`: at most once a minute to spare the database, but always well within
 * the idle limit (a tenth of it), so that an active user is never logged out, whatever the configured limit.
 */
export function shouldTouchSession(session: SessionTimes, now: Date, policy: SessionPolicy): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= Math.min(60_000, policy.idleMs / 10);
}

export function actorOf(utilisateur: Utilisateur): UserActor {
  return {
    kind: "user",
    userId: utilisateur.id,
    organisationId: utilisateur.organisationId,
    role: utilisateur.role,
    directionId: utilisateur.directionId,
    label: utilisateur.email,
  };
}

export interface CurrentSession {
  utilisateur: Utilisateur;
  actor: UserActor;
  csrfToken: string;
  tokenHash: string;
}

/** Resolves a session cookie: null when unknown, expired (then deleted) or the account is inactive. */
export async function resolveSession(
  deps: { sessions: SessionRepository; tokens: TokenGenerator; clock: Clock; sessionPolicy: SessionPolicy },
  token: string,
): Promise<CurrentSession | null> {
  const tokenHash = deps.tokens.fingerprint(token);
  const found = await deps.sessions.findWithUser(tokenHash);
  if (!found) return null;
  const now = deps.clock.now();
  if (!found.utilisateur.actif || !isSessionAlive(found.session, now, deps.sessionPolicy)) {
    await deps.sessions.delete(tokenHash);
    return null;
  }
  if (shouldTouchSession(found.session, now, deps.sessionPolicy)) await deps.sessions.touch(tokenHash, now);
  return { utilisateur: found.utilisateur, actor: actorOf(found.utilisateur), csrfToken: found.session.csrfToken, tokenHash };
}

export async function logout(deps: { sessions: SessionRepository; audit: AuditLog }, current: CurrentSession): Promise<void> {
  await deps.sessions.delete(current.tokenHash);
  await deps.audit.append(current.actor, {
    type: "user.logged-out",
    aggregateType: "user",
    aggregateId: current.utilisateur.id,
    payload: {},
  });
}
