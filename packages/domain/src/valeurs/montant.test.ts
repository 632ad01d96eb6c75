import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError } from "../commun/errors";
import {
  applyBasisPoints,
  centsToEuros,
  compareRatioToBasisPoints,
  eurosToCents,
  formatEuros,
  formatPourcentage,
  formatRatioPourcentage,
  MAX_EUROS,
  mulDivFloor,
  mulDivRoundHalfUp,
  plafondBasisPoints,
  ratioToBasisPoints,
} from "./montant";

describe("eurosToCents", () => {
  const valid: [number, number][] = [
    [0, 0],
    [0.01, 1],
    [0.1, 10],
    [19.99, 1999],
    [123456.78, 12345678],
    [59999.99, 5999999],
    [1.15, 115],
    [4.35, 435],
    [1_000_000_000, 100_000_000_000],
    [MAX_EUROS, Math.round(MAX_EUROS * 100)],
  ];
  for (const [euros, cents] of valid) {
    it(`${euros} € = ${cents} cents`, () => {
      assert.equal(eurosToCents(euros), cents);
      assert.equal(centsToEuros(cents), euros);
    });
  }

  const invalid: [number, RegExp][] = [
    [1.005, /deux décimales/],
    [0.1 + 0.2, /deux décimales/],
    [12.345, /deux décimales/],
    [Number.NaN, /fini/],
    [Number.POSITIVE_INFINITY, /fini/],
    [-0.01, /négatif/],
    [MAX_EUROS + 1, /trop grand/],
  ];
  for (const [euros, message] of invalid) {
    it(`refuses ${euros}`, () => {
      assert.throws(
        () => eurosToCents(euros, { path: ["montant"] }),
        (error: unknown) =>
          isDomainError(error) &&
          error.code === "AMOUNT_INVALID" &&
          error.kind === "invalid-input" &&
          message.test(error.issues[0]?.message ?? "") &&
          error.issues[0]?.path[0] === "montant",
      );
    });
  }

  it("accepts negative amounts only when asked", () => {
    assert.equal(eurosToCents(-1234.5, { allowNegative: true }), -123450);
    assert.ok(Object.is(eurosToCents(-0, { allowNegative: true }), 0));
  });
});

describe("formatEuros / formatPourcentage", () => {
  const intl = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
  const amounts = [0, 1, 99, 100, 123456, 100_000_000, 540_400_000, -123456, 5_999_999];
  for (const cents of amounts) {
    it(`formats ${cents} cents like Intl fr-FR`, () => {
      assert.equal(formatEuros(cents), intl.format(cents / 100));
    });
  }

  it("uses a narrow no-break space between thousands", () => {
    assert.equal(formatEuros(123456), "1\u202f234,56\u00a0€");
  });

  const percents: [number, string][] = [
    [500, "5\u202f%"],
    [1015, "10,15\u202f%"],
    [2000, "20\u202f%"],
    [15000, "150\u202f%"],
    [-250, "-2,5\u202f%"],
    [1, "0,01\u202f%"],
  ];
  for (const [bp, text] of percents) {
    it(`${bp} bp = ${text}`, () => assert.equal(formatPourcentage(bp), text));
  }
});

describe("exact proportions", () => {
  const cases: [number, number, number, number][] = [
    [1, 1, 2, 1], // 0.5 → 1 (half away from zero)
    [-1, 1, 2, -1], // -0.5 → -1
    [3, 1, 2, 2], // 1.5 → 2
    [5, 1, 2, 3],
    [1, 1, 3, 0],
    [2, 1, 3, 1],
    [7, 3, -2, -11], // -10.5 → -11
    [1_200_000, 1015 * 40, 3_650_000, 13_348], // the payment example
    [100_000_000_000, 1015 * 365, 3_650_000, 10_150_000_000], // 1 bn € for a year at 10.15 %: no float drift
  ];
  for (const [a, b, c, expected] of cases) {
    it(`round(${a} × ${b} / ${c}) = ${expected}`, () => assert.equal(mulDivRoundHalfUp(a, b, c), expected));
  }

  it("refuses non-integers and division by zero", () => {
    assert.throws(() => mulDivRoundHalfUp(1.5, 1, 1), TypeError);
    assert.throws(() => mulDivRoundHalfUp(1, 1, 0), RangeError);
  });

  it("compares ratios exactly", () => {
    assert.equal(compareRatioToBasisPoints(2_000_000, 10_000_000, 2000), 0);
    assert.equal(compareRatioToBasisPoints(2_000_001, 10_000_000, 2000), 1);
    assert.equal(compareRatioToBasisPoints(1_999_999, 10_000_000, 2000), -1);
    assert.equal(ratioToBasisPoints(750_000, 10_000_000), 750);
    assert.equal(applyBasisPoints(12_000_000, 500), 600_000);
  });
});

describe("mulDivFloor and plafondBasisPoints (caps)", () => {
  it("round down, exactly, where mulDivRoundHalfUp rounds up", () => {
    assert.equal(mulDivFloor(10_000_001, 15_000, 10_000), 15_000_001);
    assert.equal(mulDivRoundHalfUp(10_000_001, 15_000, 10_000), 15_000_002);
    assert.equal(plafondBasisPoints(1, 15_000), 1);
    assert.equal(plafondBasisPoints(9_007_199_254_740_991, 1), 900_719_925_474);
    assert.throws(() => mulDivFloor(-1, 1, 1), TypeError);
  });
});

describe("formatRatioPourcentage: enough decimals to see the comparison", () => {
  // prettier-ignore
  const rows: [number, number, number[], string][] = [
    [5_000_001, 10_000_000, [5_000], "50,00001\u202f%"],
    [5_000_000, 10_000_000, [5_000], "50\u202f%"],
    [4_999_999, 10_000_000, [5_000], "49,99999\u202f%"],
    [1_000_001, 10_000_000, [1_000], "10,00001\u202f%"],
    [500_001, 10_000_000, [500], "5,00001\u202f%"],
    [1, 3, [], "33,33\u202f%"],
    [2, 3, [6_667], "66,667\u202f%"], // 66,67 would read equal to the 66,67 % threshold
    [-600_000, 10_000_000, [500], "-6\u202f%"],
    [1, 10_000_000_000_000, [0], "0,00000000001\u202f%"], // one cent of 100 billion euros
  ];
  for (const [part, total, seuils, expected] of rows) {
    it(`${part} / ${total} against ${seuils.join(", ") || "nothing"} → ${expected}`, () => {
      assert.equal(formatRatioPourcentage(part, total, seuils), expected);
    });
  }
});
