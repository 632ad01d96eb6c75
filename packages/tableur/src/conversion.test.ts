import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Colonne, defineColonnes, type LigneDe, lettreColonne, normaliserEntete } from "./colonnes";
import {
  type CelluleBrute,
  centimesCsv,
  convertirCellule,
  isoDepuisSerieExcel,
  neutraliserFormule,
  serieExcelDepuisIso,
  texteXlsx,
  valeurCsv,
  valeurXlsx,
} from "./conversion";

const texte: Colonne = { cle: "objet", entete: "Objet", type: "texte", longueurMax: 10 };
const euros: Colonne = { cle: "montant", entete: "Montant", type: "euros" };
const date: Colonne = { cle: "date", entete: "Date", type: "date" };
const booleen: Colonne = { cle: "actif", entete: "Actif", type: "booleen" };
const entier: Colonne = { cle: "duree", entete: "Durée", type: "entier", min: 1, max: 48 };
const liste: Colonne = {
  cle: "nature",
  entete: "Nature",
  type: "liste",
  valeurs: [
    { valeur: "travaux", libelle: "Travaux" },
    { valeur: "services", libelle: "Prestations de services" },
  ],
};

function ok(colonne: Colonne, brut: CelluleBrute, options: { csv?: boolean } = {}): unknown {
  const resultat = convertirCellule(colonne, brut, options);
  assert.ok(resultat.ok, `« ${String(brut)} » refusé : ${resultat.ok ? "" : resultat.message}`);
  return resultat.valeur;
}

function refus(colonne: Colonne, brut: CelluleBrute): string {
  const resultat = convertirCellule(colonne, brut);
  assert.ok(!resultat.ok, `« ${String(brut)} » accepté à tort`);
  return resultat.message;
}

describe("defineColonnes", () => {
  it("refuses duplicate keys, headers that collide once normalised, and ambiguous list values", () => {
    assert.throws(
      () =>
        defineColonnes([
          { cle: "objet", entete: "Objet", type: "texte" },
          { cle: "libelle", entete: "OBJET ", type: "texte" },
        ]),
      /« OBJET » désigne à la fois/,
    );
    assert.throws(() => defineColonnes([{ cle: "Objet", entete: "Objet", type: "texte" }]), /camelCase/);
    assert.throws(() => defineColonnes([]), /au moins une colonne/);
    assert.throws(
      () =>
        defineColonnes([
          {
            cle: "nature",
            entete: "Nature",
            type: "liste",
            valeurs: [
              { valeur: "a", libelle: "Élève" },
              { valeur: "b", libelle: "eleve" },
            ],
          },
        ]),
      /ambiguë/,
    );
  });

  it("infers the exact row type: literal keys and list codes, null only for optional columns (checked by tsc)", () => {
    const colonnes = defineColonnes([
      { cle: "objet", entete: "Objet", type: "texte", obligatoire: true },
      { cle: "montantHt", entete: "Montant", type: "euros" },
      { cle: "nature", entete: "Nature", type: "liste", obligatoire: true, valeurs: [{ valeur: "travaux", libelle: "Travaux" }] },
    ]);
    type Ligne = LigneDe<typeof colonnes>;
    const ligne: Ligne = { objet: "a", montantHt: null, nature: "travaux" };
    // @ts-expect-error a required column is never null
    const sansObjet: Ligne = { objet: null, montantHt: 1, nature: "travaux" };
    // @ts-expect-error a list holds its codes only
    const autreCode: Ligne = { objet: "a", montantHt: 1, nature: "Travaux" };
    assert.ok(ligne && sansObjet && autreCode);
  });

  it("keeps the literal keys and freezes the list", () => {
    const colonnes = defineColonnes([{ cle: "objet", entete: "Objet", type: "texte", obligatoire: true }]);
    assert.ok(Object.isFrozen(colonnes));
    assert.equal(colonnes[0].cle, "objet");
  });
});

