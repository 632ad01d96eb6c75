/**
 * Test files built by code, one per defect: workbooks written with exceljs, hand-made zip archives that lie
 * about their sizes, Windows-1252 bytes… Nothing here is used outside the tests.
 */
import { Readable } from "node:stream";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { crc32, lireRepertoireZip } from "../zip";

/**
 * A workbook whose first sheet holds `lignes` (row 1 = headers); `formats` sets number formats by column (1-based).
 * `autresFeuilles` are created BEFORE the data sheet (they get the files sheet1.xml…) but ordered after it in the
 * workbook, so that "first sheet" must be understood in workbook order.
 */
export async function classeur(
  lignes: readonly (readonly unknown[])[],
  options: { formats?: Record<number, string>; autresFeuilles?: string[]; nomFeuille?: string } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const autres = (options.autresFeuilles ?? []).map((nom) => {
    const autre = wb.addWorksheet(nom);
    autre.addRow(["Cette feuille ne doit pas être lue"]);
    return autre;
  });
  const feuille = wb.addWorksheet(options.nomFeuille ?? "Données");
  const ordonner = (f: ExcelJS.Worksheet, rang: number) => {
    (f as unknown as { orderNo: number }).orderNo = rang; // not in exceljs's types, but honoured by its writer
  };
  ordonner(feuille, 0);
  for (const [i, autre] of autres.entries()) ordonner(autre, i + 1);
  for (const ligne of lignes) feuille.addRow([...ligne]);
  for (const [colonne, format] of Object.entries(options.formats ?? {})) feuille.getColumn(Number(colonne)).numFmt = format;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same workbook written by exceljs's streaming writer: inline strings, data descriptors. */
export async function classeurEnFlux(lignes: readonly (readonly unknown[])[]): Promise<Buffer> {
  const morceaux: Buffer[] = [];
  const { PassThrough } = await import("node:stream");
  const sortie = new PassThrough();
  sortie.on("data", (m: Buffer) => morceaux.push(m));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sortie, useSharedStrings: false, useStyles: true });
  const feuille = wb.addWorksheet("Export");
  for (const ligne of lignes) feuille.addRow([...ligne]).commit();
  feuille.commit();
  await wb.commit();
  return Buffer.concat(morceaux);
}

/** One entry of a hand-made archive; the declared sizes may lie. */
export interface EntreeFabriquee {
  nom: string;
  /** Content before compression (ignored when `donneesBrutes` is given). */
  contenu?: Buffer;
  /** Bytes stored as they are in the archive (already compressed, or junk). */
  donneesBrutes?: Buffer;
  methode?: 0 | 8;
  tailleDecompresseeDeclaree?: number;
  /** Offset of the local header to declare in the central directory (overlapping entries). */
  decalageDeclare?: number;
  /** Compressed size to declare in the central directory. */
  tailleCompresseeDeclaree?: number;
  /** Only in the central directory: no local header nor data of its own (overlapping entries). */
  centralSeulement?: boolean;
}

