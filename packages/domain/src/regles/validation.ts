/**
 * Small collectors of input problems for the rule-book analyses. The analyses are called by the
 * HTTP adapter (after zod), by the CLI and by other domain code, so they re-check their input and
 * report every problem at once (`invalidInput(issues)`), never just the first.
 */
import { invalidInput, type DomainError, type Issue } from "../commun/errors";
import { dateIssue, type DateLegale } from "../valeurs/date-legale";
import { isCents } from "../valeurs/montant";

type Path = Issue["path"];

/** Collects issues while reading an untrusted input object. */
export class IssueCollector {
  readonly issues: Issue[] = [];

  add(path: Path, message: string): void {
    this.issues.push({ path, message });
  }

  /** The object itself must be a plain object. */
  object(value: unknown, path: Path = []): value is Record<string, unknown> {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return true;
    this.add(path, "Un objet est attendu.");
    return false;
  }

  /**
   * A safe integer of cents (≥ 0 unless `allowNegative`); `positive` also refuses 0, with `messageNul`
   * when given (say which amount and why it cannot be 0).
   */
  cents(value: unknown, path: Path, options: { allowNegative?: boolean; positive?: boolean; messageNul?: string } = {}): value is number {
    if (!isCents(value, { allowNegative: options.allowNegative === true })) {
      this.add(
        path,
        options.allowNegative
          ? "Un montant entier en centimes est attendu."
          : "Un montant entier et positif ou nul, en centimes, est attendu.",
      );
      return false;
    }
    if (options.positive && value <= 0) {
      this.add(path, value === 0 && options.messageNul ? options.messageNul : "Le montant doit être strictement positif.");
      return false;
    }
    return true;
  }

  date(value: unknown, path: Path): value is DateLegale {
    const issue = dateIssue(value, path);
    if (issue) this.issues.push(issue);
    return issue === undefined;
  }

  optionalDate(value: unknown, path: Path): boolean {
    return value === undefined || this.date(value, path);
  }

  optionalBoolean(value: unknown, path: Path): boolean {
    if (value === undefined || typeof value === "boolean") return true;
    this.add(path, "Un booléen (true ou false) est attendu.");
    return false;
  }

  boolean(value: unknown, path: Path): boolean {
    if (typeof value === "boolean") return true;
    this.add(path, "Un booléen (true ou false) est attendu.");
    return false;
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: Path): value is T {
    if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return true;
    this.add(path, `Valeur attendue parmi : ${allowed.join(", ")}.`);
    return false;
  }

  /**
   * Throws `INVALID_INPUT` with every issue collected, if any; the message says why (each problem, in
   * order), so that a caller that shows only the message still tells the user what to fix.
   */
  throwIfAny(): void {
    if (this.issues.length > 0) throw this.refus();
  }

  /** The `INVALID_INPUT` error of the issues collected (`throw c.refus()`), its message listing each problem. */
  refus(): DomainError {
    const [first] = this.issues;
    const message =
      this.issues.length === 1 && first
        ? `Donnée refusée : ${first.message}`
        : `${this.issues.length} données refusées : ${this.issues.map((i) => i.message).join(" ; ")}`;
    return invalidInput(this.issues, message);
  }

  integer(value: unknown, path: Path, min: number, max: number): value is number {
    if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return true;
    this.add(path, `Un entier entre ${min} et ${max} est attendu.`);
    return false;
  }
}
