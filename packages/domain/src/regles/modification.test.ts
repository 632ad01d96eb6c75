import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError } from "../commun/errors";
import { verifierModification, type FondementModification, type ModificationInput } from "./modification";
import type { Nature } from "./types";

const base = (over: Partial<ModificationInput> & Pick<ModificationInput, "modification">): ModificationInput => ({
  montantInitialHtCents: 10_000_000, // 100 000 € HT
  nature: "services",
  dateLancement: "2026-06-01",
  attribueParCao: false,
  ...over,
});
const modif = (montantHtCents: number, fondement: FondementModification = "faible-montant") => ({ montantHtCents, fondement });

describe("de minimis modifications (R2194-8): below the EU threshold and 10 % (supplies/services) or 15 % (works)", () => {
  // prettier-ignore
  const rows: [Nature, number, number, boolean][] = [
    // nature, initial (cents), modification (cents), allowed
    ["services", 10_000_000, 999_999, true], // 9,99999 %
    ["services", 10_000_000, 1_000_000, false], // exactly 10 %
    ["services", 10_000_000, 1_000_001, false],
    ["fournitures", 10_000_000, 999_999, true],
    ["travaux", 10_000_000, 1_499_999, true],
    ["travaux", 10_000_000, 1_500_000, false], // exactly 15 %
    ["travaux", 10_000_000, 1_500_001, false],
  ];
  for (const [nature, initial, amount, allowed] of rows) {
    it(`${nature}: ${amount} on ${initial} → ${allowed ? "allowed" : "refused"}`, () => {
      const result = verifierModification(base({ nature, montantInitialHtCents: initial, modification: modif(amount) }));
      assert.equal(result.autorisee, allowed);
      if (!allowed)
        assert.ok(
          result.pointsDeVigilance.some((p) => p.includes("R2194-7")),
          "points to the non-substantial test",
        );
    });
  }

  it("cumulates earlier de minimis modifications (R2194-9)", () => {
    const result = verifierModification(base({ modificationsAnterieures: [modif(600_000)], modification: modif(400_000) }));
    assert.equal(result.autorisee, false);
    assert.equal(result.faibleMontant?.pourcentagePointsDeBase, 1000);
    const other = verifierModification(
      base({ modificationsAnterieures: [modif(600_000, "clause-reexamen")], modification: modif(399_999) }),
    );
    assert.equal(other.autorisee, true, "modifications on another basis do not count in the de minimis cumul");
  });

  it("counts decreases in absolute value (prudent reading)", () => {
    const result = verifierModification(base({ modificationsAnterieures: [modif(-600_000)], modification: modif(500_000) }));
    assert.equal(result.faibleMontant?.montantCumuleHtCents, 1_100_000);
    assert.equal(result.autorisee, false);
  });

  // EU threshold of supplies/services: 221 000 € until 2025-12-31, 216 000 € from 2026-01-01
  const eu: [string, number, boolean][] = [
    ["2026-01-01", 21_599_999, true],
    ["2026-01-01", 21_600_000, false],
    ["2026-01-01", 21_600_001, false],
    ["2025-12-31", 22_000_000, true],
    ["2026-01-01", 22_000_000, false],
  ];
  for (const [date, amount, allowed] of eu) {
    it(`on a 5 M€ contract launched ${date}, ${amount} cents → ${allowed}`, () => {
      const result = verifierModification(base({ montantInitialHtCents: 500_000_000, dateLancement: date, modification: modif(amount) }));
      assert.equal(result.autorisee, allowed);
    });
  }
});

