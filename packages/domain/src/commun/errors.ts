/**
 * Domain errors carry a stable code, a French message and a kind; they never carry an HTTP status.
 * The HTTP adapter maps `kind` to a status in one place (apps/server/src/http/problem.ts),
 * the CLI maps it to an exit code.
 */
export type ErrorKind =
  | "invalid-input" // the input does not have the expected shape or format
  | "rule-violation" // well-formed input refused by a business rule
  | "not-found" // absent, or not visible to the actor (one answer for both)
  | "conflict" // state conflict: duplicate, stale version, still referenced
  | "forbidden" // visible, but the actor may not act
  | "unauthenticated"
  | "rate-limited";

/** One problem with its location in the input, e.g. `{ path: ["lots", 0, "montant"], message: "…" }`. */
export interface Issue {
  path: (string | number)[];
  message: string;
}

export class DomainError extends Error {
  constructor(
    /** Stable machine code, UPPER_SNAKE (e.g. `DIRECTION_NAME_TAKEN`). */
    readonly code: string,
    /** French sentence shown to the user. */
    message: string,
    readonly kind: ErrorKind,
    readonly issues: Issue[] = [],
    /** Extra machine-readable facts (e.g. `retryAfterSeconds`). Never personal data. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/**
 * The message of an INVALID_INPUT error that says nothing more than its issues: the adapters (HTTP, CLI)
 * replace it by a sentence listing every issue with the field as the client named it.
 */
export const INVALID_INPUT_DEFAULT_MESSAGE = "La requête contient des données invalides.";

/** Input that fails validation, with every problem found (not just the first). */
export function invalidInput(issues: Issue[], message = INVALID_INPUT_DEFAULT_MESSAGE): DomainError {
  return new DomainError("INVALID_INPUT", message, "invalid-input", issues);
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
