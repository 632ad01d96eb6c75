import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type AgregatsMarches,
  agregatsVides,
  CLES_INDICATEURS,
  calculerIndicateurs,
  comparerCible,
  DEFINITIONS_INDICATEURS,
} from "./indicateurs";
import { formaterValeur } from "./format";

const agregats = (overrides: Partial<AgregatsMarches>): AgregatsMarches => ({ ...agregatsVides(), ...overrides });

describe("calculerIndicateurs", () => {
  const cas: { nom: string; entree: Partial<AgregatsMarches>; attendu: Partial<Record<string, number | null>> }[] = [
    {
      nom: "an empty population gives counts of 0 and shares that cannot be computed (null, never 0)",
      entree: {},
      attendu: {
        nombreMarchesNotifies: 0,
        montantNotifieHt: 0,
        partPmeNombre: null,
        partPmeMontant: null,
        tauxOffreUnique: null,
        delaiMoyenPaiementJours: null,
        partConsiderationEnvironnementale: null,
        economieEstimationAttribution: null,
      },
    },
    {
      nom: "SME and local shares by count and by amount, amounts in euros from cents",
      entree: {
        nombreMarchesNotifies: 8,
        montantNotifieHtCents: 1_000_000_00,
        nombreMarchesPme: 6,
        montantPmeHtCents: 250_000_00,
        nombreMarchesLocaux: 2,
        montantLocauxHtCents: 100_000_01,
      },
      attendu: {
        nombreMarchesNotifies: 8,
        montantNotifieHt: 1_000_000,
        partPmeNombre: 0.75,
        partPmeMontant: 0.25,
        partLocaleNombre: 0.25,
        partLocaleMontant: 0.10000001,
      },
    },
    {
      nom: "competition: offers per awarded lot, single-bid share, unsuccessful share of the lots launched",
      entree: {
        nombreLotsAttribues: 4,
        nombreOffresLotsAttribues: 10,
        nombreLotsOffreUnique: 1,
        nombreLotsLances: 5,
        nombreLotsInfructueux: 1,
      },
      attendu: { nombreMoyenOffresParLot: 2.5, tauxOffreUnique: 0.25, tauxInfructueux: 0.2 },
    },
    {
      nom: "payment: mean delay, share within the legal delay, interest owed in euros",
      entree: {
        nombreFacturesPayees: 4,
        sommeDelaisPaiementJours: 150,
        nombreFacturesDansLesDelais: 3,
        interetsMoratoiresDusCents: 12_345,
      },
      attendu: { delaiMoyenPaiementJours: 37.5, partPaiementsDansLesDelais: 0.75, interetsMoratoiresDus: 123.45 },
    },
    {
      nom: "responsible purchasing: shares of the contracts notified, insertion hours as counted",
      entree: {
        nombreMarchesNotifies: 10,
        nombreConsiderationEnvironnementale: 7,
        nombreConsiderationSociale: 3,
        nombreMarchesReserves: 1,
        nombreAchatsInnovants: 0,
        heuresInsertionPrevues: 833,
        heuresInsertionRealisees: 412,
      },
      attendu: {
        partConsiderationEnvironnementale: 0.7,
        partConsiderationSociale: 0.3,
        partMarchesReserves: 0.1,
        partAchatsInnovants: 0,
        heuresInsertionPrevues: 833,
        heuresInsertionRealisees: 412,
      },
    },
    {
      nom: "savings: each method on its own population, never added; a method without data is null",
      entree: {
        economies: [{ methode: "estimation-attribution", nombre: 3, referenceHtCents: 200_000_00, attribueHtCents: 180_000_00 }],
      },
      attendu: { economieEstimationAttribution: 0.1, economieMarchePrecedent: null },
    },
    {
      nom: "a saving can be negative (the award above the estimate)",
      entree: {
        economies: [{ methode: "marche-precedent", nombre: 1, referenceHtCents: 100_00, attribueHtCents: 125_00 }],
      },
      attendu: { economieMarchePrecedent: -0.25 },
    },
  ];
  for (const c of cas) {
    it(c.nom, () => {
      const sortie = calculerIndicateurs(agregats(c.entree));
      for (const [cle, valeur] of Object.entries(c.attendu)) {
        const obtenu = sortie[cle as keyof typeof sortie].valeur;
        if (valeur === null || valeur === undefined || obtenu === null) assert.equal(obtenu, valeur, cle);
        else assert.ok(Math.abs(obtenu - valeur) < 1e-9, `${cle} : ${obtenu} au lieu de ${valeur}`);
      }
    });
  }

  it("gives every indicator a French label, definition and formula, and every share stays within [0, 1] when its parts do", () => {
    const sortie = calculerIndicateurs(
      agregats({
        nombreMarchesNotifies: 3,
        montantNotifieHtCents: 300,
        nombreMarchesPme: 3,
        montantPmeHtCents: 300,
        nombreConsiderationSociale: 3,
        nombreConsiderationEnvironnementale: 3,
      }),
    );
    for (const cle of CLES_INDICATEURS) {
      const i = sortie[cle];
      assert.ok(i.libelle.length > 3 && i.definition.length > 20 && i.formule.length > 5, cle);
      if (i.unite === "part" && i.valeur !== null && !cle.startsWith("economie")) assert.ok(i.valeur >= 0 && i.valeur <= 1, cle);
    }
  });

  it("includes the fields the API promises", () => {
    for (const cle of [
      "nombreMarchesNotifies",
      "montantNotifieHt",
      "partPmeNombre",
      "partPmeMontant",
      "partLocaleNombre",
      "partLocaleMontant",
      "nombreMoyenOffresParLot",
      "tauxOffreUnique",
      "delaiMoyenPaiementJours",
      "partPaiementsDansLesDelais",
      "partConsiderationEnvironnementale",
      "partConsiderationSociale",
      "heuresInsertionPrevues",
      "heuresInsertionRealisees",
    ]) {
      assert.ok(cle in DEFINITIONS_INDICATEURS, cle);
    }
  });
});

