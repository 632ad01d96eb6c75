import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { describe, it } from "node:test";
import { defineColonnes } from "./colonnes";
import { type CodeErreurTableur, isErreurTableur } from "./erreurs";
import { lireTableur, type Probleme } from "./lecture";
import { aleatoire } from "./testing/aleatoire";
import {
  archiveMenteuse,
  bombeChevauchante,
  bombeDeclaree,
  classeur,
  classeurEnFlux,
  feuilleXml,
  partiesMinimales,
  zipFabrique,
} from "./testing/fixtures";

const colonnes = defineColonnes([
  { cle: "objet", entete: "Objet", type: "texte", obligatoire: true, longueurMax: 30 },
  { cle: "montantEstimeHt", entete: "Montant estimé (€ HT)", type: "euros", obligatoire: true },
  { cle: "dateDebut", entete: "Date de début", type: "date" },
  { cle: "reconductible", entete: "Reconductible", type: "booleen" },
  {
    cle: "nature",
    entete: "Nature",
    type: "liste",
    valeurs: [
      { valeur: "travaux", libelle: "Travaux" },
      { valeur: "fournitures", libelle: "Fournitures" },
    ],
  },
]);

const ENTETE = ["Objet", "Montant estimé (€ HT)", "Date de début", "Reconductible", "Nature"];

const lire = (octets: Buffer, options: { maxOctetsDecompresses?: number; maxLignes?: number; maxColonnes?: number } = {}) =>
  lireTableur(octets, { format: "xlsx", colonnes, ...options });

