import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ExcelJS from "exceljs";
import { defineColonnes } from "./colonnes";
import { FORMAT_DATE_XLSX, FORMAT_EUROS_XLSX } from "./conversion";
import { lireTableur } from "./lecture";
import { modeleCsv, modeleXlsx, nomFeuille } from "./modele";
import { extraireEntree } from "./testing/fixtures";

const colonnes = defineColonnes([
  {
    cle: "objet",
    entete: "Objet",
    type: "texte",
    obligatoire: true,
    longueurMax: 200,
    exemple: "Entretien des espaces verts",
    aide: "Ce que l'on achète.",
  },
  { cle: "montantEstimeHt", entete: "Montant estimé (€ HT)", type: "euros", obligatoire: true, exemple: 12345678 },
  { cle: "dateDebut", entete: "Date de début", type: "date", exemple: "2027-01-01" },
  { cle: "duree", entete: "Durée (mois)", type: "entier", min: 1, max: 48, exemple: 12 },
  { cle: "reconductible", entete: "Reconductible", type: "booleen", exemple: true },
  {
    cle: "nature",
    entete: "Nature",
    type: "liste",
    obligatoire: true,
    valeurs: [
      { valeur: "travaux", libelle: "Travaux" },
      { valeur: "fournitures", libelle: "Fournitures" },
      { valeur: "services", libelle: "Services, prestations" },
    ],
    exemple: "services",
  },
]);

async function ouvrir(octets: Buffer): Promise<ExcelJS.Workbook> {
  const classeur = new ExcelJS.Workbook();
  await classeur.xlsx.load(octets as unknown as ArrayBuffer);
  return classeur;
}

type ValidationLue = { type: string; formulae: unknown[]; allowBlank?: boolean };

