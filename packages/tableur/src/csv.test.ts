import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AnalyseurCsv, analyserUtf8, DecodeurTexte, detecterSeparateur, type EnregistrementCsv, ligneCsv } from "./csv";
import { isErreurTableur } from "./erreurs";
import { aleatoire, texteAleatoire } from "./testing/aleatoire";

function analyser(texte: string, options: { maxColonnes?: number; maxLongueurCellule?: number; morceaux?: number[] } = {}) {
  const analyseur = new AnalyseurCsv({ maxColonnes: options.maxColonnes ?? 100, maxLongueurCellule: options.maxLongueurCellule });
  const sortie: EnregistrementCsv[] = [];
  let debut = 0;
  for (const taille of options.morceaux ?? []) {
    sortie.push(...analyseur.pousser(texte.slice(debut, debut + taille)));
    debut += taille;
  }
  sortie.push(...analyseur.pousser(texte.slice(debut)), ...analyseur.terminer());
  return { enregistrements: sortie, separateur: analyseur.separateur };
}

const champs = (texte: string) => analyser(texte).enregistrements.map((e) => e.champs);

describe("AnalyseurCsv (RFC 4180)", () => {
  it("reads quotes, doubled quotes, separators and line breaks inside quotes", () => {
    assert.deepEqual(champs('a;"b;c";"d ""e"""\r\n"x\r\ny";z\r\n'), [
      ["a", "b;c", 'd "e"'],
      ["x\r\ny", "z"],
    ]);
  });
  it("numbers records as spreadsheet rows, quoted line breaks included", () => {
    const { enregistrements } = analyser('h1;h2\n"a\nb";c\n\nd;e');
    assert.deepEqual(
      enregistrements.map((e) => [e.numero, e.champs]),
      [
        [1, ["h1", "h2"]],
        [2, ["a\nb", "c"]],
        [3, [""]],
        [4, ["d", "e"]],
      ],
    );
  });
  it("accepts CRLF, LF and lone CR line endings, and no final line break", () => {
    assert.deepEqual(champs("a;b\r\nc;d\ne;f\rg;h"), [
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
      ["g", "h"],
    ]);
  });
  it("keeps ragged rows as they are", () => {
    assert.deepEqual(champs("a;b;c\n1\n1;2;3;4\n"), [["a", "b", "c"], ["1"], ["1", "2", "3", "4"]]);
  });
  it("is lenient like Excel on stray quotes", () => {
    assert.deepEqual(champs('a;b"c;"d"e\n'), [["a", 'b"c', "de"]]);
  });
  it("detects the separator on the header line, outside quotes", () => {
    assert.equal(analyser("a;b;c\n1,5;2,5;3\n").separateur, ";");
    assert.equal(analyser('a,b,"c;d"\n').separateur, ",");
    assert.equal(analyser("a\tb\n").separateur, "\t");
    assert.equal(detecterSeparateur("une seule colonne"), ";");
    assert.deepEqual(champs("a,b\n1,2"), [
      ["a", "b"],
      ["1", "2"],
    ]);
  });
  it("refuses an unterminated quote, naming the row where it opened", () => {
    assert.throws(
      () => analyser('a;b\n1;2\n3;"jamais fermé\n4;5\n'),
      (e) => isErreurTableur(e, "FICHIER_ILLISIBLE") && /ligne 3 n'est jamais fermé/.test(e.message) && e.details.ligne === 3,
    );
  });
  it("refuses a cell longer than the limit, and says a quote was probably left open", () => {
    assert.throws(
      () => analyser(`a;b\n1;"${"x".repeat(50)}`, { maxLongueurCellule: 40, morceaux: [6, 10, 10] }),
      (e) =>
        isErreurTableur(e, "CELLULE_TROP_LONGUE") &&
        e.message === "La cellule B2 dépasse 40 caractères : un guillemet ouvert n'a sans doute pas été fermé.",
    );
  });
  it("refuses a row with too many cells as soon as it is seen", () => {
    assert.throws(
      () => analyser(`a;b\n${";".repeat(10)}\n`, { maxColonnes: 5 }),
      (e) => isErreurTableur(e, "TROP_DE_COLONNES") && e.details.ligne === 2,
    );
  });
  it("round-trips random fields through ligneCsv, whatever the chunking (property)", () => {
    const hasard = aleatoire(20260101);
    for (let essai = 0; essai < 300; essai++) {
      const largeur = 1 + Math.floor(hasard() * 5);
      // A one-column file has no separator to detect: it is read with ";".
      const separateur = largeur === 1 ? ";" : ([";", ",", "\t"] as const)[essai % 3];
      const lignes = Array.from({ length: 1 + Math.floor(hasard() * 5) }, () =>
        Array.from({ length: largeur }, () => texteAleatoire(hasard, 12, '";,\t\r\n éà€"')),
      );
      // The header decides the separator: make it unambiguous.
      const entete = Array.from({ length: largeur }, (_, k) => `c${k}`);
      const texte = [entete, ...lignes].map((l) => ligneCsv(l, separateur)).join("");
      const morceaux = Array.from({ length: 5 }, () => Math.floor(hasard() * 8));
      const lu = analyser(texte, { morceaux });
      assert.deepEqual(
        lu.enregistrements.map((e) => e.champs),
        [entete, ...lignes],
        JSON.stringify(texte),
      );
      if (largeur > 1) assert.equal(lu.separateur, separateur);
    }
  });
});