describe("additional services and unforeseen circumstances: each ≤ 50 % (R2194-3)", () => {
  const rows: [FondementModification, number, boolean][] = [
    ["prestations-supplementaires", 4_999_999, true],
    ["prestations-supplementaires", 5_000_000, true],
    ["prestations-supplementaires", 5_000_001, false],
    ["circonstances-imprevues", 5_000_000, true],
    ["circonstances-imprevues", 5_000_001, false],
  ];
  for (const [fondement, amount, allowed] of rows) {
    it(`${fondement} ${amount} on 100 000 € → ${allowed}`, () => {
      assert.equal(verifierModification(base({ modification: modif(amount, fondement) })).autorisee, allowed);
    });
  }

  it("the cap applies to each modification, not to the cumul", () => {
    const result = verifierModification(
      base({
        modificationsAnterieures: [modif(4_000_000, "prestations-supplementaires")],
        modification: modif(4_000_000, "prestations-supplementaires"),
      }),
    );
    assert.equal(result.autorisee, true);
    assert.equal(result.pourcentageCumulePointsDeBase, 8000);
    assert.ok(result.pointsDeVigilance.some((p) => p.includes("contourner")));
  });

  it("refuses a non-positive amount for additional services", () => {
    assert.throws(
      () => verifierModification(base({ modification: modif(-100, "prestations-supplementaires") })),
      (e: unknown) => isDomainError(e) && e.issues.some((i) => i.path.join(".") === "modification.montantHtCents"),
    );
  });
});

describe("other bases", () => {
  it("a review clause or a non-substantial change is allowed whatever the amount, with what to check", () => {
    const clause = verifierModification(base({ modification: modif(9_000_000, "clause-reexamen") }));
    assert.equal(clause.autorisee, true);
    assert.ok(clause.pointsDeVigilance.some((p) => p.includes("claire, précise et sans équivoque")));
    const nonSubstantial = verifierModification(base({ modification: modif(2_500_000, "non-substantielle") }));
    assert.equal(nonSubstantial.autorisee, true);
    assert.ok(nonSubstantial.pointsDeVigilance.some((p) => p.includes("substantielle si")));
    assert.ok(nonSubstantial.pointsDeVigilance.some((p) => p.includes("nature globale")));
  });

  it("a change of holder normally leaves the price unchanged", () => {
    const result = verifierModification(base({ modification: modif(100, "changement-titulaire") }));
    assert.ok(result.pointsDeVigilance.some((p) => p.includes("ne modifie normalement pas le prix")));
  });
});

describe("CAO opinion (CGCT L1414-4): increase > 5 % of a contract awarded by the CAO", () => {
  // prettier-ignore
  const rows: [number, boolean, boolean][] = [
    [499_999, true, false],
    [500_000, true, false], // exactly 5 %
    [500_001, true, true],
    [500_001, false, false], // MAPA, not awarded by the CAO
    [-600_000, true, false], // decrease: out of scope
  ];
  for (const [amount, cao, required] of rows) {
    it(`${amount} cents on 100 000 €, CAO ${cao} → opinion ${required}`, () => {
      const result = verifierModification(base({ attribueParCao: cao, modification: modif(amount, "non-substantielle") }));
      assert.equal(result.avisCaoRequis, required);
    });
  }

  it("warns when only the cumul of avenants goes past 5 %", () => {
    const result = verifierModification(
      base({
        attribueParCao: true,
        modificationsAnterieures: [modif(400_000, "non-substantielle")],
        modification: modif(400_000, "non-substantielle"),
      }),
    );
    assert.equal(result.avisCaoRequis, false);
    assert.ok(result.pointsDeVigilance.some((p) => p.includes("cumul des avenants")));
  });
});

describe("percentages and totals", () => {
  it("gives this and the cumulated percentage in basis points, and the new amount", () => {
    const result = verifierModification(
      base({ modificationsAnterieures: [modif(250_000, "clause-reexamen")], modification: modif(500_000, "non-substantielle") }),
    );
    assert.equal(result.pourcentageCetteModificationPointsDeBase, 500);
    assert.equal(result.pourcentageCumulePointsDeBase, 750);
    assert.equal(result.nouveauMontantHtCents, 10_750_000);
    assert.equal(result.montantCumuleModificationsHtCents, 750_000);
  });

  it("reminds the DECP and legality-control duties", () => {
    const result = verifierModification(base({ montantInitialHtCents: 30_000_000, modification: modif(1_000_000, "non-substantielle") }));
    assert.ok(result.pointsDeVigilance.some((p) => p.includes("données essentielles")));
    assert.ok(result.pointsDeVigilance.some((p) => p.includes("préfet")));
  });
});

