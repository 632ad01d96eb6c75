/**
 * In-memory fakes of the ports, so that use cases and state machines are tested without a database. They
 * keep the contracts of the real repositories that a use case relies on (optimistic versions, uniqueness,
 * scopes), not their SQL.
 */
import { DomainError } from "../commun/errors";
import type { Actor } from "../acces/roles";
import type { PasswordStrength } from "../acces/mot-de-passe";
import type { AuditLog, Clock, EnqueueOptions, IdGenerator, NewAuditEvent, Outbox, PasswordHasher } from "../commun/ports";
import type { Scope } from "../acces/policies";
import type { SecurityEvent, SecurityEventLog, SessionRepository, StoredSession, ThrottleRepository } from "../acces/ports";
import type { ThrottleState } from "../acces/throttle";
import type { Direction, Organisation, Service, Utilisateur } from "../organisation/organisation";
import type { DirectionRepository, OrganisationRepository, ServiceRepository, UtilisateurRepository } from "../organisation/ports";
import { ordreFrancais } from "../commun/texte";
import { testId } from "./factories";

/** A clock that only moves when told to. */
export class FakeClock implements Clock {
  constructor(private current: Date = new Date("2026-06-01T08:00:00Z")) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const fakeIds: IdGenerator = { newId: testId };

/** Appended events, in order. */
export class FakeAuditLog implements AuditLog {
  readonly events: (NewAuditEvent & { actor: string })[] = [];
  async append(actor: Actor, event: NewAuditEvent): Promise<void> {
    this.events.push({ ...event, actor: actor.label });
  }
  types(): string[] {
    return this.events.map((e) => e.type);
  }
}

/** Jobs enqueued in the (fake) transaction. */
export class FakeOutbox implements Outbox {
  readonly jobs: { job: string; payload: Record<string, unknown>; options: EnqueueOptions }[] = [];
  async enqueue(job: string, payload: Record<string, unknown>, options: EnqueueOptions = {}): Promise<void> {
    this.jobs.push({ job, payload, options });
  }
}

/** "hash" = the password reversed and prefixed: enough to tell passwords apart in tests, instantly. */
export const fakeHasher: PasswordHasher = {
  hash: async (password) => `fake$${[...password].reverse().join("")}`,
  verify: async (hash, password) => hash === `fake$${[...password].reverse().join("")}`,
  dummyVerify: async () => {},
};

/**
 * A crude strength estimator for domain tests: refuses a small list of common passwords and repetitions.
 * The server uses zxcvbn-ts (apps/server/src/infra/password-strength.ts).
 */
export const fakePasswordStrength: PasswordStrength = {
  estimate(password, userInputs) {
    const lowered = password.toLowerCase();
    const common = ["azerty", "qwerty", "motdepasse", "password", "123456", "iloveyou", "soleil", "bonjour"];
    if (/^(.)\1+$/.test(password) || common.some((c) => lowered.includes(c)) || userInputs.some((u) => lowered.includes(u.toLowerCase()))) {
      return { score: 1, suggestion: "évitez les mots et suites courants" };
    }
    return { score: 4, suggestion: null };
  },
};

export class FakeSecurityEvents implements SecurityEventLog {
  readonly events: SecurityEvent[] = [];
  async record(event: SecurityEvent): Promise<void> {
    this.events.push(event);
  }
}

export class FakeOrganisations implements OrganisationRepository {
  readonly rows = new Map<string, Organisation>();
  async get(id: string) {
    return this.rows.get(id) ?? null;
  }
  async first() {
    return [...this.rows.values()][0] ?? null;
  }
  async insert(organisation: Organisation) {
    this.rows.set(organisation.id, organisation);
  }
}

function conflict(code: string, field: string, message: string): DomainError {
  return new DomainError(code, message, "conflict", [{ path: [field], message }]);
}

/** Directions, services and accounts together (they refer to each other). */
export class FakeOrganisationStore {
  readonly directions = new Map<string, Direction>();
  readonly services = new Map<string, Service>();
  readonly utilisateurs = new Map<string, { utilisateur: Utilisateur; passwordHash: string | null }>();

  private countUsers(predicate: (u: Utilisateur) => boolean): number {
    return [...this.utilisateurs.values()].filter(({ utilisateur }) => predicate(utilisateur)).length;
  }

