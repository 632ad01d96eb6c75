/**
 * Columns as data: a context declares its columns once (`defineColonnes`) and the same declaration drives the
 * template, the import (header matching, parsing, problems) and the export (headers, formats).
 *
 * Values are in the "parsed" domain everywhere in code: text as NFC strings, integers as numbers, euros as integer
 * cents, dates as `YYYY-MM-DD`, booleans as booleans, list values as their code (`valeur`), never their label.
 */

/** Fields shared by every column type. */
interface ColonneCommune<Cle extends string = string> {
  /** Field name, the same French camelCase name as the API field (e.g. `montantEstimeHt`). */
  cle: Cle;
  /** French header as the user sees it in the spreadsheet (e.g. « Montant estimé (€ HT) »). */
  entete: string;
  /** A row without a value in this column is in error. Default: false (the value is then `null`). */
  obligatoire?: boolean;
  /** Short French help shown in the template (header note and « Aide » sheet). */
  aide?: string;
  /** Column width in the XLSX files, in characters. Default: computed from the header and the example. */
  largeur?: number;
}

export interface ColonneTexte<Cle extends string = string> extends ColonneCommune<Cle> {
  type: "texte";
  /** Maximum number of characters (code points). */
  longueurMax?: number;
  /** Accept line breaks inside the cell (Alt+Entrée in Excel). Default: false. */
  multiligne?: boolean;
  exemple?: string;
  /** Extra check on the parsed value (e.g. a CPV code): a French message, or `undefined` when valid. */
  valider?(valeur: string): string | undefined;
}

export interface ColonneEntier<Cle extends string = string> extends ColonneCommune<Cle> {
  type: "entier";
  min?: number;
  max?: number;
  exemple?: number;
  valider?(valeur: number): string | undefined;
}

export interface ColonneEuros<Cle extends string = string> extends ColonneCommune<Cle> {
  type: "euros";
  /** Accept negative amounts. Default: false. */
  negatifAutorise?: boolean;
  /** Example in integer cents (123456 is shown « 1 234,56 € »). */
  exemple?: number;
  /** Extra check on the amount in integer cents. */
  valider?(centimes: number): string | undefined;
}

export interface ColonneDate<Cle extends string = string> extends ColonneCommune<Cle> {
  type: "date";
  /** Example `YYYY-MM-DD`. */
  exemple?: string;
  /** Extra check on the date `YYYY-MM-DD`. */
  valider?(date: string): string | undefined;
}

export interface ColonneBooleen<Cle extends string = string> extends ColonneCommune<Cle> {
  type: "booleen";
  exemple?: boolean;
  valider?(valeur: boolean): string | undefined;
}

/** One allowed value of a `liste` column: the code stored and sent to the API, and the French label shown. */
export interface ValeurListe<V extends string = string> {
  valeur: V;
  libelle: string;
}

export interface ColonneListe<Cle extends string = string, V extends string = string> extends ColonneCommune<Cle> {
  type: "liste";
  /** Allowed values; the user may type the label or the code (case and accents do not matter). */
  valeurs: readonly ValeurListe<V>[];
  /** Example: a code of `valeurs`. */
  exemple?: V;
  valider?(valeur: V): string | undefined;
}

/**
 * Any column. `valider` is declared with method syntax in each type so that a list column with literal codes
 * (`valider(v: "travaux" | "services")`) stays assignable to `Colonne`.
 */
export type Colonne = ColonneTexte | ColonneEntier | ColonneEuros | ColonneDate | ColonneBooleen | ColonneListe;

export type TypeColonne = Colonne["type"];

/** A declared, checked, immutable list of columns. */
export type Colonnes = readonly Colonne[];

/** The parsed value of one column (without `null`). */
export type ValeurColonne<C> = C extends { type: "texte" | "date" }
  ? string
  : C extends { type: "entier" | "euros" }
    ? number
    : C extends { type: "booleen" }
      ? boolean
      : C extends { type: "liste"; valeurs: readonly (infer E)[] }
        ? E extends { valeur: infer V }
          ? V
          : string
        : never;

/** A parsed row of `C`: required columns hold a value, the others a value or `null`. */
export type LigneDe<C extends Colonnes> = {
  -readonly [Col in C[number] as Col["cle"]]: Col extends { obligatoire: true } ? ValeurColonne<Col> : ValeurColonne<Col> | null;
};

/** The field names of `C`. */
export type CleDe<C extends Colonnes> = C[number]["cle"];

const CLE = /^[a-z][A-Za-z0-9]*$/;

