import assert from "node:assert/strict";
import { PassThrough, Writable } from "node:stream";
import { describe, it } from "node:test";
import ExcelJS from "exceljs";
import { defineColonnes } from "./colonnes";
import { estActif, FORMAT_DATE_XLSX, FORMAT_EUROS_XLSX, texteXlsx } from "./conversion";
import { AnalyseurCsv } from "./csv";
import { exporterListe } from "./export";
import { lireTableur } from "./lecture";
import { aleatoire, texteAleatoire } from "./testing/aleatoire";
import { extraireEntree } from "./testing/fixtures";

const colonnes = defineColonnes([
  { cle: "objet", entete: "Objet", type: "texte", multiligne: true },
  { cle: "montantHt", entete: "Montant (€ HT)", type: "euros", negatifAutorise: true },
  { cle: "dateNotification", entete: "Date de notification", type: "date" },
  { cle: "duree", entete: "Durée (mois)", type: "entier" },
  { cle: "reconductible", entete: "Reconductible", type: "booleen" },
  {
    cle: "nature",
    entete: "Nature",
    type: "liste",
    valeurs: [
      { valeur: "travaux", libelle: "Travaux" },
      { valeur: "services", libelle: "Services" },
    ],
  },
]);

const LIGNES = [
  {
    objet: "Voirie; lot 1",
    montantHt: 123456,
    dateNotification: "2026-03-05",
    duree: 12,
    reconductible: true,
    nature: "travaux",
    autre: "ignoré",
  },
  { objet: '=HYPERLINK("http://x","clic")', montantHt: -50, dateNotification: null, duree: null, reconductible: false, nature: "services" },
  { objet: "Ligne 1\nligne 2", montantHt: null, dateNotification: "2027-12-31", duree: 0, reconductible: null, nature: null },
];

/** Collects what is written, in memory. */
function collecteur(): { vers: Writable; octets: () => Buffer } {
  const morceaux: Buffer[] = [];
  const vers = new PassThrough();
  vers.on("data", (m: Buffer) => morceaux.push(m));
  return { vers, octets: () => Buffer.concat(morceaux) };
}

async function exporter(
  lignes: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>,
  format: "csv" | "xlsx",
): Promise<Buffer> {
  const { vers, octets } = collecteur();
  await exporterListe(lignes, colonnes, { format, vers });
  return octets();
}

describe("exporterListe (CSV)", () => {
  it("writes UTF-8 with BOM, ';', CRLF, French amounts and dates, labels, and neutralised formulas", async () => {
    const octets = await exporter(LIGNES, "csv");
    assert.equal(
      octets.toString("utf8"),
      "\ufeffObjet;Montant (€ HT);Date de notification;Durée (mois);Reconductible;Nature\r\n" +
        '"Voirie; lot 1";1234,56;05/03/2026;12;oui;Travaux\r\n' +
        '"\'=HYPERLINK(""http://x"",""clic"")";-0,50;;;non;Services\r\n' +
        '"Ligne 1\nligne 2";;31/12/2027;0;;\r\n',
    );
  });

  it("imports back what it exported (round trip)", async () => {
    const r = await lireTableur(await exporter(LIGNES, "csv"), { format: "csv", colonnes });
    assert.deepEqual(r.problemes, []);
    assert.deepEqual(
      r.lignes.map((l) => l.valeurs),
      LIGNES.map(({ autre: _, ...valeurs }) => valeurs),
    );
  });

  it("accepts an async iterable (a database cursor) and reports progress", async () => {
    async function* curseur() {
      for (let i = 0; i < 2500; i++) yield { objet: `n° ${i}`, montantHt: i };
    }
    const progression: number[] = [];
    const { vers } = collecteur();
    const { lignes } = await exporterListe(curseur(), colonnes, { format: "csv", vers, onProgression: (n) => progression.push(n) });
    assert.equal(lignes, 2500);
    assert.deepEqual(progression, [1000, 2000, 2500]);
  });

  it("throws a TypeError on a value of the wrong type, and rejects when the destination fails", async () => {
    await assert.rejects(
      exporter([{ montantHt: 12.5 }], "csv"),
      /colonne « montantHt » : un montant en centimes entiers attendu, reçu 12.5/,
    );
    const casse = new Writable({
      write(_m, _e, rappel) {
        rappel(new Error("disque plein"));
      },
    });
    await assert.rejects(exporterListe(LIGNES, colonnes, { format: "csv", vers: casse }), /disque plein/);
  });

  it("never writes a text cell starting with an active character (BI-3, 2 000 random strings)", async () => {
    const hasard = aleatoire(3);
    const textes = Array.from({ length: 2000 }, (_, i) => {
      const corps = texteAleatoire(hasard, 20, '=+-@\t\r\n";,');
      return i % 2 === 0 ? `${"=+-@\t\r"[i % 6]}${corps}` : corps;
    });
    const csv = (
      await exporter(
        textes.map((objet) => ({ objet })),
        "csv",
      )
    ).toString("utf8");
    const analyseur = new AnalyseurCsv({ maxColonnes: 10 });
    const enregistrements = [...analyseur.pousser(csv.slice(1)), ...analyseur.terminer()].slice(1);
    assert.equal(enregistrements.length, textes.length);
    enregistrements.forEach(({ champs }, i) => {
      const cellule = champs[0] as string;
      const original = (textes[i] as string).replace(/\p{Cs}/gu, "\ufffd"); // UTF-8 cannot carry lone surrogates
      assert.ok(!estActif(cellule), `cellule active : ${JSON.stringify(cellule)}`);
      assert.equal(cellule, estActif(original) ? `'${original}` : original);
    });
  });
});