describe("normaliserEntete and lettreColonne", () => {
  it("ignores case, accents, typographic apostrophes and spaces", () => {
    assert.equal(normaliserEntete("  Montant\u202festimé  (€ HT) "), "montant estime (€ ht)");
    assert.equal(normaliserEntete("Date d’effet"), "date d'effet");
  });
  it("names columns as Excel does", () => {
    assert.deepEqual([1, 26, 27, 52, 53, 702, 703, 16384].map(lettreColonne), ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
  });
});

describe("euros → integer cents", () => {
  const valides: [CelluleBrute, number][] = [
    ["1 234,56", 123456],
    ["1\u202f234,56\u00a0€", 123456],
    ["1234.56", 123456],
    ["1.234.567,89", 123456789],
    ["1,234,567.89", 123456789],
    ["12,5", 1250],
    ["12,500", 1250],
    ["€ 12", 1200],
    ["12 EUR", 1200],
    ["0,01", 1],
    [",5", 50],
    ["+3", 300],
    [1234.56, 123456],
    [0.1 + 0.2, 30],
    [12345678901.23, 1234567890123],
  ];
  for (const [brut, centimes] of valides) {
    it(`${JSON.stringify(brut)} = ${centimes} centimes`, () => assert.equal(ok(euros, brut), centimes));
  }

  const invalides: [CelluleBrute, RegExp][] = [
    ["abc", /n'est pas un montant en euros/],
    ["12,345", /ambigu/],
    ["1.234", /ambigu/],
    ["1,2345", /plus de deux décimales/],
    ["1 23,45", /n'est pas un montant/],
    ["1.23.4", /n'est pas un montant/],
    ["-5", /négatif/],
    [12.345, /plus de deux décimales/],
    ["99999999999999999", /trop grand/],
    [true, /n'est pas un montant/],
  ];
  for (const [brut, message] of invalides) {
    it(`${JSON.stringify(brut)} est refusé`, () => assert.match(refus(euros, brut), message));
  }

  it("accepts negative amounts when the column allows them", () => {
    assert.equal(ok({ ...euros, negatifAutorise: true }, "-1 234,50 €"), -123450);
    assert.equal(ok({ ...euros, negatifAutorise: true }, "\u22125"), -500);
  });
});

describe("dates → YYYY-MM-DD", () => {
  const valides: [CelluleBrute, string][] = [
    ["31/12/2026", "2026-12-31"],
    ["1/2/2026", "2026-02-01"],
    ["01.02.2026", "2026-02-01"],
    ["2026-02-01", "2026-02-01"],
    ["2026-02-01T00:00:00Z", "2026-02-01"],
    ["15/01/2026 14:30", "2026-01-15"],
    [46023, "2026-01-01"],
    [46023.75, "2026-01-01"],
    [61, "1900-03-01"],
    [1, "1900-01-01"],
    [new Date(Date.UTC(2026, 5, 30)), "2026-06-30"],
  ];
  for (const [brut, iso] of valides) {
    it(`${brut instanceof Date ? brut.toISOString() : JSON.stringify(brut)} = ${iso}`, () => assert.equal(ok(date, brut), iso));
  }
  it("refuses impossible dates, 2-digit years and the fictitious 29/02/1900", () => {
    assert.match(refus(date, "30/02/2026"), /n'est pas une date valide/);
    assert.match(refus(date, "12/01/26"), /quatre chiffres/);
    assert.match(refus(date, 60), /n'est pas une date valide/);
    assert.match(refus(date, "demain"), /n'est pas une date valide/);
  });
  it("converts serials both ways", () => {
    for (const iso of ["1900-03-01", "2000-02-29", "2026-12-31"]) assert.equal(isoDepuisSerieExcel(serieExcelDepuisIso(iso)), iso);
  });
});

describe("booleans, integers, lists", () => {
  it("reads oui/non/vrai/faux/x/1/0 and Excel booleans", () => {
    for (const vrai of ["oui", "OUI", "Vrai", "x", "X", "1", 1, true]) assert.equal(ok(booleen, vrai), true, String(vrai));
    for (const faux of ["non", "Non", "FAUX", "0", 0, false]) assert.equal(ok(booleen, faux), false, String(faux));
    assert.match(refus(booleen, "peut-être"), /indiquez oui ou non/);
    assert.match(refus(booleen, 2), /indiquez oui ou non/);
  });
  it("reads integers with French thousands separators and checks bounds", () => {
    assert.equal(ok({ ...entier, max: 100_000 }, "12\u202f000"), 12000);
    assert.equal(ok(entier, 12), 12);
    assert.match(refus(entier, "12,5"), /n'est pas un nombre entier/);
    assert.match(refus(entier, 12.5), /n'est pas un nombre entier/);
    assert.match(refus(entier, "0"), /supérieur ou égal à 1/);
    assert.match(refus(entier, 49), /inférieur ou égal à 48/);
  });
  it("matches a list value on its code or its label, ignoring case and accents", () => {
    assert.equal(ok(liste, "Travaux"), "travaux");
    assert.equal(ok(liste, "PRESTATIONS DE SERVICES"), "services");
    assert.equal(ok(liste, "services"), "services");
    assert.equal(
      refus(liste, "Fournitures"),
      "« Fournitures » n'est pas une valeur acceptée. Valeurs possibles : Travaux ; Prestations de services.",
    );
  });
});

describe("text", () => {
  it("normalises to NFC and trims", () => {
    assert.equal(ok(texte, "  e\u0301te\u0301 "), "été");
  });
  it("refuses control characters, tabs, line breaks (unless multiligne) and lone surrogates", () => {
    assert.match(refus(texte, "a\u0007b"), /caractère de contrôle invisible \(U\+0007\)/);
    assert.match(refus(texte, "a\tb"), /tabulation/);
    assert.match(refus(texte, "a\u0085b"), /U\+0085/);
    assert.match(refus(texte, "a\nb"), /retour à la ligne/);
    assert.match(refus(texte, "a\ud800b"), /demi-caractère/);
    assert.equal(ok({ ...texte, multiligne: true }, "a\r\nb"), "a\nb");
  });
  it("counts characters, not UTF-16 units, for longueurMax", () => {
    assert.equal(ok(texte, "😀".repeat(10)), "😀".repeat(10));
    assert.equal(refus(texte, "a".repeat(11)), "Le texte dépasse 10 caractères (11).");
  });
  it("turns numbers and dates of a text column into what the user sees", () => {
    assert.equal(ok(texte, 12345678), "12345678");
    assert.equal(ok(texte, 12.5), "12,5");
    assert.equal(ok(texte, 0.1 + 0.2), "0,3");
    assert.equal(ok(texte, new Date(Date.UTC(2026, 0, 2))), "02/01/2026");
  });
  it("reports an empty required cell, and gives null for an empty optional one", () => {
    assert.equal(refus({ ...texte, obligatoire: true }, "   "), "Cette colonne est obligatoire : la cellule est vide.");
    assert.equal(ok(texte, null), null);
    assert.equal(ok(texte, ""), null);
  });
  it("removes the apostrophe of a neutralised formula in a CSV, not in an XLSX", () => {
    assert.equal(ok(texte, "'=1+1", { csv: true }), "=1+1");
    assert.equal(ok(texte, "'=1+1"), "'=1+1");
    assert.equal(ok(texte, "'abc", { csv: true }), "'abc");
  });
  it("runs the column's own check (e.g. a CPV code)", () => {
    const cpv: Colonne = {
      cle: "cpv",
      entete: "CPV",
      type: "texte",
      valider: (v) => (/^\d{8}-\d$/.test(v) ? undefined : "Code CPV invalide."),
    };
    assert.equal(ok(cpv, "45000000-7"), "45000000-7");
    assert.equal(refus(cpv, "4500"), "Code CPV invalide.");
  });
  it("reports Excel errors and formulas without result", () => {
    assert.match(refus(texte, { erreurExcel: "#DIV/0!" }), /erreur Excel \(#DIV\/0!\)/);
    assert.match(refus(texte, { formuleSansResultat: true }), /formule sans résultat/);
  });
});

describe("export values", () => {
  it("formats CSV cells the way French Excel reads them", () => {
    assert.equal(valeurCsv(euros, 123456), "1234,56");
    assert.equal(valeurCsv(euros, -50), "-0,50");
    assert.equal(centimesCsv(5), "0,05");
    assert.equal(valeurCsv(date, "2026-12-31"), "31/12/2026");
    assert.equal(valeurCsv(booleen, true), "oui");
    assert.equal(valeurCsv(liste, "services"), "Prestations de services");
    assert.equal(valeurCsv(liste, "ancien-code"), "ancien-code");
    assert.equal(valeurCsv(texte, null), "");
    assert.equal(valeurCsv(texte, '=HYPERLINK("x")'), '\'=HYPERLINK("x")');
  });
  it("gives XLSX cells real numbers and dates, and sanitised text", () => {
    assert.equal(valeurXlsx(euros, 123456), 1234.56);
    assert.deepEqual(valeurXlsx(date, "2026-12-31"), new Date(Date.UTC(2026, 11, 31)));
    assert.equal(valeurXlsx(texte, "a\u0001b"), "a\ufffdb");
    assert.equal(texteXlsx("x".repeat(40_000)).length, 32_767);
  });
  it("throws a TypeError on a value of the wrong type (a programming error)", () => {
    assert.throws(() => valeurCsv(euros, 12.5), /colonne « montant » : un montant en centimes entiers attendu/);
    assert.throws(() => valeurCsv(date, "31/12/2026"), TypeError);
    assert.throws(() => valeurXlsx(booleen, "oui"), TypeError);
  });
  it("neutralises every active first character", () => {
    for (const actif of ["=", "+", "-", "@", "\t", "\r"]) assert.equal(neutraliserFormule(`${actif}x`), `'${actif}x`);
    assert.equal(neutraliserFormule("x=1"), "x=1");
  });
});
