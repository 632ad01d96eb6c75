/**
 * `lireTableur`: a CSV or XLSX file → typed rows and the list of every bad cell.
 *
 * The file is read as a stream of bytes with its limits enforced as they arrive (size, rows, columns, cell
 * length, XLSX decompressed size), so a hostile file is refused early and in bounded memory. Every rejection of
 * the whole file is an `ErreurTableur` with a stable code; problems of single cells are collected, never thrown.
 */
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { ReadableStream as ReadableStreamWeb } from "node:stream/web";
import ExcelJS from "exceljs";
import { type Colonne, type Colonnes, type LigneDe, lettreColonne, normaliserEntete } from "./colonnes";
import { type CelluleBrute, convertirCellule, estVide, texteAffiche } from "./conversion";
import { AnalyseurCsv, DecodeurTexte, type Encodage, type Separateur } from "./csv";
import { ErreurTableur, formatEntier, formatOctets } from "./erreurs";
import { type EntreeZip, lireRepertoireZip, reconstruireZip, verifierEntree } from "./zip";

/** What `lireTableur` accepts: bytes in memory, a Node stream (upload) or a web stream. */
export type SourceTableur = Uint8Array | Readable | ReadableStreamWeb<Uint8Array> | AsyncIterable<Uint8Array>;

export type FormatTableur = "xlsx" | "csv";

/** Progress of a reading, for a progress bar. */
export interface Progression {
  /** `reception` while an XLSX is received (it must be whole before it is opened), `analyse` while rows are read. */
  phase: "reception" | "analyse";
  /** Spreadsheet rows read so far (header included). */
  lignesLues: number;
  /** Bytes of the file read (or, for an XLSX being analysed, an estimate of the position in the file). */
  octetsLus: number;
  /** Size of the file when known (a `Buffer`, or `octetsTotal` given by the caller). */
  octetsTotal?: number;
}

/** Default limits (reliability BI-2). */
export const LIMITES_PAR_DEFAUT = {
  maxOctets: 20 * 1024 * 1024,
  maxLignes: 100_000,
  maxColonnes: 200,
  maxOctetsDecompresses: 200 * 1024 * 1024,
  maxProblemes: 10_000,
} as const;

/** A problem found on a row, by a caller's row check (`validerLigne`). */
export interface ProblemeLigne<Cle extends string = string> {
  /** The column concerned, if one is; the problem is on the whole row otherwise. */
  cle?: Cle;
  message: string;
}

export interface OptionsLecture<C extends Colonnes> {
  format: FormatTableur;
  colonnes: C;
  /** Upload size cap. Default: 20 Mo. */
  maxOctets?: number;
  /** Rows under the header. Default: 100 000. */
  maxLignes?: number;
  /** Cells per row. Default: 200. */
  maxColonnes?: number;
  /** XLSX only: cap on the decompressed size (zip bombs). Default: 200 Mo. */
  maxOctetsDecompresses?: number;
  /** Problems kept in detail; the others are counted in `problemesOmis`. Default: 10 000. */
  maxProblemes?: number;
  /** Announced size of a streamed file (e.g. Content-Length), for `onProgression`. */
  octetsTotal?: number;
  onProgression?: (progression: Progression) => void;
  /**
   * Row-level check run on rows whose cells are all valid (e.g. « la date de fin précède la date de début »).
   * Pure and synchronous: checks that need the database belong to the caller, after the reading.
   */
  validerLigne?: (valeurs: LigneDe<C>, numero: number) => readonly ProblemeLigne<C[number]["cle"]>[] | undefined;
}

/** One bad cell (or row), located as the user sees it in the spreadsheet. */
export interface Probleme {
  /** Row number in the spreadsheet (header = 1). */
  ligne: number;
  /** Header as written in the file ("" for a cell outside the header, or a whole-row problem). */
  colonne: string;
  /** Field name of the column, when the cell belongs to a declared column. */
  cle?: string;
  /** Excel column letter (also for CSV: that is what the user sees when opening it). */
  lettre?: string;
  /** The value as the user sees it (cut to 100 characters). */
  valeur: string;
  /** French explanation, phrased so that the user can fix the cell. */
  message: string;
}

