/**
 * Cell values in and out: French spreadsheet conventions → parsed values (import), parsed values → CSV text and
 * XLSX cell values (export, with formula injection neutralised).
 */
import { isDateLegale, MAX_EUROS } from "@achat-public/domain/valeurs";
import { type Colonne, type ColonneListe, normaliserEntete } from "./colonnes";

/** A cell as read from a file, before the column type is applied. */
export type CelluleBrute = string | number | boolean | Date | null | { erreurExcel: string } | { formuleSansResultat: true };

/** Result of converting one cell: the parsed value (`null` when empty) or a French message. */
export type Conversion = { ok: true; valeur: unknown } | { ok: false; message: string };

/** Excel's limit of characters in a cell. */
export const LONGUEUR_MAX_CELLULE = 32_767;

const ESPACES = /[\s\u00a0\u202f\u2007]/g;
// C0 controls except LF (handled by `multiligne`), DEL and C1 controls. Tab is refused too: it is never wanted in a cell.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u;
const SURROGAT_ISOLE = /\p{Cs}/u;

/** What the user sees in the cell, for the `valeur` of a problem (French number and date formats). */
export function texteAffiche(brut: CelluleBrute): string {
  if (brut === null) return "";
  if (typeof brut === "string") return brut;
  // 15 significant digits, as Excel shows numbers (0.1 + 0.2 is shown « 0,3 »).
  if (typeof brut === "number") return Number.isFinite(brut) ? String(Number(brut.toPrecision(15))).replace(".", ",") : String(brut);
  if (typeof brut === "boolean") return brut ? "VRAI" : "FAUX";
  if (brut instanceof Date) return Number.isNaN(brut.getTime()) ? "" : jjmmaaaa(isoDepuisDateUtc(brut));
  if ("erreurExcel" in brut) return brut.erreurExcel;
  return "";
}

/** Whether a raw cell holds nothing (empty or blank text). */
export function estVide(brut: CelluleBrute): boolean {
  return brut === null || (typeof brut === "string" && brut.trim() === "");
}

/**
 * NFC, line endings unified, trimmed; refuses lone surrogates and control characters (and line breaks unless
 * `multiligne`).
 */
