import { eq, inArray, lt, or } from "drizzle-orm";
import type { SessionRepository, ThrottleRepository, ThrottleState } from "@achat-public/domain";
import type { Executor } from "../client";
import { loginThrottles, sessions, users } from "../schema";
import { toUser } from "./user.repository";

export function sessionRepository(db: Executor): SessionRepository {
  return {
    async insert(session) {
      await db.insert(sessions).values(session);
    },
    async findWithUser(tokenHash) {
      const [row] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.tokenHash, tokenHash));
      return row ? { session: row.session, user: toUser(row.user) } : null;
    },
    async touch(tokenHash, at) {
      await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
    },
    async delete(tokenHash) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },
    async deleteForUser(userId) {
      await db.delete(sessions).where(eq(sessions.userId, userId));
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

export function throttleRepository(db: Executor): ThrottleRepository {
  return {
    async getForUpdate(keys) {
      if (keys.length === 0) return new Map();
      const rows = await db.select().from(loginThrottles).where(inArray(loginThrottles.key, keys)).for("update");
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
