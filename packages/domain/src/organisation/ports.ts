import type { Scope } from "../acces/policies";
import type { Direction, Organisation, Service, Utilisateur } from "./organisation";

export interface OrganisationRepository {
  get(id: string): Promise<Organisation | null>;
  /** The first organisation (the département): the platform serves one in practice. */
  first(): Promise<Organisation | null>;
  insert(organisation: Organisation): Promise<void>;
}

export interface DirectionWithServices extends Direction {
  services: (Service & { nombreComptes: number })[];
  nombreComptes: number;
}

export interface DirectionRepository {
  /** The directions of an organisation with their services, in French alphabetical order, at most `limit`. */
  list(organisationId: string, limit: number): Promise<{ total: number; directions: DirectionWithServices[] }>;
  get(id: string, organisationId: string): Promise<Direction | null>;
  /** Reads and row-locks the direction until the end of the transaction. */
  getForUpdate(id: string, organisationId: string): Promise<Direction | null>;
  /** Throws a conflict DomainError when the name or the acronym is already used. */
  insert(direction: Direction): Promise<void>;
  /** Writes `direction` if the stored version is `expectedVersion`; false otherwise. */
  update(direction: Direction, expectedVersion: number): Promise<boolean>;
  /** Throws DIRECTION_HAS_USERS when an account still refers to it (even one attached concurrently). */
  delete(id: string): Promise<void>;
  countUsers(id: string): Promise<number>;
  listServices(directionId: string): Promise<Service[]>;
}

export interface ServiceRepository {
  get(id: string, organisationId: string): Promise<Service | null>;
  getForUpdate(id: string, organisationId: string): Promise<Service | null>;
  insert(service: Service): Promise<void>;
  update(service: Service, expectedVersion: number): Promise<boolean>;
  /** Throws SERVICE_HAS_USERS when an account still refers to it. */
  delete(id: string): Promise<void>;
  countUsers(id: string): Promise<number>;
}

export interface UtilisateurWithSecret {
  utilisateur: Utilisateur;
  passwordHash: string | null;
}

export interface UtilisateurListFilter {
  organisationId: string;
  scope: Scope;
  recherche?: string;
  role?: string;
  directionId?: string;
  page: number;
  parPage: number;
}

export interface UtilisateurRepository {
  /** A page of accounts in French alphabetical order of their names, with the total. */
  list(filter: UtilisateurListFilter): Promise<{ total: number; utilisateurs: Utilisateur[] }>;
  get(id: string, organisationId: string, scope: Scope): Promise<Utilisateur | null>;
  findForLogin(email: string): Promise<UtilisateurWithSecret | null>;
  /** The stored hash of an account (to check its current password). */
  passwordHashOf(id: string): Promise<string | null>;
  /** Throws a conflict DomainError when the e-mail is already used; a vanished direction or service is an input problem. */
  insert(utilisateur: Utilisateur, passwordHash: string | null): Promise<void>;
  update(utilisateur: Utilisateur, expectedVersion: number): Promise<boolean>;
  setPassword(id: string, passwordHash: string, mustChange: boolean): Promise<void>;
  recordLogin(id: string, at: Date): Promise<void>;
  delete(id: string): Promise<void>;
  /**
   * Row-locks the active administrators of the organisation (in a stable order) and returns their ids: two
   * concurrent demotions queue behind each other, so the last administrator can never be removed.
   */
  lockActiveAdmins(organisationId: string): Promise<string[]>;
}
