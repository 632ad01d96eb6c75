/**
 * The one text type of the platform: every piece of text that comes from outside (API body, query string,
 * CLI argument, spreadsheet cell) goes through `verifierTexte` before any use. It normalises to NFC, refuses
 * control characters and lone surrogates (they break JSON, PostgreSQL and logs), refuses text made only of
 * invisible characters, and refuses bidirectional overrides where they could disguise an identifier (e-mails).
 */

// C0 and C1 control characters, DEL; tab, LF and CR are allowed only in multi-line text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this regex's purpose
const CONTROLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const CONTROLE_LIGNE = /[\t\n\r]/u;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const SUBSTITUT_ISOLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// Whitespace and the characters that render as nothing (zero-width, soft hyphen, Hangul fillers…).
// biome-ignore lint/suspicious/noMisleadingCharacterClass: U+034F (combining grapheme joiner) is listed on purpose, alone
const INVISIBLE = /^[\s\u00AD\u034F\u115F\u1160\u180E\u200B-\u200F\u2060-\u2064\u3164\uFEFF\uFFA0]*$/u;

export interface OptionsTexte {
  /** Allows tab and line breaks (descriptions, notes). Default false. */
  multiligne?: boolean;
  /** Collapses runs of whitespace into one space (names, titles). Default false. */
  compacter?: boolean;
  /** Refuses bidirectional overrides (e-mails, identifiers). Default false. */
  sansBidi?: boolean;
}

export type VerificationTexte = { ok: true; valeur: string } | { ok: false; message: string };

/** Checks and normalises a text: NFC, trimmed, optionally compacted; a French reason when refused. */
export function verifierTexte(brut: string, options: OptionsTexte = {}): VerificationTexte {
  if (SUBSTITUT_ISOLE.test(brut)) return { ok: false, message: "Le texte contient un caractère invalide (demi-caractère Unicode isolé)." };
  if (CONTROLE.test(brut) || (!options.multiligne && CONTROLE_LIGNE.test(brut))) {
    return { ok: false, message: "Le texte contient un caractère de contrôle (invisible) : retirez-le." };
  }
  if (options.sansBidi && BIDI.test(brut)) {
    return { ok: false, message: "Le texte contient un caractère qui inverse le sens de lecture : retirez-le." };
  }
  let valeur = brut.normalize("NFC");
  if (options.compacter) valeur = valeur.replace(/\s+/gu, " ");
  valeur = valeur.trim();
  if (valeur.length > 0 && INVISIBLE.test(valeur)) {
    return { ok: false, message: "Le texte ne contient que des caractères invisibles." };
  }
  return { ok: true, valeur };
}

/** `verifierTexte` for a name or a title: compacted, single line. */
export function normaliserNom(brut: string): string {
  const verifie = verifierTexte(brut, { compacter: true });
  return verifie.ok ? verifie.valeur : brut.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** French alphabetical order (accents and case folded, "Élodie" before "Zoé"). */
export const ordreFrancais = new Intl.Collator("fr", { sensitivity: "base", numeric: true }).compare;
