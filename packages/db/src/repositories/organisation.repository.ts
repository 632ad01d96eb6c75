import { and, asc, count, eq, sql } from "drizzle-orm";
import {
  DomainError,
  type Direction,
  type DirectionRepository,
  type DirectionWithServices,
  type OrganisationRepository,
  type Service,
  type ServiceRepository,
} from "@achat-public/domain";
import type { Executor } from "../client";
import { pgError, UNIQUE_VIOLATION } from "../errors";
import { directions, organisations, services, users } from "../schema";

export function organisationRepository(db: Executor): OrganisationRepository {
  return {
    async get(id) {
      const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
      return row ? { id: row.id, name: row.name, siret: row.siret } : null;
    },
    async first() {
      const [row] = await db.select().from(organisations).orderBy(asc(organisations.createdAt)).limit(1);
      return row ? { id: row.id, name: row.name, siret: row.siret } : null;
    },
    async insert(organisation) {
      await db.insert(organisations).values(organisation);
    },
  };
}

const toDirection = (row: typeof directions.$inferSelect): Direction => ({
  id: row.id,
  organisationId: row.organisationId,
  name: row.name,
  acronym: row.acronym,
  version: row.version,
});

const toService = (row: typeof services.$inferSelect): Service => ({
  id: row.id,
  directionId: row.directionId,
  name: row.name,
  version: row.version,
});

/** Turns a unique-index violation into the French conflict the user can act on. */
async function uniqueGuard<T>(write: () => Promise<T>, messages: Record<string, [string, string, string]>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const e = pgError(error);
    if (e?.code === UNIQUE_VIOLATION) {
      const [code, field, message] = messages[e.constraint ?? ""] ?? Object.values(messages)[0]!;
      throw new DomainError(code, message, "conflict", [{ path: [field], message }]);
    }
    throw error;
  }
}

const DIRECTION_UNIQUE: Record<string, [string, string, string]> = {
  directions_name_unique: ["DIRECTION_NAME_TAKEN", "name", "Une direction porte déjà ce nom."],
  directions_acronym_unique: ["DIRECTION_ACRONYM_TAKEN", "acronym", "Une direction utilise déjà ce sigle."],
};

const SERVICE_UNIQUE: Record<string, [string, string, string]> = {
  services_name_unique: ["SERVICE_NAME_TAKEN", "name", "Un service de cette direction porte déjà ce nom."],
};

export function directionRepository(db: Executor): DirectionRepository {
  return {
    async list(organisationId) {
      const rows = await db.select().from(directions).where(eq(directions.organisationId, organisationId)).orderBy(asc(directions.name));
      const serviceRows = await db
        .select({
          service: services,
          userCount: sql<number>`(select count(*) from ${users} where ${users.serviceId} = ${services.id})::int`,
        })
        .from(services)
        .innerJoin(directions, eq(directions.id, services.directionId))
        .where(eq(directions.organisationId, organisationId))
        .orderBy(asc(services.name));
      const userCounts = await db
        .select({ directionId: users.directionId, n: count() })
        .from(users)
        .where(eq(users.organisationId, organisationId))
        .groupBy(users.directionId);
      const countByDirection = new Map(userCounts.map((r) => [r.directionId, r.n]));
      return rows.map(
        (row): DirectionWithServices => ({
          ...toDirection(row),
          userCount: countByDirection.get(row.id) ?? 0,
          services: serviceRows
            .filter((s) => s.service.directionId === row.id)
            .map((s) => ({ ...toService(s.service), userCount: s.userCount })),
        }),
      );
    },
    async get(id, organisationId) {
      const [row] = await db
        .select()
        .from(directions)
        .where(and(eq(directions.id, id), eq(directions.organisationId, organisationId)));
      return row ? toDirection(row) : null;
    },
    async insert(direction) {
      await uniqueGuard(() => db.insert(directions).values(direction), DIRECTION_UNIQUE);
    },
    async update(direction, expectedVersion) {
      const updated = await uniqueGuard(
        () =>
          db
            .update(directions)
            .set({ name: direction.name, acronym: direction.acronym, version: direction.version, updatedAt: sql`now()` })
            .where(and(eq(directions.id, direction.id), eq(directions.version, expectedVersion)))
            .returning({ id: directions.id }),
        DIRECTION_UNIQUE,
      );
      return updated.length === 1;
    },
    async delete(id) {
      await db.delete(directions).where(eq(directions.id, id));
    },
    async countUsers(id) {
      const [row] = await db.select({ n: count() }).from(users).where(eq(users.directionId, id));
      return row?.n ?? 0;
    },
  };
}

export function serviceRepository(db: Executor): ServiceRepository {
  return {
    async get(id, organisationId) {
      const [row] = await db
        .select({ service: services })
        .from(services)
        .innerJoin(directions, eq(directions.id, services.directionId))
        .where(and(eq(services.id, id), eq(directions.organisationId, organisationId)));
      return row ? toService(row.service) : null;
    },
    async insert(service) {
      await uniqueGuard(() => db.insert(services).values(service), SERVICE_UNIQUE);
    },
    async update(service, expectedVersion) {
      const updated = await uniqueGuard(
        () =>
          db
            .update(services)
            .set({ name: service.name, version: service.version, updatedAt: sql`now()` })
            .where(and(eq(services.id, service.id), eq(services.version, expectedVersion)))
            .returning({ id: services.id }),
        SERVICE_UNIQUE,
      );
      return updated.length === 1;
    },
    async delete(id) {
      await db.delete(services).where(eq(services.id, id));
    },
    async countUsers(id) {
      const [row] = await db.select({ n: count() }).from(users).where(eq(users.serviceId, id));
      return row?.n ?? 0;
    },
  };
}

export { uniqueGuard };
