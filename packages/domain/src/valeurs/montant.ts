/**
 * Money in integer cents (euro cents), and exact percentages in basis points (1 % = 100 bp).
 *
 * The domain never computes money with floats: euros are converted once at the edge with
 * `eurosToCents`, and every proportion (interest, advance, percentage of an amendment) goes through
 * `mulDivRoundHalfUp`, which works on BigInt so that no intermediate product loses precision.
 * Names carry the unit and the tax basis: `montantHtCents`, `montantTtcCents`.
 */
import { DomainError, type Issue } from "../commun/errors";

/** An integer number of euro cents. */
export type Cents = number;

/** An integer number of basis points (1 % = 100, 100 % = 10 000). */
export type PointsDeBase = number;

/** Largest euro amount accepted by `eurosToCents` (the largest safe integer of cents). */
export const MAX_EUROS = Math.floor(Number.MAX_SAFE_INTEGER / 100) / 100;

const NARROW_NBSP = "\u202f"; // thousands separator and before "%" (French typography, as Intl fr-FR)
const NBSP = "\u00a0"; // before the euro sign (as Intl fr-FR)

/** Options of `eurosToCents`. */
export interface EurosToCentsOptions {
  /** Accept negative amounts (e.g. an amendment that lowers the price). Default: false. */
  allowNegative?: boolean;
  /** Location of the amount in the input, for the issue. */
  path?: Issue["path"];
}

/** The problem with `euros` as an amount, or `undefined` when it converts exactly to cents. */
export function eurosIssue(euros: unknown, options: EurosToCentsOptions = {}): Issue | undefined {
  const path = options.path ?? [];
  if (typeof euros !== "number" || !Number.isFinite(euros)) {
    return { path, message: "Le montant doit être un nombre fini, en euros." };
  }
  if (euros < 0 && !options.allowNegative) return { path, message: "Le montant ne peut pas être négatif." };
  if (Math.abs(euros) > MAX_EUROS) return { path, message: "Le montant est trop grand." };
  const cents = Math.round(euros * 100);
  // `cents / 100` is the double nearest to the decimal with two places; it equals `euros` only when
  // `euros` itself was written with at most two decimals.
  if (cents / 100 !== euros) return { path, message: "Le montant ne peut pas avoir plus de deux décimales." };
  return undefined;
}

/**
 * Converts a euro amount (at most 2 decimals) to integer cents: `eurosToCents(123456.78)` = 12345678.
 * @throws DomainError `AMOUNT_INVALID` (kind `invalid-input`) for a non-finite number, more than two
 *   decimals, a negative amount (unless `allowNegative`) or an amount above `MAX_EUROS`.
 */
export function eurosToCents(euros: number, options: EurosToCentsOptions = {}): Cents {
  const issue = eurosIssue(euros, options);
  if (issue) throw new DomainError("AMOUNT_INVALID", issue.message, "invalid-input", [issue]);
  return Math.round(euros * 100) + 0; // "+ 0" turns -0 into 0
}

/** Converts integer cents to a euro number with at most two decimals (for JSON outputs). */
export function centsToEuros(cents: Cents): number {
  if (!Number.isSafeInteger(cents)) throw new TypeError(`Montant en centimes non entier : ${cents}`);
  return cents / 100;
}

/** Whether `value` is a safe integer number of cents (optionally ≥ 0). */
export function isCents(value: unknown, options: { allowNegative?: boolean } = {}): value is Cents {
  return typeof value === "number" && Number.isSafeInteger(value) && (options.allowNegative === true || value >= 0);
}

/**
 * `round(a × b / c)`, rounding half away from zero, computed exactly on BigInt.
 * All three arguments must be safe integers and `c` must not be 0; the result must fit in a safe integer.
 */
export function mulDivRoundHalfUp(a: number, b: number, c: number): number {
  for (const value of [a, b, c]) {
    if (!Number.isSafeInteger(value)) throw new TypeError(`Entier attendu : ${value}`);
  }
  if (c === 0) throw new RangeError("Division par zéro");
  let numerator = BigInt(a) * BigInt(b);
  let denominator = BigInt(c);
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  const result = Number(negative ? -rounded : rounded);
  if (!Number.isSafeInteger(result)) throw new RangeError("Résultat hors des entiers sûrs");
  return result + 0;
}

/**
 * Exact comparison of the ratio `part / total` with a rate in basis points:
 * returns -1, 0 or 1 as `part / total` is below, equal to or above `bp / 10 000`. `total` must be > 0.
 */
