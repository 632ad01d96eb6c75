import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError } from "../commun/errors";
import { analyserAvance, plafondRetenueGarantie, type AvanceInput } from "./avance-retenue";
import { ACHETEUR_PAR_DEFAUT } from "./parametres";
import { spaserObligatoire } from "./spaser";

const avance = (over: Partial<AvanceInput>) =>
  analyserAvance({
    montantInitialHtCents: 10_000_000,
    montantInitialTtcCents: 12_000_000,
    dureeExecutionMois: 6,
    dateLancement: "2026-06-01",
    titulairePme: false,
    ...over,
  });

describe("advance owed: > 50 000 € HT and > 2 months, both strict (R2191-3)", () => {
  // prettier-ignore
  const rows: [number, number, boolean][] = [
    [4_999_999, 6, false],
    [5_000_000, 6, false], // exactly 50 000 €
    [5_000_001, 6, true],
    [10_000_000, 2, false], // exactly 2 months
    [10_000_000, 2.01, true],
    [10_000_000, 1.5, false],
  ];
  for (const [ht, months, owed] of rows) {
    it(`${ht} cents HT over ${months} months → ${owed}`, () => {
      const result = avance({ montantInitialHtCents: ht, montantInitialTtcCents: ht, dureeExecutionMois: months });
      assert.equal(result.avanceObligatoire, owed);
    });
  }
});

describe("advance rate and amount (R2191-7, on the TTC amount)", () => {
  it("5 % of TTC up to 12 months", () => {
    const result = avance({ dureeExecutionMois: 12 });
    assert.equal(result.tauxMinimumPointsDeBase, 500);
    assert.equal(result.montantMinimumTtcCents, 600_000);
    assert.equal(result.assietteTtcCents, 12_000_000);
  });

  it("beyond 12 months: rate × 12 × TTC / months", () => {
    const result = avance({ dureeExecutionMois: 24 });
    assert.equal(result.assietteTtcCents, 6_000_000);
    assert.equal(result.montantMinimumTtcCents, 300_000);
    assert.equal(avance({ dureeExecutionMois: 12.01 }).montantMinimumTtcCents, 599_500); // 600 000 × 12 / 12.01 = 599 500.42
  });

  it("10 % for an SME of a local authority whose DRF exceed 60 M€", () => {
    const result = avance({ titulairePme: true });
    assert.equal(result.tauxMinimumPointsDeBase, 1000);
    assert.equal(result.tauxPmeApplique, true);
    assert.equal(result.montantMinimumTtcCents, 1_200_000);
    assert.ok(result.reglesAppliquees.some((r) => r.id === "avance-taux-minimum-pme-collectivite-2020"));
  });

  it("5 % for an SME of a buyer below the DRF threshold", () => {
    const small = { ...ACHETEUR_PAR_DEFAUT, drfSuperieuresAuSeuil: false };
    const result = analyserAvance(
      {
        montantInitialHtCents: 10_000_000,
        montantInitialTtcCents: 12_000_000,
        dureeExecutionMois: 6,
        dateLancement: "2026-06-01",
        titulairePme: true,
      },
      small,
    );
    assert.equal(result.tauxMinimumPointsDeBase, 500);
  });

  it("refuses bad input with every path", () => {
    assert.throws(
      () => avance({ montantInitialHtCents: -1, dureeExecutionMois: 0, dateLancement: "2026-02-29" }),
      (e: unknown) =>
        isDomainError(e) &&
        ["montantInitialHtCents", "dureeExecutionMois", "dateLancement"].every((p) => e.issues.some((i) => i.path[0] === p)),
    );
    assert.throws(
      () => avance({ montantInitialTtcCents: 1 }),
      (e: unknown) => isDomainError(e) && e.issues[0]?.path[0] === "montantInitialTtcCents",
    );
  });
});

describe("retention cap (R2191-32)", () => {
  // prettier-ignore
  const rows: [string, boolean, number, number][] = [
    ["2024-12-31", true, 500, 600_000],
    ["2025-01-01", true, 300, 360_000],
    ["2026-06-01", true, 300, 360_000],
    ["2026-06-01", false, 500, 600_000],
  ];
  for (const [date, pme, bp, cap] of rows) {
    it(`launched ${date}, SME ${pme} → ${bp} bp`, () => {
      const result = plafondRetenueGarantie({ montantMarcheTtcCents: 12_000_000, dateLancement: date, titulairePme: pme });
      assert.equal(result.tauxMaximumPointsDeBase, bp);
      assert.equal(result.plafondTtcCents, cap);
    });
  }
});

describe("SPASER (D2111-3): yearly purchases above 50 M€ since 2023, 100 M€ before", () => {
  // prettier-ignore
  const rows: [number, string, boolean][] = [
    [5_000_000_000, "2023-01-01", false], // exactly 50 M€
    [5_000_000_001, "2023-01-01", true],
    [5_000_000_001, "2022-12-31", false],
    [10_000_000_000, "2022-12-31", false],
    [10_000_000_001, "2022-12-31", true],
    [30_000_000_000, "2026-01-01", true], // the département, about 300 M€ a year
  ];
  for (const [amount, date, expected] of rows) {
    it(`${amount} cents on ${date} → ${expected}`, () => assert.equal(spaserObligatoire(amount, date).obligatoire, expected));
  }
});

describe("retention cap rounded down to the cent (a cap never allows more than its rate)", () => {
  // prettier-ignore
  const rows: [number, boolean, number][] = [
    [10, false, 0], // 5 % of 0,10 € = 0,005 € → 0,00 € (was rounded up to 0,01 €)
    [50, true, 1], // 3 % of 0,50 € = 0,015 € → 0,01 €
    [12_000_000, false, 600_000],
  ];
  for (const [base, pme, cap] of rows) {
    it(`${base} cents TTC, SME ${pme} → ${cap} cents`, () => {
      assert.equal(
        plafondRetenueGarantie({ montantMarcheTtcCents: base, dateLancement: "2026-06-01", titulairePme: pme }).plafondTtcCents,
        cap,
      );
    });
  }
});
