import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { localIsoDate } from "./dates";
import { formatEuros, formatPercent, parseDecimal, parseEuros, type ParseResult } from "./euros";

const value = (result: ParseResult): number => {
  assert.ok(result.ok, `analyse refusée : ${result.ok ? "" : result.message}`);
  return result.value;
};
const failure = (result: ParseResult): string => {
  assert.equal(result.ok, false, "une erreur était attendue");
  return result.ok ? "" : result.failure;
};

describe("parseEuros", () => {
  it("reads French and English writings of the same amount", () => {
    for (const text of [
      "59 999,99",
      "59999,99",
      "59999.99",
      "59 999.99",
      "59.999,99",
      "59,999.99",
      "59\u202f999,99\u00a0€",
      " 59999,99 € ",
    ]) {
      assert.equal(value(parseEuros(text)), 59999.99, text);
    }
  });

  it("reads integers, grouped thousands and short decimals", () => {
    assert.equal(value(parseEuros("60000")), 60000);
    assert.equal(value(parseEuros("1 000 000")), 1_000_000);
    assert.equal(value(parseEuros("1.000.000")), 1_000_000);
    assert.equal(value(parseEuros("1,000,000")), 1_000_000);
    assert.equal(value(parseEuros("12,5")), 12.5);
    assert.equal(value(parseEuros(",50")), 0.5);
    assert.equal(value(parseEuros("0")), 0);
    assert.equal(value(parseEuros("12,")), 12);
  });

  it("gives the double that converts exactly to cents", () => {
    const euros = value(parseEuros("0,29"));
    assert.equal(Math.round(euros * 100) / 100, euros);
    assert.equal(value(parseEuros("1 234 567,89")), 1234567.89);
  });

  it("accepts a minus sign only when asked", () => {
    assert.equal(failure(parseEuros("-1 500,00")), "negatif");
    assert.equal(value(parseEuros("-1 500,00", { allowNegative: true })), -1500);
    assert.equal(value(parseEuros("\u22121500", { allowNegative: true })), -1500);
    assert.equal(value(parseEuros("+1500", { allowNegative: true })), 1500);
    assert.ok(Object.is(value(parseEuros("-0", { allowNegative: true })), 0));
  });

  it("refuses empty, malformed, ambiguous and over-precise amounts with a French message", () => {
    assert.equal(failure(parseEuros("")), "vide");
    assert.equal(failure(parseEuros("   ")), "vide");
    for (const text of ["abc", "12a", "1,2,3", "1.2.3", "1.234.56,7", "12,34.56", ".", ",", "--5", "1 000,00,0", "1e5"]) {
      assert.equal(failure(parseEuros(text)), "format", text);
    }
    assert.equal(failure(parseEuros("1.500")), "ambigu");
    assert.equal(failure(parseEuros("1,500")), "ambigu");
    assert.equal(failure(parseEuros("12,345")), "ambigu");
    assert.equal(failure(parseEuros("1500,123")), "decimales");
    assert.equal(failure(parseEuros("0,001")), "decimales");
    const refused = parseEuros("x");
    assert.ok(!refused.ok && /^Saisissez un nombre/.test(refused.message));
  });
});

describe("parseDecimal", () => {
  it("reads a percentage with its sign and its % sign", () => {
    assert.equal(value(parseDecimal("2,15 %", { allowNegative: true })), 2.15);
    assert.equal(value(parseDecimal("-0,5", { allowNegative: true })), -0.5);
    assert.equal(failure(parseDecimal("2,1555", { maxDecimals: 2 })), "decimales");
    const rate = { allowNegative: true, groupThousands: false };
    assert.equal(value(parseDecimal("2.15", rate)), 2.15);
    assert.equal(failure(parseDecimal("2,155", rate)), "decimales");
    assert.equal(failure(parseDecimal("1.000,5", rate)), "format");
    assert.equal(failure(parseDecimal("1.000.000", rate)), "format");
    const refused = parseDecimal("2,1555");
    assert.ok(!refused.ok && refused.message === "Saisissez au plus 2 chiffres après la virgule.");
  });
});

describe("formatEuros / formatPercent", () => {
  it("writes amounts and rates the French way", () => {
    assert.equal(formatEuros(59999.99), "59\u202f999,99\u00a0€");
    assert.equal(formatEuros(-1500), "-1\u202f500,00\u00a0€");
    assert.equal(formatEuros(-0), "0,00\u00a0€");
    assert.equal(formatPercent(2.15), "2,15\u00a0%");
    assert.equal(formatPercent(12.5), "12,5\u00a0%");
  });
});

describe("localIsoDate", () => {
  it("gives the local calendar day, padded", () => {
    assert.equal(localIsoDate(new Date(2026, 0, 5, 23, 30)), "2026-01-05");
    assert.equal(localIsoDate(new Date(2026, 11, 31, 0, 5)), "2026-12-31");
  });
});
