/**
 * Refusals of the rule book as the API and the CLI answer them. The analyses re-check their input in
 * the domain, in cents (`modification.montantHtCents`): their issues are renamed to the fields the client
 * sent (`apiPath`), and an INVALID_INPUT refusal gets the same detail as a schema refusal, listing each
 * problem on its field, instead of a generic sentence.
 */
import { DomainError, isDomainError } from "@achat-public/domain";
import { apiPath, invalidInputDetail } from "../common.schema";

/** The error with API paths (and, for invalid input, a detail built from its issues); other errors unchanged. */
export function toReglesApiError(error: unknown): unknown {
  if (!isDomainError(error)) return error;
  const issues = error.issues.map((issue) => ({ path: apiPath(issue.path), message: issue.message }));
  const detail = error.kind === "invalid-input" && issues.length > 0 ? invalidInputDetail(issues) : error.message;
  return new DomainError(error.code, detail, error.kind, issues, error.details);
}

/** Runs an analysis; a refusal leaves with API paths and an explicit detail (see `toReglesApiError`). */
export function avecErreursApi<T>(analyse: () => T): T {
  try {
    return analyse();
  } catch (error) {
    throw toReglesApiError(error);
  }
}