/** A valid row: its number in the spreadsheet and its parsed values. */
export interface LigneLue<L> {
  numero: number;
  valeurs: L;
}

export interface ResultatLecture<L> {
  /** Rows without any problem, in file order. */
  lignes: LigneLue<L>[];
  /** Every problem, in row then column order (at most `maxProblemes`). */
  problemes: Probleme[];
  /** Problems found beyond `maxProblemes`, counted but not detailed. */
  problemesOmis: number;
  /** Non-empty rows under the header. */
  total: number;
  /** Numbers of the rows having at least one problem. */
  lignesEnErreur: number[];
  /** Headers of the file that match no column (their cells are ignored). */
  entetesInconnus: string[];
  /** Headers of optional columns absent from the file (their values are `null`). */
  entetesManquants: string[];
  /** SHA-256 of the bytes read (hex), to record the import and to check that a confirmed file is the analysed one. */
  empreinte: string;
  octets: number;
  format: FormatTableur;
  /** CSV only. */
  encodage?: Encodage;
  /** CSV only. */
  separateur?: Separateur;
}

/**
 * Reads a CSV or XLSX file against declared columns. Headers are matched on their French label (case, accents and
 * spaces ignored) or on the field name; the first sheet of a workbook is read; empty rows are skipped.
 *
 * @throws ErreurTableur for the whole file: FICHIER_TROP_VOLUMINEUX, CONTENU_TROP_VOLUMINEUX, ARCHIVE_SUSPECTE,
 *   FICHIER_ILLISIBLE, FICHIER_VIDE, TROP_DE_LIGNES, TROP_DE_COLONNES, CELLULE_TROP_LONGUE, COLONNES_MANQUANTES,
 *   COLONNES_EN_DOUBLE.
 */
export async function lireTableur<const C extends Colonnes>(
  source: SourceTableur,
  options: OptionsLecture<C>,
): Promise<ResultatLecture<LigneDe<C>>> {
  const limites = {
    maxOctets: options.maxOctets ?? LIMITES_PAR_DEFAUT.maxOctets,
    maxLignes: options.maxLignes ?? LIMITES_PAR_DEFAUT.maxLignes,
    maxColonnes: options.maxColonnes ?? LIMITES_PAR_DEFAUT.maxColonnes,
    maxOctetsDecompresses: options.maxOctetsDecompresses ?? LIMITES_PAR_DEFAUT.maxOctetsDecompresses,
    maxProblemes: options.maxProblemes ?? LIMITES_PAR_DEFAUT.maxProblemes,
  };
  const octetsTotal = source instanceof Uint8Array ? source.length : options.octetsTotal;
  if (octetsTotal !== undefined && octetsTotal > limites.maxOctets) throw tropVolumineux(limites.maxOctets);
  const lecture = new Lecture<C>(options.colonnes, limites, options.format === "csv", options.validerLigne);
  const flux = new FluxOctets(source, limites.maxOctets, octetsTotal, options.onProgression);
  try {
    if (options.format === "csv") await lireCsv(flux, lecture, limites.maxColonnes);
    else await lireXlsx(flux, lecture, limites);
  } catch (erreur) {
    if (erreur instanceof ErreurTableur) throw erreur;
    if (erreur instanceof ErreurAppelant) throw erreur.cause; // a bug in a hook is not a bad file
    // Anything else comes from parsing a damaged file (exceljs, unzipper, saxes…).
    const refus = new ErreurTableur(
      "FICHIER_ILLISIBLE",
      "Le fichier n'a pas pu être lu : il est endommagé ou n'est pas au format annoncé.",
    );
    Object.defineProperty(refus, "cause", { value: erreur }); // for the logs, never shown to the user
    throw refus;
  } finally {
    flux.fermer();
  }
  flux.signaler("analyse", lecture.lignesLues, true);
  return lecture.resultat(flux);
}

/** Wraps what the caller's hooks (`valider`, `validerLigne`, `onProgression`) throw, to rethrow it unchanged. */
class ErreurAppelant {
  constructor(readonly cause: unknown) {}
}

function appeler<T>(crochet: () => T): T {
  try {
    return crochet();
  } catch (erreur) {
    throw new ErreurAppelant(erreur);
  }
}