  readonly directionRepository: DirectionRepository = {
    list: async (organisationId, limit) => {
      const all = [...this.directions.values()]
        .filter((d) => d.organisationId === organisationId)
        .sort((a, b) => ordreFrancais(a.nom, b.nom));
      return {
        total: all.length,
        directions: all.slice(0, limit).map((d) => ({
          ...d,
          nombreComptes: this.countUsers((u) => u.directionId === d.id),
          services: [...this.services.values()]
            .filter((s) => s.directionId === d.id)
            .map((s) => ({ ...s, nombreComptes: this.countUsers((u) => u.serviceId === s.id) })),
        })),
      };
    },
    get: async (id, organisationId) => {
      const d = this.directions.get(id);
      return d && d.organisationId === organisationId ? d : null;
    },
    getForUpdate: async (id, organisationId) => this.directionRepository.get(id, organisationId),
    insert: async (direction) => {
      for (const d of this.directions.values()) {
        if (d.organisationId !== direction.organisationId) continue;
        if (d.nom.toLowerCase() === direction.nom.toLowerCase())
          throw conflict("DIRECTION_NAME_TAKEN", "nom", "Une direction porte déjà ce nom.");
        if (d.sigle === direction.sigle) throw conflict("DIRECTION_ACRONYM_TAKEN", "sigle", "Une direction utilise déjà ce sigle.");
      }
      this.directions.set(direction.id, direction);
    },
    update: async (direction, expectedVersion) => {
      const current = this.directions.get(direction.id);
      if (!current || current.version !== expectedVersion) return false;
      this.directions.set(direction.id, direction);
      return true;
    },
    delete: async (id) => {
      if (this.countUsers((u) => u.directionId === id) > 0)
        throw new DomainError("DIRECTION_HAS_USERS", "Direction encore utilisée.", "conflict");
      this.directions.delete(id);
      for (const [sid, s] of this.services) if (s.directionId === id) this.services.delete(sid);
    },
    countUsers: async (id) => this.countUsers((u) => u.directionId === id),
    listServices: async (directionId) => [...this.services.values()].filter((s) => s.directionId === directionId),
  };

  readonly serviceRepository: ServiceRepository = {
    get: async (id, organisationId) => {
      const s = this.services.get(id);
      return s && this.directions.get(s.directionId)?.organisationId === organisationId ? s : null;
    },
    getForUpdate: async (id, organisationId) => this.serviceRepository.get(id, organisationId),
    insert: async (service) => {
      this.services.set(service.id, service);
    },
    update: async (service, expectedVersion) => {
      const current = this.services.get(service.id);
      if (!current || current.version !== expectedVersion) return false;
      this.services.set(service.id, service);
      return true;
    },
    delete: async (id) => {
      this.services.delete(id);
    },
    countUsers: async (id) => this.countUsers((u) => u.serviceId === id),
  };