describe("refusals", () => {
  it("reports every problem with its path", () => {
    assert.throws(
      () =>
        verifierModification({
          montantInitialHtCents: 0,
          nature: "services",
          dateLancement: "2026-13-01",
          attribueParCao: "non",
          modificationsAnterieures: [{ montantHtCents: 1.5, fondement: "autre" }],
          modification: { montantHtCents: 100, fondement: "faible-montant" },
        } as unknown as ModificationInput),
      (e: unknown) => {
        if (!isDomainError(e) || e.kind !== "invalid-input") return false;
        const paths = e.issues.map((i) => i.path.join("."));
        return [
          "montantInitialHtCents",
          "dateLancement",
          "attribueParCao",
          "modificationsAnterieures.0.montantHtCents",
          "modificationsAnterieures.0.fondement",
        ].every((p) => paths.includes(p));
      },
    );
  });

  it("refuses a decrease that would bring the contract to zero", () => {
    assert.throws(
      () => verifierModification(base({ modification: modif(-10_000_000, "non-substantielle") })),
      (e: unknown) => isDomainError(e) && e.code === "INVALID_INPUT",
    );
  });

  it("refuses a launch date outside the coverage", () => {
    assert.throws(
      () => verifierModification(base({ dateLancement: "2028-01-01", modification: modif(100) })),
      (e: unknown) => isDomainError(e) && e.code === "RULES_PERIOD_UNKNOWN",
    );
  });
});

describe("percentages at the boundaries never contradict the comparison (issue #7)", () => {
  // prettier-ignore
  const rows: [FondementModification, number, RegExp, RegExp][] = [
    // basis, amount (cents) on 100 000 €, expected wording, wording that must not appear
    [
      "prestations-supplementaires",
      5_000_001,
      /50,00001\u202f% du montant initial, > plafond de 50\u202f% par modification, soit au plus 50\u202f000,00\u00a0€ HT/,
      /\b50\u202f% du montant initial, >/,
    ],
    ["prestations-supplementaires", 5_000_000, /50\u202f% du montant initial, ≤ plafond de 50\u202f%/, /50,0+1/],
    ["circonstances-imprevues", 5_000_001, /50,00001\u202f% du montant initial, >/, /\b50\u202f% du montant initial, >/],
    [
      "faible-montant",
      1_000_001,
      /10,00001\u202f% du montant initial ≥ plafond de 10\u202f%.*soit au plus 9\u202f999,99\u00a0€ HT/,
      /\b10\u202f% du montant initial ≥/,
    ],
    ["faible-montant", 999_999, /9,99999\u202f% du montant initial < plafond de 10\u202f%/, /\b10\u202f% du montant initial </],
  ];
  for (const [fondement, amount, expected, forbidden] of rows) {
    it(`${fondement} ${amount} cents on 100 000 €: ${expected.source.slice(0, 40)}…`, () => {
      const result = verifierModification(base({ modification: modif(amount, fondement) }));
      const text = result.explications.join("\n");
      assert.match(text, expected);
      assert.doesNotMatch(text, forbidden);
    });
  }

  it("the CAO opinion line shows the exact percentage and the amount beyond which the opinion is required", () => {
    const result = verifierModification(base({ attribueParCao: true, modification: modif(500_001, "non-substantielle") }));
    assert.ok(
      result.explications.some(
        (e) => e.includes("5,00001\u202f% du montant initial, > 5\u202f%") && e.includes("au-delà de 5\u202f000,00\u00a0€ HT"),
      ),
      result.explications.join("\n"),
    );
  });

  it("an amount above the 50 % cap is a blocking alert, ranked first", () => {
    const result = verifierModification(base({ modification: modif(5_000_001, "prestations-supplementaires") }));
    assert.equal(result.alertes[0]?.niveau, "bloquant");
    assert.match(result.pointsDeVigilance[0] ?? "", /dépasse de 0,01\u00a0€ HT le plafond de 50\u202f%/);
  });
});