function tropVolumineux(max: number): ErreurTableur {
  return new ErreurTableur("FICHIER_TROP_VOLUMINEUX", `Le fichier dépasse la taille maximale acceptée (${formatOctets(max)}).`, {
    limite: max,
  });
}

/** The bytes of the source, with the size cap, the fingerprint and the progress. */
class FluxOctets {
  octetsLus = 0;
  private readonly hachage = createHash("sha256");
  private readonly iterable: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  private dernierSignal = 0;

  constructor(
    private readonly source: SourceTableur,
    private readonly maxOctets: number,
    readonly octetsTotal: number | undefined,
    private readonly onProgression: ((p: Progression) => void) | undefined,
  ) {
    this.iterable = source instanceof Uint8Array ? decouper(source) : (source as AsyncIterable<Uint8Array>);
  }

  async *morceaux(): AsyncGenerator<Uint8Array> {
    for await (const brut of this.iterable) {
      const morceau = typeof brut === "string" ? Buffer.from(brut) : brut;
      this.octetsLus += morceau.length;
      if (this.octetsLus > this.maxOctets) throw tropVolumineux(this.maxOctets);
      this.hachage.update(morceau);
      yield morceau;
    }
  }

  get empreinte(): string {
    return this.hachage.copy().digest("hex");
  }

  signaler(phase: Progression["phase"], lignesLues: number, forcer = false, octetsLus = this.octetsLus): void {
    if (!this.onProgression) return;
    const maintenant = Date.now();
    if (!forcer && maintenant - this.dernierSignal < 100) return;
    this.dernierSignal = maintenant;
    const progression = { phase, lignesLues, octetsLus, ...(this.octetsTotal !== undefined ? { octetsTotal: this.octetsTotal } : {}) };
    const onProgression = this.onProgression;
    appeler(() => onProgression(progression));
  }

  fermer(): void {
    if (this.source instanceof Readable) this.source.destroy();
  }
}

function* decouper(octets: Uint8Array): Generator<Uint8Array> {
  const tranche = 64 * 1024;
  for (let i = 0; i < octets.length; i += tranche) yield octets.subarray(i, Math.min(octets.length, i + tranche));
}

async function lireCsv<C extends Colonnes>(flux: FluxOctets, lecture: Lecture<C>, maxColonnes: number): Promise<void> {
  const decodeur = new DecodeurTexte();
  const analyseur = new AnalyseurCsv({ maxColonnes });
  let premier = true;
  const traiter = (texte: string, erreur: string | undefined, fin: boolean) => {
    for (const { numero, champs } of fin ? [...analyseur.pousser(texte), ...analyseur.terminer()] : analyseur.pousser(texte)) {
      lecture.ligne(numero, champs);
    }
    if (erreur) {
      const ligne = lecture.lignesLues + 1;
      throw new ErreurTableur("FICHIER_ILLISIBLE", `${erreur} (vers la ligne ${formatEntier(ligne)})`, { ligne });
    }
  };
  for await (const morceau of flux.morceaux()) {
    if (premier) {
      premier = false;
      verifierPasUnClasseur(morceau);
    }
    const { texte, erreur } = decodeur.decoder(morceau);
    traiter(texte, erreur, false);
    flux.signaler("analyse", lecture.lignesLues);
  }
  const { texte, erreur } = decodeur.terminer();
  traiter(texte, erreur, true);
  lecture.encodage = decodeur.encodage;
  lecture.separateur = analyseur.separateur;
}

/** A workbook sent as CSV is refused with a message that says what to do. */
function verifierPasUnClasseur(debut: Uint8Array): void {
  const signature = debut.length >= 4 ? Buffer.from(debut.subarray(0, 4)).readUInt32BE(0) : 0;
  if (signature === 0x504b0304 || signature === 0xd0cf11e0) {
    throw new ErreurTableur(
      "FICHIER_ILLISIBLE",
      "Ce fichier est un classeur Excel, pas un fichier CSV : choisissez le format XLSX, ou enregistrez-le au format « CSV UTF-8 ».",
    );
  }
}

const ENTREES_UTILES = ["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"];
const FEUILLE = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const SST_VIDE = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

