import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { describe, it } from "node:test";
import { defineColonnes } from "./colonnes";
import { isErreurTableur } from "./erreurs";
import { lireTableur, type Progression } from "./lecture";
import { csvGenere, windows1252 } from "./testing/fixtures";

const colonnes = defineColonnes([
  { cle: "objet", entete: "Objet", type: "texte", obligatoire: true, longueurMax: 40 },
  { cle: "description", entete: "Description", type: "texte", multiligne: true },
  { cle: "montant", entete: "Montant (€ HT)", type: "euros", obligatoire: true },
  { cle: "dateNotification", entete: "Date de notification", type: "date" },
]);

const lire = (octets: Buffer | Readable, options: { maxLignes?: number; maxOctets?: number; maxProblemes?: number } = {}) =>
  lireTableur(octets, { format: "csv", colonnes, ...options });

describe("lireTableur (CSV)", () => {
  it("reads a Windows-1252 file with accents, the euro sign and œ (Excel FR « CSV point-virgule »)", async () => {
    const octets = windows1252(
      "Objet;Description;Montant (€ HT);Date de notification\r\nŒuvre d’art été;Révision;1 234,56 €;05/03/2026\r\n",
    );
    const r = await lire(octets);
    assert.equal(r.encodage, "windows-1252");
    assert.deepEqual(r.lignes, [
      { numero: 2, valeurs: { objet: "Œuvre d’art été", description: "Révision", montant: 123456, dateNotification: "2026-03-05" } },
    ]);
  });

  it("reads UTF-8 with BOM and ';', as Excel FR « CSV UTF-8 » writes it", async () => {
    const r = await lire(Buffer.from("\ufeffObjet;Montant (€ HT)\r\nCafé;12\r\n"));
    assert.equal(r.encodage, "utf-8");
    assert.equal(r.separateur, ";");
    assert.deepEqual(r.lignes[0]?.valeurs, { objet: "Café", description: null, montant: 1200, dateNotification: null });
  });

  it("reads ',' separated files with English-style amounts and ISO dates", async () => {
    const r = await lire(Buffer.from('Objet,Montant (€ HT),Date de notification\n"Sel, gros",1234.50,2026-01-31\n'));
    assert.deepEqual(r.lignes[0]?.valeurs, { objet: "Sel, gros", description: null, montant: 123450, dateNotification: "2026-01-31" });
  });

  it("keeps quoted line breaks in a multi-line column, refuses them elsewhere, and counts rows as the spreadsheet does", async () => {
    const r = await lire(Buffer.from('Objet;Description;Montant (€ HT)\n"A";"ligne 1\nligne 2";1\n"B\nC";;2\nD;;3\n'));
    assert.deepEqual(
      r.lignes.map((l) => [l.numero, l.valeurs.description]),
      [
        [2, "ligne 1\nligne 2"],
        [4, null],
      ],
    );
    assert.deepEqual(r.problemes, [
      {
        ligne: 3,
        colonne: "Objet",
        cle: "objet",
        lettre: "A",
        valeur: "B\nC",
        message: "Le texte ne doit pas contenir de retour à la ligne.",
      },
    ]);
  });

  it("handles ragged rows: missing cells are empty, extra non-empty cells are reported", async () => {
    const r = await lire(Buffer.from("Objet;Montant (€ HT)\nA\nB;2;;\nC;3;x;y\n"));
    assert.deepEqual(r.problemes, [
      {
        ligne: 2,
        colonne: "Montant (€ HT)",
        cle: "montant",
        lettre: "B",
        valeur: "",
        message: "Cette colonne est obligatoire : la cellule est vide.",
      },
      {
        ligne: 4,
        colonne: "",
        lettre: "C",
        valeur: "x",
        message: "Cette cellule n'est sous aucun en-tête de colonne : sa valeur serait perdue.",
      },
      {
        ligne: 4,
        colonne: "",
        lettre: "D",
        valeur: "y",
        message: "Cette cellule n'est sous aucun en-tête de colonne : sa valeur serait perdue.",
      },
    ]);
    assert.deepEqual(
      r.lignes.map((l) => l.numero),
      [3],
    );
  });

  it("keeps formulas as plain text and removes the apostrophe our export puts before them", async () => {
    const r = await lire(Buffer.from('Objet;Montant (€ HT)\n=HYPERLINK("http://x");1\n\'=1+1;2\n@SUM(A1);3\n'));
    assert.deepEqual(
      r.lignes.map((l) => l.valeurs.objet),
      ['=HYPERLINK("http://x")', "=1+1", "@SUM(A1)"],
    );
  });

  it("skips empty rows but keeps the row numbers the user sees", async () => {
    const r = await lire(Buffer.from("Objet;Montant (€ HT)\n\n;\n  ;  \nA;1\n"));
    assert.equal(r.total, 1);
    assert.equal(r.lignes[0]?.numero, 5);
  });

  it("reports every bad cell, not only the first, and runs the row check on valid rows", async () => {
    const octets = Buffer.from(
      "Objet;Montant (€ HT);Date de notification\nA;abc;31/02/2026\n;-3;2026-13-01\nB;1;01/01/2026\nC;2;01/01/2020\n",
    );
    const r = await lireTableur(octets, {
      format: "csv",
      colonnes,
      validerLigne: (v) =>
        v.dateNotification !== null && v.dateNotification < "2025-01-01"
          ? [{ cle: "dateNotification", message: "Date antérieure à 2025." }]
          : [],
    });
    assert.deepEqual(
      r.problemes.map((p) => [p.ligne, p.lettre, p.message]),
      [
        [2, "B", "« abc » n'est pas un montant en euros (exemple : 1 234,56)."],
        [2, "C", "« 31/02/2026 » n'est pas une date valide (format JJ/MM/AAAA)."],
        [3, "A", "Cette colonne est obligatoire : la cellule est vide."],
        [3, "B", "Le montant ne peut pas être négatif."],
        [3, "C", "« 2026-13-01 » n'est pas une date valide (format JJ/MM/AAAA)."],
        [5, "C", "Date antérieure à 2025."],
      ],
    );
    assert.deepEqual(r.lignesEnErreur, [2, 3, 5]);
    assert.deepEqual(
      r.lignes.map((l) => l.numero),
      [4],
    );
  });

  it("keeps at most maxProblemes problems in detail and counts the others", async () => {
    const r = await lire(Buffer.from(`Objet;Montant (€ HT)\n${"A;x\n".repeat(50)}`), { maxProblemes: 10 });
    assert.equal(r.problemes.length, 10);
    assert.equal(r.problemesOmis, 40);
    assert.equal(r.lignesEnErreur.length, 50);
  });

  it("refuses a 1 000 000-row stream quickly by the row cap, without reading it all", async () => {
    const { flux, octetsProduits } = csvGenere(1_000_000);
    const debut = performance.now();
    await assert.rejects(lire(flux), (e: unknown) => isErreurTableur(e, "TROP_DE_LIGNES") && e.details.ligne === 100_002);
    const duree = performance.now() - debut;
    assert.ok(duree < 2000, `${Math.round(duree)} ms`);
    assert.ok(octetsProduits() < 4_000_000, `${octetsProduits()} octets produits sur ~22 Mo`);
  });

  it("refuses a stream beyond maxOctets as soon as it is exceeded", async () => {
    const { flux, octetsProduits } = csvGenere(1_000_000);
    await assert.rejects(lire(flux, { maxOctets: 100_000, maxLignes: 10_000_000 }), (e: unknown) =>
      isErreurTableur(e, "FICHIER_TROP_VOLUMINEUX"),
    );
    assert.ok(octetsProduits() < 200_000);
  });

  it("refuses a workbook sent as CSV, an empty file, and a file without the header row", async () => {
    await assert.rejects(
      lire(Buffer.from("PK\u0003\u0004xxxx")),
      (e: unknown) => isErreurTableur(e, "FICHIER_ILLISIBLE") && /choisissez le format XLSX/.test(e.message),
    );
    await assert.rejects(lire(Buffer.alloc(0)), (e: unknown) => isErreurTableur(e, "FICHIER_VIDE"));
    await assert.rejects(
      lire(Buffer.from("\n\nObjet;Montant (€ HT)\n")),
      (e: unknown) => isErreurTableur(e, "COLONNES_MANQUANTES") && e.details.ligne === 1,
    );
  });

  it("refuses a file mixing UTF-8 and Windows-1252, saying where", async () => {
    const octets = Buffer.concat([Buffer.from("Objet;Montant (€ HT)\nété;1\n"), windows1252("août;2\n")]);
    await assert.rejects(
      lire(octets),
      (e: unknown) => isErreurTableur(e, "FICHIER_ILLISIBLE") && /mélange deux encodages.*ligne 3/.test(e.message),
    );
  });

  it("reads a web ReadableStream and reports progress up to the end", async () => {
    const octets = Buffer.from(`Objet;Montant (€ HT)\n${"A;1\n".repeat(5000)}`);
    const web = Readable.toWeb(Readable.from([octets]));
    const progressions: Progression[] = [];
    const r = await lireTableur(web as unknown as ReadableStream<Uint8Array>, {
      format: "csv",
      colonnes,
      octetsTotal: octets.length,
      onProgression: (p) => progressions.push(p),
    });
    assert.equal(r.total, 5000);
    assert.deepEqual(progressions.at(-1), { phase: "analyse", lignesLues: 5001, octetsLus: octets.length, octetsTotal: octets.length });
  });

  it("gives the same result when the bytes arrive one at a time (UTF-8 and Windows-1252)", async () => {
    const utf8 = Buffer.from('\ufeffObjet;Description;Montant (€ HT)\r\n"Café ""noir""";"a\nb";1 234,56 €\r\nŒuvre 😀;;2\r\n');
    const cp1252 = windows1252("Objet;Montant (€ HT)\r\nÉté;3,50\r\n");
    for (const octets of [utf8, cp1252]) {
      const unParUn = Readable.from(
        (function* () {
          for (const o of octets) yield Buffer.from([o]);
        })(),
      );
      const attendu = await lire(octets);
      const obtenu = await lire(unParUn);
      assert.deepEqual(obtenu, attendu);
      assert.equal(obtenu.problemes.length, 0);
    }
  });

  it("lets an error thrown by a caller's hook through, instead of calling the file unreadable", async () => {
    const bogue = new TypeError("bogue dans validerLigne");
    await assert.rejects(
      lireTableur(Buffer.from("Objet;Montant (€ HT)\nA;1\n"), {
        format: "csv",
        colonnes,
        validerLigne: () => {
          throw bogue;
        },
      }),
      (e: unknown) => e === bogue,
    );
  });

  it("gives the same fingerprint to the same bytes, whatever the source", async () => {
    const octets = Buffer.from("Objet;Montant (€ HT)\nA;1\n");
    const a = await lire(octets);
    const b = await lire(Readable.from([octets.subarray(0, 5), octets.subarray(5)]));
    assert.equal(a.empreinte, b.empreinte);
    assert.equal(a.octets, octets.length);
  });
});