/** A zip archive written by hand, to say what we want in the central directory. */
export function zipFabrique(entrees: readonly EntreeFabriquee[]): Buffer {
  const locaux: Buffer[] = [];
  const central: Buffer[] = [];
  let position = 0;
  for (const e of entrees) {
    const methode = e.methode ?? 8;
    const contenu = e.contenu ?? Buffer.alloc(0);
    const donnees = e.donneesBrutes ?? (methode === 8 ? deflateRawSync(contenu) : contenu);
    const nom = Buffer.from(e.nom);
    const taille = e.tailleDecompresseeDeclaree ?? contenu.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(methode, 8);
    local.writeUInt32LE(crc32(contenu), 14);
    local.writeUInt32LE(e.tailleCompresseeDeclaree ?? donnees.length, 18);
    local.writeUInt32LE(taille, 22);
    local.writeUInt16LE(nom.length, 26);
    const entete = Buffer.alloc(46);
    entete.writeUInt32LE(0x02014b50, 0);
    entete.writeUInt16LE(20, 4);
    local.copy(entete, 6, 4, 30);
    entete.writeUInt32LE(e.decalageDeclare ?? position, 42);
    central.push(entete, nom);
    if (e.centralSeulement) continue;
    locaux.push(local, nom, donnees);
    position += 30 + nom.length + donnees.length;
  }
  const repertoire = Buffer.concat(central);
  const fin = Buffer.alloc(22);
  fin.writeUInt32LE(0x06054b50, 0);
  fin.writeUInt16LE(entrees.length, 8);
  fin.writeUInt16LE(entrees.length, 10);
  fin.writeUInt32LE(repertoire.length, 12);
  fin.writeUInt32LE(position, 16);
  return Buffer.concat([...locaux, repertoire, fin]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The minimal parts of a one-sheet workbook, around the given sheet XML. */
export function partiesMinimales(feuilleXml: Buffer | string): EntreeFabriquee[] {
  return [
    {
      nom: "xl/workbook.xml",
      contenu: Buffer.from(
        `<?xml version="1.0"?><workbook ${NS} ${NS_R}><sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      nom: "xl/_rels/workbook.xml.rels",
      contenu: Buffer.from(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    { nom: "xl/worksheets/sheet1.xml", contenu: typeof feuilleXml === "string" ? Buffer.from(feuilleXml) : feuilleXml },
  ];
}

/** Sheet XML with inline strings (`t="inlineStr"`), enough to read a header and a few rows. */
export function feuilleXml(lignes: readonly (readonly string[])[]): string {
  const rangees = lignes
    .map(
      (ligne, i) =>
        `<row r="${i + 1}">${ligne
          .map((v, k) => `<c r="${String.fromCharCode(65 + k)}${i + 1}" t="inlineStr"><is><t>${v}</t></is></c>`)
          .join("")}</row>`,
    )
    .join("");
  return `<?xml version="1.0"?><worksheet ${NS}><sheetData>${rangees}</sheetData></worksheet>`;
}

/**
 * Zip bomb that a reader trusting the archive would inflate: a small file whose central directory declares
 * huge (but deflate-possible) uncompressed sizes. `octetsCompresses` of junk stand for the compressed data.
 */
export function bombeDeclaree(tailleDeclaree: number, octetsCompresses: number): Buffer {
  return zipFabrique([
    ...partiesMinimales(feuilleXml([["Objet"]])).slice(0, 2),
    { nom: "xl/worksheets/sheet1.xml", donneesBrutes: Buffer.alloc(octetsCompresses, 0x55), tailleDecompresseeDeclaree: tailleDeclaree },
  ]);
}

/** An archive that lies: the sheet declares `tailleDeclaree` bytes but really inflates to `tailleReelle` bytes. */
export function archiveMenteuse(tailleDeclaree: number, tailleReelle: number): Buffer {
  const debut = Buffer.from(feuilleXml([["Objet"]]).replace("</worksheet>", "<!--"));
  const remplissage = Buffer.alloc(tailleReelle - debut.length, 0x20);
  const contenu = Buffer.concat([debut, remplissage]);
  return zipFabrique([
    ...partiesMinimales(feuilleXml([["Objet"]])).slice(0, 2),
    { nom: "xl/worksheets/sheet1.xml", contenu, tailleDecompresseeDeclaree: tailleDeclaree },
  ]);
}

/**
 * Non-recursive zip bomb (Fifield): one small deflated kernel of `taille` bytes, and `entrees` central directory
 * entries all pointing at it, so that the archive declares `entrees × taille` bytes in a few dozen kilobytes.
 */
export function bombeChevauchante(entrees: number, taille: number): Buffer {
  const noyau = deflateRawSync(Buffer.alloc(taille));
  return zipFabrique([
    { nom: "xl/media/image0.bin", donneesBrutes: noyau, tailleDecompresseeDeclaree: taille },
    ...partiesMinimales(feuilleXml([["Objet"]])).map((p) => ({ ...p, methode: 0 as const })),
    ...Array.from({ length: entrees - 1 }, (_, i) => ({
      nom: `xl/media/image${i + 1}.bin`,
      centralSeulement: true,
      decalageDeclare: 0,
      tailleCompresseeDeclaree: noyau.length,
      tailleDecompresseeDeclaree: taille,
    })),
  ]);
}

/** Text as Excel FR writes a CSV: Windows-1252 (é è à ç ô in Latin-1 range, € = 0x80, œ = 0x9C, ’ = 0x92). */
export function windows1252(texte: string): Buffer {
  const speciaux: Record<string, number> = { "€": 0x80, œ: 0x9c, Œ: 0x8c, "’": 0x92, "…": 0x85, "«": 0xab, "»": 0xbb };
  return Buffer.from(
    [...texte].map((c) => {
      const special = speciaux[c];
      if (special !== undefined) return special;
      const code = c.codePointAt(0) ?? 0x3f;
      if (code > 0xff) throw new Error(`Caractère absent de Windows-1252 : ${c}`);
      return code;
    }),
  );
}

/** A stream that yields `lignes` CSV rows lazily and counts how many bytes were actually pulled from it. */
export function csvGenere(lignes: number, entete = "Objet;Montant\r\n"): { flux: Readable; octetsProduits: () => number } {
  let produits = 0;
  function* generer(): Generator<Buffer> {
    let lot: string[] = [entete];
    for (let i = 1; i <= lignes; i++) {
      lot.push(`Ligne ${i};${i},00\r\n`);
      if (lot.length === 1000) {
        const morceau = Buffer.from(lot.join(""));
        produits += morceau.length;
        yield morceau;
        lot = [];
      }
    }
    const morceau = Buffer.from(lot.join(""));
    produits += morceau.length;
    yield morceau;
  }
  return { flux: Readable.from(generer(), { objectMode: false }), octetsProduits: () => produits };
}

/** The text of one file inside a zip archive (e.g. "xl/worksheets/sheet1.xml"), to check what was really written. */
export function extraireEntree(archive: Buffer, nom: string): string {
  const entree = lireRepertoireZip(archive, { maxOctetsDecompresses: 1024 * 1024 * 1024 }).find((e) => e.nom === nom);
  if (!entree) throw new Error(`${nom} absent de l'archive`);
  const donnees = archive.subarray(entree.debutDonnees, entree.debutDonnees + entree.tailleCompressee);
  return (entree.methode === 8 ? inflateRawSync(donnees) : donnees).toString("utf8");
}