describe("modeleXlsx", () => {
  it("has a data sheet named after the title, an « Aide » sheet and a hidden « Listes » sheet", async () => {
    const classeur = await ouvrir(await modeleXlsx(colonnes, { titre: "Programme d'achat 2027 : travaux/voirie", lignesValidees: 50 }));
    assert.deepEqual(
      classeur.worksheets.map((f) => [f.name, f.state]),
      [
        ["Programme d'achat 2027 travaux", "visible"],
        ["Aide", "visible"],
        ["Listes", "hidden"],
      ],
    );
  });

  it("has a bold, frozen header with a note per column, widths and number formats", async () => {
    const octets = await modeleXlsx(colonnes, { titre: "Programme", lignesValidees: 50 });
    const feuille = (await ouvrir(octets)).worksheets[0] as ExcelJS.Worksheet;
    assert.deepEqual((feuille.getRow(1).values as unknown[]).slice(1), [
      "Objet",
      "Montant estimé (€ HT)",
      "Date de début",
      "Durée (mois)",
      "Reconductible",
      "Nature",
    ]);
    assert.equal(feuille.getCell("A1").font?.bold, true);
    assert.deepEqual(
      feuille.views.map((v) => [v.state, (v as { ySplit?: number }).ySplit]),
      [["frozen", 1]],
    );
    assert.equal(
      feuille.getCell("A1").note,
      "Obligatoire. Texte (200 caractères au plus). Ce que l'on achète. Exemple : Entretien des espaces verts",
    );
    assert.equal(feuille.getCell("D1").note, "Facultatif. Nombre entier entre 1 et 48. Exemple : 12");
    assert.equal(feuille.getColumn(1).width, 29);
    // exceljs unescapes formats when it reads them: check what the file really says.
    assert.ok(extraireEntree(octets, "xl/styles.xml").includes(`formatCode="${FORMAT_EUROS_XLSX.replaceAll('"', "&quot;")}"`));
    assert.equal(FORMAT_EUROS_XLSX, '#,##0.00\\ "€"');
    assert.equal(feuille.getColumn(3).numFmt, FORMAT_DATE_XLSX);
    assert.equal(feuille.getColumn(1).numFmt, "@");
    assert.equal(feuille.rowCount, 1, "no example row unless asked");
  });

  it("puts drop-down lists on list and boolean columns, and checks on dates, numbers and lengths", async () => {
    const classeur = await ouvrir(await modeleXlsx(colonnes, { titre: "Programme", lignesValidees: 50 }));
    const feuille = classeur.worksheets[0] as ExcelJS.Worksheet;
    const validation = (adresse: string) =>
      (feuille as unknown as { dataValidations: { find(a: string): ValidationLue | undefined } }).dataValidations.find(adresse);
    assert.deepEqual(validation("F2")?.formulae, ["Listes!$B$2:$B$4"]);
    assert.equal(validation("F51")?.type, "list");
    assert.equal(validation("F52"), undefined);
    assert.deepEqual(validation("E2")?.formulae, ["Listes!$A$2:$A$3"]);
    assert.deepEqual(
      [validation("A2")?.type, validation("B2")?.type, validation("C2")?.type, validation("D2")?.type],
      ["textLength", "decimal", "date", "whole"],
    );
    assert.deepEqual(validation("D2")?.formulae, [1, 48]);
    const listes = classeur.getWorksheet("Listes") as ExcelJS.Worksheet;
    assert.deepEqual(listes.getColumn(1).values.slice(1), ["Reconductible", "oui", "non"]);
    assert.deepEqual(listes.getColumn(2).values.slice(1), ["Nature", "Travaux", "Fournitures", "Services, prestations"]);
  });

  it("explains every column in the « Aide » sheet", async () => {
    const aide = (await ouvrir(await modeleXlsx(colonnes, { titre: "Programme", lignesValidees: 50 }))).getWorksheet(
      "Aide",
    ) as ExcelJS.Worksheet;
    assert.equal(aide.getCell("A1").value, "Programme");
    assert.deepEqual((aide.getRow(4).values as unknown[]).slice(1), ["Colonne", "Obligatoire", "Format attendu", "Exemple", "Aide"]);
    assert.deepEqual((aide.getRow(6).values as unknown[]).slice(1), [
      "Montant estimé (€ HT)",
      "oui",
      "Montant en euros, deux décimales au plus (exemple : 1 234,56)",
      "123\u202f456,78",
    ]);
    assert.deepEqual((aide.getRow(10).values as unknown[]).slice(1), [
      "Nature",
      "oui",
      "Une valeur parmi : Travaux ; Fournitures ; Services, prestations",
      "Services, prestations",
    ]);
  });

  it("writes the example rows, which import back unchanged", async () => {
    const exemple = {
      objet: "=1+1",
      montantEstimeHt: 12345678,
      dateDebut: "2027-01-01",
      duree: 12,
      reconductible: true,
      nature: "services",
    } as const;
    const r = await lireTableur(await modeleXlsx(colonnes, { titre: "Programme", lignesExemple: [exemple] }), { format: "xlsx", colonnes });
    assert.deepEqual(r.lignes, [{ numero: 2, valeurs: exemple }]);
  });

  it("makes a valid sheet name of any title", () => {
    assert.equal(nomFeuille("  "), "Données");
    assert.equal(nomFeuille("Aide"), "Données");
    assert.equal(nomFeuille("'Marchés [2026] : lot 1/2'"), "Marchés 2026 lot 1 2");
    assert.equal(nomFeuille("x".repeat(40)).length, 31);
  });
});

describe("modeleCsv", () => {
  it("is UTF-8 with BOM, ';' and CRLF, with the French headers", () => {
    const octets = modeleCsv(colonnes);
    assert.deepEqual([...octets.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(octets.toString("utf8").slice(1), "Objet;Montant estimé (€ HT);Date de début;Durée (mois);Reconductible;Nature\r\n");
  });
  it("writes example rows in French formats, neutralising formulas", () => {
    const octets = modeleCsv(colonnes, {
      lignesExemple: [{ objet: "=1+1", montantEstimeHt: 123456, dateDebut: "2027-01-31", nature: "services" }],
    });
    assert.equal(octets.toString("utf8").split("\r\n")[1], "'=1+1;1234,56;31/01/2027;;;Services, prestations");
  });
});
