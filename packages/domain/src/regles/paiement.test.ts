import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError } from "../commun/errors";
import { calculerPaiement, debutSemestre, tauxBceDuSemestre, verifierTableTauxBce, type PaiementInput } from "./paiement";
import { TAUX_BCE_PAR_DEFAUT, type LigneTauxBce } from "./parametres";

describe("late payment: the issue's example", () => {
  /*
   * 12 000 € TTC, request received 2026-01-05, paid 2026-03-16, ECB rate 2.15 %:
   * - due date = 2026-01-05 + 30 days = 2026-02-04 (R2192-10);
   * - interest runs from 2026-02-05; days late = 2026-03-16 − 2026-02-04 = 24 (Feb 5–28) + 16 (Mar 1–16) = 40;
   * - rate = 2.15 + 8 = 10.15 %;
   * - interest = 12 000 × 0.1015 × 40 / 365 = 48 720 / 365 = 133.479… € → 133.48 €
   *   (in cents and basis points: 1 200 000 × 1 015 × 40 / (10 000 × 365) = 13 347.95 → 13 348 cents);
   * - fixed indemnity: 40 € (D2192-35).
   */
  const input: PaiementInput = {
    montantTtcCents: 1_200_000,
    dateReception: "2026-01-05",
    datePaiement: "2026-03-16",
    tauxBcePointsDeBase: 215,
  };

  it("computes due date, days late, interest and indemnity", () => {
    const result = calculerPaiement(input);
    assert.equal(result.dateEcheance.date, "2026-02-04");
    assert.equal(result.joursRetard, 40);
    assert.equal(result.debutInterets, "2026-02-05");
    assert.equal(result.semestreReference, "2026-01-01");
    assert.equal(result.tauxInteretsPointsDeBase, 1015);
    assert.equal(result.interetsMoratoiresCents, 13_348);
    assert.equal(result.indemniteForfaitaireCents, 4_000);
    assert.equal(result.origineTauxBce, "saisi");
    assert.equal(result.dateLimiteVersementInterets, "2026-04-30");
  });

  it("reads the same rate from the default table, flagged as unconfirmed", () => {
    const { tauxBcePointsDeBase: _omitted, ...withoutRate } = input;
    const result = calculerPaiement(withoutRate);
    assert.equal(result.interetsMoratoiresCents, 13_348);
    assert.equal(result.origineTauxBce, "table");
    assert.equal(result.statutTauxBce, "a-confirmer");
    assert.ok(result.pointsDeVigilance.some((p) => p.includes("à confirmer")));
  });
});

describe("on time or late, around the due date", () => {
  // prettier-ignore
  const rows: [string, number, number, number][] = [
    // paid on, days late, interest (cents), indemnity (cents)
    ["2026-01-05", 0, 0, 0],
    ["2026-02-03", 0, 0, 0],
    ["2026-02-04", 0, 0, 0], // on the due date
    ["2026-02-05", 1, 334, 4_000], // 1 200 000 × 1 015 / 3 650 000 = 333.70 → 334
    ["2026-03-06", 30, 10_011, 4_000], // × 30 = 10 010.96 → 10 011
  ];
  for (const [paid, days, interest, indemnity] of rows) {
    it(`paid ${paid} → ${days} days late`, () => {
      const result = calculerPaiement({
        montantTtcCents: 1_200_000,
        dateReception: "2026-01-05",
        datePaiement: paid,
        tauxBcePointsDeBase: 215,
      });
      assert.equal(result.joursRetard, days);
      assert.equal(result.interetsMoratoiresCents, interest);
      assert.equal(result.indemniteForfaitaireCents, indemnity);
    });
  }

  it("a shorter contractual period moves the due date", () => {
    const result = calculerPaiement({
      montantTtcCents: 1_200_000,
      dateReception: "2026-01-05",
      datePaiement: "2026-01-26",
      delaiPaiementJours: 20,
      tauxBcePointsDeBase: 215,
    });
    assert.equal(result.dateEcheance.date, "2026-01-25");
    assert.equal(result.joursRetard, 1);
  });

  it("warns when the due date is not a working day", () => {
    const result = calculerPaiement({ montantTtcCents: 100_000, dateReception: "2026-04-01", datePaiement: "2026-04-20" });
    assert.equal(result.dateEcheance.date, "2026-05-01");
    assert.ok(result.dateEcheance.avertissements.some((w) => w.includes("Fête du Travail")));
  });
});