export function normaliserTexte(brut: string, multiligne = false): { ok: true; texte: string } | { ok: false; message: string } {
  if (SURROGAT_ISOLE.test(brut)) {
    return { ok: false, message: "Le texte contient un caractère Unicode invalide (demi-caractère isolé) : retapez la valeur." };
  }
  const texte = brut.replace(/\r\n?/g, "\n").normalize("NFC").trim();
  if (!multiligne && texte.includes("\n")) {
    return { ok: false, message: "Le texte ne doit pas contenir de retour à la ligne." };
  }
  const controle = CONTROLE.exec(texte);
  if (controle) {
    const code = (controle[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
    const nom = code === "0009" ? "une tabulation" : `un caractère de contrôle invisible (U+${code})`;
    return { ok: false, message: `Le texte contient ${nom} : retapez la valeur sans la copier depuis un autre logiciel.` };
  }
  return { ok: true, texte };
}

/**
 * Converts a raw cell with the column type. `csv` strips the apostrophe that our CSV export puts before a text
 * starting with an active character (`'=…`), so an exported file imports back unchanged.
 */
export function convertirCellule(colonne: Colonne, brut: CelluleBrute, options: { csv?: boolean } = {}): Conversion {
  if (brut !== null && typeof brut === "object" && !(brut instanceof Date)) {
    if ("erreurExcel" in brut)
      return { ok: false, message: `La cellule contient une erreur Excel (${brut.erreurExcel}) au lieu d'une valeur.` };
    return {
      ok: false,
      message:
        "La cellule contient une formule sans résultat enregistré : ouvrez et enregistrez le fichier dans Excel, ou collez les valeurs.",
    };
  }
  let valeur: CelluleBrute = brut;
  if (typeof valeur === "string") {
    const normalise = normaliserTexte(
      options.csv && /^'[=+\-@\t\r]/.test(valeur) ? valeur.slice(1) : valeur,
      colonne.type === "texte" && colonne.multiligne,
    );
    if (!normalise.ok) return normalise;
    valeur = normalise.texte === "" ? null : normalise.texte;
  }
  if (valeur === null) {
    return colonne.obligatoire
      ? { ok: false, message: "Cette colonne est obligatoire : la cellule est vide." }
      : { ok: true, valeur: null };
  }
  const conversion = convertirSelonType(colonne, valeur);
  if (!conversion.ok || !colonne.valider) return conversion;
  const message = (colonne.valider as (v: unknown) => string | undefined)(conversion.valeur);
  return message === undefined ? conversion : { ok: false, message };
}

function convertirSelonType(colonne: Colonne, valeur: string | number | boolean | Date): Conversion {
  switch (colonne.type) {
    case "texte": {
      const texte = typeof valeur === "string" ? valeur : texteAffiche(valeur);
      const longueur = [...texte].length;
      if (colonne.longueurMax !== undefined && longueur > colonne.longueurMax) {
        return { ok: false, message: `Le texte dépasse ${colonne.longueurMax} caractères (${longueur}).` };
      }
      return { ok: true, valeur: texte };
    }
    case "entier":
      return lireEntier(valeur, colonne.min, colonne.max);
    case "euros":
      return lireEuros(valeur, colonne.negatifAutorise === true);
    case "date":
      return lireDate(valeur);
    case "booleen":
      return lireBooleen(valeur);
    case "liste":
      return lireListe(colonne, valeur);
  }
}

function lireEntier(valeur: string | number | boolean | Date, min?: number, max?: number): Conversion {
  let n: number | undefined;
  if (typeof valeur === "number") n = valeur;
  else if (typeof valeur === "string") {
    const compact = valeur.replace(ESPACES, "").replace(/^\u2212/, "-");
    if (/^[+-]?\d+$/.test(compact)) n = Number(compact);
  }
  if (n === undefined || !Number.isSafeInteger(n)) {
    return { ok: false, message: `« ${texteAffiche(valeur)} » n'est pas un nombre entier.` };
  }
  if (min !== undefined && n < min) return { ok: false, message: `Le nombre doit être supérieur ou égal à ${min}.` };
  if (max !== undefined && n > max) return { ok: false, message: `Le nombre doit être inférieur ou égal à ${max}.` };
  return { ok: true, valeur: n + 0 };
}

const MAX_CENTIMES = Math.round(MAX_EUROS * 100);

/**
 * Euros → integer cents. Numbers come from XLSX cells; text accepts "1 234,56", "1234.56", "1.234,56",
 * "1,234.56", "1 234,56 €", "EUR 12", narrow and plain no-break spaces. A single separator followed by 3 digits
 * is read as a decimal separator, so "1.234" is refused (three decimals) rather than silently read as 1 234 €.
 */
export function lireEuros(valeur: string | number | boolean | Date, negatifAutorise: boolean): Conversion {
  const invalide: Conversion = { ok: false, message: `« ${texteAffiche(valeur)} » n'est pas un montant en euros (exemple : 1 234,56).` };
  let centimes: number;
  if (typeof valeur === "number") {
    if (!Number.isFinite(valeur)) return invalide;
    centimes = Math.round(valeur * 100);
    // Tolerates the float noise of computed cells (0.1 + 0.2, large amounts) but not a third decimal.
    if (Math.abs(valeur * 100 - centimes) > 1e-6 + Math.abs(centimes) * 8 * Number.EPSILON)
      return { ok: false, message: "Le montant ne peut pas avoir plus de deux décimales." };
  } else if (typeof valeur === "string") {
    let texte = valeur
      .replace(ESPACES, " ")
      .replace(/\u2212/g, "-")
      .trim()
      .replace(/^(?:€|eur)\s*/i, "")
      .replace(/\s*(?:€|euros?|eur)$/i, "");
    let signe = 1;
    if (/^[+-]/.test(texte)) {
      if (texte[0] === "-") signe = -1;
      texte = texte.slice(1).trim();
    }
    // Spaces may only group thousands: "1 234,56", not "1 23,45".
    if (texte.includes(" ")) {
      if (!/^\d{1,3}(?: \d{3})+(?:[.,]\d*)?$/.test(texte)) return invalide;
      texte = texte.replaceAll(" ", "");
    }
    const decoupe = decouperNombre(texte);
    if (!decoupe) return invalide;
    const decimales = decoupe.decimales.replace(/0+$/, "");
    if (decoupe.ambigu && decimales.length > 2) {
      return {
        ok: false,
        message: `« ${valeur} » est ambigu : séparez les milliers par une espace (1 234) et les décimales par une virgule (1 234,56).`,
      };
    }
    if (decimales.length > 2) return { ok: false, message: "Le montant ne peut pas avoir plus de deux décimales." };
    if (decoupe.entiers.replace(/^0+/, "").length > 15) return { ok: false, message: "Le montant est trop grand." };
    centimes = signe * (Number(decoupe.entiers) * 100 + Number(decimales.padEnd(2, "0")));
  } else return invalide;
  if (Math.abs(centimes) > MAX_CENTIMES) return { ok: false, message: "Le montant est trop grand." };
  if (centimes < 0 && !negatifAutorise) return { ok: false, message: "Le montant ne peut pas être négatif." };
  return { ok: true, valeur: centimes + 0 };
}

/** Splits "1 234,56"-like digits (spaces already removed) into integer and decimal digits, or `undefined`. */
function decouperNombre(texte: string): { entiers: string; decimales: string; ambigu: boolean } | undefined {
  if (!/^[\d.,]+$/.test(texte) || !/\d/.test(texte)) return undefined;
  const virgule = texte.lastIndexOf(",");
  const point = texte.lastIndexOf(".");
  let decimal: string | undefined;
  let milliers: string | undefined;
  if (virgule >= 0 && point >= 0) {
    decimal = virgule > point ? "," : ".";
    milliers = decimal === "," ? "." : ",";
  } else if (virgule >= 0 || point >= 0) {
    const sep = virgule >= 0 ? "," : ".";
    if (texte.split(sep).length > 2) milliers = sep;
    else decimal = sep;
  }
  let entiers = texte;
  let decimales = "";
  if (decimal) {
    const position = texte.lastIndexOf(decimal);
    entiers = texte.slice(0, position);
    decimales = texte.slice(position + 1);
    if (!/^\d*$/.test(decimales)) return undefined;
  }
  if (milliers) {
    const groupes = entiers.split(milliers);
    const [premier, ...suite] = groupes;
    if (!premier || !/^\d{1,3}$/.test(premier) || suite.some((g) => !/^\d{3}$/.test(g))) return undefined;
    entiers = groupes.join("");
  }
  if (entiers === "") entiers = "0";
  if (!/^\d+$/.test(entiers)) return undefined;
  return { entiers, decimales, ambigu: decimal !== undefined && milliers === undefined && decimales.length === 3 };
}

const DATE_FR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const DATE_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DATE_ANNEE_COURTE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/;

/** Dates: an Excel date (Date or serial number of the 1900 system), `JJ/MM/AAAA` or `AAAA-MM-JJ` → `YYYY-MM-DD`. */
export function lireDate(valeur: string | number | boolean | Date): Conversion {
  const invalide: Conversion = { ok: false, message: `« ${texteAffiche(valeur)} » n'est pas une date valide (format JJ/MM/AAAA).` };
  let iso: string | undefined;
  if (valeur instanceof Date) {
    if (!Number.isNaN(valeur.getTime())) iso = isoDepuisDateUtc(valeur);
  } else if (typeof valeur === "number") {
    iso = isoDepuisSerieExcel(valeur);
  } else if (typeof valeur === "string") {
    const fr = DATE_FR.exec(valeur);
    const en = DATE_ISO.exec(valeur);
    if (fr) iso = `${fr[3]}-${fr[2]?.padStart(2, "0")}-${fr[1]?.padStart(2, "0")}`;
    else if (en) iso = `${en[1]}-${en[2]}-${en[3]}`;
    else if (DATE_ANNEE_COURTE.test(valeur)) {
      return { ok: false, message: `« ${valeur} » : écrivez l'année sur quatre chiffres (JJ/MM/AAAA).` };
    }
  }
  return iso !== undefined && isDateLegale(iso) ? { ok: true, valeur: iso } : invalide;
}

/** `YYYY-MM-DD` of an Excel serial date (1900 system, Lotus bug included: serial 60 is the fictitious 29/02/1900). */
export function isoDepuisSerieExcel(serie: number): string | undefined {
  if (!Number.isFinite(serie) || serie < 1 || serie > 2_958_465) return undefined;
  const jours = Math.floor(serie);
  if (jours === 60) return undefined;
  const origine = jours < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(origine + jours * 86_400_000).toISOString().slice(0, 10);
}

/** Excel serial date (1900 system) of a `YYYY-MM-DD` date after 01/03/1900. */
export function serieExcelDepuisIso(iso: string): number {
  return (Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function isoDepuisDateUtc(date: Date): string {
  const annee = date.getUTCFullYear();
  return `${String(annee).padStart(4, "0")}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
}

/** `YYYY-MM-DD` → `JJ/MM/AAAA`. */
export function jjmmaaaa(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

const VRAI = new Set(["oui", "vrai", "x", "1", "true", "o"]);
const FAUX = new Set(["non", "faux", "0", "false", "n"]);

function lireBooleen(valeur: string | number | boolean | Date): Conversion {
  if (typeof valeur === "boolean") return { ok: true, valeur };
  if (valeur === 1 || valeur === 0) return { ok: true, valeur: valeur === 1 };
  if (typeof valeur === "string") {
    const cle = normaliserEntete(valeur);
    if (VRAI.has(cle)) return { ok: true, valeur: true };
    if (FAUX.has(cle)) return { ok: true, valeur: false };
  }
  return { ok: false, message: `« ${texteAffiche(valeur)} » n'est pas une réponse acceptée : indiquez oui ou non.` };
}

const INDEX_LISTES = new WeakMap<ColonneListe, Map<string, string>>();

function indexListe(colonne: ColonneListe): Map<string, string> {
  let index = INDEX_LISTES.get(colonne);
  if (!index) {
    index = new Map();
    for (const { valeur, libelle } of colonne.valeurs) {
      index.set(normaliserEntete(valeur), valeur);
      index.set(normaliserEntete(libelle), valeur);
    }
    INDEX_LISTES.set(colonne, index);
  }
  return index;
}

function lireListe(colonne: ColonneListe, valeur: string | number | boolean | Date): Conversion {
  const texte = texteAffiche(valeur);
  const trouvee = indexListe(colonne).get(normaliserEntete(texte));
  if (trouvee !== undefined) return { ok: true, valeur: trouvee };
  const possibles = colonne.valeurs.map((v) => v.libelle).join(" ; ");
  return { ok: false, message: `« ${texte} » n'est pas une valeur acceptée. Valeurs possibles : ${possibles}.` };
}

/** The label of a list value (the code itself when it is not, or no longer, in the list). */
export function libelleListe(colonne: ColonneListe, valeur: string): string {
  return colonne.valeurs.find((v) => v.valeur === valeur)?.libelle ?? valeur;
}

// ——— Export ————————————————————————————————————————————————————————————————————————————————

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const ACTIF = /^[=+\-@\t\r]/;

/** Prefixes an apostrophe to a text that a spreadsheet would otherwise run as a formula (`=`, `+`, `-`, `@`, tab, CR). */
export function neutraliserFormule(texte: string): string {
  return ACTIF.test(texte) ? `'${texte}` : texte;
}

/** Whether a text would be read as a formula by a spreadsheet. */
export function estActif(texte: string): boolean {
  return ACTIF.test(texte);
}

// Characters XML 1.0 cannot carry (an XLSX with them does not open) and lone surrogates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const INTERDIT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu;

/** Text safe for an XLSX cell: XML-forbidden characters replaced by U+FFFD, cut to Excel's 32 767 characters. */
export function texteXlsx(texte: string): string {
  const propre = texte.replace(INTERDIT_XML, "\ufffd");
  return propre.length > LONGUEUR_MAX_CELLULE ? propre.slice(0, LONGUEUR_MAX_CELLULE) : propre;
}

/** Cents → "1234,56" / "-0,50" (CSV: no thousands separator, decimal comma, as French Excel reads it). */
export function centimesCsv(centimes: number): string {
  const abs = Math.abs(centimes);
  return `${centimes < 0 ? "-" : ""}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

function attendu(colonne: Colonne, quoi: string, valeur: unknown): TypeError {
  return new TypeError(`Export, colonne « ${colonne.cle} » : ${quoi} attendu, reçu ${JSON.stringify(valeur) ?? String(valeur)}.`);
}

/** Normalises a parsed value for export, or throws a `TypeError` (a programming error) when it has the wrong type. */
function valeurExport(colonne: Colonne, valeur: unknown): string | number | boolean | null {
  if (valeur === null || valeur === undefined) return null;
  switch (colonne.type) {
    case "texte":
      if (typeof valeur === "string") return valeur;
      if (typeof valeur === "number" || typeof valeur === "bigint") return String(valeur);
      throw attendu(colonne, "un texte", valeur);
    case "entier":
    case "euros":
      if (typeof valeur === "number" && Number.isSafeInteger(valeur)) return valeur;
      throw attendu(colonne, colonne.type === "euros" ? "un montant en centimes entiers" : "un entier", valeur);
    case "date":
      if (isDateLegale(valeur)) return valeur;
      throw attendu(colonne, "une date AAAA-MM-JJ", valeur);
    case "booleen":
      if (typeof valeur === "boolean") return valeur;
      throw attendu(colonne, "un booléen", valeur);
    case "liste":
      if (typeof valeur === "string") return valeur;
      throw attendu(colonne, "un code de la liste", valeur);
  }
}

/** A parsed value as CSV text (not yet quoted): neutralised text, "1234,56", "JJ/MM/AAAA", "oui"/"non", list label. */
export function valeurCsv(colonne: Colonne, valeur: unknown): string {
  const v = valeurExport(colonne, valeur);
  if (v === null) return "";
  switch (colonne.type) {
    case "texte":
      return neutraliserFormule(v as string);
    case "entier":
      return String(v);
    case "euros":
      return centimesCsv(v as number);
    case "date":
      return jjmmaaaa(v as string);
    case "booleen":
      return v ? "oui" : "non";
    case "liste":
      return neutraliserFormule(libelleListe(colonne, v as string));
  }
}

/** A parsed value as an XLSX cell value: text is always a plain string cell (never a formula). */
export function valeurXlsx(colonne: Colonne, valeur: unknown): string | number | Date | null {
  const v = valeurExport(colonne, valeur);
  if (v === null) return null;
  switch (colonne.type) {
    case "texte":
      return texteXlsx(v as string);
    case "entier":
      return v as number;
    case "euros":
      return (v as number) / 100;
    case "date": {
      const iso = v as string;
      return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
    }
    case "booleen":
      return v ? "oui" : "non";
    case "liste":
      return texteXlsx(libelleListe(colonne, v as string));
  }
}

/** XLSX number formats (stored in the file's invariant syntax; French Excel shows `# ##0,00 €` and `JJ/MM/AAAA`). */
export const FORMAT_EUROS_XLSX = '#,##0.00\\ "€"';
export const FORMAT_DATE_XLSX = "dd/mm/yyyy";

/** The XLSX number format of a column, if any ("@" keeps codes such as SIRET as text when the user types them). */
export function formatXlsx(colonne: Colonne): string | undefined {
  switch (colonne.type) {
    case "euros":
      return FORMAT_EUROS_XLSX;
    case "date":
      return FORMAT_DATE_XLSX;
    case "texte":
      return "@";
    case "entier":
      return "0";
    default:
      return undefined;
  }
}
