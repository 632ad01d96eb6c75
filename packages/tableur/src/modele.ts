/**
 * Templates to download before an import: an XLSX that guides the user (header notes, drop-down lists, checks
 * while typing, an « Aide » sheet) and a CSV that French Excel opens correctly (UTF-8 with BOM, `;`).
 */
import ExcelJS from "exceljs";
import { type Colonne, type Colonnes, decrireFormat, type LigneDe, lettreColonne } from "./colonnes";
import { centimesCsv, formatXlsx, jjmmaaaa, libelleListe, serieExcelDepuisIso, valeurCsv, valeurXlsx } from "./conversion";
import { BOM_UTF8, ligneCsv } from "./csv";
import { LIMITES_PAR_DEFAUT } from "./lecture";

export interface OptionsModele<C extends Colonnes> {
  /** Title of the template: name of the data sheet and heading of the « Aide » sheet (e.g. « Programme d'achat 2027 »). */
  titre: string;
  /** Rows to pre-fill (parsed values). None by default: an example row left in the file would be imported. */
  lignesExemple?: readonly Partial<LigneDe<C>>[];
  /** Rows covered by drop-down lists and checks. Default: the default row limit of the import (100 000). */
  lignesValidees?: number;
}

const GRIS = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8E8E8" } } as const;

/** The example of a column as the user would type it (« 1 234,56 », « 31/12/2026 », « oui », a label). */
export function exempleAffiche(colonne: Colonne): string {
  if (colonne.exemple === undefined) return "";
  switch (colonne.type) {
    case "texte":
      return colonne.exemple;
    case "entier":
      return String(colonne.exemple);
    case "euros":
      return centimesCsv(colonne.exemple).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
    case "date":
      return jjmmaaaa(colonne.exemple);
    case "booleen":
      return colonne.exemple ? "oui" : "non";
    case "liste":
      return libelleListe(colonne, colonne.exemple);
  }
}

/** Width of a column in an XLSX file, in characters. */
export function largeurColonne(colonne: Colonne): number {
  if (colonne.largeur !== undefined) return colonne.largeur;
  const plusLongLibelle = colonne.type === "liste" ? Math.max(...colonne.valeurs.map((v) => v.libelle.length)) : 0;
  return Math.min(60, Math.max(12, colonne.entete.length + 2, exempleAffiche(colonne).length + 2, plusLongLibelle + 2));
}

/** A valid sheet name: at most 31 characters, none of `[]:*?/\`. */
export function nomFeuille(titre: string): string {
  const nom = titre
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .slice(0, 31)
    .trim();
  return nom === "" || nom.toLowerCase() === "aide" || nom.toLowerCase() === "listes" ? "Données" : nom;
}

function couper(texte: string, max: number): string {
  return texte.length > max ? `${texte.slice(0, max - 1)}…` : texte;
}