function decoder(octets: Uint8Array, coupures: number[] = []) {
  const decodeur = new DecodeurTexte();
  let texte = "";
  let erreur: string | undefined;
  let debut = 0;
  for (const fin of [...coupures, octets.length]) {
    const r = decodeur.decoder(octets.subarray(debut, fin));
    texte += r.texte;
    erreur ??= r.erreur;
    debut = fin;
  }
  const r = decodeur.terminer();
  return { texte: texte + r.texte, erreur: erreur ?? r.erreur, encodage: decodeur.encodage };
}

describe("DecodeurTexte", () => {
  it("reads UTF-8 with and without BOM", () => {
    assert.deepEqual(decoder(Buffer.from("\ufeffété;€")), { texte: "été;€", erreur: undefined, encodage: "utf-8" });
    assert.deepEqual(decoder(Buffer.from("été;€")), { texte: "été;€", erreur: undefined, encodage: "utf-8" });
  });
  it("falls back to Windows-1252 when the bytes are not UTF-8 (Excel FR CSV)", () => {
    const octets = Buffer.from([
      0x45, 0x78, 0x65, 0x72, 0x63, 0x69, 0x63, 0x65, 0x3b, 0xe9, 0x74, 0xe9, 0x20, 0x80, 0x3b, 0x9c, 0x75, 0x76, 0x72, 0x65,
    ]);
    assert.deepEqual(decoder(octets), { texte: "Exercice;été €;œuvre", erreur: undefined, encodage: "windows-1252" });
  });
  it("decides on the first non-ASCII character even when it arrives late or cut between chunks", () => {
    const debut = Buffer.from(`${"a;b\r\n".repeat(1000)}caf`);
    const windows = Buffer.concat([debut, Buffer.from([0xe9])]);
    assert.equal(decoder(windows, [debut.length, debut.length + 1]).texte.slice(-4), "café");
    const utf8 = Buffer.concat([debut, Buffer.from("é", "utf8")]);
    const r = decoder(utf8, [debut.length + 1]); // cuts "é" (C3 A9) in two
    assert.equal(r.texte.slice(-4), "café");
    assert.equal(r.encodage, "utf-8");
  });
  it("reads UTF-16 with BOM (Excel « Texte Unicode »)", () => {
    const octets = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a\tété\r\n", "utf16le")]);
    assert.deepEqual(decoder(octets, [1, 3]), { texte: "a\tété\r\n", erreur: undefined, encodage: "utf-16le" });
  });
  it("stops at an invalid byte after valid UTF-8 (mixed encodings) and keeps the text before it", () => {
    const octets = Buffer.concat([Buffer.from("été\n"), Buffer.from([0x61, 0xe9, 0x62])]);
    const r = decoder(octets);
    assert.equal(r.texte, "été\na");
    assert.match(r.erreur ?? "", /mélange deux encodages/);
  });
  it("agrees with TextDecoder on random valid UTF-8, whatever the chunking (property)", () => {
    const hasard = aleatoire(42);
    for (let essai = 0; essai < 200; essai++) {
      const texte = texteAleatoire(hasard, 40, "aé€😀\u0800\uffff\n;");
      const octets = Buffer.from(texte, "utf8");
      const coupures = Array.from({ length: 4 }, () => Math.floor(hasard() * octets.length)).sort((a, b) => a - b);
      assert.equal(decoder(octets, coupures).texte, octets.toString("utf8")); // lone surrogates became U+FFFD
    }
  });
});

describe("analyserUtf8", () => {
  it("refuses overlong forms, surrogates and code points above U+10FFFF, and spots a cut sequence", () => {
    assert.equal(analyserUtf8(Buffer.from([0xc0, 0xaf])).invalide, 0);
    assert.equal(analyserUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80])).invalide, 1);
    assert.equal(analyserUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80])).invalide, 0);
    assert.deepEqual(analyserUtf8(Buffer.from([0x61, 0xe2, 0x82])), { invalide: -1, incomplet: 1 });
    assert.deepEqual(analyserUtf8(Buffer.from("a€")), { invalide: -1, incomplet: 4 });
  });
});