async function lireXlsx<C extends Colonnes>(
  flux: FluxOctets,
  lecture: Lecture<C>,
  limites: { maxOctetsDecompresses: number; maxColonnes: number },
): Promise<void> {
  // The central directory is at the end: an XLSX is received whole (it is capped by `maxOctets`).
  const morceaux: Uint8Array[] = [];
  for await (const morceau of flux.morceaux()) {
    morceaux.push(morceau);
    flux.signaler("reception", 0);
  }
  const octets = Buffer.concat(morceaux);
  morceaux.length = 0;
  if (octets.length === 0) throw new ErreurTableur("FICHIER_VIDE", "Le fichier est vide.");

  const entrees = lireRepertoireZip(octets, { maxOctetsDecompresses: limites.maxOctetsDecompresses });
  const parNom = new Map(entrees.map((e) => [e.nom, e]));
  const utiles: EntreeZip[] = [];
  for (const nom of ENTREES_UTILES) {
    const entree = parNom.get(nom);
    if (entree) utiles.push(entree);
    else if (nom !== "xl/styles.xml" && nom !== "xl/sharedStrings.xml") {
      throw new ErreurTableur(
        "FICHIER_ILLISIBLE",
        "Le fichier n'est pas un classeur Excel valide (il y manque la description du classeur).",
      );
    }
  }
  const feuilles = entrees
    .filter((e) => FEUILLE.test(e.nom))
    .sort((a, b) => Number(FEUILLE.exec(a.nom)?.[1]) - Number(FEUILLE.exec(b.nom)?.[1]));
  if (feuilles.length === 0) throw new ErreurTableur("FICHIER_ILLISIBLE", "Le classeur ne contient aucune feuille lisible.");
  for (const entree of [...utiles, ...feuilles]) await verifierEntree(octets, entree);

  // Without a shared strings part, exceljs would copy the sheets to temporary files: give it an empty one.
  const ajouts = parNom.has("xl/sharedStrings.xml") ? [] : [{ nom: "xl/sharedStrings.xml", contenu: SST_VIDE }];
  const tailleReconstruite = [...utiles, ...feuilles].reduce((n, e) => n + e.tailleCompressee + 30 + e.nom.length, 0);
  let lus = 0;
  const reconstruit = Readable.from(
    (function* () {
      for (const tranche of reconstruireZip(octets, [...utiles, ...feuilles], ajouts)) {
        lus += tranche.length;
        yield tranche;
      }
    })(),
    { objectMode: false },
  );
  const position = () => Math.min(octets.length, Math.round((lus / Math.max(1, tailleReconstruite)) * octets.length));

  try {
    const classeur = new ExcelJS.stream.xlsx.WorkbookReader(reconstruit, {
      worksheets: "emit",
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      entries: "ignore",
    });
    let lue = false;
    for await (const feuille of classeur) {
      const premiere = (classeur as unknown as { model?: { sheets?: { name?: string }[] } }).model?.sheets?.[0]?.name;
      const nom = (feuille as unknown as { name?: string }).name;
      if (premiere !== undefined && nom !== undefined && nom !== premiere) continue;
      lue = true;
      for await (const rangee of feuille) {
        const valeurs = rangee.values as unknown[];
        if (valeurs.length - 1 > limites.maxColonnes) {
          throw new ErreurTableur(
            "TROP_DE_COLONNES",
            `La ligne ${formatEntier(rangee.number)} contient plus de ${formatEntier(limites.maxColonnes)} colonnes.`,
            { ligne: rangee.number, limite: limites.maxColonnes },
          );
        }
        const cellules: CelluleBrute[] = [];
        for (let k = 1; k < valeurs.length; k++) cellules.push(celluleExceljs(valeurs[k]));
        lecture.ligne(rangee.number, cellules);
        flux.signaler("analyse", lecture.lignesLues, false, position());
      }
      break;
    }
    if (!lue) throw new ErreurTableur("FICHIER_ILLISIBLE", "Le classeur ne contient aucune feuille lisible.");
    lecture.fin();
  } finally {
    reconstruit.destroy();
  }
}

