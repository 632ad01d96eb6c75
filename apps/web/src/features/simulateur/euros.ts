/**
 * Amounts typed by people, in French or in English writing ("59 999,99", "59999.99", "1.234,56 €"), turned into
 * the numbers the API expects (euros, at most two decimals), and numbers shown back in French.
 * Pure functions: no React, no DOM (tested with node:test).
 */
import { formatRatioPourcentage, ratioToBasisPoints } from "@achat-public/domain/regles";

export type ParseFailure = "vide" | "format" | "ambigu" | "decimales" | "negatif";

export type ParseResult = { ok: true; value: number } | { ok: false; failure: ParseFailure; message: string };

export interface ParseOptions {
  /** Accept a leading minus sign ("-1 500,00", "−1500"). Default false. */
  allowNegative?: boolean;
  /** Most digits after the decimal separator. Default 2 (cents). */
  maxDecimals?: number;
  /**
   * Accept "." and "," as thousands separators ("1.234,56"). Default true; false for small numbers such as a
   * rate, where "2,155" can only be a decimal.
   */
  groupThousands?: boolean;
}

const MESSAGES: Record<Exclude<ParseFailure, "decimales">, string> = {
  vide: "Ce champ est obligatoire.",
  format: "Saisissez un nombre, par exemple 59 999,99 ou 59999.99.",
  ambigu: "Écriture ambiguë : séparez les milliers par une espace (1 500) et les décimales par une virgule (1,50).",
  negatif: "Saisissez un nombre positif ou nul.",
};

const fail = (failure: ParseFailure, maxDecimals = 2): ParseResult => ({
  ok: false,
  failure,
  message: failure === "decimales" ? `Saisissez au plus ${maxDecimals} chiffres après la virgule.` : MESSAGES[failure],
});

/** Whether `integer` is grouped by thousands with `separator` ("1.234.567"), the first group having 1 to 3 digits. */
function isGrouped(integer: string, separator: string): boolean {
  const groups = integer.split(separator);
  return /^\d{1,3}$/.test(groups[0] ?? "") && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/**
 * Reads a decimal number written by a person:
 * - spaces of any kind (including the narrow no-break space of French formatting) are ignored, as is a
 *   trailing "€" or "%";
 * - a single "," or "." is the decimal separator; when both appear, the last one is the decimal separator and
 *   the other separates thousands ("1.234,56", "1,234.56"); several identical separators group thousands;
 * - "1.500" or "1,500" (one separator after 1 to 3 digits, followed by exactly three digits) is refused as
 *   ambiguous rather than guessed, since a French reader may mean one thousand five hundred;
 * - with `groupThousands: false`, only one separator is accepted, and it is the decimal one;
 * - the value is the double nearest to the decimal written, so "59999.99" converts exactly to cents.
 */
export function parseDecimal(input: string, options: ParseOptions = {}): ParseResult {
  const { allowNegative = false, maxDecimals = 2, groupThousands = true } = options;
  let text = input.replace(/\s+/g, "").replace(/[€%]$/, "");
  if (text === "") return fail("vide");
  let negative = false;
  const sign = text[0];
  if (sign === "-" || sign === "\u2212" || sign === "+") {
    negative = sign !== "+";
    text = text.slice(1);
  }
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return fail("format");

  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  let integer = text;
  let fraction = "";
  if (!groupThousands && (lastComma >= 0 || lastDot >= 0)) {
    const parts = text.split(/[.,]/);
    if (parts.length > 2) return fail("format");
    integer = parts[0] ?? "";
    fraction = parts[1] ?? "";
  } else if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? "," : ".";
    const thousands = decimal === "," ? "." : ",";
    const at = text.lastIndexOf(decimal);
    integer = text.slice(0, at);
    fraction = text.slice(at + 1);
    if (integer.includes(decimal) || fraction.includes(thousands) || !isGrouped(integer, thousands)) return fail("format");
    integer = integer.split(thousands).join("");
  } else if (lastComma >= 0 || lastDot >= 0) {
    const separator = lastComma >= 0 ? "," : ".";
    const parts = text.split(separator);
    if (parts.length > 2) {
      // "1.000.000": thousands only
      if (!isGrouped(text, separator)) return fail("format");
      integer = parts.join("");
    } else {
      integer = parts[0] ?? "";
      fraction = parts[1] ?? "";
      if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(integer)) return fail("ambigu");
    }
  }
  if (!/^\d*$/.test(integer) || !/^\d*$/.test(fraction) || (integer === "" && fraction === "")) return fail("format");
  if (fraction.length > maxDecimals) return fail("decimales", maxDecimals);
  if (negative && !allowNegative) return fail("negatif");
  const value = Number(`${negative ? "-" : ""}${integer || "0"}.${fraction || "0"}`);
  if (!Number.isFinite(value)) return fail("format");
  return { ok: true, value: value === 0 ? 0 : value };
}

/** An amount in euros (at most two decimals): see `parseDecimal`. */
export const parseEuros = (input: string, options: { allowNegative?: boolean } = {}): ParseResult =>
  parseDecimal(input, { ...options, maxDecimals: 2 });

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 2 });
const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** "59 999,99 €" (French grouping with narrow no-break spaces). */
export const formatEuros = (value: number): string => euros.format(value === 0 ? 0 : value);

/** A percentage given in percent (12.5 → "12,5 %"). */
export const formatPercent = (value: number): string => percent.format(value / 100);

/** A plain number in French ("59 999,99"), e.g. to show the sum of the lots typed so far. */
export const formatDecimal = (value: number): string => decimal.format(value);

/**
 * The share `part / total` (two euro amounts) as a French percentage, with one more decimal than needed
 * whenever two decimals would round it ("50,00001 %" for 50 000,01 € of 100 000 €, never "50 %").
 */
export function formatPourcentageExact(part: number, total: number): string {
  const partCents = Math.round(part * 100);
  const totalCents = Math.round(total * 100);
  if (totalCents <= 0) return "";
  return formatRatioPourcentage(partCents, totalCents, [ratioToBasisPoints(partCents, totalCents)]);
}
