import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ExcelJS from "exceljs";
import { defineColonnes, type LigneDe } from "./colonnes";
import { isErreurTableur } from "./erreurs";
import { analyserImport, confirmerImport } from "./import";
import type { LigneLue } from "./lecture";
import { modeleCsv, modeleXlsx } from "./modele";

const colonnes = defineColonnes([
  { cle: "objet", entete: "Objet", type: "texte", obligatoire: true, longueurMax: 200 },
  { cle: "montantEstimeHt", entete: "Montant estimé (€ HT)", type: "euros", obligatoire: true },
  { cle: "dateDebut", entete: "Date de début", type: "date" },
  { cle: "duree", entete: "Durée (mois)", type: "entier", min: 1, max: 48 },
  { cle: "reconductible", entete: "Reconductible", type: "booleen" },
  {
    cle: "nature",
    entete: "Nature",
    type: "liste",
    obligatoire: true,
    valeurs: [
      { valeur: "travaux", libelle: "Travaux" },
      { valeur: "fournitures", libelle: "Fournitures" },
      { valeur: "services", libelle: "Services" },
    ],
  },
]);
type Ligne = LigneDe<typeof colonnes>;

/** What an agent types in the template opened in Excel. */
async function remplir(modele: Buffer, lignes: unknown[][]): Promise<Buffer> {
  const classeur = new ExcelJS.Workbook();
  await classeur.xlsx.load(modele as unknown as ArrayBuffer);
  const feuille = classeur.worksheets[0] as ExcelJS.Worksheet;
  lignes.forEach((ligne, i) => {
    ligne.forEach((valeur, k) => {
      feuille.getCell(i + 2, k + 1).value = valeur as ExcelJS.CellValue;
    });
  });
  return Buffer.from(await classeur.xlsx.writeBuffer());
}

/** An in-memory store with a transaction: everything is written, or nothing. */
function magasin() {
  const lignes: Ligne[] = [];
  return {
    lignes,
    async transaction<R>(travail: (ajouter: (l: Ligne) => void) => Promise<R>): Promise<R> {
      const brouillon: Ligne[] = [];
      const resultat = await travail((l) => brouillon.push(l));
      lignes.push(...brouillon);
      return resultat;
    },
  };
}

describe("template → fill → import (round trip)", () => {
  it("gives back what the agent typed in the XLSX template", async () => {
    const modele = await modeleXlsx(colonnes, { titre: "Programme d'achat 2027", lignesValidees: 100 });
    const rempli = await remplir(modele, [
      ["Entretien des espaces verts", 45000.5, new Date(Date.UTC(2027, 0, 1)), 12, "oui", "Services"],
      ["Sel de déneigement", "12 000,00 €", "15/11/2027", null, "non", "Fournitures"],
      ["Réfection de la RD 7", 1_250_000, null, 36, null, "Travaux"],
    ]);
    const { rapport, lignesValides } = await analyserImport(rempli, { format: "xlsx", colonnes });
    assert.deepEqual(rapport.problemes, []);
    assert.deepEqual(
      lignesValides.map((l) => l.valeurs),
      [
        {
          objet: "Entretien des espaces verts",
          montantEstimeHt: 4500050,
          dateDebut: "2027-01-01",
          duree: 12,
          reconductible: true,
          nature: "services",
        },
        {
          objet: "Sel de déneigement",
          montantEstimeHt: 1200000,
          dateDebut: "2027-11-15",
          duree: null,
          reconductible: false,
          nature: "fournitures",
        },
        { objet: "Réfection de la RD 7", montantEstimeHt: 125000000, dateDebut: null, duree: 36, reconductible: null, nature: "travaux" },
      ],
    );
    assert.equal(rapport.resume, "3 lignes lues : 3 valides, 0 en erreur. Tout peut être importé.");
  });

  it("gives back what the agent typed in the CSV template", async () => {
    const csv = Buffer.concat([modeleCsv(colonnes), Buffer.from("Sel;1 234,56;01/02/2027;6;x;fournitures\r\n")]);
    const { lignesValides } = await analyserImport(csv, { format: "csv", colonnes });
    assert.deepEqual(lignesValides, [
      {
        numero: 2,
        valeurs: { objet: "Sel", montantEstimeHt: 123456, dateDebut: "2027-02-01", duree: 6, reconductible: true, nature: "fournitures" },
      },
    ]);
  });
});

