/**
 * CSV as French offices produce it, read incrementally (bounded memory whatever the file size):
 * - encoding: UTF-8 with or without BOM, UTF-16 with BOM (Excel « Texte Unicode »), and Windows-1252 when the bytes
 *   are not valid UTF-8 (Excel FR « CSV (séparateur : point-virgule) »);
 * - RFC 4180 quoting: quoted fields, doubled quotes, separators and line breaks inside quotes; CRLF, LF or CR;
 * - separator `;`, `,` or tab detected on the header line (the most frequent outside quotes, `;` on a tie).
 * Limits: characters per cell and cells per row, checked as the text arrives.
 */
import { TextDecoder } from "node:util";
import { ErreurTableur, formatEntier } from "./erreurs";
import { lettreColonne } from "./colonnes";
import { LONGUEUR_MAX_CELLULE } from "./conversion";

export type Encodage = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

/** Decoded text, and the reason why decoding stops after it, if it does. */
export interface TexteDecode {
  texte: string;
  /** French explanation when the bytes after `texte` cannot be decoded. */
  erreur?: string;
}

const MESSAGE_ENCODAGE_MIXTE =
  "Le fichier n'est pas entièrement en UTF-8 : il mélange deux encodages. Enregistrez-le de nouveau depuis votre tableur au format « CSV UTF-8 ».";

/**
 * Streaming decoder that chooses the encoding by itself: a BOM decides at once; otherwise the bytes are read as
 * UTF-8 until the first non-ASCII character, which decides between UTF-8 (valid sequence) and Windows-1252
 * (invalid sequence). Everything before is ASCII, identical in both, so switching loses nothing.
 */
export class DecodeurTexte {
  private encodageChoisi: Encodage | undefined;
  private reste: Uint8Array = new Uint8Array(0);
  private decodeur: TextDecoder | undefined;
  private debut = true;
  private readonly utf8 = new TextDecoder("utf-8");

  /** The detected encoding (`utf-8` while only ASCII has been seen). */
  get encodage(): Encodage {
    return this.encodageChoisi ?? "utf-8";
  }

  decoder(morceau: Uint8Array): TexteDecode {
    let octets = concat(this.reste, morceau);
    this.reste = new Uint8Array(0);
    if (this.debut) {
      if (octets.length < 3 && (octets[0] === 0xef || octets[0] === 0xff || octets[0] === 0xfe)) {
        this.reste = octets; // wait for the whole BOM
        return { texte: "" };
      }
      this.debut = false;
      if (octets[0] === 0xef && octets[1] === 0xbb && octets[2] === 0xbf) {
        this.encodageChoisi = "utf-8";
        octets = octets.subarray(3);
      } else if (octets[0] === 0xff && octets[1] === 0xfe) {
        this.choisir("utf-16le");
        octets = octets.subarray(2);
      } else if (octets[0] === 0xfe && octets[1] === 0xff) {
        this.choisir("utf-16be");
        octets = octets.subarray(2);
      }
    }
    if (this.decodeur) return { texte: this.decodeur.decode(octets, { stream: true }) };
    return this.decoderUtf8(octets, false);
  }

  terminer(): TexteDecode {
    if (this.debut && this.reste.length > 0) {
      this.debut = false;
      return this.decoderUtf8(this.reste, true);
    }
    if (this.decodeur) return { texte: this.decodeur.decode() };
    const reste = this.reste;
    this.reste = new Uint8Array(0);
    return reste.length === 0 ? { texte: "" } : this.decoderUtf8(reste, true);
  }

  private choisir(encodage: Encodage): void {
    this.encodageChoisi = encodage;
    if (encodage !== "utf-8") this.decodeur = new TextDecoder(encodage);
  }

  private decoderUtf8(octets: Uint8Array, fin: boolean): TexteDecode {
    const { invalide, incomplet } = analyserUtf8(octets);
    if (invalide >= 0 || (fin && incomplet < octets.length)) {
      const valide = invalide >= 0 ? invalide : incomplet;
      if (this.encodageChoisi === undefined && !octets.subarray(0, valide).some((o) => o >= 0x80)) {
        // Nothing but ASCII so far: this is a Windows-1252 file.
        this.choisir("windows-1252");
        return { texte: (this.decodeur as TextDecoder).decode(octets, { stream: !fin }) };
      }
      this.encodageChoisi = "utf-8";
      return { texte: this.utf8.decode(octets.subarray(0, valide)), erreur: MESSAGE_ENCODAGE_MIXTE };
    }
    const complet = octets.subarray(0, incomplet);
    if (this.encodageChoisi === undefined && complet.some((o) => o >= 0x80)) this.encodageChoisi = "utf-8";
    this.reste = octets.slice(incomplet);
    return { texte: this.utf8.decode(complet) };
  }
}

