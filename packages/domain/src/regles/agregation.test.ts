import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError } from "../commun/errors";
import { agregerBesoins, estAlerteFractionnement, type LigneBesoin } from "./agregation";
import type { Nature } from "./types";

const ligne = (id: string, nature: Nature, famille: string, euros: number): LigneBesoin => ({
  id,
  objet: `Besoin ${id}`,
  nature,
  famille,
  valeurEstimeeHtCents: euros * 100,
});

describe("agregerBesoins: aggregated value by family (R2121-6) or operation (R2121-5)", () => {
  type Cas = [titre: string, date: string, lignes: LigneBesoin[], seuil: string | null, procedure: string];
  // prettier-ignore
  const cas: Cas[] = [
    [
      "two supplies under 60 000 € summing 60 000 € (dispense from 2026-04-01)",
      "2026-04-01",
      [ligne("a", "fournitures", "F01", 30_000), ligne("b", "fournitures", "F01", 30_000)],
      "DISPENSE_SUPPLIES_SERVICES",
      "procedure-adaptee",
    ],
    [
      "a cent under the dispense: no alert",
      "2026-04-01",
      [ligne("a", "fournitures", "F01", 30_000), { ...ligne("b", "fournitures", "F01", 0), valeurEstimeeHtCents: 2_999_999 }],
      null,
      "sans-publicite-ni-mise-en-concurrence",
    ],
    [
      "same lines before 2026-04-01: 40 000 € dispense crossed",
      "2026-03-31",
      [ligne("a", "services", "S02", 25_000), ligne("b", "services", "S02", 25_000)],
      "DISPENSE_SUPPLIES_SERVICES",
      "procedure-adaptee",
    ],
    [
      "three services under 90 000 € summing 180 000 €: BOAMP/JAL publicity",
      "2026-09-01",
      [ligne("a", "services", "S03", 60_000), ligne("b", "services", "S03", 60_000), ligne("c", "services", "S03", 60_000)],
      "PUB_BOAMP_OR_JAL",
      "procedure-adaptee",
    ],
    [
      "supplies summing above the EU threshold (221 000 € in 2026)",
      "2026-09-01",
      [ligne("a", "fournitures", "F04", 150_000), ligne("b", "fournitures", "F04", 150_000)],
      "EU_SUPPLIES_SERVICES_SUBCENTRAL",
      "procedure-formalisee",
    ],
    [
      "one line already above: no split alert for that threshold",
      "2026-09-01",
      [ligne("a", "fournitures", "F05", 230_000), ligne("b", "fournitures", "F05", 10_000)],
      null,
      "procedure-formalisee",
    ],
    [
      "works of one operation under 90 000 € each: the highest threshold crossed (dispense 100 000 €) is reported",
      "2026-09-01",
      [ligne("a", "travaux", "OP-COLLEGE-1", 80_000), ligne("b", "travaux", "OP-COLLEGE-1", 80_000)],
      "DISPENSE_WORKS",
      "procedure-adaptee",
    ],
    [
      "works lines of 95 000 € each: above the publicity threshold, below the dispense one",
      "2026-09-01",
      [ligne("a", "travaux", "OP-COLLEGE-2", 95_000), ligne("b", "travaux", "OP-COLLEGE-2", 95_000)],
      "DISPENSE_WORKS",
      "procedure-adaptee",
    ],
    ["a single line never splits", "2026-09-01", [ligne("a", "services", "S06", 50_000)], null, "sans-publicite-ni-mise-en-concurrence"],
  ];
  for (const [titre, date, lignes, seuil, procedure] of cas) {
    it(titre, () => {
      const r = agregerBesoins({ dateReference: date, lignes });
      assert.equal(r.groupes.length, 1);
      const [g] = r.groupes;
      assert.equal(g?.seuilFranchi?.cle ?? null, seuil);
      assert.equal(g?.procedure, procedure);
      assert.equal(
        g?.valeurAgregeeHtCents,
        lignes.reduce((s, l) => s + l.valeurEstimeeHtCents, 0),
      );
      assert.equal(r.fractionnements.length, seuil === null ? 0 : 1);
      const alertes = r.alertes.filter(estAlerteFractionnement);
      assert.equal(alertes.length, seuil === null ? 0 : 1);
      if (seuil !== null) {
        const [alerte] = alertes;
        assert.equal(alerte?.niveau, "bloquant");
        for (const l of lignes) assert.match(alerte?.message ?? "", new RegExp(`Besoin ${l.id}`));
        assert.ok(alerte?.fondements.some((f) => f.article === "R2121-1"));
        assert.ok(alerte?.fondements.some((f) => f.article === (lignes[0]?.nature === "travaux" ? "R2121-5" : "R2121-6")));
        assert.ok(g?.reglesAppliquees.some((row) => row.cle === seuil));
      }
    });
  }

  it("groups by nature and family, never across them", () => {
    const r = agregerBesoins({
      dateReference: "2026-09-01",
      lignes: [ligne("a", "fournitures", "F01", 40_000), ligne("b", "services", "F01", 40_000), ligne("c", "fournitures", "F02", 40_000)],
    });
    assert.deepEqual(
      r.groupes.map((g) => [g.nature, g.famille, g.lignes]),
      [
        ["fournitures", "F01", ["a"]],
        ["fournitures", "F02", ["c"]],
        ["services", "F01", ["b"]],
      ],
    );
    assert.equal(r.fractionnements.length, 0);
    assert.ok(r.fondements.some((f) => f.article === "R2121-6"));
  });

  it("reports every bad line with its path", () => {
    assert.throws(
      () => agregerBesoins({ dateReference: "2026-13-01", lignes: [{ ...ligne("a", "services", " ", 1), valeurEstimeeHtCents: -1 }] }),
      (e: unknown) => isDomainError(e) && e.code === "INVALID_INPUT" && (e.issues?.length ?? 0) === 3,
    );
  });
});
