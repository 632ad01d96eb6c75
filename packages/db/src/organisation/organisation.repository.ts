import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import {
  DomainError,
  invalidInput,
  type Direction,
  type DirectionRepository,
  type DirectionWithServices,
  type Organisation,
  type OrganisationRepository,
  type Scope,
  type Service,
  type ServiceRepository,
  type Utilisateur,
  type UtilisateurRepository,
} from "@achat-public/domain";
import { escapeLike, type Executor } from "../client";
import { ordreFrancais } from "../commun/colonnes";
import { FOREIGN_KEY_VIOLATION, pgError, UNIQUE_VIOLATION } from "../errors";
import { directions, organisations, services, utilisateurs } from "./organisation.schema";

type Conflicts = Record<string, [code: string, field: string, message: string]>;

/** Turns a unique-index violation into the French conflict the user can act on, on its field. */
export async function uniqueGuard<T>(write: () => Promise<T>, conflicts: Conflicts): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const e = pgError(error);
    if (e?.code === UNIQUE_VIOLATION) {
      const [code, field, message] = conflicts[e.constraint ?? ""] ?? (Object.values(conflicts)[0] as Conflicts[string]);
      throw new DomainError(code, message, "conflict", [{ path: [field], message }]);
    }
    throw error;
  }
}

/** A foreign-key violation (a row still referred to, or referring to a vanished one) as a domain error. */
async function foreignKeyGuard<T>(write: () => Promise<T>, toError: () => DomainError): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (pgError(error)?.code === FOREIGN_KEY_VIOLATION) throw toError();
    throw error;
  }
}

export function organisationRepository(db: Executor): OrganisationRepository {
  const toOrganisation = (row: typeof organisations.$inferSelect): Organisation => ({ id: row.id, nom: row.nom, siret: row.siret });
  return {
    async get(id) {
      const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
      return row ? toOrganisation(row) : null;
    },
    async first() {
      const [row] = await db.select().from(organisations).orderBy(asc(organisations.createdAt)).limit(1);
      return row ? toOrganisation(row) : null;
    },
    async insert(organisation) {
      await db.insert(organisations).values(organisation);
    },
  };
}

const toDirection = (row: typeof directions.$inferSelect): Direction => ({
  id: row.id,
  organisationId: row.organisationId,
  nom: row.nom,
  sigle: row.sigle,
  version: row.version,
});

const toService = (row: typeof services.$inferSelect): Service => ({
  id: row.id,
  directionId: row.directionId,
  nom: row.nom,
  version: row.version,
});

const DIRECTION_CONFLICTS: Conflicts = {
  directions_nom_unique: ["DIRECTION_NAME_TAKEN", "nom", "Une direction porte déjà ce nom."],
  directions_sigle_unique: ["DIRECTION_ACRONYM_TAKEN", "sigle", "Une direction utilise déjà ce sigle."],
};

const SERVICE_CONFLICTS: Conflicts = {
  services_nom_unique: ["SERVICE_NAME_TAKEN", "nom", "Un service de cette direction porte déjà ce nom."],
};

const stillUsed = (code: string, what: string) =>
  new DomainError(code, `${what} a encore des comptes rattachés : rattachez-les ailleurs avant de supprimer.`, "conflict");