/**
 * Scans UTF-8: `invalide` is the index of the first invalid byte (-1 if none); `incomplet` is where a sequence cut
 * by the end of the buffer starts (the length when none). Overlong forms, surrogates and code points above
 * U+10FFFF are invalid, as in the WHATWG decoder.
 */
export function analyserUtf8(octets: Uint8Array): { invalide: number; incomplet: number } {
  const n = octets.length;
  let i = 0;
  while (i < n) {
    const b = octets[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let longueur: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) longueur = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      longueur = 3;
      if (b === 0xe0) min = 0xa0;
      else if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      longueur = 4;
      if (b === 0xf0) min = 0x90;
      else if (b === 0xf4) max = 0x8f;
    } else return { invalide: i, incomplet: n };
    for (let k = 1; k < longueur; k++) {
      if (i + k >= n) return { invalide: -1, incomplet: i };
      const suite = octets[i + k] as number;
      const borneMin = k === 1 ? min : 0x80;
      const borneMax = k === 1 ? max : 0xbf;
      if (suite < borneMin || suite > borneMax) return { invalide: i, incomplet: n };
    }
    i += longueur;
  }
  return { invalide: -1, incomplet: n };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const c = new Uint8Array(a.length + b.length);
  c.set(a, 0);
  c.set(b, a.length);
  return c;
}

export type Separateur = ";" | "," | "\t";

/** One CSV record: its number in the spreadsheet (header = 1) and its fields. */
export interface EnregistrementCsv {
  numero: number;
  champs: string[];
}

export interface OptionsAnalyseurCsv {
  /** Forced separator; detected on the header line otherwise. */
  separateur?: Separateur;
  maxColonnes: number;
  /** Characters per cell (Excel: 32 767). */
  maxLongueurCellule?: number;
}

const GUILLEMET = 34;
const LF = 10;
const CR = 13;
/** How much text may wait for the end of the header line before the separator is chosen anyway. */
const MAX_ATTENTE_ENTETE = 1_000_000;

/**
 * Incremental RFC 4180 parser: `pousser` text as it is decoded, get the complete records; `terminer` at the end.
 * Lenient like Excel on the details (text after a closing quote is kept; a quote inside an unquoted field is a
 * character), strict on what would hide data: an unterminated quote is an error.
 * Each record is one spreadsheet row, whatever line breaks its quoted fields contain.
 */
export class AnalyseurCsv {
  private sep: number | undefined;
  private separateurChoisi: Separateur | undefined;
  private attente = "";
  private champ = "";
  private champs: string[] = [];
  private entreGuillemets = false;
  private apresGuillemet = false;
  private champCommence = false;
  private apresCR = false;
  private numero = 1;
  private debutGuillemet = 1;
  private readonly maxLongueur: number;

  constructor(private readonly options: OptionsAnalyseurCsv) {
    this.maxLongueur = options.maxLongueurCellule ?? LONGUEUR_MAX_CELLULE;
    if (options.separateur) this.choisirSeparateur(options.separateur);
  }

  /** The separator in use (known once the header line has been seen). */
  get separateur(): Separateur | undefined {
    return this.separateurChoisi;
  }

  pousser(texte: string): EnregistrementCsv[] {
    if (this.sep === undefined) {
      this.attente += texte;
      const finEntete = finPremiereLigne(this.attente);
      if (finEntete < 0 && this.attente.length < MAX_ATTENTE_ENTETE) return [];
      this.choisirSeparateur(detecterSeparateur(this.attente.slice(0, finEntete < 0 ? undefined : finEntete)));
      texte = this.attente;
      this.attente = "";
    }
    const sortie: EnregistrementCsv[] = [];
    this.analyser(texte, sortie);
    return sortie;
  }

  terminer(): EnregistrementCsv[] {
    const sortie: EnregistrementCsv[] = [];
    if (this.sep === undefined) {
      this.choisirSeparateur(detecterSeparateur(this.attente));
      const texte = this.attente;
      this.attente = "";
      this.analyser(texte, sortie);
    }
    if (this.entreGuillemets && !this.apresGuillemet) {
      throw new ErreurTableur(
        "FICHIER_ILLISIBLE",
        `Un guillemet ouvert à la ligne ${formatEntier(this.debutGuillemet)} n'est jamais fermé : vérifiez cette cellule.`,
        { ligne: this.debutGuillemet },
      );
    }
    if (this.champCommence || this.champ !== "" || this.champs.length > 0) this.finEnregistrement(sortie);
    return sortie;
  }

  private choisirSeparateur(separateur: Separateur): void {
    this.separateurChoisi = separateur;
    this.sep = separateur.charCodeAt(0);
  }

