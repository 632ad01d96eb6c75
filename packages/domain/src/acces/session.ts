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

/** Whether to write a new `last_seen_at` (at most once a minute, to spare the database). */
export function shouldTouchSession(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= 60_000;
}