async function refus(promesse: Promise<unknown>, code: CodeErreurTableur, message?: RegExp): Promise<void> {
  await assert.rejects(promesse, (e: unknown) => {
    assert.ok(isErreurTableur(e), `ErreurTableur attendue, reçu ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    return true;
  });
}

describe("lireTableur (XLSX)", () => {
  it("reads typed values: real dates, serial dates, amounts, formulas with their result, rich text", async () => {
    const octets = await classeur(
      [
        ENTETE,
        ["Voirie", 1234.56, new Date(Date.UTC(2026, 0, 15)), true, "Travaux"],
        [{ richText: [{ text: "Pa" }, { text: "pier" }] }, { formula: "B2*2", result: 2469.12 }, 46023, "non", "fournitures"],
        ["Sel", "1 000,00 €", "31/12/2026", "x", "FOURNITURES"],
      ],
      { formats: { 3: "dd/mm/yyyy" } },
    );
    const r = await lire(octets);
    assert.deepEqual(r.problemes, []);
    assert.deepEqual(r.lignes, [
      { numero: 2, valeurs: { objet: "Voirie", montantEstimeHt: 123456, dateDebut: "2026-01-15", reconductible: true, nature: "travaux" } },
      {
        numero: 3,
        valeurs: { objet: "Papier", montantEstimeHt: 246912, dateDebut: "2026-01-01", reconductible: false, nature: "fournitures" },
      },
      {
        numero: 4,
        valeurs: { objet: "Sel", montantEstimeHt: 100000, dateDebut: "2026-12-31", reconductible: true, nature: "fournitures" },
      },
    ]);
    assert.equal(r.total, 3);
    assert.equal(r.format, "xlsx");
    assert.match(r.empreinte, /^[0-9a-f]{64}$/);
  });

  it("reports every bad cell with its row, header and letter, and skips empty rows", async () => {
    const octets = await classeur([
      ENTETE,
      ["Voirie", "abc", "30/02/2026", "peut-être", "Travaux"],
      [],
      [null, 12.345, null, null, { error: "#N/A" }],
      ["   ", null, { formula: "A1" }, null, null],
    ]);
    const r = await lire(octets);
    const attendu: Probleme[] = [
      {
        ligne: 2,
        colonne: "Montant estimé (€ HT)",
        cle: "montantEstimeHt",
        lettre: "B",
        valeur: "abc",
        message: "« abc » n'est pas un montant en euros (exemple : 1 234,56).",
      },
      {
        ligne: 2,
        colonne: "Date de début",
        cle: "dateDebut",
        lettre: "C",
        valeur: "30/02/2026",
        message: "« 30/02/2026 » n'est pas une date valide (format JJ/MM/AAAA).",
      },
      {
        ligne: 2,
        colonne: "Reconductible",
        cle: "reconductible",
        lettre: "D",
        valeur: "peut-être",
        message: "« peut-être » n'est pas une réponse acceptée : indiquez oui ou non.",
      },
      {
        ligne: 4,
        colonne: "Objet",
        cle: "objet",
        lettre: "A",
        valeur: "",
        message: "Cette colonne est obligatoire : la cellule est vide.",
      },
      {
        ligne: 4,
        colonne: "Montant estimé (€ HT)",
        cle: "montantEstimeHt",
        lettre: "B",
        valeur: "12,345",
        message: "Le montant ne peut pas avoir plus de deux décimales.",
      },
      {
        ligne: 4,
        colonne: "Nature",
        cle: "nature",
        lettre: "E",
        valeur: "#N/A",
        message: "La cellule contient une erreur Excel (#N/A) au lieu d'une valeur.",
      },
      {
        ligne: 5,
        colonne: "Objet",
        cle: "objet",
        lettre: "A",
        valeur: "   ",
        message: "Cette colonne est obligatoire : la cellule est vide.",
      },
      {
        ligne: 5,
        colonne: "Montant estimé (€ HT)",
        cle: "montantEstimeHt",
        lettre: "B",
        valeur: "",
        message: "Cette colonne est obligatoire : la cellule est vide.",
      },
      {
        ligne: 5,
        colonne: "Date de début",
        cle: "dateDebut",
        lettre: "C",
        valeur: "",
        message:
          "La cellule contient une formule sans résultat enregistré : ouvrez et enregistrez le fichier dans Excel, ou collez les valeurs.",
      },
    ];
    assert.deepEqual(r.problemes, attendu);
    assert.deepEqual(r.lignesEnErreur, [2, 4, 5]);
    assert.equal(r.total, 3);
    assert.deepEqual(r.lignes, []);
  });

  it("matches headers without case or accents, or by field name, and reports unknown and missing optional ones", async () => {
    const octets = await classeur([
      ["  OBJET ", "montant estime (€ ht)", "dateDebut", "Commentaire"],
      ["Voirie", 10, null, "ignoré"],
    ]);
    const r = await lire(octets);
    assert.deepEqual(r.lignes, [
      { numero: 2, valeurs: { objet: "Voirie", montantEstimeHt: 1000, dateDebut: null, reconductible: null, nature: null } },
    ]);
    assert.deepEqual(r.entetesInconnus, ["Commentaire"]);
    assert.deepEqual(r.entetesManquants, ["Reconductible", "Nature"]);
  });

  it("refuses a file without a required column, naming it and the unknown headers", async () => {
    const octets = await classeur([
      ["Objet", "Montant"],
      ["Voirie", 10],
    ]);
    await refus(
      lire(octets),
      "COLONNES_MANQUANTES",
      /^Colonne obligatoire absente de la ligne 1 : « Montant estimé \(€ HT\) »\. Colonnes non reconnues : « Montant »\./,
    );
  });

  it("refuses a header row that names a column twice", async () => {
    await refus(
      lire(await classeur([["Objet", "objet", "Montant estimé (€ HT)"]])),
      "COLONNES_EN_DOUBLE",
      /« Objet » \(« Objet », « objet »\)/,
    );
  });

  it("reports a value written outside the header", async () => {
    const r = await lire(
      await classeur([
        ["Objet", "Montant estimé (€ HT)"],
        ["Voirie", 1, null, "perdu ?"],
      ]),
    );
    assert.deepEqual(r.problemes, [
      {
        ligne: 2,
        colonne: "",
        lettre: "D",
        valeur: "perdu ?",
        message: "Cette cellule n'est sous aucun en-tête de colonne : sa valeur serait perdue.",
      },
    ]);
  });

  it("reads the first sheet in workbook order, even when its file comes after the others", async () => {
    const r = await lire(
      await classeur(
        [
          ["Objet", "Montant estimé (€ HT)"],
          ["Voirie", 1],
        ],
        { autresFeuilles: ["Aide", "Listes"] },
      ),
    );
    assert.deepEqual(
      r.lignes.map((l) => l.valeurs.objet),
      ["Voirie"],
    );
  });

  it("reads a workbook written in streaming mode (inline strings, data descriptors)", async () => {
    const r = await lire(
      await classeurEnFlux([
        ["Objet", "Montant estimé (€ HT)"],
        ["Voirie", 12.5],
      ]),
    );
    assert.deepEqual(r.lignes, [
      { numero: 2, valeurs: { objet: "Voirie", montantEstimeHt: 1250, dateDebut: null, reconductible: null, nature: null } },
    ]);
  });

  it("reads a minimal hand-written workbook (no styles, no shared strings)", async () => {
    const r = await lire(
      zipFabrique(
        partiesMinimales(
          feuilleXml([
            ["Objet", "Montant estimé (€ HT)"],
            ["Voirie", "3,50"],
          ]),
        ),
      ),
    );
    assert.equal(r.lignes[0]?.valeurs.montantEstimeHt, 350);
  });

  it("refuses more rows than the limit, and more columns than the limit", async () => {
    const lignes = [["Objet", "Montant estimé (€ HT)"], ...Array.from({ length: 20 }, (_, i) => [`L${i}`, i])];
    await refus(lire(await classeur(lignes), { maxLignes: 10 }), "TROP_DE_LIGNES", /dépasse 10 lignes/);
    assert.equal((await lire(await classeur(lignes), { maxLignes: 20 })).total, 20);
    await refus(lire(await classeur([["Objet", "Montant estimé (€ HT)", ...Array(10).fill("x")]]), { maxColonnes: 5 }), "TROP_DE_COLONNES");
  });

  it("refuses a file that is not a workbook, an old .xls, or an empty file", async () => {
    await refus(lire(Buffer.from("Objet;Montant\n")), "FICHIER_ILLISIBLE", /n'est pas un classeur Excel au format XLSX/);
    await refus(lire(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), "FICHIER_ILLISIBLE", /ancien format \(\.xls\)/);
    await refus(lire(Buffer.alloc(0)), "FICHIER_VIDE");
  });
});

describe("lireTableur (XLSX) against hostile archives (BI-2)", () => {
  it("refuses a small file whose central directory declares a huge decompressed size, without inflating it", async () => {
    const bombe = bombeDeclaree(300 * 1024 * 1024, 300 * 1024); // 300 Ko declaring 300 Mo
    const debut = performance.now();
    await refus(lire(bombe), "CONTENU_TROP_VOLUMINEUX", /dépasserait 200 Mo/);
    assert.ok(performance.now() - debut < 500);
  });

  it("refuses a declared ratio that deflate cannot reach", async () => {
    await refus(lire(bombeDeclaree(1024 * 1024 * 1024, 1000)), "ARCHIVE_SUSPECTE", /taux de compression impossible/);
  });

  it("refuses an overlapping-entries bomb (< 1 Mo declaring > 1 Go) in well under 2 s", async () => {
    const bombe = bombeChevauchante(1100, 1024 * 1024);
    assert.ok(bombe.length < 1024 * 1024, `${bombe.length} octets`);
    const debut = performance.now();
    await refus(lire(bombe, { maxOctetsDecompresses: 2 * 1024 * 1024 * 1024 }), "ARCHIVE_SUSPECTE", /en-tête local contredit/);
    await refus(lire(bombe), "CONTENU_TROP_VOLUMINEUX");
    assert.ok(performance.now() - debut < 2000);
  });

  it("refuses an archive whose sheet inflates beyond its declared size, stopping as soon as it is exceeded", async () => {
    const menteuse = archiveMenteuse(10_000, 50 * 1024 * 1024);
    const debut = performance.now();
    await refus(lire(menteuse), "ARCHIVE_SUSPECTE", /plus gros qu'il ne l'annonce/);
    assert.ok(performance.now() - debut < 2000);
  });

  it("refuses a truncated archive with a clear message, wherever it is cut", async () => {
    const octets = await classeur([ENTETE, ["Voirie", 1, null, null, null]]);
    for (let fraction = 0.05; fraction < 1; fraction += 0.05) {
      const tronque = octets.subarray(0, Math.floor(octets.length * fraction));
      await refus(lire(tronque), "FICHIER_ILLISIBLE", /n'est pas un classeur Excel au format XLSX, ou il est incomplet/);
    }
  });

  it("never crashes nor hangs on random byte mutations of a valid workbook (fuzz, 300 cases)", async () => {
    const modele = await classeur([
      ENTETE,
      ["Voirie", 1234.5, new Date(Date.UTC(2026, 0, 1)), "oui", "Travaux"],
      ["Sel", 2, null, null, null],
    ]);
    const hasard = aleatoire(7);
    const codes = new Map<string, number>();
    for (let essai = 0; essai < 300; essai++) {
      const mute = Buffer.from(modele);
      const mutations = 1 + Math.floor(hasard() * 8);
      for (let m = 0; m < mutations; m++) mute[Math.floor(hasard() * mute.length)] = Math.floor(hasard() * 256);
      const debut = performance.now();
      try {
        await lire(mute);
        codes.set("lu", (codes.get("lu") ?? 0) + 1);
      } catch (e) {
        assert.ok(isErreurTableur(e), `essai ${essai} : ${String(e)}`);
        codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
      }
      assert.ok(performance.now() - debut < 2000, `essai ${essai} trop long`);
    }
    // The mutations hit the headers, the compressed data and the directory: several outcomes, all of them clean.
    assert.ok(codes.size > 2, JSON.stringify([...codes]));
  });

  it("refuses an upload beyond maxOctets, from a Buffer at once and from a stream as soon as it is exceeded", async () => {
    const octets = await classeur([ENTETE]);
    await refus(
      lireTableur(octets, { format: "xlsx", colonnes, maxOctets: 1000 }),
      "FICHIER_TROP_VOLUMINEUX",
      /taille maximale acceptée \(1 ko\)/,
    );
    let lus = 0;
    const infini = Readable.from(
      (function* () {
        for (;;) {
          lus++;
          yield Buffer.alloc(64 * 1024);
        }
      })(),
    );
    await refus(lireTableur(infini, { format: "xlsx", colonnes, maxOctets: 1024 * 1024 }), "FICHIER_TROP_VOLUMINEUX");
    assert.ok(lus <= 20, `${lus} morceaux lus`);
  });
});