describe("analyserImport and confirmerImport", () => {
  const fichier = Buffer.from(
    "Objet;Montant estimé (€ HT);Nature;Durée (mois)\n" +
      "A;10;Travaux;\n" +
      "B;abc;Travaux;\n" +
      "C;30;Services;99\n" +
      "D;40;Services;\n" +
      "E;50;Services;\n",
  );

  it("reports counts, every problem, a preview and a French summary before anything is written", async () => {
    const { rapport } = await analyserImport(fichier, { format: "csv", colonnes, tailleApercu: 2 });
    assert.equal(rapport.total, 5);
    assert.equal(rapport.valides, 3);
    assert.equal(rapport.enErreur, 2);
    assert.deepEqual(
      rapport.problemes.map((p) => `${p.lettre}${p.ligne} ${p.colonne} : ${p.message}`),
      [
        "B3 Montant estimé (€ HT) : « abc » n'est pas un montant en euros (exemple : 1 234,56).",
        "D4 Durée (mois) : Le nombre doit être inférieur ou égal à 48.",
      ],
    );
    assert.deepEqual(
      rapport.apercu.map((l) => l.numero),
      [2, 5],
    );
    assert.deepEqual(rapport.entetesManquants, ["Date de début", "Reconductible"]);
    assert.equal(rapport.politique, "toutOuRien");
    assert.equal(rapport.ecriturePossible, false);
    assert.equal(
      rapport.resume,
      "5 lignes lues : 3 valides, 2 en erreur (2 problèmes). Corrigez le fichier puis envoyez-le de nouveau : rien ne sera importé tant qu'une ligne est en erreur.",
    );
    assert.doesNotThrow(() => JSON.stringify(rapport));
  });

  it("« all or nothing »: refuses to write while a row is in error, and never calls ecrire", async () => {
    const analyse = await analyserImport(fichier, { format: "csv", colonnes });
    let appels = 0;
    await assert.rejects(
      confirmerImport(analyse, async () => {
        appels++;
      }),
      (e: unknown) => isErreurTableur(e, "IMPORT_INVALIDE") && e.message.startsWith("Import refusé : 2 lignes sont en erreur."),
    );
    assert.equal(appels, 0);
  });

  it("« valid rows only »: writes every valid row in ONE call, after confirmation", async () => {
    const analyse = await analyserImport(fichier, { format: "csv", colonnes, politique: "lignesValides" });
    assert.equal(analyse.rapport.ecriturePossible, true);
    assert.match(analyse.rapport.resume, /Vous pouvez importer les 3 lignes valides seulement\.$/);
    const base = magasin();
    const appels: (readonly LigneLue<Ligne>[])[] = [];
    const ecrites = await confirmerImport(analyse, (lignes) =>
      base.transaction(async (ajouter) => {
        appels.push(lignes);
        for (const { valeurs } of lignes) ajouter(valeurs);
        return lignes.length;
      }),
    );
    assert.equal(ecrites, 3);
    assert.equal(appels.length, 1);
    assert.deepEqual(
      base.lignes.map((l) => l.objet),
      ["A", "D", "E"],
    );
  });

  it("writes nothing when ecrire fails half-way (the caller's transaction rolls back)", async () => {
    const analyse = await analyserImport(fichier, { format: "csv", colonnes, politique: "lignesValides" });
    const base = magasin();
    await assert.rejects(
      confirmerImport(analyse, (lignes) =>
        base.transaction(async (ajouter) => {
          for (const { numero, valeurs } of lignes) {
            if (valeurs.objet === "E") throw new Error(`Ligne ${numero} : doublon en base`);
            ajouter(valeurs);
          }
        }),
      ),
      /Ligne 6 : doublon en base/,
    );
    assert.deepEqual(base.lignes, []);
  });

  it("refuses a confirmed file that is not the analysed one, and a file without any valid row", async () => {
    const analyse = await analyserImport(fichier, { format: "csv", colonnes, politique: "lignesValides" });
    await assert.rejects(
      confirmerImport(analyse, async () => 0, { empreinteConfirmee: "0".repeat(64) }),
      (e: unknown) => isErreurTableur(e, "IMPORT_INVALIDE") && /a changé depuis son analyse/.test(e.message),
    );
    assert.equal(await confirmerImport(analyse, async (l) => l.length, { empreinteConfirmee: analyse.rapport.empreinte }), 3);
    const vide = await analyserImport(Buffer.from("Objet;Montant estimé (€ HT);Nature\n;;\nX;;\n"), {
      format: "csv",
      colonnes,
      politique: "lignesValides",
    });
    assert.equal(vide.rapport.ecriturePossible, false);
    await assert.rejects(
      confirmerImport(vide, async () => 0),
      (e: unknown) => isErreurTableur(e, "AUCUNE_LIGNE_VALIDE"),
    );
  });
});
