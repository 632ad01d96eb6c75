import type { Actor } from "../acces/roles";

/**
 * Ports shared by every context: time, identifiers, secrets, the audit trail and the outbox. packages/db
 * implements them for one transaction; the server and the CLI compose them. Use cases receive only the
 * ports they use; each context declares its own repositories in its `ports.ts`.
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
  /** The organisation concerned; defaults to the acting account's (required for platform actors acting for one). */
  organisationId?: string | null;
}

/** Appends to the hash-chained audit trail, in the caller's transaction. */
export interface AuditLog {
  append(actor: Actor, event: NewAuditEvent): Promise<void>;
}

export interface EnqueueOptions {
  /** At most one pending job with this key (e.g. one digest per direction and day). */
  singletonKey?: string;
  /** Not before this instant. */
  startAfter?: Date;
}

/**
 * The transactional outbox: a job written in the caller's transaction, run by the job runner only once the
 * transaction has committed (never if it rolls back). Job names are `context.verb-noun`.
 */
export interface Outbox {
  enqueue(job: string, payload: Record<string, unknown>, options?: EnqueueOptions): Promise<void>;
}

/** A mail to send, written in the caller's transaction and sent after commit by the job runner. */
export interface NouveauCourriel {
  /** Organisation whose administrators see the mail on the « Courriels » page (null: platform mail). */
  organisationId: string | null;
  destinataires: string[];
  sujet: string;
  /** Plain-text body (always present: every mail is readable without HTML). */
  texte: string;
  html?: string;
  /** What the mail is for, e.g. `compte.invitation` or `marches.digest` (shown to the administrator). */
  categorie: string;
}

/** The outgoing mail of the platform: never sent if the transaction rolls back, never lost once committed. */
export interface Courriels {
  /** Queues the mail; returns its identifier. */
  envoyer(courriel: NouveauCourriel): Promise<string>;
}