export function directionRepository(db: Executor): DirectionRepository {
  return {
    async list(organisationId, limit) {
      const [total] = await db.select({ n: count() }).from(directions).where(eq(directions.organisationId, organisationId));
      const rows = await db
        .select()
        .from(directions)
        .where(eq(directions.organisationId, organisationId))
        .orderBy(ordreFrancais(directions.nom), asc(directions.id))
        .limit(limit);
      const ids = rows.map((r) => r.id);
      if (ids.length === 0) return { total: total?.n ?? 0, directions: [] };
      const serviceRows = await db
        .select()
        .from(services)
        .where(inArray(services.directionId, ids))
        .orderBy(ordreFrancais(services.nom), asc(services.id));
      const byDirection = await db
        .select({ id: utilisateurs.directionId, n: count() })
        .from(utilisateurs)
        .where(inArray(utilisateurs.directionId, ids))
        .groupBy(utilisateurs.directionId);
      const byService = await db
        .select({ id: utilisateurs.serviceId, n: count() })
        .from(utilisateurs)
        .where(inArray(utilisateurs.directionId, ids))
        .groupBy(utilisateurs.serviceId);
      const directionCounts = new Map(byDirection.map((r) => [r.id, r.n]));
      const serviceCounts = new Map(byService.map((r) => [r.id, r.n]));
      const servicesOf = new Map<string, DirectionWithServices["services"]>();
      for (const s of serviceRows) {
        const list = servicesOf.get(s.directionId) ?? [];
        list.push({ ...toService(s), nombreComptes: serviceCounts.get(s.id) ?? 0 });
        servicesOf.set(s.directionId, list);
      }
      return {
        total: total?.n ?? 0,
        directions: rows.map((row) => ({
          ...toDirection(row),
          nombreComptes: directionCounts.get(row.id) ?? 0,
          services: servicesOf.get(row.id) ?? [],
        })),
      };
    },
    async get(id, organisationId) {
      const [row] = await db
        .select()
        .from(directions)
        .where(and(eq(directions.id, id), eq(directions.organisationId, organisationId)));
      return row ? toDirection(row) : null;
    },
    async getForUpdate(id, organisationId) {
      const [row] = await db
        .select()
        .from(directions)
        .where(and(eq(directions.id, id), eq(directions.organisationId, organisationId)))
        .for("update");
      return row ? toDirection(row) : null;
    },
    async insert(direction) {
      await uniqueGuard(() => db.insert(directions).values(direction), DIRECTION_CONFLICTS);
    },
    async update(direction, expectedVersion) {
      const updated = await uniqueGuard(
        () =>
          db
            .update(directions)
            .set({ nom: direction.nom, sigle: direction.sigle, version: direction.version, updatedAt: sql`now()` })
            .where(and(eq(directions.id, direction.id), eq(directions.version, expectedVersion)))
            .returning({ id: directions.id }),
        DIRECTION_CONFLICTS,
      );
      return updated.length === 1;
    },
    async delete(id) {
      await foreignKeyGuard(
        () => db.delete(directions).where(eq(directions.id, id)),
        () => stillUsed("DIRECTION_HAS_USERS", "La direction"),
      );
    },
    async countUsers(id) {
      const [row] = await db.select({ n: count() }).from(utilisateurs).where(eq(utilisateurs.directionId, id));
      return row?.n ?? 0;
    },
    async listServices(directionId) {
      return (await db.select().from(services).where(eq(services.directionId, directionId)).orderBy(ordreFrancais(services.nom))).map(
        toService,
      );
    },
  };
}

export function serviceRepository(db: Executor): ServiceRepository {
  const find = async (id: string, organisationId: string, lock: boolean) => {
    const query = db
      .select({ service: services })
      .from(services)
      .innerJoin(directions, eq(directions.id, services.directionId))
      .where(and(eq(services.id, id), eq(directions.organisationId, organisationId)));
    const [row] = lock ? await query.for("update", { of: services }) : await query;
    return row ? toService(row.service) : null;
  };
  return {
    get: (id, organisationId) => find(id, organisationId, false),
    getForUpdate: (id, organisationId) => find(id, organisationId, true),
    async insert(service) {
      await foreignKeyGuard(
        () => uniqueGuard(() => db.insert(services).values(service), SERVICE_CONFLICTS),
        () => new DomainError("NOT_FOUND", "Direction introuvable.", "not-found"),
      );
    },
    async update(service, expectedVersion) {
      const updated = await uniqueGuard(
        () =>
          db
            .update(services)
            .set({ nom: service.nom, version: service.version, updatedAt: sql`now()` })
            .where(and(eq(services.id, service.id), eq(services.version, expectedVersion)))
            .returning({ id: services.id }),
        SERVICE_CONFLICTS,
      );
      return updated.length === 1;
    },
    async delete(id) {
      await foreignKeyGuard(
        () => db.delete(services).where(eq(services.id, id)),
        () => stillUsed("SERVICE_HAS_USERS", "Le service"),
      );
    },
    async countUsers(id) {
      const [row] = await db.select({ n: count() }).from(utilisateurs).where(eq(utilisateurs.serviceId, id));
      return row?.n ?? 0;
    },
  };
}

export const toUtilisateur = (row: typeof utilisateurs.$inferSelect): Utilisateur => ({
  id: row.id,
  organisationId: row.organisationId,
  email: row.email,
  nomAffiche: row.nomAffiche,
  role: row.role as Utilisateur["role"],
  directionId: row.directionId,
  serviceId: row.serviceId,
  actif: row.actif,
  aUnMotDePasse: row.passwordHash !== null,
  motDePasseAChanger: row.motDePasseAChanger,
  derniereConnexion: row.derniereConnexion,
  version: row.version,
});

/** The SQL condition restricting accounts to an actor's scope. */
function scopeCondition(scope: Scope): SQL | undefined {
  switch (scope.kind) {
    case "all":
      return undefined;
    case "direction":
      return eq(utilisateurs.directionId, scope.directionId);
    case "none":
      return sql`false`;
  }
}