/**
 * Declares the columns of a spreadsheet and checks the declaration (a programming error throws at start-up,
 * not at the first import). `const` inference keeps the literal keys and list codes, so `LigneDe<typeof colonnes>`
 * is the exact row type.
 *
 * ```ts
 * const colonnes = defineColonnes([
 *   { cle: "objet", entete: "Objet", type: "texte", obligatoire: true, longueurMax: 200 },
 *   { cle: "montantEstimeHt", entete: "Montant estimé (€ HT)", type: "euros", obligatoire: true },
 * ]);
 * ```
 */
export function defineColonnes<const C extends Colonnes>(colonnes: C): C {
  if (colonnes.length === 0) throw new TypeError("defineColonnes : au moins une colonne est attendue.");
  const noms = new Map<string, string>();
  const reserver = (nom: string, proprietaire: string) => {
    const cle = normaliserEntete(nom);
    const deja = noms.get(cle);
    if (deja !== undefined && deja !== proprietaire) {
      throw new TypeError(`defineColonnes : « ${nom.trim()} » désigne à la fois les colonnes « ${deja} » et « ${proprietaire} ».`);
    }
    noms.set(cle, proprietaire);
  };
  for (const colonne of colonnes) {
    if (!CLE.test(colonne.cle)) throw new TypeError(`defineColonnes : clé « ${colonne.cle} » invalide (camelCase attendu).`);
    if (normaliserEntete(colonne.entete) === "") throw new TypeError(`defineColonnes : la colonne « ${colonne.cle} » n'a pas d'en-tête.`);
    reserver(colonne.cle, colonne.cle);
    reserver(colonne.entete, colonne.cle);
    if (
      colonne.type === "texte" &&
      colonne.longueurMax !== undefined &&
      !(Number.isInteger(colonne.longueurMax) && colonne.longueurMax > 0)
    ) {
      throw new TypeError(`defineColonnes : longueurMax de « ${colonne.cle} » doit être un entier positif.`);
    }
    if (colonne.type === "liste") {
      if (colonne.valeurs.length === 0) throw new TypeError(`defineColonnes : la liste « ${colonne.cle} » n'a aucune valeur.`);
      const vues = new Map<string, string>();
      for (const { valeur, libelle } of colonne.valeurs) {
        for (const nom of [valeur, libelle]) {
          const cle = normaliserEntete(nom);
          const deja = vues.get(cle);
          if (cle === "" || (deja !== undefined && deja !== valeur)) {
            throw new TypeError(`defineColonnes : valeur « ${nom} » vide ou ambiguë dans la liste « ${colonne.cle} ».`);
          }
          vues.set(cle, valeur);
        }
      }
    }
  }
  return Object.freeze([...colonnes]) as unknown as C;
}

/**
 * Normal form used to compare headers and list values: no accents, lower case, typographic apostrophes and
 * every kind of space unified, spaces collapsed and trimmed. « Montant  estimé (€ HT) » ≡ "montant estime (€ ht)".
 */
export function normaliserEntete(texte: string): string {
  return texte
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\s\u00a0\u202f\u2007]+/g, " ")
    .trim()
    .toLowerCase();
}

/** Excel column letter of a 1-based column number: 1 → "A", 27 → "AA". */
export function lettreColonne(numero: number): string {
  let n = numero;
  let lettres = "";
  while (n > 0) {
    const reste = (n - 1) % 26;
    lettres = String.fromCharCode(65 + reste) + lettres;
    n = Math.floor((n - 1) / 26);
  }
  return lettres;
}

/** French description of the expected format of a column, for the « Aide » sheet and the documentation. */
export function decrireFormat(colonne: Colonne): string {
  switch (colonne.type) {
    case "texte":
      return `Texte${colonne.longueurMax ? ` (${colonne.longueurMax} caractères au plus)` : ""}${colonne.multiligne ? ", retours à la ligne acceptés" : ""}`;
    case "entier": {
      const bornes =
        colonne.min !== undefined && colonne.max !== undefined
          ? ` entre ${colonne.min} et ${colonne.max}`
          : colonne.min !== undefined
            ? ` supérieur ou égal à ${colonne.min}`
            : colonne.max !== undefined
              ? ` inférieur ou égal à ${colonne.max}`
              : "";
      return `Nombre entier${bornes}`;
    }
    case "euros":
      return `Montant en euros, deux décimales au plus (exemple : 1 234,56)${colonne.negatifAutorise ? ", négatif accepté" : ""}`;
    case "date":
      return "Date au format JJ/MM/AAAA";
    case "booleen":
      return "oui ou non";
    case "liste":
      return `Une valeur parmi : ${colonne.valeurs.map((v) => v.libelle).join(" ; ")}`;
  }
}