/** An exceljs cell value → a raw cell (formulas give their cached result, rich text its plain text). */
function celluleExceljs(valeur: unknown): CelluleBrute {
  if (valeur === null || valeur === undefined) return null;
  if (typeof valeur === "string" || typeof valeur === "boolean" || valeur instanceof Date) return valeur;
  if (typeof valeur === "number") return Number.isNaN(valeur) ? { erreurExcel: "#VALEUR!" } : valeur;
  if (typeof valeur === "object") {
    const v = valeur as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((r) => String(r.text ?? "")).join("");
    if ("formula" in v || "sharedFormula" in v) return v.result === undefined ? { formuleSansResultat: true } : celluleExceljs(v.result);
    if ("error" in v) return { erreurExcel: String(v.error) };
    if ("text" in v) return celluleExceljs(v.text);
  }
  return String(valeur);
}

interface Limites {
  maxLignes: number;
  maxColonnes: number;
  maxProblemes: number;
}

/** Header matching and row conversion, shared by both formats. */
class Lecture<C extends Colonnes> {
  lignesLues = 0;
  encodage: Encodage | undefined;
  separateur: Separateur | undefined;
  private entete: { colonnes: (Colonne | null)[]; libelles: string[] } | undefined;
  private readonly lignes: LigneLue<LigneDe<C>>[] = [];
  private readonly problemes: Probleme[] = [];
  private problemesOmis = 0;
  private total = 0;
  private readonly lignesEnErreur: number[] = [];
  private entetesInconnus: string[] = [];
  private entetesManquants: string[] = [];

  constructor(
    private readonly colonnes: C,
    private readonly limites: Limites,
    private readonly csv: boolean,
    private readonly validerLigne: OptionsLecture<C>["validerLigne"],
  ) {}

  ligne(numero: number, cellules: readonly CelluleBrute[]): void {
    this.lignesLues++;
    if (!this.entete) {
      if (numero !== 1 || cellules.every(estVide)) {
        throw new ErreurTableur(
          "COLONNES_MANQUANTES",
          "La ligne 1 doit contenir les en-têtes des colonnes : téléchargez le modèle pour les retrouver.",
          {
            ligne: 1,
          },
        );
      }
      this.lireEntete(cellules);
      return;
    }
    if (numero > this.limites.maxLignes + 1) {
      throw new ErreurTableur(
        "TROP_DE_LIGNES",
        `Le fichier dépasse ${formatEntier(this.limites.maxLignes)} lignes : découpez-le en plusieurs fichiers.`,
        { ligne: numero, limite: this.limites.maxLignes },
      );
    }
    if (cellules.every(estVide)) return;
    this.total++;
    const { colonnes, libelles } = this.entete;
    const valeurs: Record<string, unknown> = {};
    for (const colonne of this.colonnes) valeurs[colonne.cle] = null;
    let problemes = 0;
    const signaler = (k: number, colonne: Colonne | null, brut: CelluleBrute, message: string) => {
      problemes++;
      this.ajouterProbleme({
        ligne: numero,
        colonne: libelles[k] ?? "",
        ...(colonne ? { cle: colonne.cle } : {}),
        lettre: lettreColonne(k + 1),
        valeur: couper(texteAffiche(brut)),
        message,
      });
    };
    const largeur = Math.max(colonnes.length, cellules.length);
    for (let k = 0; k < largeur; k++) {
      const brut = cellules[k] ?? null;
      const colonne = colonnes[k];
      if (colonne === undefined || (colonne === null && (libelles[k] ?? "") === "")) {
        // A cell right of the header or under an empty header: its data would be lost silently.
        if (!estVide(brut)) signaler(k, null, brut, "Cette cellule n'est sous aucun en-tête de colonne : sa valeur serait perdue.");
        continue;
      }
      if (colonne === null) continue; // unknown header, reported once in `entetesInconnus`
      const conversion = appeler(() => convertirCellule(colonne, brut, { csv: this.csv }));
      if (conversion.ok) valeurs[colonne.cle] = conversion.valeur;
      else signaler(k, colonne, brut, conversion.message);
    }
    const validerLigne = this.validerLigne;
    if (problemes === 0 && validerLigne) {
      for (const probleme of appeler(() => validerLigne(valeurs as LigneDe<C>, numero)) ?? []) {
        const k = probleme.cle === undefined ? -1 : colonnes.findIndex((c) => c?.cle === probleme.cle);
        problemes++;
        this.ajouterProbleme({
          ligne: numero,
          colonne: k >= 0 ? (libelles[k] ?? "") : "",
          ...(probleme.cle !== undefined ? { cle: probleme.cle } : {}),
          ...(k >= 0 ? { lettre: lettreColonne(k + 1) } : {}),
          valeur: k >= 0 ? couper(texteAffiche(cellules[k] ?? null)) : "",
          message: probleme.message,
        });
      }
    }
    if (problemes > 0) this.lignesEnErreur.push(numero);
    else this.lignes.push({ numero, valeurs: valeurs as LigneDe<C> });
  }

