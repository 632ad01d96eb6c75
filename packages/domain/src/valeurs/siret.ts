/**
 * SIREN (company, 9 digits) and SIRET (establishment, 14 digits = SIREN + NIC) identifiers.
 *
 * The last digit is a Luhn check digit over the whole number (INSEE). Exception: establishments of
 * La Poste (SIREN 356000000) have SIRETs whose digits add up to a multiple of 5 instead; they are
 * valid whether or not they also pass Luhn (the head office 35600000000048 does).
 * A valid checksum does not prove that the company or establishment exists, or is still active:
 * that needs a look-up in the Sirene register, outside this pure domain.
 */
import { DomainError, type Issue } from "../commun/errors";

/** SIREN of La Poste, whose SIRETs follow the "sum of digits multiple of 5" rule. */
export const SIREN_LA_POSTE = "356000000";

/** Luhn check over a string of digits (from the right, double every second digit, sum ≡ 0 mod 10). */
export function luhnIsValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function compact(raw: string): string {
  return raw.replace(/[\s.]/g, "");
}

function sumOfDigits(digits: string): number {
  let sum = 0;
  for (const char of digits) sum += Number(char);
  return sum;
}

/** Whether `raw` (spaces allowed) is a 9-digit SIREN with a valid Luhn check digit. */
export function isValidSiren(raw: string): boolean {
  const digits = compact(raw);
  return /^\d{9}$/.test(digits) && luhnIsValid(digits);
}

/** Whether `raw` (spaces allowed) is a 14-digit SIRET with a valid check (Luhn, or the La Poste rule). */
export function isValidSiret(raw: string): boolean {
  const digits = compact(raw);
  if (!/^\d{14}$/.test(digits)) return false;
  if (luhnIsValid(digits)) return true;
  return digits.startsWith(SIREN_LA_POSTE) && sumOfDigits(digits) % 5 === 0;
}

/** A company identifier (9 digits, Luhn). Build it with `Siren.parse`. */
export class Siren {
  private constructor(readonly value: string) {}

  /**
   * Parses a SIREN; spaces and dots are ignored ("732 829 320").
   * @throws DomainError `SIREN_INVALID` (kind `invalid-input`) at `path`.
   */
  static parse(raw: string, path: Issue["path"] = []): Siren {
    const digits = typeof raw === "string" ? compact(raw) : "";
    if (!isValidSiren(digits)) {
      const message = /^\d{9}$/.test(digits)
        ? `Le SIREN ${digits} a une clé de contrôle invalide.`
        : "Un SIREN comporte exactement 9 chiffres.";
      throw new DomainError("SIREN_INVALID", message, "invalid-input", [{ path, message }]);
    }
    return new Siren(digits);
  }

  /** Whether this is La Poste's SIREN. */
  get isLaPoste(): boolean {
    return this.value === SIREN_LA_POSTE;
  }

  /** "732 829 320". */
  format(): string {
    return `${this.value.slice(0, 3)} ${this.value.slice(3, 6)} ${this.value.slice(6)}`;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}

/** An establishment identifier (14 digits: SIREN + NIC). Build it with `Siret.parse`. */
export class Siret {
  private constructor(readonly value: string) {}

  /**
   * Parses a SIRET; spaces and dots are ignored ("732 829 320 00074"). Valid when the 14 digits pass
   * Luhn or, for La Poste (SIREN 356000000), when their sum is a multiple of 5.
   * @throws DomainError `SIRET_INVALID` (kind `invalid-input`) at `path`.
   */
  static parse(raw: string, path: Issue["path"] = []): Siret {
    const digits = typeof raw === "string" ? compact(raw) : "";
    if (!isValidSiret(digits)) {
      const message = /^\d{14}$/.test(digits)
        ? `Le SIRET ${digits} a une clé de contrôle invalide.`
        : "Un SIRET comporte exactement 14 chiffres.";
      throw new DomainError("SIRET_INVALID", message, "invalid-input", [{ path, message }]);
    }
    return new Siret(digits);
  }

  /** The company's SIREN (first 9 digits). Not re-checked with Luhn: La Poste's SIRETs rely on the exception. */
  get siren(): string {
    return this.value.slice(0, 9);
  }

  /** The establishment number (NIC, last 5 digits). */
  get nic(): string {
    return this.value.slice(9);
  }

  /** "732 829 320 00074". */
  format(): string {
    return `${this.value.slice(0, 3)} ${this.value.slice(3, 6)} ${this.value.slice(6, 9)} ${this.value.slice(9)}`;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
