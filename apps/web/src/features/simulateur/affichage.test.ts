import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ReglesPaiementInput } from "@achat-public/contracts";
import { ApiError } from "../../lib/api";
import { formatDateFr } from "./dates";
import { IssueList, summarize } from "./errors";
import { formatPourcentageExact } from "./euros";
import { formatDayWithWeekday, formatPeriode } from "./labels";

describe("dates of the simulator: « 1er » for the first day of a month", () => {
  const rows: [string, string][] = [
    ["2026-05-01", "1er mai 2026"],
    ["2026-05-12", "12 mai 2026"],
  ];
  for (const [day, expected] of rows) it(`${day} → ${expected}`, () => assert.equal(formatDateFr(day), expected));
  it("in a timeline step and in a rule period", () => {
    assert.equal(formatDayWithWeekday("2026-06-01", "lundi"), "Lundi 1er juin 2026");
    assert.equal(formatPeriode({ effectiveFrom: "2026-04-01", effectiveTo: null }), "depuis le 1er avril 2026");
  });
});

describe("percentages shown next to a comparison", () => {
  const rows: [number, number, string][] = [
    [50_000.01, 100_000, "50,00001\u202f%"],
    [50_000, 100_000, "50\u202f%"],
    [6_000, 100_000, "6\u202f%"],
  ];
  for (const [part, total, expected] of rows)
    it(`${part} / ${total} → ${expected}`, () => assert.equal(formatPourcentageExact(part, total), expected));
});

describe("form errors: every problem at once, named in French", () => {
  it("adds the contract's problems to the browser's, once per field", () => {
    const issues = new IssueList();
    issues.add(["montantTtc"], "Saisissez un montant.");
    issues.schema(ReglesPaiementInput, { montantTtc: 0, dateReception: "2026-01-05", datePaiement: "2026-01-06", tauxBce: 150 });
    assert.deepEqual(
      issues.issues.map((i) => i.path.join(".")),
      ["montantTtc", "tauxBce"],
    );
  });

  it("prefixes each problem with its field label, never with the API's path", () => {
    const error = new ApiError(400, "INVALID_INPUT", "La requête contient 2 erreurs : modification.montantHt : … ; tauxBce : …", [
      { path: ["modification", "montantHtCents"], message: "Le montant doit être strictement positif." },
      { path: ["inconnu"], message: "Champ inconnu." },
    ]);
    const label = (path: (string | number)[]) =>
      path.join(".") === "modification.montantHt" ? "Montant de la modification examinée" : undefined;
    const summary = summarize(error, label) as ApiError;
    assert.equal(summary.message, "Le formulaire contient 2 erreurs ; corrigez les champs signalés.");
    assert.deepEqual(
      summary.issues.map((i) => i.message),
      ["Montant de la modification examinée : Le montant doit être strictement positif.", "Champ inconnu."],
    );
    assert.doesNotMatch(JSON.stringify(summary.issues.map((i) => i.message)), /montantHt/);
  });
});
