/**
 * Field errors of the simulator forms. The API answers `issues: [{ path, message }]` where `path` names the
 * field sent (["valeurEstimeeHt"], ["lots", 1, "valeurEstimeeHt"], ["modification", "montantHt"]); the domain
 * may name the converted field (["lots", 1, "valeurEstimeeHtCents"]), so the unit suffixes are dropped before
 * comparing. The same shape is used for the checks made in the browser before sending.
 */
import type { Problem } from "@achat-public/contracts";
import { ApiError } from "../../lib/api";
import { parseDecimal, type ParseOptions } from "./euros";

export type Issue = Problem["issues"][number];
export type FieldPath = Issue["path"];

const normalizeSegment = (segment: string | number): string | number =>
  typeof segment === "string" ? segment.replace(/(Cents|PointsDeBase)$/, "") : segment;

const samePath = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean =>
  a.length === b.length && a.every((segment, i) => segment === b[i]);

/** The issues of an API error, their paths normalised; none for another error. */
export function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError)) return [];
  return error.issues.map((issue) => ({ path: issue.path.map(normalizeSegment), message: issue.message }));
}

/** The message of the first issue exactly at `path`, to show under that field. */
export function errorAt(error: unknown, ...path: (string | number)[]): string | undefined {
  return issuesOf(error).find((issue) => samePath(issue.path, path))?.message;
}

/** The refusal of the browser-side checks, shaped like the API's (400, INVALID_INPUT). */
export function invalidForm(issues: Issue[]): ApiError {
  return new ApiError(400, "INVALID_INPUT", "Le formulaire contient des erreurs.", issues);
}

/**
 * The error as the summary at the top of the form shows it: each field problem is prefixed with the French
 * name of its field ("Valeur estimée du lot 2 : …"), never with the API's technical path ("montantHt"), and
 * for invalid input the detail counts the problems. A refusal that names no field is shown as it is.
 */
export function summarize(error: unknown, labelOf: (path: FieldPath) => string | undefined): unknown {
  if (!(error instanceof ApiError) || error.issues.length === 0) return error;
  const issues = issuesOf(error).map((issue) => {
    const label = labelOf(issue.path);
    return { path: issue.path, message: label && !issue.message.startsWith(`${label} :`) ? `${label} : ${issue.message}` : issue.message };
  });
  const [first] = issues;
  if (error.code !== "INVALID_INPUT") return new ApiError(error.status, error.code, error.message, issues, error.requestId);
  const message =
    issues.length === 1 && first ? first.message : `Le formulaire contient ${issues.length} erreurs ; corrigez les champs signalés.`;
  return new ApiError(error.status, error.code, message, issues, error.requestId);
}

/** Collects the problems found in the browser while building a request body. */
export class IssueList {
  readonly issues: Issue[] = [];
  add(path: FieldPath, message: string): void {
    this.issues.push({ path, message });
  }
  /** The number typed in a field (French or English writing), or undefined after recording the problem. */
  number(text: string, path: FieldPath, options: ParseOptions = {}): number | undefined {
    const result = parseDecimal(text, options);
    if (result.ok) return result.value;
    this.add(path, result.message);
    return undefined;
  }
  /** A number that may be left empty: undefined when empty, or when invalid after recording the problem. */
  optionalNumber(text: string, path: FieldPath, options: ParseOptions = {}): number | undefined {
    return text.trim() === "" ? undefined : this.number(text, path, options);
  }
  /** A date field (YYYY-MM-DD, as an input of type date gives it) that must be filled in. */
  date(value: string, path: FieldPath): string {
    if (value === "") this.add(path, "Saisissez une date complète (jour, mois et année).");
    return value;
  }
  /**
   * Checks the request body with the contract's schema, as the API will: every problem it finds is added,
   * except on a field already reported, so that the form shows all its problems at once.
   */
  schema(
    schema: { safeParse(value: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } },
    body: unknown,
  ): void {
    const result = schema.safeParse(body);
    for (const issue of result.error?.issues ?? []) {
      const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
      if (
        !this.issues.some(
          (known) => samePath(known.path, path) || (known.path.length > 0 && samePath(known.path, path.slice(0, known.path.length))),
        )
      ) {
        this.add(path, issue.message);
      }
    }
  }
  /** Throws the collected problems, if any. */
  throwIfAny(): void {
    if (this.issues.length > 0) throw invalidForm(this.issues);
  }
}