async function ouvrir(octets: Buffer): Promise<ExcelJS.Worksheet> {
  const classeur = new ExcelJS.Workbook();
  await classeur.xlsx.load(octets as unknown as ArrayBuffer);
  return classeur.worksheets[0] as ExcelJS.Worksheet;
}

describe("exporterListe (XLSX)", () => {
  it("writes real numbers and dates with French formats, plain strings, and a bold frozen filtered header", async () => {
    const octets = await exporter(LIGNES, "xlsx");
    const feuille = await ouvrir(octets);
    assert.equal(feuille.name, "Export");
    assert.deepEqual((feuille.getRow(1).values as unknown[]).slice(1), [
      "Objet",
      "Montant (€ HT)",
      "Date de notification",
      "Durée (mois)",
      "Reconductible",
      "Nature",
    ]);
    assert.equal(feuille.getCell("A1").font?.bold, true);
    assert.equal(feuille.getCell("B2").value, 1234.56);
    assert.deepEqual(feuille.getCell("C2").value, new Date(Date.UTC(2026, 2, 5)));
    assert.equal(feuille.getCell("C2").numFmt, FORMAT_DATE_XLSX);
    assert.equal(feuille.getCell("A3").value, '=HYPERLINK("http://x","clic")');
    assert.equal(feuille.getCell("A3").type, ExcelJS.ValueType.String);
    assert.equal(feuille.getCell("E2").value, "oui");
    assert.equal(feuille.getCell("F3").value, "Services");
    const xml = extraireEntree(octets, "xl/worksheets/sheet1.xml");
    assert.match(xml, /<pane ySplit="1"[^>]*state="frozen"/);
    assert.match(xml, /<autoFilter ref="A1:F1"\/>/);
    assert.ok(!xml.includes("<f>"), "no formula in the sheet");
    assert.ok(extraireEntree(octets, "xl/styles.xml").includes(`formatCode="${FORMAT_EUROS_XLSX.replaceAll('"', "&quot;")}"`));
  });

  it("imports back what it exported (round trip)", async () => {
    const r = await lireTableur(await exporter(LIGNES, "xlsx"), { format: "xlsx", colonnes });
    assert.deepEqual(r.problemes, []);
    assert.deepEqual(
      r.lignes.map((l) => l.valeurs),
      LIGNES.map(({ autre: _, ...valeurs }) => valeurs),
    );
  });

  it("rejects and destroys the destination when a row is wrong half-way, without crashing", async () => {
    const { vers } = collecteur();
    function* lignes() {
      for (let i = 0; i < 3000; i++) yield { objet: "x", montantHt: i === 1200 ? "12,50" : i };
    }
    await assert.rejects(exporterListe(lignes(), colonnes, { format: "xlsx", vers }), TypeError);
    assert.equal(vers.destroyed, true);
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r)); // late stream events must be handled
  });

  it("writes random strings as plain string cells, never formulas, always readable (BI-3, 500 strings)", async () => {
    const hasard = aleatoire(11);
    const textes = Array.from(
      { length: 500 },
      (_, i) => `${i % 3 === 0 ? "=+-@\t\r"[i % 6] : ""}${texteAleatoire(hasard, 30, '=+-@"<>&\u0000\u0001\ud800')}`,
    );
    const octets = await exporter(
      textes.map((objet) => ({ objet })),
      "xlsx",
    );
    assert.ok(!extraireEntree(octets, "xl/worksheets/sheet1.xml").includes("<f>"));
    const feuille = await ouvrir(octets);
    for (const [i, original] of textes.entries()) {
      const cellule = feuille.getCell(i + 2, 1);
      if (original === "") {
        assert.equal(cellule.value, null);
        continue;
      }
      assert.equal(cellule.type, ExcelJS.ValueType.String, JSON.stringify(original));
      assert.equal(cellule.value, texteXlsx(original).replace(/\r\n?/g, "\n"));
    }
  });

  it("exports 100 000 rows in bounded memory", async () => {
    const avant = process.memoryUsage().rss;
    let pic = avant;
    let octets = 0;
    const vers = new Writable({
      write(morceau: Buffer, _e, rappel) {
        octets += morceau.length;
        pic = Math.max(pic, process.memoryUsage().rss);
        setImmediate(rappel);
      },
    });
    function* lignes() {
      for (let i = 0; i < 100_000; i++) {
        yield {
          objet: `Marché n° ${i} — entretien des bâtiments`,
          montantHt: i * 137,
          dateNotification: "2026-03-15",
          duree: i % 48,
          reconductible: i % 2 === 0,
          nature: "travaux",
        };
      }
    }
    const debut = performance.now();
    const { lignes: n } = await exporterListe(lignes(), colonnes, { format: "xlsx", vers });
    const duree = performance.now() - debut;
    assert.equal(n, 100_000);
    const delta = (pic - avant) / 1024 / 1024;
    // Measured ≈ 35 Mo on the development machine; the bound is generous, the point is "does not grow with the list".
    assert.ok(delta < 200, `RSS +${delta.toFixed(0)} Mo`);
    assert.ok(octets > 1_000_000);
    console.log(`export XLSX de 100 000 lignes : ${Math.round(duree)} ms, ${(octets / 1e6).toFixed(1)} Mo, RSS +${delta.toFixed(0)} Mo`);
  });
});
