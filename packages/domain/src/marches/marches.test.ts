import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DomainError } from "../commun/errors";
import { TAUX_BCE_PAR_DEFAUT } from "../regles/parametres";
import { consommation } from "./execution";
import { datesDeFin, statutMarche, validerMarche, type MarcheSaisi } from "./marche";
import { bilanPaiements, chiffrerFacture } from "./marches.use-cases";

const base: MarcheSaisi = {
  directionId: "d",
  numero: "2026-001",
  objet: "Entretien des espaces verts des collèges",
  procedure: "Appel d'offres ouvert",
  nature: "services",
  cpv: "77310000-6",
  formePrix: "unitaire",
  accordCadre: true,
  montantMaxHtCents: 100_000_000,
  montantMinHtCents: 10_000_000,
  dateNotification: "2026-01-05",
  dateDebut: "2026-01-15",
  dureeMois: 12,
  reconductionsNombre: 3,
  reconductionDureeMois: 12,
  ccag: "fcs",
  clauseSociale: true,
  heuresInsertionPrevues: 700,
  clauseEnvironnementale: true,
  marcheReserve: false,
  achatInnovant: false,
  avanceAccordee: false,
  attribueParCao: true,
  titulaires: [{ fournisseurId: "f1", role: "titulaire" }],
};

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.issues.map((i) => i.path.join("."));
    throw error;
  }
  return [];
}

describe("marché : saisie", () => {
  it("accepts a framework agreement with its maximum and computes its end dates", () => {
    const v = validerMarche(base);
    assert.equal(v.cpv, "77310000-6");
    assert.deepEqual(datesDeFin({ ...v, reconductionsDecidees: 0 }), { dateFin: "2027-01-14", dateFinMax: "2030-01-14" });
  });

  for (const [cas, changement, chemins] of [
    ["a framework needs a maximum", { montantMaxHtCents: null }, ["montantMaxHtCents"]],
    ["the minimum stays below the maximum", { montantMinHtCents: 200_000_000 }, ["montantMinHtCents"]],
    ["a firm contract needs its amount", { accordCadre: false, montantMaxHtCents: null, montantMinHtCents: null }, ["montantHtCents"]],
    ["a social clause plans its hours", { heuresInsertionPrevues: null }, ["heuresInsertionPrevues"]],
    ["renewals have a length", { reconductionDureeMois: null }, ["reconductionDureeMois"]],
    ["execution starts after notification", { dateDebut: "2025-12-01" }, ["dateDebut"]],
    ["the CPV code is checked", { cpv: "77310000-7" }, ["cpv"]],
    ["a mandatary needs consortium members", { titulaires: [{ fournisseurId: "f1", role: "mandataire" }] }, ["titulaires"]],
    [
      "a sole holder is not combined with a consortium",
      {
        titulaires: [
          { fournisseurId: "f1", role: "titulaire" },
          { fournisseurId: "f2", role: "cotraitant" },
        ],
      },
      ["titulaires"],
    ],
    [
      "a subcontractor has its accepted amount",
      {
        titulaires: [
          { fournisseurId: "f1", role: "titulaire" },
          { fournisseurId: "f2", role: "sous-traitant" },
        ],
      },
      ["titulaires.1.montantSousTraitanceHtCents"],
    ],
  ] as const) {
    it(`refuses: ${cas}`, () => {
      assert.deepEqual(
        issuesOf(() => validerMarche({ ...base, ...(changement as Partial<MarcheSaisi>) })),
        chemins,
      );
    });
  }

  it("computes the current end date from the renewals decided and an amendment's new end date", () => {
    const m = { dateDebut: "2026-01-01", dureeMois: 12, reconductionsNombre: 3, reconductionDureeMois: 12, reconductionsDecidees: 1 };
    assert.deepEqual(datesDeFin(m), { dateFin: "2027-12-31", dateFinMax: "2029-12-31" });
    assert.deepEqual(datesDeFin(m, "2030-06-30"), { dateFin: "2030-06-30", dateFinMax: "2030-06-30" });
    assert.equal(statutMarche({ clos: false, dateFin: "2027-12-31" }, "2028-01-01"), "echu");
    assert.equal(statutMarche({ clos: false, dateFin: "2027-12-31" }, "2027-12-31"), "en-cours");
    assert.equal(statutMarche({ clos: true, dateFin: "2030-01-01" }, "2027-12-31"), "clos");
  });

  it("raises the consumption alerts at 80 % and 100 % of the maximum", () => {
    assert.equal(consommation(79_999, 100_000).alerte, "aucune");
    assert.equal(consommation(80_000, 100_000).alerte, "80");
    assert.equal(consommation(100_000, 100_000).alerte, "100");
    assert.equal(consommation(80_000, 100_000).tauxPointsDeBase, 8_000);
  });
});

/**
 * Invoices: the engine's figures, checked against cases computed by hand.
 * interest = TTC × (ECB rate of the half-year interest started + 8 points) × days late / 365, to the cent.
 */