/** What the header note and the « Aide » sheet say about a column. */
function aideColonne(colonne: Colonne): string {
  const exemple = exempleAffiche(colonne);
  return [
    colonne.obligatoire ? "Obligatoire." : "Facultatif.",
    `${decrireFormat(colonne)}.`,
    colonne.aide ?? "",
    exemple ? `Exemple : ${exemple}` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/**
 * The XLSX template: a data sheet named after `titre` (bold frozen header with a note per column, widths, number
 * formats, drop-down lists for `liste` and `booleen` columns, checks on dates, numbers and lengths), a sheet
 * « Aide » describing each column, and a hidden sheet « Listes » holding the allowed values.
 */
export async function modeleXlsx<const C extends Colonnes>(colonnes: C, options: OptionsModele<C>): Promise<Buffer> {
  const classeur = new ExcelJS.Workbook();
  classeur.title = options.titre;
  const donnees = classeur.addWorksheet(nomFeuille(options.titre), { views: [{ state: "frozen", ySplit: 1 }] });
  const aide = classeur.addWorksheet("Aide");
  const listes = classeur.addWorksheet("Listes", { state: "hidden" });
  const derniere = 1 + (options.lignesValidees ?? LIMITES_PAR_DEFAUT.maxLignes);
  const validations = (donnees as unknown as { dataValidations: { add(adresse: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;

  const entete = donnees.addRow(colonnes.map((c) => c.entete));
  entete.font = { bold: true };
  let colonneListe = 0;
  colonnes.forEach((colonne, i) => {
    const numero = i + 1;
    const lettre = lettreColonne(numero);
    const cellule = entete.getCell(numero);
    cellule.fill = GRIS;
    cellule.note = aideColonne(colonne);
    const colonneXlsx = donnees.getColumn(numero);
    colonneXlsx.width = largeurColonne(colonne);
    const format = formatXlsx(colonne);
    if (format) colonneXlsx.numFmt = format;
    cellule.numFmt = "@";

    const commun = {
      allowBlank: !colonne.obligatoire,
      showInputMessage: colonne.aide !== undefined,
      promptTitle: couper(colonne.entete, 32),
      prompt: couper(colonne.aide ?? "", 255),
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: couper(colonne.entete, 32),
      error: couper(`Valeur refusée. ${decrireFormat(colonne)}.`, 225),
    };
    const plage = `${lettre}2:${lettre}${derniere}`;
    if (colonne.type === "liste" || colonne.type === "booleen") {
      const libelles = colonne.type === "liste" ? colonne.valeurs.map((v) => v.libelle) : ["oui", "non"];
      colonneListe++;
      const lettreListe = lettreColonne(colonneListe);
      listes.getCell(`${lettreListe}1`).value = colonne.entete;
      libelles.forEach((libelle, k) => {
        listes.getCell(`${lettreListe}${k + 2}`).value = libelle;
      });
      validations.add(plage, { ...commun, type: "list", formulae: [`Listes!$${lettreListe}$2:$${lettreListe}$${libelles.length + 1}`] });
    } else if (colonne.type === "date") {
      validations.add(plage, { ...commun, type: "date", operator: "between", formulae: [1, serieExcelDepuisIso("2999-12-31")] });
    } else if (colonne.type === "euros") {
      validations.add(
        plage,
        colonne.negatifAutorise
          ? { ...commun, type: "decimal", operator: "between", formulae: [-1e13, 1e13] }
          : { ...commun, type: "decimal", operator: "greaterThanOrEqual", formulae: [0] },
      );
    } else if (colonne.type === "entier") {
      const min = colonne.min ?? -(2 ** 31);
      const max = colonne.max ?? 2 ** 31 - 1;
      validations.add(plage, { ...commun, type: "whole", operator: "between", formulae: [min, max] });
    } else if (colonne.type === "texte" && colonne.longueurMax !== undefined) {
      validations.add(plage, { ...commun, type: "textLength", operator: "lessThanOrEqual", formulae: [colonne.longueurMax] });
    } else if (colonne.aide !== undefined) {
      validations.add(plage, { ...commun, type: "custom", formulae: ["TRUE"], showErrorMessage: false });
    }
  });
  for (const ligne of options.lignesExemple ?? []) {
    donnees.addRow(colonnes.map((c) => valeurXlsx(c, (ligne as Record<string, unknown>)[c.cle])));
  }

  aide.columns = [{ width: 32 }, { width: 13 }, { width: 48 }, { width: 24 }, { width: 60 }];
  const titre = aide.addRow([options.titre]);
  titre.font = { bold: true, size: 14 };
  aide.addRow([
    `Remplissez la feuille « ${donnees.name} » à partir de la ligne 2, une ligne par élément. Ne modifiez pas la ligne d'en-tête ; les colonnes peuvent être dans un autre ordre, les colonnes inconnues sont ignorées, les lignes vides aussi.`,
  ]);
  aide.mergeCells(2, 1, 2, 5);
  aide.getRow(2).alignment = { wrapText: true, vertical: "top" };
  aide.getRow(2).height = 45;
  aide.addRow([]);
  const enteteAide = aide.addRow(["Colonne", "Obligatoire", "Format attendu", "Exemple", "Aide"]);
  enteteAide.font = { bold: true };
  enteteAide.eachCell((c) => {
    c.fill = GRIS;
  });
  for (const colonne of colonnes) {
    const ligne = aide.addRow([
      colonne.entete,
      colonne.obligatoire ? "oui" : "non",
      decrireFormat(colonne),
      exempleAffiche(colonne) || null,
      colonne.aide ?? null,
    ]);
    ligne.alignment = { wrapText: true, vertical: "top" };
    ligne.getCell(4).numFmt = "@";
  }
  return Buffer.from(await classeur.xlsx.writeBuffer());
}

/** The CSV template: UTF-8 with BOM, `;`, CRLF, header line (and `lignesExemple`), as French Excel opens it. */
export function modeleCsv<const C extends Colonnes>(colonnes: C, options: { lignesExemple?: readonly Partial<LigneDe<C>>[] } = {}): Buffer {
  const lignes = [
    ligneCsv(colonnes.map((c) => c.entete)),
    ...(options.lignesExemple ?? []).map((ligne) => ligneCsv(colonnes.map((c) => valeurCsv(c, (ligne as Record<string, unknown>)[c.cle])))),
  ];
  return Buffer.from(BOM_UTF8 + lignes.join(""), "utf8");
}