  readonly utilisateurRepository: UtilisateurRepository = {
    list: async (filter) => {
      const visible = [...this.utilisateurs.values()]
        .map((r) => r.utilisateur)
        .filter((u) => u.organisationId === filter.organisationId && inScope(u, filter.scope))
        .filter((u) => !filter.role || u.role === filter.role)
        .filter((u) => !filter.directionId || u.directionId === filter.directionId)
        .filter((u) => !filter.recherche || `${u.nomAffiche} ${u.email}`.toLowerCase().includes(filter.recherche.toLowerCase()))
        .sort((a, b) => ordreFrancais(a.nomAffiche, b.nomAffiche));
      const start = (filter.page - 1) * filter.parPage;
      return { total: visible.length, utilisateurs: visible.slice(start, start + filter.parPage) };
    },
    get: async (id, organisationId, scope) => {
      const u = this.utilisateurs.get(id)?.utilisateur;
      return u && u.organisationId === organisationId && inScope(u, scope) ? u : null;
    },
    findForLogin: async (email) => [...this.utilisateurs.values()].find((r) => r.utilisateur.email === email) ?? null,
    passwordHashOf: async (id) => this.utilisateurs.get(id)?.passwordHash ?? null,
    insert: async (utilisateur, passwordHash) => {
      if ([...this.utilisateurs.values()].some((r) => r.utilisateur.email === utilisateur.email)) {
        throw conflict("EMAIL_TAKEN", "email", "Un compte existe déjà avec cette adresse électronique.");
      }
      this.utilisateurs.set(utilisateur.id, { utilisateur, passwordHash });
    },
    update: async (utilisateur, expectedVersion) => {
      const current = this.utilisateurs.get(utilisateur.id);
      if (!current || current.utilisateur.version !== expectedVersion) return false;
      this.utilisateurs.set(utilisateur.id, { ...current, utilisateur });
      return true;
    },
    setPassword: async (id, passwordHash, mustChange) => {
      const current = this.utilisateurs.get(id);
      if (current) {
        this.utilisateurs.set(id, {
          passwordHash,
          utilisateur: {
            ...current.utilisateur,
            aUnMotDePasse: true,
            motDePasseAChanger: mustChange,
            version: current.utilisateur.version + 1,
          },
        });
      }
    },
    recordLogin: async (id, at) => {
      const current = this.utilisateurs.get(id);
      if (current) this.utilisateurs.set(id, { ...current, utilisateur: { ...current.utilisateur, derniereConnexion: at } });
    },
    delete: async (id) => {
      this.utilisateurs.delete(id);
    },
    lockActiveAdmins: async (organisationId) =>
      [...this.utilisateurs.values()]
        .map((r) => r.utilisateur)
        .filter((u) => u.organisationId === organisationId && u.role === "admin" && u.actif)
        .map((u) => u.id)
        .sort(),
  };
}

function inScope(u: Utilisateur, scope: Scope): boolean {
  return scope.kind === "all" || (scope.kind === "direction" && u.directionId === scope.directionId);
}

export class FakeSessions implements SessionRepository {
  readonly rows = new Map<string, StoredSession>();
  constructor(private readonly store: FakeOrganisationStore) {}
  async insert(session: StoredSession) {
    this.rows.set(session.tokenHash, session);
  }
  async findWithUser(tokenHash: string) {
    const session = this.rows.get(tokenHash);
    const utilisateur = session ? this.store.utilisateurs.get(session.userId)?.utilisateur : undefined;
    return session && utilisateur ? { session, utilisateur } : null;
  }
  async touch(tokenHash: string, at: Date) {
    const s = this.rows.get(tokenHash);
    if (s) this.rows.set(tokenHash, { ...s, lastSeenAt: at });
  }
  async delete(tokenHash: string) {
    this.rows.delete(tokenHash);
  }
  async deleteForUser(userId: string, except: string | null = null) {
    for (const [hash, s] of this.rows) if (s.userId === userId && hash !== except) this.rows.delete(hash);
  }
  async deleteExpired() {
    return 0;
  }
}

export class FakeThrottles implements ThrottleRepository {
  readonly rows = new Map<string, ThrottleState>();
  async lock(keys: readonly string[]) {
    return new Map(keys.map((k) => [k, this.rows.get(k) ?? null]));
  }
  async put(key: string, state: ThrottleState) {
    this.rows.set(key, state);
  }
  async clear(key: string) {
    this.rows.delete(key);
  }
}

/**
 * Runs transactions one at a time, as row locks make a real database do for the rows they touch: a test
 * of a rule that reads then writes sees the same serialisation as on PostgreSQL.
 */
export function serialTransactions<R>(repos: R): <T>(fn: (repos: R) => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: (repos: R) => Promise<T>) => {
    const run = tail.then(() => fn(repos));
    tail = run.catch(() => undefined);
    return run;
  };
}

/** Every fake, wired together: pass `kit` where a use case expects its repositories. */
export function fakeKit(clock = new FakeClock()) {
  const store = new FakeOrganisationStore();
  const organisations = new FakeOrganisations();
  return {
    clock,
    store,
    organisations,
    directions: store.directionRepository,
    services: store.serviceRepository,
    utilisateurs: store.utilisateurRepository,
    sessions: new FakeSessions(store),
    throttles: new FakeThrottles(),
    securityEvents: new FakeSecurityEvents(),
    audit: new FakeAuditLog(),
    outbox: new FakeOutbox(),
    ids: fakeIds,
    hasher: fakeHasher,
    passwordStrength: fakePasswordStrength,
  };
}