describe("facture : délai de paiement et intérêts moratoires (calculés à la main)", () => {
  const cas = [
    // 12 000 € received 3 March 2025, due 2 April, paid 22 April: 20 days; ECB 1 Jan 2025 3.15 % → 11.15 %.
    // 1 200 000 × 0.1115 × 20 / 365 = 7 331.51 → 73.32 €
    { ttc: 1_200_000, recu: "2025-03-03", paye: "2025-04-22", delai: 50, retard: 20, taux: 1_115, interets: 7_332, indemnite: 4_000 },
    // 5 000 € received 20 June 2025, due 20 July, paid 4 August: 15 days; interest from 21 July → ECB 1 Jul 2025 2.15 % → 10.15 %.
    // 500 000 × 0.1015 × 15 / 365 = 2 085.62 → 20.86 €
    { ttc: 500_000, recu: "2025-06-20", paye: "2025-08-04", delai: 45, retard: 15, taux: 1_015, interets: 2_086, indemnite: 4_000 },
    // 100 000 € received 15 Dec 2024, due 14 Jan 2025, paid 15 March 2025: 60 days; interest from 15 Jan 2025 → 11.15 %.
    // 10 000 000 × 0.1115 × 60 / 365 = 183 287.67 → 1 832.88 €
    { ttc: 10_000_000, recu: "2024-12-15", paye: "2025-03-15", delai: 90, retard: 60, taux: 1_115, interets: 183_288, indemnite: 4_000 },
    // paid on the due date (10 Jan + 30 days = 9 Feb): nothing owed
    { ttc: 2_000_000, recu: "2026-01-10", paye: "2026-02-09", delai: 30, retard: 0, taux: null, interets: 0, indemnite: 0 },
  ];
  // the half-year of the rate is the one of the first day of interest (the day after the due date), not of the payment
  const casSemestre = [
    // 30 000 € received 30 May 2025, due 29 June, interest from 30 June (1st half-year: 3.15 % → 11.15 %), paid 9 July: 10 days.
    // 3 000 000 × 0.1115 × 10 / 365 = 9 164.38 → 91.64 €
    { ttc: 3_000_000, recu: "2025-05-30", paye: "2025-07-09", delai: 40, retard: 10, taux: 1_115, interets: 9_164, indemnite: 4_000 },
    // the same a day later: due 30 June, interest from 1 July (2nd half-year: 2.15 % → 10.15 %), paid 10 July: 10 days.
    // 3 000 000 × 0.1015 × 10 / 365 = 8 342.47 → 83.42 €
    { ttc: 3_000_000, recu: "2025-05-31", paye: "2025-07-10", delai: 40, retard: 10, taux: 1_015, interets: 8_342, indemnite: 4_000 },
    // one day late: 1 000 € × 11.15 % × 1 / 365 = 30.55 c → 0.31 €, and the 40 € indemnity all the same
    { ttc: 100_000, recu: "2025-01-02", paye: "2025-02-02", delai: 31, retard: 1, taux: 1_115, interets: 31, indemnite: 4_000 },
  ];
  for (const c of [...cas, ...casSemestre]) {
    it(`${c.ttc / 100} € reçus le ${c.recu}, payés le ${c.paye}`, () => {
      const f = chiffrerFacture({ montantTtcCents: c.ttc, dateReception: c.recu, datePaiement: c.paye }, TAUX_BCE_PAR_DEFAUT);
      assert.equal(f.delaiPaiementJours, c.delai);
      assert.equal(f.joursRetard, c.retard);
      assert.equal(f.tauxInteretsPointsDeBase, c.taux);
      assert.equal(f.interetsMoratoiresCents, c.interets);
      assert.equal(f.indemniteForfaitaireCents, c.indemnite);
    });
  }

  it("leaves an unpaid invoice with its due date and nothing owed yet, and sums the record", () => {
    const impayee = chiffrerFacture({ montantTtcCents: 100, dateReception: "2026-11-20", datePaiement: null }, TAUX_BCE_PAR_DEFAUT);
    assert.equal(impayee.dateEcheance, "2026-12-20");
    assert.equal(impayee.delaiPaiementJours, null);
    const factures = cas.map((c, i) => ({
      id: String(i),
      marcheId: "m",
      numero: String(i),
      montantTtcCents: c.ttc,
      dateReception: c.recu,
      datePaiement: c.paye,
      ...chiffrerFacture({ montantTtcCents: c.ttc, dateReception: c.recu, datePaiement: c.paye }, TAUX_BCE_PAR_DEFAUT),
    }));
    assert.deepEqual(bilanPaiements(factures), {
      nombreFactures: 4,
      nombrePayees: 4,
      delaiMoyenJours: 53.8,
      nombreEnRetard: 3,
      interetsMoratoiresCents: 7_332 + 2_086 + 183_288,
      indemnitesForfaitairesCents: 12_000,
    });
  });
});