  private analyser(texte: string, sortie: EnregistrementCsv[]): void {
    const sep = this.sep as number;
    const n = texte.length;
    let debut = 0; // start of the slice of `texte` not yet appended to the current field
    let i = 0;
    while (i < n) {
      const c = texte.charCodeAt(i);
      if (this.apresCR) {
        this.apresCR = false;
        if (c === LF) {
          i++;
          debut = i;
          continue;
        }
      }
      if (this.entreGuillemets) {
        if (this.apresGuillemet) {
          this.apresGuillemet = false;
          if (c === GUILLEMET) {
            // Doubled quote: one literal quote.
            this.champ += '"';
            i++;
            debut = i;
            continue;
          }
          this.entreGuillemets = false; // the previous quote closed the field: read `c` unquoted below
        } else {
          if (c === GUILLEMET) {
            this.ajouter(texte.slice(debut, i));
            this.apresGuillemet = true;
            debut = i + 1;
          }
          i++;
          continue;
        }
      }
      if (c === sep) {
        this.ajouter(texte.slice(debut, i));
        this.finChamp();
        debut = i + 1;
      } else if (c === LF || c === CR) {
        this.ajouter(texte.slice(debut, i));
        this.finEnregistrement(sortie);
        this.apresCR = c === CR;
        debut = i + 1;
      } else if (c === GUILLEMET && debut === i && !this.champCommence) {
        this.entreGuillemets = true;
        this.champCommence = true;
        this.debutGuillemet = this.numero;
        debut = i + 1;
      }
      i++;
    }
    this.ajouter(texte.slice(debut, n));
  }

  private ajouter(morceau: string): void {
    if (morceau === "") return;
    this.champ += morceau;
    this.champCommence = true;
    this.verifierLongueur();
  }

  private verifierLongueur(): void {
    if (this.champ.length > this.maxLongueur) {
      const colonne = lettreColonne(this.champs.length + 1);
      throw new ErreurTableur(
        "CELLULE_TROP_LONGUE",
        `La cellule ${colonne}${this.numero} dépasse ${formatEntier(this.maxLongueur)} caractères${
          this.entreGuillemets ? " : un guillemet ouvert n'a sans doute pas été fermé" : ""
        }.`,
        { ligne: this.numero, colonne, limite: this.maxLongueur },
      );
    }
  }

  private finChamp(): void {
    this.champs.push(this.champ);
    this.champ = "";
    this.champCommence = false;
    if (this.champs.length >= this.options.maxColonnes) {
      throw new ErreurTableur(
        "TROP_DE_COLONNES",
        `La ligne ${formatEntier(this.numero)} contient plus de ${formatEntier(this.options.maxColonnes)} colonnes.`,
        { ligne: this.numero, limite: this.options.maxColonnes },
      );
    }
  }

  private finEnregistrement(sortie: EnregistrementCsv[]): void {
    this.champs.push(this.champ);
    sortie.push({ numero: this.numero, champs: this.champs });
    this.numero++;
    this.champs = [];
    this.champ = "";
    this.champCommence = false;
  }
}

/** Index of the first line break outside quotes, or -1. */
function finPremiereLigne(texte: string): number {
  let entreGuillemets = false;
  for (let i = 0; i < texte.length; i++) {
    const c = texte.charCodeAt(i);
    if (c === GUILLEMET) entreGuillemets = !entreGuillemets;
    else if (!entreGuillemets && (c === LF || c === CR)) return i;
  }
  return -1;
}

/** The most frequent of `;`, `,` and tab outside quotes (`;` on a tie or when none appears). */
export function detecterSeparateur(ligne: string): Separateur {
  const compte = { ";": 0, ",": 0, "\t": 0 };
  let entreGuillemets = false;
  for (const c of ligne) {
    if (c === '"') entreGuillemets = !entreGuillemets;
    else if (!entreGuillemets && (c === ";" || c === "," || c === "\t")) compte[c]++;
  }
  let meilleur: Separateur = ";";
  for (const sep of [",", "\t"] as const) if (compte[sep] > compte[meilleur]) meilleur = sep;
  return meilleur;
}

/** One field for a CSV file: quoted when it holds the separator, a quote or a line break (RFC 4180). */
export function champCsv(valeur: string, separateur: Separateur = ";"): string {
  return valeur.includes(separateur) || /["\r\n]/.test(valeur) ? `"${valeur.replaceAll('"', '""')}"` : valeur;
}

/** One CSV line (CRLF-terminated, as Excel writes them). */
export function ligneCsv(valeurs: readonly string[], separateur: Separateur = ";"): string {
  return `${valeurs.map((v) => champCsv(v, separateur)).join(separateur)}\r\n`;
}

/** The UTF-8 byte order mark: French Excel needs it to read a CSV as UTF-8 rather than Windows-1252. */
export const BOM_UTF8 = "\ufeff";
