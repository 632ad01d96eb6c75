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
 * The error as the summary at the top of the form shows it: for invalid input, each message is prefixed with
 * the French name of its field ("Valeur estimée du lot 2 : …") and the detail counts the problems, rather than
 * repeating the API's technical paths. Other errors are shown as they are.
 */
export function summarize(error: unknown, labelOf: (path: FieldPath) => string | undefined): unknown {
  if (!(error instanceof ApiError) || error.code !== "INVALID_INPUT" || error.issues.length === 0) return error;
  const issues = issuesOf(error).map((issue) => {
    const label = labelOf(issue.path);
    return { path: issue.path, message: label ? `${label} : ${issue.message}` : issue.message };
  });
  const [first] = issues;
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
  /** Throws the collected problems, if any. */
  throwIfAny(): void {
    if (this.issues.length > 0) throw invalidForm(this.issues);
  }
}