describe("ECB rate of the half-year in which interest started to run (R2192-31)", () => {
  const table: LigneTauxBce[] = [
    { debutSemestre: "2026-01-01", tauxBcePointsDeBase: 200, source: "test", statut: "confirme" },
    { debutSemestre: "2026-07-01", tauxBcePointsDeBase: 300, source: "test", statut: "confirme" },
  ];
  it("interest starting on 30 June uses the first half-year, even when paid in July", () => {
    // received 2026-05-30 → due 2026-06-29 → interest from 2026-06-30
    const result = calculerPaiement({ montantTtcCents: 1_000_000, dateReception: "2026-05-30", datePaiement: "2026-07-20" }, table);
    assert.equal(result.semestreReference, "2026-01-01");
    assert.equal(result.tauxInteretsPointsDeBase, 1000);
  });
  it("interest starting on 1 July uses the second half-year", () => {
    // received 2026-05-31 → due 2026-06-30 → interest from 2026-07-01
    const result = calculerPaiement({ montantTtcCents: 1_000_000, dateReception: "2026-05-31", datePaiement: "2026-07-20" }, table);
    assert.equal(result.semestreReference, "2026-07-01");
    assert.equal(result.tauxInteretsPointsDeBase, 1100);
    assert.equal(result.joursRetard, 20);
    assert.equal(result.interetsMoratoiresCents, 6_027); // 1 000 000 × 1 100 × 20 / 3 650 000 = 6 027.40
  });

  it("a half-year missing from the table is an explicit error unless the rate is given", () => {
    const input: PaiementInput = { montantTtcCents: 1_000_000, dateReception: "2027-03-01", datePaiement: "2027-05-01" };
    assert.throws(
      () => calculerPaiement(input),
      (e: unknown) =>
        isDomainError(e) && e.code === "RULES_PERIOD_UNKNOWN" && e.message.includes("1er janvier 2027") && e.message.includes("tauxBce"),
    );
    assert.equal(calculerPaiement({ ...input, tauxBcePointsDeBase: 200 }).tauxInteretsPointsDeBase, 1000);
  });

  it("no rate is needed when the payment is on time", () => {
    const result = calculerPaiement({ montantTtcCents: 1_000_000, dateReception: "2027-03-01", datePaiement: "2027-03-10" });
    assert.equal(result.tauxBcePointsDeBase, null);
    assert.equal(result.interetsMoratoiresCents, 0);
  });

  it("half-year helpers and table checks", () => {
    assert.equal(debutSemestre("2026-06-30"), "2026-01-01");
    assert.equal(debutSemestre("2026-07-01"), "2026-07-01");
    assert.equal(tauxBceDuSemestre("2023-08-15").tauxBcePointsDeBase, 400);
    assert.deepEqual(verifierTableTauxBce(TAUX_BCE_PAR_DEFAUT), []);
    assert.equal(
      verifierTableTauxBce([{ debutSemestre: "2026-03-01", tauxBcePointsDeBase: 2.15, source: "", statut: "confirme" }]).length,
      2,
    );
    assert.throws(
      () =>
        calculerPaiement({ montantTtcCents: 1, dateReception: "2026-01-05", datePaiement: "2026-03-16" }, [
          { debutSemestre: "2026-01-02", tauxBcePointsDeBase: 1, source: "", statut: "confirme" },
        ]),
      (e: unknown) => isDomainError(e) && e.code === "RATE_TABLE_INVALID",
    );
  });
});

describe("refusals", () => {
  it("reports every problem with its path", () => {
    assert.throws(
      () =>
        calculerPaiement({
          montantTtcCents: -5,
          dateReception: "2026-01-05",
          datePaiement: "2026-01-04",
          tauxBcePointsDeBase: 2.15,
          delaiPaiementJours: 45,
        }),
      (e: unknown) => {
        if (!isDomainError(e) || e.kind !== "invalid-input") return false;
        const paths = e.issues.map((i) => i.path.join("."));
        return (
          ["montantTtcCents", "datePaiement", "tauxBcePointsDeBase", "delaiPaiementJours"].every((p) => paths.includes(p)) &&
          e.issues.some((i) => i.message.includes("L2192-10"))
        );
      },
    );
  });

  it("refuses a reception date outside the coverage", () => {
    assert.throws(
      () => calculerPaiement({ montantTtcCents: 100, dateReception: "2021-12-31", datePaiement: "2022-03-01", tauxBcePointsDeBase: 0 }),
      (e: unknown) => isDomainError(e) && e.code === "RULES_PERIOD_UNKNOWN",
    );
  });
});

describe("legal-set findings (issue #7)", () => {
  it("a rate typed by the user is reported as typed, never as confirmed", () => {
    const result = calculerPaiement({
      montantTtcCents: 1_200_000,
      dateReception: "2026-01-05",
      datePaiement: "2026-03-16",
      tauxBcePointsDeBase: 215,
    });
    assert.equal(result.origineTauxBce, "saisi");
    assert.equal(result.statutTauxBce, null);
    assert.ok(result.alertes.some((a) => a.niveau === "information" && a.message.startsWith("Taux de la BCE saisi")));
  });

  // prettier-ignore
  const nothingOwed: [string, string, number | undefined][] = [
    // paid on, reception, typed ECB rate (undefined: from the table)
    ["2026-03-16", "2026-01-05", 215],
    ["2026-03-16", "2026-01-05", undefined],
    ["2027-05-01", "2027-03-01", undefined], // a half-year missing from the table is not even needed
  ];
  for (const [paid, received, rate] of nothingOwed) {
    it(`a 0 € invoice paid late (${received} → ${paid}) owes neither interest nor the 40 € indemnity (D2192-35)`, () => {
      const result = calculerPaiement({
        montantTtcCents: 0,
        dateReception: received,
        datePaiement: paid,
        ...(rate !== undefined ? { tauxBcePointsDeBase: rate } : {}),
      });
      assert.equal(result.interetsMoratoiresCents, 0);
      assert.equal(result.indemniteForfaitaireCents, 0);
      assert.equal(result.tauxInteretsPointsDeBase, null);
      assert.equal(result.dateLimiteVersementInterets, null);
      assert.ok(result.explications.some((e) => e.includes("montant nul") && e.includes("D2192-35")));
    });
  }

  it("one cent paid late still owes the 40 € indemnity", () => {
    const result = calculerPaiement({
      montantTtcCents: 1,
      dateReception: "2026-01-05",
      datePaiement: "2026-03-16",
      tauxBcePointsDeBase: 215,
    });
    assert.equal(result.indemniteForfaitaireCents, 4_000);
  });
});