export function compareRatioToBasisPoints(part: Cents, total: Cents, bp: PointsDeBase): -1 | 0 | 1 {
  if (!(total > 0)) throw new RangeError("Total nul ou négatif");
  const left = BigInt(part) * 10_000n;
  const right = BigInt(bp) * BigInt(total);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** `part / total` in basis points, rounded half away from zero (for display; compare with `compareRatioToBasisPoints`). */
export function ratioToBasisPoints(part: Cents, total: Cents): PointsDeBase {
  return mulDivRoundHalfUp(part, 10_000, total);
}

/**
 * `floor(a × b / c)` for non-negative safe integers, exact on BigInt: the largest integer not above the
 * exact quotient (for caps: a cap rounded up would allow more than the law does).
 */
export function mulDivFloor(a: number, b: number, c: number): number {
  for (const value of [a, b, c]) {
    if (!Number.isSafeInteger(value) || value < 0) throw new TypeError(`Entier positif ou nul attendu : ${value}`);
  }
  if (c === 0) throw new RangeError("Division par zéro");
  const result = Number((BigInt(a) * BigInt(b)) / BigInt(c));
  if (!Number.isSafeInteger(result)) throw new RangeError("Résultat hors des entiers sûrs");
  return result;
}

/** `amount × bp / 10 000` rounded down to the cent: the most a cap of `bp` allows (amount ≥ 0). */
export function plafondBasisPoints(amount: Cents, bp: PointsDeBase): Cents {
  return mulDivFloor(amount, bp, 10_000);
}

/** `amount × bp / 10 000`, rounded to the cent (half away from zero). */
export function applyBasisPoints(amount: Cents, bp: PointsDeBase): Cents {
  return mulDivRoundHalfUp(amount, bp, 10_000);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NARROW_NBSP);
}

/**
 * French display of cents, always with two decimals: `formatEuros(123456)` = "1 234,56 €"
 * (narrow no-break space between thousands, no-break space before "€", as `Intl` fr-FR).
 */
export function formatEuros(cents: Cents): string {
  if (!Number.isSafeInteger(cents)) throw new TypeError(`Montant en centimes non entier : ${cents}`);
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const units = groupThousands(String(Math.floor(abs / 100)));
  const decimals = String(abs % 100).padStart(2, "0");
  return `${negative ? "-" : ""}${units},${decimals}${NBSP}€`;
}

/**
 * French display of basis points as a percentage: 1015 → "10,15 %", 500 → "5 %", 2000 → "20 %",
 * -250 → "-2,5 %" (narrow no-break space before "%").
 */
export function formatPourcentage(bp: PointsDeBase): string {
  if (!Number.isSafeInteger(bp)) throw new TypeError(`Points de base non entiers : ${bp}`);
  const negative = bp < 0;
  const abs = Math.abs(bp);
  const units = groupThousands(String(Math.floor(abs / 100)));
  const decimals = String(abs % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return `${negative ? "-" : ""}${units}${decimals ? `,${decimals}` : ""}${NARROW_NBSP}%`;
}

/**
 * French display of the ratio `part / total` as a percentage, with as many decimals as needed (two, or
 * more up to twelve) so that it never reads equal to one of `seuils` (basis points) when it is not:
 * 5 000 001 / 10 000 000 against 50 % → "50,00001 %" (not "50 %", which contradicts "> 50 %").
 * Rounded half away from zero, trailing zeros dropped. `total` must be > 0.
 */
export function formatRatioPourcentage(part: Cents, total: Cents, seuils: readonly PointsDeBase[] = []): string {
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(total) || total <= 0) throw new RangeError("Rapport invalide");
  const differs = seuils.filter((bp) => compareRatioToBasisPoints(part, total, bp) !== 0);
  let decimals = 2;
  let scaled = 0n;
  for (; decimals <= 12; decimals += 1) {
    const factor = 10n ** BigInt(decimals);
    const numerator = BigInt(part) * 100n * factor;
    const magnitude = (2n * (numerator < 0n ? -numerator : numerator) + BigInt(total)) / (2n * BigInt(total));
    scaled = numerator < 0n ? -magnitude : magnitude;
    if (differs.every((bp) => scaled !== BigInt(bp) * 10n ** BigInt(decimals - 2))) break;
  }
  decimals = Math.min(decimals, 12);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, "0");
  const units = groupThousands(digits.slice(0, digits.length - decimals));
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, "");
  return `${negative ? "-" : ""}${units}${fraction ? `,${fraction}` : ""}${NARROW_NBSP}%`;
}

/** Basis points to a percentage number with at most two decimals (1015 → 10.15), for JSON outputs. */
export function basisPointsToPercent(bp: PointsDeBase): number {
  return bp / 100;
}
