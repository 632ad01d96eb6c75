import { and, asc, count, desc, eq, inArray, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { Clock, SecurityEvent, SecurityEventLog, SessionRepository, ThrottleRepository, ThrottleState } from "@achat-public/domain";
import type { Executor } from "../client";
import { toUtilisateur } from "../organisation/organisation.repository";
import { utilisateurs } from "../organisation/organisation.schema";
import { loginThrottles, securityEvents, sessions } from "./acces.schema";

export function sessionRepository(db: Executor): SessionRepository {
  return {
    async insert(session) {
      await db.insert(sessions).values(session);
    },
    async findWithUser(tokenHash) {
      const [row] = await db
        .select({ session: sessions, utilisateur: utilisateurs })
        .from(sessions)
        .innerJoin(utilisateurs, eq(utilisateurs.id, sessions.userId))
        .where(eq(sessions.tokenHash, tokenHash));
      return row ? { session: row.session, utilisateur: toUtilisateur(row.utilisateur) } : null;
    },
    async touch(tokenHash, at) {
      await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
    },
    async delete(tokenHash) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },
    async deleteForUser(userId, except = null) {
      await db.delete(sessions).where(and(eq(sessions.userId, userId), except ? ne(sessions.tokenHash, except) : undefined));
    },
    async deleteExpired(now, idleMs) {
      const deleted = await db
        .delete(sessions)
        .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - idleMs))))
        .returning({ tokenHash: sessions.tokenHash });
      return deleted.length;
    },
  };
}

export function throttleRepository(db: Executor, clock: Clock): ThrottleRepository {
  return {
    async lock(keys) {
      if (keys.length === 0) return new Map();
      const sorted = [...keys].sort();
      const now = clock.now();
      // create the missing rows first (in key order), so that every key can be row-locked below
      await db
        .insert(loginThrottles)
        .values(sorted.map((key) => ({ key, failures: 0, windowStartedAt: now, blockedUntil: null })))
        .onConflictDoNothing();
      const rows = await db
        .select()
        .from(loginThrottles)
        .where(inArray(loginThrottles.key, sorted))
        .orderBy(asc(loginThrottles.key))
        .for("update");
      return new Map(
        rows.map((r): [string, ThrottleState] => [
          r.key,
          { failures: r.failures, windowStartedAt: r.windowStartedAt, blockedUntil: r.blockedUntil },
        ]),
      );
    },
    async put(key, state) {
      await db
        .insert(loginThrottles)
        .values({ key, ...state })
        .onConflictDoUpdate({ target: loginThrottles.key, set: { ...state } });
    },
    async clear(key) {
      await db.delete(loginThrottles).where(eq(loginThrottles.key, key));
    },
  };
}

export function securityEventLog(db: Executor, clock: Clock): SecurityEventLog {
  return {
    async record(event: SecurityEvent) {
      await db.insert(securityEvents).values({ ...event, occurredAt: clock.now() });
    },
  };
}

export interface SecurityEventFilter {
  /** Events of this organisation, and those attached to none (failed logins on unknown accounts). */
  organisationId: string;
  type?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export type SecurityEventRow = typeof securityEvents.$inferSelect;

/** Read model of the security-events page: newest first, scoped to the organisation. */
export async function listSecurityEvents(
  db: Executor,
  filter: SecurityEventFilter,
): Promise<{ total: number; events: SecurityEventRow[] }> {
  const conditions: (SQL | undefined)[] = [
    or(eq(securityEvents.organisationId, filter.organisationId), isNull(securityEvents.organisationId)),
  ];
  if (filter.type) conditions.push(eq(securityEvents.type, filter.type));
  if (filter.from) conditions.push(sql`${securityEvents.occurredAt} >= ${filter.from}`);
  if (filter.to) conditions.push(lt(securityEvents.occurredAt, filter.to));
  const where = and(...conditions);
  const [total] = await db.select({ n: count() }).from(securityEvents).where(where);
  const events = await db
    .select()
    .from(securityEvents)
    .where(where)
    .orderBy(desc(securityEvents.seq))
    .limit(filter.limit)
    .offset(filter.offset);
  return { total: total?.n ?? 0, events };
}

/** Deletes the security events older than the retention period; returns how many. */
export async function purgeSecurityEvents(db: Executor, before: Date): Promise<number> {
  const deleted = await db.delete(securityEvents).where(lt(securityEvents.occurredAt, before)).returning({ seq: securityEvents.seq });
  return deleted.length;
}