const EMAIL_CONFLICTS: Conflicts = {
  utilisateurs_email_unique: ["EMAIL_TAKEN", "email", "Un compte existe déjà avec cette adresse électronique."],
};

/** A direction or service deleted between the check and the write. */
const vanishedAttachment = () =>
  invalidInput(
    [{ path: ["directionId"], message: "Cette direction (ou ce service) vient d'être supprimée : rechargez la page." }],
    "La direction ou le service choisi vient d'être supprimé : rechargez la page.",
  );

export function utilisateurRepository(db: Executor): UtilisateurRepository {
  return {
    async list(filter) {
      const conditions = [eq(utilisateurs.organisationId, filter.organisationId), scopeCondition(filter.scope)];
      if (filter.recherche) {
        const pattern = `%${escapeLike(filter.recherche)}%`;
        conditions.push(or(ilike(utilisateurs.email, pattern), ilike(utilisateurs.nomAffiche, pattern)));
      }
      if (filter.role) conditions.push(eq(utilisateurs.role, filter.role));
      if (filter.directionId) conditions.push(eq(utilisateurs.directionId, filter.directionId));
      const where = and(...conditions);
      const [total] = await db.select({ n: count() }).from(utilisateurs).where(where);
      const rows = await db
        .select()
        .from(utilisateurs)
        .where(where)
        .orderBy(ordreFrancais(utilisateurs.nomAffiche), asc(utilisateurs.email))
        .limit(filter.parPage)
        .offset((filter.page - 1) * filter.parPage);
      return { total: total?.n ?? 0, utilisateurs: rows.map(toUtilisateur) };
    },
    async get(id, organisationId, scope) {
      const [row] = await db
        .select()
        .from(utilisateurs)
        .where(and(eq(utilisateurs.id, id), eq(utilisateurs.organisationId, organisationId), scopeCondition(scope)));
      return row ? toUtilisateur(row) : null;
    },
    async findForLogin(email) {
      const [row] = await db.select().from(utilisateurs).where(eq(utilisateurs.email, email));
      return row ? { utilisateur: toUtilisateur(row), passwordHash: row.passwordHash } : null;
    },
    async passwordHashOf(id) {
      const [row] = await db.select({ hash: utilisateurs.passwordHash }).from(utilisateurs).where(eq(utilisateurs.id, id));
      return row?.hash ?? null;
    },
    async insert(u, passwordHash) {
      await foreignKeyGuard(
        () =>
          uniqueGuard(
            () =>
              db.insert(utilisateurs).values({
                id: u.id,
                organisationId: u.organisationId,
                email: u.email,
                nomAffiche: u.nomAffiche,
                role: u.role,
                directionId: u.directionId,
                serviceId: u.serviceId,
                actif: u.actif,
                motDePasseAChanger: u.motDePasseAChanger,
                passwordHash,
                version: u.version,
              }),
            EMAIL_CONFLICTS,
          ),
        vanishedAttachment,
      );
    },
    async update(u, expectedVersion) {
      const updated = await foreignKeyGuard(
        () =>
          uniqueGuard(
            () =>
              db
                .update(utilisateurs)
                .set({
                  email: u.email,
                  nomAffiche: u.nomAffiche,
                  role: u.role,
                  directionId: u.directionId,
                  serviceId: u.serviceId,
                  actif: u.actif,
                  version: u.version,
                  updatedAt: sql`now()`,
                })
                .where(and(eq(utilisateurs.id, u.id), eq(utilisateurs.version, expectedVersion)))
                .returning({ id: utilisateurs.id }),
            EMAIL_CONFLICTS,
          ),
        vanishedAttachment,
      );
      return updated.length === 1;
    },
    async setPassword(id, passwordHash, mustChange) {
      await db
        .update(utilisateurs)
        .set({ passwordHash, motDePasseAChanger: mustChange, version: sql`${utilisateurs.version} + 1`, updatedAt: sql`now()` })
        .where(eq(utilisateurs.id, id));
    },
    async recordLogin(id, at) {
      await db.update(utilisateurs).set({ derniereConnexion: at }).where(eq(utilisateurs.id, id));
    },
    async delete(id) {
      await db.delete(utilisateurs).where(eq(utilisateurs.id, id));
    },
    async lockActiveAdmins(organisationId) {
      const rows = await db
        .select({ id: utilisateurs.id })
        .from(utilisateurs)
        .where(and(eq(utilisateurs.organisationId, organisationId), eq(utilisateurs.role, "admin"), eq(utilisateurs.actif, true)))
        .orderBy(asc(utilisateurs.id))
        .for("update");
      return rows.map((r) => r.id);
    },
  };
}