  fin(): void {
    if (!this.entete) throw new ErreurTableur("FICHIER_VIDE", "Le fichier est vide : la ligne 1 doit contenir les en-têtes des colonnes.");
  }

  private ajouterProbleme(probleme: Probleme): void {
    if (this.problemes.length < this.limites.maxProblemes) this.problemes.push(probleme);
    else this.problemesOmis++;
  }

  private lireEntete(cellules: readonly CelluleBrute[]): void {
    const parNom = new Map<string, Colonne>();
    for (const colonne of this.colonnes) {
      parNom.set(normaliserEntete(colonne.entete), colonne);
      parNom.set(normaliserEntete(colonne.cle), colonne);
    }
    const colonnes: (Colonne | null)[] = [];
    const libelles: string[] = [];
    const trouvees = new Map<Colonne, string[]>();
    const inconnus: string[] = [];
    for (const brut of cellules) {
      const libelle = texteAffiche(brut).replace(/\s+/g, " ").trim();
      const colonne = parNom.get(normaliserEntete(libelle)) ?? null;
      colonnes.push(colonne);
      libelles.push(libelle);
      if (colonne) trouvees.set(colonne, [...(trouvees.get(colonne) ?? []), libelle]);
      else if (libelle !== "") inconnus.push(libelle);
    }
    const doubles = [...trouvees.entries()].filter(([, vus]) => vus.length > 1);
    if (doubles.length > 0) {
      const liste = doubles.map(([colonne, vus]) => `« ${colonne.entete} » (${vus.map((v) => `« ${v} »`).join(", ")})`).join(" ; ");
      throw new ErreurTableur(
        "COLONNES_EN_DOUBLE",
        `Ces colonnes apparaissent plusieurs fois dans l'en-tête : ${liste}. Gardez-en une seule.`,
        {
          ligne: 1,
        },
      );
    }
    const manquantes = this.colonnes.filter((c) => c.obligatoire && !trouvees.has(c));
    if (manquantes.length > 0) {
      const liste = manquantes.map((c) => `« ${c.entete} »`).join(", ");
      const inconnusTexte = inconnus.length > 0 ? ` Colonnes non reconnues : ${inconnus.map((e) => `« ${e} »`).join(", ")}.` : "";
      throw new ErreurTableur(
        "COLONNES_MANQUANTES",
        `${manquantes.length > 1 ? "Colonnes obligatoires absentes" : "Colonne obligatoire absente"} de la ligne 1 : ${liste}.${inconnusTexte} Téléchargez le modèle pour retrouver les en-têtes attendus.`,
        { ligne: 1, entetesManquants: manquantes.map((c) => c.entete), entetesInconnus: inconnus },
      );
    }
    this.entetesInconnus = inconnus;
    this.entetesManquants = this.colonnes.filter((c) => !trouvees.has(c)).map((c) => c.entete);
    this.entete = { colonnes, libelles };
  }

  resultat(flux: FluxOctets): ResultatLecture<LigneDe<C>> {
    this.fin();
    return {
      lignes: this.lignes,
      problemes: this.problemes,
      problemesOmis: this.problemesOmis,
      total: this.total,
      lignesEnErreur: this.lignesEnErreur,
      entetesInconnus: this.entetesInconnus,
      entetesManquants: this.entetesManquants,
      empreinte: flux.empreinte,
      octets: flux.octetsLus,
      format: this.csv ? "csv" : "xlsx",
      ...(this.encodage ? { encodage: this.encodage } : {}),
      ...(this.separateur ? { separateur: this.separateur } : {}),
    };
  }
}

function couper(texte: string): string {
  return texte.length > 100 ? `${texte.slice(0, 99)}…` : texte;
}
