/**
 * `exporterListe`: any list (array, generator, database cursor) → a CSV or XLSX file written as it goes, in bounded
 * memory, with French headers and formats, and formula injection neutralised (reliability BI-3).
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { Colonnes } from "./colonnes";
import { formatXlsx, neutraliserFormule, texteXlsx, valeurCsv, valeurXlsx } from "./conversion";
import { BOM_UTF8, ligneCsv, type Separateur } from "./csv";
import { largeurColonne, nomFeuille } from "./modele";

export interface OptionsExport {
  format: "csv" | "xlsx";
  /** Where the file is written (HTTP response, file, PassThrough). It is ended when the export is complete. */
  vers: Writable;
  /** XLSX: name of the sheet. Default: « Export ». */
  nomFeuille?: string;
  /** CSV: separator. Default: `;` (what French Excel expects). */
  separateur?: Separateur;
  /** Called every 1 000 rows and at the end with the number of rows written. */
  onProgression?: (lignesEcrites: number) => void;
}

/** Rows buffered before a write, for CSV; rows between two pauses that let the XLSX zip stream drain. */
const LOT = 500;

/**
 * Writes `lignes` (parsed values: cents, `YYYY-MM-DD`, list codes…) under the French headers of `colonnes`.
 * - CSV: UTF-8 with BOM, `;`, CRLF, amounts `1234,56`, dates `JJ/MM/AAAA`, booleans `oui`/`non`, list labels;
 *   a text starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`.
 * - XLSX: real numbers (format `# ##0,00 €`) and dates (`JJ/MM/AAAA`), text always as plain string cells,
 *   bold frozen header, widths, filter.
 * Fields of a row that are not columns are ignored. A value of the wrong type is a programming error (TypeError).
 * @returns the number of rows written.
 */
export async function exporterListe(
  lignes: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>,
  colonnes: Colonnes,
  options: OptionsExport,
): Promise<{ lignes: number }> {
  const { vers } = options;
  // `on`, not `once`: a destination can fail more than once (a write after its destruction) and an unhandled
  // "error" event would stop the process.
  const erreur = new Promise<never>((_, rejeter) => vers.on("error", rejeter));
  erreur.catch(() => {}); // observed through `Promise.race` below
  const attendre = <T>(p: Promise<T>) => Promise.race([p, erreur]);
  try {
    const n =
      options.format === "csv"
        ? await exporterCsv(lignes, colonnes, options, attendre)
        : await exporterXlsx(lignes, colonnes, options, attendre);
    options.onProgression?.(n);
    return { lignes: n };
  } catch (e) {
    // A half-written file must not look complete: the destination is destroyed (an HTTP response is aborted).
    vers.destroy();
    throw e;
  }
}

type Attendre = <T>(p: Promise<T>) => Promise<T>;

async function ecrire(vers: Writable, morceau: string, attendre: Attendre): Promise<void> {
  if (!vers.write(morceau)) await attendre(once(vers, "drain"));
}

async function exporterCsv(
  lignes: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>,
  colonnes: Colonnes,
  options: OptionsExport,
  attendre: Attendre,
): Promise<number> {
  const separateur = options.separateur ?? ";";
  const { vers } = options;
  let tampon =
    BOM_UTF8 +
    ligneCsv(
      colonnes.map((c) => neutraliserFormule(c.entete)),
      separateur,
    );
  let n = 0;
  for await (const ligne of lignes) {
    tampon += ligneCsv(
      colonnes.map((c) => valeurCsv(c, ligne[c.cle])),
      separateur,
    );
    n++;
    if (n % LOT === 0) {
      await ecrire(vers, tampon, attendre);
      tampon = "";
      if (n % 1000 === 0) options.onProgression?.(n);
    }
  }
  await ecrire(vers, tampon, attendre);
  vers.end();
  await attendre(once(vers, "finish"));
  return n;
}

async function exporterXlsx(
  lignes: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>,
  colonnes: Colonnes,
  options: OptionsExport,
  attendre: Attendre,
): Promise<number> {
  const { vers } = options;
  // No shared strings: they would keep every distinct text in memory until the end.
  const classeur = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: vers, useSharedStrings: false, useStyles: true });
  const feuille = classeur.addWorksheet(nomFeuille(options.nomFeuille ?? "Export"), { views: [{ state: "frozen", ySplit: 1 }] });
  feuille.columns = colonnes.map((c) => ({ key: c.cle, width: largeurColonne(c) }));
  feuille.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: colonnes.length } };
  const entete = feuille.addRow(colonnes.map((c) => texteXlsx(c.entete)));
  entete.font = { bold: true };
  entete.commit();
  const formats = colonnes.map((c) => (c.type === "euros" || c.type === "date" ? formatXlsx(c) : undefined));
  let n = 0;
  for await (const ligne of lignes) {
    const rangee = feuille.addRow(colonnes.map((c) => valeurXlsx(c, ligne[c.cle])));
    formats.forEach((format, k) => {
      if (format) rangee.getCell(k + 1).numFmt = format;
    });
    rangee.commit();
    n++;
    if (n % LOT === 0) {
      // Lets the zip stream compress what was committed, and honours the destination's back-pressure.
      await attendre(new Promise((resoudre) => setImmediate(resoudre)));
      if (vers.writableNeedDrain) await attendre(once(vers, "drain"));
      if (n % 1000 === 0) options.onProgression?.(n);
    }
  }
  feuille.commit();
  await attendre(classeur.commit());
  if (!vers.writableFinished) await attendre(once(vers, "finish"));
  return n;
}
