/**
 * File-level rejections of a spreadsheet (too big, unreadable, hostile, wrong columns…).
 *
 * They are `DomainError`s of kind `invalid-input`, so the HTTP adapter answers them with a 4xx problem and the CLI
 * with its usual exit code, without knowing this package. Cell-level problems are not errors: they are collected
 * as values (`Probleme`) so that every bad cell is reported at once.
 */
import { DomainError } from "@achat-public/domain";

/** Stable codes of the rejections, for the callers and the tests (the message may change, the code does not). */
export type CodeErreurTableur =
  | "FICHIER_TROP_VOLUMINEUX" // the upload exceeds `maxOctets`
  | "CONTENU_TROP_VOLUMINEUX" // the XLSX would decompress beyond `maxOctetsDecompresses` (zip bomb)
  | "ARCHIVE_SUSPECTE" // the XLSX archive lies about its sizes, hides entries or uses unsupported features
  | "FICHIER_ILLISIBLE" // not a CSV/XLSX, truncated, corrupt, invalid encoding, unterminated quote
  | "FICHIER_VIDE" // no header row
  | "TROP_DE_LIGNES" // more than `maxLignes` rows under the header
  | "TROP_DE_COLONNES" // more than `maxColonnes` cells in a row
  | "CELLULE_TROP_LONGUE" // a cell longer than Excel's limit (32 767 characters)
  | "COLONNES_MANQUANTES" // required columns absent from the header row
  | "COLONNES_EN_DOUBLE" // two header cells designate the same column
  | "IMPORT_INVALIDE" // confirmation refused: the policy requires every row to be valid
  | "AUCUNE_LIGNE_VALIDE"; // confirmation refused: nothing to write

/** Machine-readable facts attached to a rejection (never personal data). */
export interface DetailsErreurTableur {
  /** Spreadsheet row number (header = 1) where the reading stopped, when it applies. */
  ligne?: number;
  /** Header as the user sees it, or the Excel column letter, when it applies. */
  colonne?: string;
  /** The limit that was exceeded, when it applies. */
  limite?: number;
  [cle: string]: unknown;
}

export class ErreurTableur extends DomainError {
  declare readonly code: CodeErreurTableur;
  declare readonly details: DetailsErreurTableur;

  constructor(code: CodeErreurTableur, message: string, details: DetailsErreurTableur = {}) {
    const path: (string | number)[] = [];
    if (details.ligne !== undefined) path.push("ligne", details.ligne);
    if (details.colonne !== undefined) path.push("colonne", details.colonne);
    super(code, message, "invalid-input", path.length > 0 ? [{ path, message }] : [], details);
    this.name = "ErreurTableur";
  }
}

/** Whether `erreur` is a spreadsheet rejection (optionally with the given code). */
export function isErreurTableur(erreur: unknown, code?: CodeErreurTableur): erreur is ErreurTableur {
  return erreur instanceof ErreurTableur && (code === undefined || erreur.code === code);
}

/** "20 Mo", "1,5 Mo", "512 ko": a byte count for a French message. */
export function formatOctets(octets: number): string {
  if (octets >= 1024 * 1024) {
    const mo = octets / (1024 * 1024);
    return `${Number.isInteger(mo) ? mo : mo.toFixed(1).replace(".", ",")} Mo`;
  }
  return `${Math.max(1, Math.round(octets / 1024))} ko`;
}

/** "100 000": an integer with French thousands separators (narrow no-break space, as Intl fr-FR). */
export function formatEntier(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}
