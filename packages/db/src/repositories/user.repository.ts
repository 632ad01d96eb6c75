import { and, asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Scope, User, UserRepository } from "@achat-public/domain";
import { escapeLike, type Executor } from "../client";
import { users } from "../schema";
import { uniqueGuard } from "./organisation.repository";

export const toUser = (row: typeof users.$inferSelect): User => ({
  id: row.id,
  organisationId: row.organisationId,
  email: row.email,
  displayName: row.displayName,
  role: row.role as User["role"],
  directionId: row.directionId,
  serviceId: row.serviceId,
  active: row.active,
  hasPassword: row.passwordHash !== null,
  lastLoginAt: row.lastLoginAt,
  version: row.version,
});

/** The SQL condition restricting users to an actor's scope. */
function scopeCondition(scope: Scope): SQL | undefined {
  switch (scope.kind) {
    case "all":
      return undefined;
    case "direction":
      return eq(users.directionId, scope.directionId);
    case "none":
      return sql`false`;
  }
}

const EMAIL_UNIQUE: Record<string, [string, string, string]> = {
  users_email_unique: ["EMAIL_TAKEN", "email", "Un compte existe déjà avec cette adresse électronique."],
};

export function userRepository(db: Executor): UserRepository {
  return {
    async list(filter) {
      const conditions = [eq(users.organisationId, filter.organisationId), scopeCondition(filter.scope)];
      if (filter.search) {
        const pattern = `%${escapeLike(filter.search)}%`;
        conditions.push(or(ilike(users.email, pattern), ilike(users.displayName, pattern)));
      }
      if (filter.role) conditions.push(eq(users.role, filter.role));
      if (filter.directionId) conditions.push(eq(users.directionId, filter.directionId));
      const rows = await db
        .select()
        .from(users)
        .where(and(...conditions))
        .orderBy(asc(users.displayName), asc(users.email));
      return rows.map(toUser);
    },
    async get(id, organisationId, scope) {
      const [row] = await db
        .select()
        .from(users)
        .where(and(eq(users.id, id), eq(users.organisationId, organisationId), scopeCondition(scope)));
      return row ? toUser(row) : null;
    },
    async findForLogin(email) {
      const [row] = await db.select().from(users).where(eq(users.email, email));
      return row ? { user: toUser(row), passwordHash: row.passwordHash } : null;
    },
    async insert(user, passwordHash) {
      await uniqueGuard(
        () =>
          db.insert(users).values({
            id: user.id,
            organisationId: user.organisationId,
            email: user.email,
            displayName: user.displayName,
            role: user.role,
            directionId: user.directionId,
            serviceId: user.serviceId,
            active: user.active,
            passwordHash,
            version: user.version,
          }),
        EMAIL_UNIQUE,
      );
    },
    async update(user, expectedVersion) {
      const updated = await uniqueGuard(
        () =>
          db
            .update(users)
            .set({
              email: user.email,
              displayName: user.displayName,
              role: user.role,
              directionId: user.directionId,
              serviceId: user.serviceId,
              active: user.active,
              version: user.version,
              updatedAt: sql`now()`,
            })
            .where(and(eq(users.id, user.id), eq(users.version, expectedVersion)))
            .returning({ id: users.id }),
        EMAIL_UNIQUE,
      );
      return updated.length === 1;
    },
    async setPassword(id, passwordHash) {
      await db
        .update(users)
        .set({ passwordHash, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
        .where(eq(users.id, id));
    },
    async recordLogin(id, at) {
      await db.update(users).set({ lastLoginAt: at }).where(eq(users.id, id));
    },
    async delete(id) {
      await db.delete(users).where(eq(users.id, id));
    },
    async countActiveAdmins(organisationId) {
      const [row] = await db
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.organisationId, organisationId), eq(users.role, "admin"), eq(users.active, true)));
      return row?.n ?? 0;
    },
  };
}