describe("comparerCible", () => {
  const cas = [
    { cle: "partPmeNombre", valeur: 0.6, cible: 0.5, attendu: "atteinte" },
    { cle: "partPmeNombre", valeur: 0.5, cible: 0.5, attendu: "atteinte" },
    { cle: "partPmeNombre", valeur: 0.49, cible: 0.5, attendu: "non-atteinte" },
    { cle: "delaiMoyenPaiementJours", valeur: 25, cible: 30, attendu: "atteinte" },
    { cle: "delaiMoyenPaiementJours", valeur: 31, cible: 30, attendu: "non-atteinte" },
    { cle: "tauxOffreUnique", valeur: 0.2, cible: 0.15, attendu: "non-atteinte" },
    { cle: "partConsiderationSociale", valeur: null, cible: 0.3, attendu: "non-calculable" },
  ] as const;
  for (const c of cas) {
    it(`${c.cle} = ${c.valeur} against ${c.cible}: ${c.attendu}`, () => {
      assert.equal(comparerCible(c.cle, c.valeur, c.cible), c.attendu);
    });
  }
});

describe("formaterValeur", () => {
  const cas = [
    ["part", 0.6123, "61,2 %"],
    ["part", 0, "0 %"],
    ["euros", 1234567.89, "1 234 568 €"],
    ["jours", 37.46, "37,5 jours"],
    ["jours", 1, "1 jour"],
    ["heures", 833, "833 h"],
    ["nombre", 2.5, "2,5"],
    ["part", null, "non calculable"],
  ] as const;
  for (const [unite, valeur, attendu] of cas) {
    it(`${unite} ${valeur} → ${attendu}`, () => {
      assert.equal(formaterValeur(unite, valeur).replace(/\u202f|\u00a0/g, " "), attendu);
    });
  }
});
