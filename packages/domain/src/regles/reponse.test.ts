import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { isDomainError } from "../commun/errors";
import { ccp } from "./fondement";
import { type NiveauAlerte, nouvelleReponse } from "./reponse";

describe("explained answer builder (nouvelleReponse)", () => {
  it("records each dated row used once, in order, from the answer's date", () => {
    const r = nouvelleReponse("2026-04-01");
    assert.equal(r.seuil("DISPENSE_SUPPLIES_SERVICES").id, "dispense-fs-2026-04");
    r.seuil("DECP_THRESHOLD");
    r.seuil("DISPENSE_SUPPLIES_SERVICES");
    assert.equal(r.seuil("DISPENSE_SUPPLIES_SERVICES", "2026-03-31").id, "dispense-fs-2020");
    assert.deepEqual(
      r.fin().reglesAppliquees.map((row) => row.id),
      ["dispense-fs-2026-04", "decp-40k", "dispense-fs-2020"],
    );
  });

  it("does not record a row only looked up, until it is retained", () => {
    const r = nouvelleReponse("2026-06-01");
    const row = r.seuilSiConnu("DECP_OPTIONAL_LIST");
    assert.equal(r.fin().reglesAppliquees.length, 0);
    assert.ok(row);
    r.retient(row);
    assert.deepEqual(
      r.fin().reglesAppliquees.map((x) => x.id),
      ["decp-liste-annuelle-2024"],
    );
  });

  it("refuses a date outside the rule book, as seuilAt does", () => {
    assert.throws(
      () => nouvelleReponse("2028-01-01").seuil("EU_WORKS"),
      (e: unknown) => isDomainError(e) && e.code === "RULES_PERIOD_UNKNOWN",
    );
  });

  it("cites each legal basis once, from explanations and explicit bases alike", () => {
    const r = nouvelleReponse();
    r.explique("Première.", ccp("R2122-8", "dispense"));
    r.explique("Seconde.", [ccp("R2122-8", "autre libellé"), ccp("R2196-1", "DECP")]);
    r.fondement(ccp("R2196-1", "DECP"));
    const fin = r.fin();
    assert.deepEqual(fin.explications, ["Première.", "Seconde."]);
    assert.deepEqual(
      fin.fondements.map((f) => [f.article, f.objet]),
      [
        ["R2122-8", "dispense"],
        ["R2196-1", "DECP"],
      ],
    );
  });

  const ranking: [NiveauAlerte[], string[]][] = [
    [
      ["information", "attention", "bloquant"],
      ["bloquant", "attention", "information"],
    ],
    [
      ["attention", "information", "attention", "bloquant"],
      ["bloquant", "attention", "attention", "information"],
    ],
    [["information"], ["information"]],
  ];
  for (const [added, expected] of ranking) {
    it(`ranks ${added.join(", ")} as ${expected.join(", ")} (stable within a rank)`, () => {
      const r = nouvelleReponse();
      for (const [i, niveau] of added.entries()) r.vigilance(`${niveau} ${i}`, { niveau });
      const fin = r.fin();
      assert.deepEqual(
        fin.alertes.map((a) => a.niveau),
        expected,
      );
      assert.deepEqual(
        fin.pointsDeVigilance,
        fin.alertes.map((a) => a.message),
        "pointsDeVigilance are the alert messages, in rank order",
      );
      const attention = fin.alertes.filter((a) => a.niveau === "attention").map((a) => a.message);
      assert.deepEqual(
        attention,
        [...attention].sort((a, b) => Number(a.split(" ")[1]) - Number(b.split(" ")[1])),
      );
    });
  }

  it("keeps an identical alert once; default rank is attention", () => {
    const r = nouvelleReponse();
    r.vigilance("Vérifier.");
    r.vigilance("Vérifier.");
    assert.deepEqual(r.fin().alertes, [{ niveau: "attention", message: "Vérifier.", fondements: [] }]);
  });

  it("adds an attention alert for each unconfirmed value used, with its bases", () => {
    const r = nouvelleReponse("2026-06-01");
    r.seuil("LEGALITY_CONTROL");
    r.seuil("DECP_THRESHOLD");
    const fin = r.fin();
    assert.equal(fin.alertes.length, 1);
    assert.equal(fin.alertes[0]?.niveau, "attention");
    assert.match(fin.alertes[0]?.message ?? "", /^Valeur à confirmer utilisée : seuil de transmission au contrôle de légalité = 216/);
    assert.ok(fin.alertes[0]?.fondements.some((f) => f.article === "D2131-5-1"));
    assert.deepEqual(r.fin(), fin, "fin() may be called twice");
  });

  it("takes in a sub-answer, with or without its alerts", () => {
    const sub = nouvelleReponse("2026-06-01");
    sub.seuil("DECP_THRESHOLD");
    sub.explique("Sous-calcul.", ccp("R2196-1", "DECP"));
    sub.vigilance("Samedi.", { niveau: "information" });
    const withAlerts = nouvelleReponse();
    withAlerts.integre(sub.fin());
    const without = nouvelleReponse();
    without.integre(sub.fin(), { alertes: false });
    assert.deepEqual(withAlerts.fin().pointsDeVigilance, ["Samedi."]);
    assert.deepEqual(without.fin().pointsDeVigilance, []);
    assert.deepEqual(
      without.fin().reglesAppliquees.map((x) => x.id),
      ["decp-40k"],
    );
    assert.deepEqual(without.fin().explications, ["Sous-calcul."]);
  });
});

describe("one helper per legal basis", () => {
  it("ccp() is defined once in the rule book", () => {
    const dir = new URL("./", import.meta.url);
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    const definitions = files.filter((f) => /function ccp\b|const ccp\b/.test(readFileSync(new URL(f, dir), "utf8")));
    assert.deepEqual(definitions, ["fondement.ts"]);
  });
});
