import type { Actor } from "./acces/roles";
import type { ThrottleState } from "./acces/throttle";
import type { Scope } from "./acces/policies";
import type { Direction, Organisation, Service, User } from "./organisation/organisation";
import type { LigneTauxBce } from "./regles/parametres";

/**
 * Ports: what the use cases need from the outside world. packages/db implements the repositories for one
 * transaction; the server and the CLI compose them. Use cases receive only the ports they use.
 */
export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}

/** A secret random token (session, CSRF) and its stored fingerprint. */
export interface TokenGenerator {
  newToken(): string;
  fingerprint(token: string): string;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Spend the same time as a real verification, so unknown accounts are not told apart by timing. */
  dummyVerify(password: string): Promise<void>;
}

export interface NewAuditEvent {
  /** `aggregate.past-tense`, e.g. `direction.created`. */
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/** Appends to the hash-chained audit trail, in the caller's transaction. */
export interface AuditLog {
  append(actor: Actor, event: NewAuditEvent): Promise<void>;
}

export interface OrganisationRepository {
  get(id: string): Promise<Organisation | null>;
  /** The first organisation (the département) — the platform serves one in practice. */
  first(): Promise<Organisation | null>;
  insert(organisation: Organisation): Promise<void>;
}

export interface DirectionWithServices extends Direction {
  services: (Service & { userCount: number })[];
  userCount: number;
}

export interface DirectionRepository {
  list(organisationId: string): Promise<DirectionWithServices[]>;
  get(id: string, organisationId: string): Promise<Direction | null>;
  /** Throws a conflict DomainError when the name or the acronym is already used. */
  insert(direction: Direction): Promise<void>;
  /** Writes `direction` if the stored version is `expectedVersion`; false otherwise. */
  update(direction: Direction, expectedVersion: number): Promise<boolean>;
  delete(id: string): Promise<void>;
  countUsers(id: string): Promise<number>;
}

export interface ServiceRepository {
  get(id: string, organisationId: string): Promise<Service | null>;
  insert(service: Service): Promise<void>;
  update(service: Service, expectedVersion: number): Promise<boolean>;
  delete(id: string): Promise<void>;
  countUsers(id: string): Promise<number>;
}

export interface UserWithSecret {
  user: User;
  passwordHash: string | null;
}

export interface UserListFilter {
  organisationId: string;
  scope: Scope;
  search?: string;
  role?: string;
  directionId?: string;
}

export interface UserRepository {
  list(filter: UserListFilter): Promise<User[]>;
  get(id: string, organisationId: string, scope: Scope): Promise<User | null>;
  findForLogin(email: string): Promise<UserWithSecret | null>;
  /** Throws a conflict DomainError when the e-mail is already used. */
  insert(user: User, passwordHash: string | null): Promise<void>;
  update(user: User, expectedVersion: number): Promise<boolean>;
  setPassword(id: string, passwordHash: string): Promise<void>;
  recordLogin(id: string, at: Date): Promise<void>;
  delete(id: string): Promise<void>;
  countActiveAdmins(organisationId: string): Promise<number>;
}

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
  /** The session and its (active) user, in one query. */
  findWithUser(tokenHash: string): Promise<{ session: StoredSession; user: User } | null>;
  touch(tokenHash: string, at: Date): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
  deleteExpired(now: Date, idleMs: number): Promise<number>;
}

export interface ThrottleRepository {
  /** Reads the states of several keys (row-locked until the end of the transaction). */
  getForUpdate(keys: string[]): Promise<Map<string, ThrottleState>>;
  put(key: string, state: ThrottleState): Promise<void>;
  clear(key: string): Promise<void>;
}

/** The administrable ECB rate table (one row per half-year). */
export interface EcbRateRepository {
  list(): Promise<LigneTauxBce[]>;
  get(debutSemestre: string): Promise<LigneTauxBce | null>;
  upsert(row: LigneTauxBce): Promise<void>;
}
