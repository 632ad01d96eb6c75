import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError } from "../commun/errors";
import { analyserProcedure, type AnalyseProcedureInput } from "./analyse-procedure";
import type { FamilleProcedure, Nature, Publicite } from "./types";

const analyse = (nature: Nature, euros: string, date: string, extra: Partial<AnalyseProcedureInput> = {}) =>
  analyserProcedure({ nature, valeurEstimeeHtCents: cents(euros), dateLancement: date, ...extra });

/** "59 999,99" → 5 999 999 cents (test tables read like the law). */
function cents(euros: string): number {
  const [units = "0", decimals = "00"] = euros.replace(/\s/g, "").split(",");
  return Number(units) * 100 + Number(decimals.padEnd(2, "0"));
}

type Row = [nature: Nature, euros: string, date: string, procedure: FamilleProcedure, rowId: string];

describe("procedure family at every threshold (a cent below, equal, a cent above)", () => {
  // prettier-ignore
  const rows: Row[] = [
    // dispense, supplies and services: 40 000 until 2026-03-31, 60 000 from 2026-04-01 (R2122-8)
    ["fournitures", "39 999,99", "2026-03-31", "sans-publicite-ni-mise-en-concurrence", "dispense-fs-2020"],
    ["fournitures", "40 000,00", "2026-03-31", "procedure-adaptee", "dispense-fs-2020"],
    ["services", "40 000,01", "2026-03-31", "procedure-adaptee", "dispense-fs-2020"],
    ["services", "59 999,99", "2026-04-01", "sans-publicite-ni-mise-en-concurrence", "dispense-fs-2026-04"],
    ["services", "60 000,00", "2026-04-01", "procedure-adaptee", "dispense-fs-2026-04"],
    ["fournitures", "60 000,01", "2026-04-01", "procedure-adaptee", "dispense-fs-2026-04"],
    ["fournitures", "50 000,00", "2026-03-31", "procedure-adaptee", "dispense-fs-2020"],
    ["fournitures", "50 000,00", "2026-04-01", "sans-publicite-ni-mise-en-concurrence", "dispense-fs-2026-04"],
    // dispense, works: 100 000, temporary until 2025-12-31 then permanent
    ["travaux", "99 999,99", "2025-12-31", "sans-publicite-ni-mise-en-concurrence", "dispense-travaux-temporaire-2020-2025"],
    ["travaux", "100 000,00", "2025-12-31", "procedure-adaptee", "dispense-travaux-temporaire-2020-2025"],
    ["travaux", "99 999,99", "2026-01-01", "sans-publicite-ni-mise-en-concurrence", "dispense-travaux-2026"],
    ["travaux", "100 000,00", "2026-01-01", "procedure-adaptee", "dispense-travaux-2026"],
    ["travaux", "100 000,01", "2026-01-01", "procedure-adaptee", "dispense-travaux-2026"],
    // EU threshold, supplies and services (sub-central)
    ["services", "214 999,99", "2023-12-31", "procedure-adaptee", "eu-fs-sous-central-2022-2023"],
    ["services", "215 000,00", "2023-12-31", "procedure-formalisee", "eu-fs-sous-central-2022-2023"],
    ["services", "215 000,00", "2024-01-01", "procedure-adaptee", "eu-fs-sous-central-2024-2025"],
    ["services", "220 999,99", "2025-12-31", "procedure-adaptee", "eu-fs-sous-central-2024-2025"],
    ["services", "221 000,00", "2025-12-31", "procedure-formalisee", "eu-fs-sous-central-2024-2025"],
    ["services", "216 000,00", "2025-12-31", "procedure-adaptee", "eu-fs-sous-central-2024-2025"],
    ["services", "215 999,99", "2026-01-01", "procedure-adaptee", "eu-fs-sous-central-2026-2027"],
    ["fournitures", "216 000,00", "2026-01-01", "procedure-formalisee", "eu-fs-sous-central-2026-2027"],
    ["fournitures", "216 000,01", "2026-01-01", "procedure-formalisee", "eu-fs-sous-central-2026-2027"],
    // EU threshold, works
    ["travaux", "5 381 999,99", "2022-01-01", "procedure-adaptee", "eu-travaux-2022-2023"],
    ["travaux", "5 382 000,00", "2022-01-01", "procedure-formalisee", "eu-travaux-2022-2023"],
    ["travaux", "5 537 999,99", "2025-12-31", "procedure-adaptee", "eu-travaux-2024-2025"],
    ["travaux", "5 538 000,00", "2025-12-31", "procedure-formalisee", "eu-travaux-2024-2025"],
    ["travaux", "5 403 999,99", "2026-01-01", "procedure-adaptee", "eu-travaux-2026-2027"],
    ["travaux", "5 404 000,00", "2026-01-01", "procedure-formalisee", "eu-travaux-2026-2027"],
    ["travaux", "5 404 000,01", "2027-12-31", "procedure-formalisee", "eu-travaux-2026-2027"],
    ["travaux", "5 500 000,00", "2025-12-31", "procedure-adaptee", "eu-travaux-2024-2025"],
    ["travaux", "5 500 000,00", "2026-01-01", "procedure-formalisee", "eu-travaux-2026-2027"],
  ];
  for (const [nature, euros, date, procedure, rowId] of rows) {
    it(`${nature} ${euros} € HT launched ${date} → ${procedure}`, () => {
      const result = analyse(nature, euros, date);
      assert.equal(result.procedure, procedure);
      assert.ok(
        result.reglesAppliquees.some((r) => r.id === rowId),
        `uses ${rowId}`,
      );
    });
  }
});

describe("publicity tiers (R2131-12, R2131-16)", () => {
  const rows: [Nature, string, string, Publicite][] = [
    ["services", "59 999,99", "2026-04-01", "aucune"],
    ["services", "89 999,99", "2026-04-01", "libre"],
    ["services", "90 000,00", "2026-04-01", "boamp-ou-jal"],
    ["services", "90 000,01", "2026-04-01", "boamp-ou-jal"],
    ["services", "215 999,99", "2026-04-01", "boamp-ou-jal"],
    ["services", "216 000,00", "2026-04-01", "boamp-et-joue"],
    ["travaux", "89 999,99", "2026-04-01", "aucune"], // below the works dispense
    ["travaux", "100 000,00", "2026-04-01", "boamp-ou-jal"],
    ["travaux", "5 404 000,00", "2026-04-01", "boamp-et-joue"],
  ];
  for (const [nature, euros, date, publicite] of rows) {
    it(`${nature} ${euros} € HT → ${publicite}`, () => assert.equal(analyse(nature, euros, date).publicite, publicite));
  }

  it("between 40 000 and 60 000 € in March 2026, publicity is free (not yet dispensed after April)", () => {
    assert.equal(analyse("services", "45 000,00", "2026-03-31").publicite, "libre");
    assert.equal(analyse("services", "45 000,00", "2026-04-01").publicite, "aucune");
  });
});

describe("free consultation documents on the buyer profile (R2132-2)", () => {
  const rows: [string, string, boolean, boolean][] = [
    // date, value, mandatory (notice mandatory and ≥ threshold), if a notice is published
    ["2026-03-31", "39 999,99", false, false],
    ["2026-03-31", "40 000,00", false, true],
    ["2026-03-31", "40 000,01", false, true],
    ["2026-04-01", "59 999,99", false, false],
    ["2026-04-01", "60 000,00", false, true],
    ["2026-04-01", "60 000,01", false, true],
    ["2026-04-01", "90 000,00", true, true],
  ];
  for (const [date, euros, mandatory, ifPublished] of rows) {
    it(`${euros} € HT on ${date}`, () => {
      const result = analyse("services", euros, date);
      assert.equal(result.dceGratuitSurProfilAcheteur, mandatory);
      assert.equal(result.dceGratuitSiAvisPublie, ifPublished);
    });
  }
});

describe("DECP (R2196-1) and the yearly list", () => {
  const rows: [string, string, boolean, boolean][] = [
    ["2026-06-01", "39 999,99", false, true],
    ["2026-06-01", "40 000,00", true, false],
    ["2026-06-01", "40 000,01", true, false],
    ["2026-06-01", "24 999,99", false, false],
    ["2026-06-01", "25 000,00", false, true],
    ["2023-12-31", "30 000,00", false, false], // the yearly list row starts in 2024
    ["2024-01-01", "30 000,00", false, true],
  ];
  for (const [date, euros, decp, list] of rows) {
    it(`${euros} € HT on ${date}`, () => {
      const result = analyse("fournitures", euros, date);
      assert.equal(result.decpObligatoire, decp);
      assert.equal(result.decpListeAnnuellePossible, list);
    });
  }
});

describe("legality control (CGCT L3131-2, D2131-5-1)", () => {
  const rows: [string, string, boolean][] = [
    ["2023-12-31", "214 999,99", false],
    ["2023-12-31", "215 000,00", true],
    ["2025-12-31", "220 999,99", false],
    ["2025-12-31", "221 000,00", true],
    ["2026-01-01", "215 999,99", false],
    ["2026-01-01", "216 000,00", true],
    ["2026-01-01", "216 000,01", true],
  ];
  for (const [date, euros, expected] of rows) {
    it(`${euros} € HT on ${date} → ${expected}`, () => {
      const result = analyse("travaux", euros, date);
      assert.equal(result.controleLegalite, expected);
    });
  }

  it("flags the unconfirmed 2026-2027 value", () => {
    const result = analyse("travaux", "300 000,00", "2026-06-01");
    assert.ok(
      result.pointsDeVigilance.some((p) => p.startsWith("Valeur à confirmer utilisée : seuil de transmission au contrôle de légalité")),
    );
  });
});

describe("innovative purchases (R2122-9-1)", () => {
  const rows: [string, FamilleProcedure, string | null][] = [
    ["99 999,99", "sans-publicite-ni-mise-en-concurrence", "achat-innovant"],
    ["100 000,00", "procedure-adaptee", null],
    ["100 000,01", "procedure-adaptee", null],
  ];
  for (const [euros, procedure, motif] of rows) {
    it(`innovative services ${euros} € HT → ${procedure}`, () => {
      const result = analyse("services", euros, "2026-06-01", { innovant: true });
      assert.equal(result.procedure, procedure);
      assert.equal(result.motifDispense, motif);
      assert.equal(result.publicite, procedure === "sans-publicite-ni-mise-en-concurrence" ? "aucune" : "boamp-ou-jal");
    });
  }

  it("the same value without innovation needs a procedure", () => {
    assert.equal(analyse("services", "99 999,99", "2026-06-01").procedure, "procedure-adaptee");
  });
});

describe("social and other specific services (Annex XIV, R2123-1 3°)", () => {
  const rows: [string, Publicite, boolean][] = [
    ["749 999,99", "boamp-ou-jal", false],
    ["750 000,00", "boamp-et-joue", true],
    ["750 000,01", "boamp-et-joue", true],
    ["5 000 000,00", "boamp-et-joue", true],
  ];
  for (const [euros, publicite, awardNotice] of rows) {
    it(`${euros} € HT → MAPA, ${publicite}`, () => {
      const result = analyse("services", euros, "2026-06-01", { servicesSociauxSpecifiques: true });
      assert.equal(result.procedure, "procedure-adaptee");
      assert.equal(result.publicite, publicite);
      assert.equal(result.seuilEuropeenHtCents, 75_000_000);
      assert.equal(result.standstillApplicable, false);
      assert.equal(result.avisAttributionObligatoire, awardNotice);
      assert.ok(result.proceduresAutorisees.includes("Procédure adaptée"));
      assert.ok(result.reglesAppliquees.some((r) => r.id === "eu-services-sociaux-specifiques"));
    });
  }

  it("still follows the dispense threshold and the legality control of supplies and services", () => {
    assert.equal(
      analyse("services", "59 999,99", "2026-06-01", { servicesSociauxSpecifiques: true }).procedure,
      "sans-publicite-ni-mise-en-concurrence",
    );
    assert.equal(analyse("services", "216 000,00", "2026-06-01", { servicesSociauxSpecifiques: true }).controleLegalite, true);
  });

  it("is refused for works or supplies", () => {
    assert.throws(
      () => analyse("travaux", "100 000,00", "2026-06-01", { servicesSociauxSpecifiques: true }),
      (e: unknown) => isDomainError(e) && e.kind === "invalid-input" && e.issues.some((i) => i.path[0] === "servicesSociauxSpecifiques"),
    );
  });
});

describe("Climat et Résilience duties (consultations launched from 2026-08-21)", () => {
  // prettier-ignore
  const rows: [Nature, string, string, boolean, boolean, boolean][] = [
    // nature, value, date, environmental consideration, criterion, social condition
    ["services", "216 000,00", "2026-08-20", false, false, false],
    ["services", "215 999,99", "2026-08-21", true, true, false],
    ["services", "216 000,00", "2026-08-21", true, true, true],
    ["services", "216 000,01", "2026-08-21", true, true, true],
    ["travaux", "5 403 999,99", "2026-08-21", true, true, false],
    ["travaux", "5 404 000,00", "2026-08-21", true, true, true],
    ["travaux", "5 404 000,00", "2026-08-20", false, false, false],
    ["fournitures", "10 000,00", "2026-08-21", true, false, false], // no competition, no award criteria
  ];
  for (const [nature, euros, date, env, critere, social] of rows) {
    it(`${nature} ${euros} € HT launched ${date}`, () => {
      const result = analyse(nature, euros, date);
      assert.equal(result.considerationEnvironnementaleObligatoire, env);
      assert.equal(result.climatResilience.conditionExecutionEnvironnementaleObligatoire, env);
      assert.equal(result.climatResilience.critereEnvironnementalObligatoire, critere);
      assert.equal(result.climatResilience.prixSeulCritereInterdit, critere);
      assert.equal(result.conditionSocialeObligatoire, social);
    });
  }

  it("social condition for social and specific services follows their 750 000 € threshold", () => {
    assert.equal(analyse("services", "749 999,99", "2026-09-01", { servicesSociauxSpecifiques: true }).conditionSocialeObligatoire, false);
    assert.equal(analyse("services", "750 000,00", "2026-09-01", { servicesSociauxSpecifiques: true }).conditionSocialeObligatoire, true);
  });
});

describe("procedures allowed, time limits, standstill, turnover cap", () => {
  it("formalised: open and restricted calls, negotiation and dialogue under condition, receipt time limits", () => {
    const result = analyse("services", "300 000,00", "2026-06-01");
    assert.deepEqual(result.proceduresAutorisees, ["Appel d'offres ouvert", "Appel d'offres restreint"]);
    assert.deepEqual(
      result.proceduresSousCondition.map((p) => p.procedure),
      ["Procédure avec négociation", "Dialogue compétitif", "Marché passé sans publicité ni mise en concurrence préalable"],
    );
    const days = Object.fromEntries(result.delaisMinimauxReception.map((d) => [d.variante, d.joursMinimum]));
    assert.equal(days["aoo-normal"], 35);
    assert.equal(days["aoo-electronique"], 30);
    assert.equal(days["aoo-avis-preinformation"], 15);
    assert.equal(days["aor-offres-sous-central"], 10);
    assert.equal(days["pn-offres-electronique"], 25);
    assert.equal(days.mapa, undefined);
    assert.equal(result.standstillApplicable, true);
    assert.equal(result.avisAttributionObligatoire, true);
  });

  it("MAPA: no legal minimum, no standstill", () => {
    const result = analyse("services", "100 000,00", "2026-06-01");
    assert.deepEqual(result.proceduresAutorisees, ["Procédure adaptée", "Appel d'offres ouvert", "Appel d'offres restreint"]);
    assert.deepEqual(
      result.delaisMinimauxReception.map((d) => [d.variante, d.joursMinimum]),
      [["mapa", null]],
    );
    assert.equal(result.standstillApplicable, false);
  });

  it("dispense: no procedure, no time limit, the buyer may still choose one", () => {
    const result = analyse("services", "10 000,00", "2026-06-01");
    assert.equal(result.proceduresAutorisees[0], "Marché passé sans publicité ni mise en concurrence préalable");
    assert.deepEqual(result.delaisMinimauxReception, []);
    assert.ok(result.pointsDeVigilance.some((p) => p.includes("même opérateur")));
  });

  it("turnover cap: 2 × until 2025-12-31, 1.5 × from 2026-01-01 (R2142-7)", () => {
    assert.equal(analyse("services", "100 000,00", "2025-12-31").plafondChiffreAffairesMinimumHtCents, 20_000_000);
    assert.equal(analyse("services", "100 000,00", "2026-01-01").plafondChiffreAffairesMinimumHtCents, 15_000_000);
  });
});

describe("small lots (each with the 20 % rule)", () => {
  const lots = (...values: string[]) => values.map((v, i) => ({ intitule: `L${i + 1}`, valeurEstimeeHtCents: cents(v) }));

  it("MAPA small lots of supplies/services: below 80 000 €, cumul ≤ 20 % of all lots", () => {
    // total 400 000 €: 20 % = 80 000 €
    const within = analyse("services", "400 000,00", "2026-06-01", { lots: lots("40 000,00", "40 000,00", "320 000,00") });
    const mapa = within.petitsLots.find((p) => p.type === "mapa-petits-lots");
    assert.equal(mapa?.applicable, true);
    assert.deepEqual(mapa?.lotsEligibles, [0, 1]);
    assert.equal(mapa?.plafondCumuleHtCents, 8_000_000);
    assert.equal(mapa?.montantCumuleEligiblesHtCents, 8_000_000);
    assert.equal(mapa?.toutesEligiblesDansLimite, true, "exactly 20 % is allowed");

    const above = analyse("services", "400 000,00", "2026-06-01", { lots: lots("40 000,00", "40 000,01", "319 999,99") });
    const mapaAbove = above.petitsLots.find((p) => p.type === "mapa-petits-lots");
    assert.equal(mapaAbove?.toutesEligiblesDansLimite, false, "20 % + 1 cent is not");
  });

  it("lot thresholds: 79 999,99 € eligible, 80 000 € not (supplies); 999 999,99 € eligible, 1 000 000 € not (works)", () => {
    const fs = analyse("fournitures", "400 000,00", "2026-06-01", { lots: lots("79 999,99", "80 000,00", "240 000,01") });
    assert.deepEqual(fs.petitsLots.find((p) => p.type === "mapa-petits-lots")?.lotsEligibles, [0]);
    const works = analyse("travaux", "8 000 000,00", "2026-06-01", { lots: lots("999 999,99", "1 000 000,00", "6 000 000,01") });
    assert.deepEqual(works.petitsLots.find((p) => p.type === "mapa-petits-lots")?.lotsEligibles, [0]);
  });

  it("MAPA small lots apply only to a formalised-value operation", () => {
    const result = analyse("services", "200 000,00", "2026-06-01", { lots: lots("50 000,00", "150 000,00") });
    const mapa = result.petitsLots.find((p) => p.type === "mapa-petits-lots");
    assert.equal(mapa?.applicable, false);
    assert.ok(mapa?.motifNonApplicable);
  });

  it("dispense small lots follow the dated dispense threshold", () => {
    const before = analyse("services", "300 000,00", "2026-03-31", { lots: lots("50 000,00", "250 000,00") });
    const after = analyse("services", "300 000,00", "2026-04-01", { lots: lots("50 000,00", "250 000,00") });
    assert.deepEqual(before.petitsLots.find((p) => p.type === "dispense-petits-lots")?.lotsEligibles, []);
    assert.deepEqual(after.petitsLots.find((p) => p.type === "dispense-petits-lots")?.lotsEligibles, [0]);
  });

  it("innovative small lots: below 80 000 € (supplies/services) or 100 000 € (works)", () => {
    const fs = analyse("services", "500 000,00", "2026-06-01", { innovant: true, lots: lots("79 999,99", "80 000,00", "340 000,01") });
    assert.deepEqual(fs.petitsLots.find((p) => p.type === "innovant-petits-lots")?.lotsEligibles, [0]);
    const works = analyse("travaux", "600 000,00", "2026-06-01", { innovant: true, lots: lots("99 999,99", "100 000,00", "400 000,01") });
    assert.deepEqual(works.petitsLots.find((p) => p.type === "innovant-petits-lots")?.lotsEligibles, [0]);
    assert.equal(
      analyse("services", "500 000,00", "2026-06-01", { lots: lots("100 000,00", "400 000,00") }).petitsLots.length,
      2,
      "no innovative option without innovation",
    );
  });
});

describe("explanations and legal bases", () => {
  it("quotes the figures and the period, as in the issue", () => {
    const result = analyse("fournitures", "59 999,99", "2026-04-01");
    assert.ok(
      result.explications.some((e) =>
        e.startsWith(
          "Valeur estimée 59\u202f999,99\u00a0€ HT < seuil de dispense 60\u202f000,00\u00a0€ HT (fournitures et services, en vigueur depuis le 1er avril 2026)",
        ),
      ),
      result.explications.join("\n"),
    );
    assert.ok(result.fondements.some((f) => f.texte === "CCP" && f.article === "R2122-8"));
  });

  it("every legal basis has the shape { texte, article, objet }, without duplicates", () => {
    const result = analyse("travaux", "6 000 000,00", "2026-09-01", {
      lots: [{ valeurEstimeeHtCents: 50_000_000 }, { valeurEstimeeHtCents: 550_000_000 }],
    });
    for (const f of result.fondements) {
      assert.deepEqual(Object.keys(f).sort(), ["article", "objet", "texte"]);
      assert.ok(f.texte && f.article && f.objet);
    }
    const keys = result.fondements.map((f) => `${f.texte}|${f.article}`);
    assert.equal(new Set(keys).size, keys.length);
  });
});

describe("refusals", () => {
  it("reports every problem with its path", () => {
    assert.throws(
      () =>
        analyserProcedure({
          nature: "logiciels",
          valeurEstimeeHtCents: -1,
          dateLancement: "2026-02-30",
          innovant: "oui",
          lots: [{ valeurEstimeeHtCents: 1.5 }],
        } as unknown as AnalyseProcedureInput),
      (e: unknown) => {
        if (!isDomainError(e) || e.code !== "INVALID_INPUT" || e.kind !== "invalid-input") return false;
        const paths = e.issues.map((i) => i.path.join("."));
        return ["nature", "valeurEstimeeHtCents", "dateLancement", "innovant", "lots.0.valeurEstimeeHtCents"].every((p) =>
          paths.includes(p),
        );
      },
    );
  });

  it("refuses lots that do not add up to the estimated value", () => {
    assert.throws(
      () => analyse("services", "100 000,00", "2026-06-01", { lots: [{ valeurEstimeeHtCents: 1_000_000 }] }),
      (e: unknown) => isDomainError(e) && e.issues[0]?.path[0] === "lots" && /somme des lots/.test(e.issues[0]?.message ?? ""),
    );
  });

  const outside = ["2021-12-31", "2028-01-01"];
  for (const date of outside) {
    it(`refuses a launch on ${date} (outside the engine's coverage)`, () => {
      assert.throws(
        () => analyse("services", "100 000,00", date),
        (e: unknown) => isDomainError(e) && e.code === "RULES_PERIOD_UNKNOWN" && e.kind === "rule-violation",
      );
    });
  }

  it("answers on the first and last covered days", () => {
    assert.equal(analyse("services", "100 000,00", "2022-01-01").procedure, "procedure-adaptee");
    assert.equal(analyse("services", "100 000,00", "2027-12-31").procedure, "procedure-adaptee");
  });
});

describe("a need or a lot of 0 € is refused on its field (issue #7)", () => {
  it("refuses a need of 0 €", () => {
    assert.throws(
      () => analyse("services", "0,00", "2026-06-01"),
      (e: unknown) =>
        isDomainError(e) &&
        e.code === "INVALID_INPUT" &&
        e.issues.length === 1 &&
        e.issues[0]?.path.join(".") === "valeurEstimeeHtCents" &&
        /supérieure à 0 €/.test(e.issues[0]?.message ?? ""),
    );
  });

  it("refuses a lot of 0 € (it was counted as a small lot)", () => {
    assert.throws(
      () => analyse("services", "400 000,00", "2026-06-01", { lots: [{ valeurEstimeeHtCents: 0 }, { valeurEstimeeHtCents: 40_000_000 }] }),
      (e: unknown) =>
        isDomainError(e) &&
        e.issues.length === 1 &&
        e.issues[0]?.path.join(".") === "lots.0.valeurEstimeeHtCents" &&
        /lot doit être supérieure à 0 €/.test(e.issues[0]?.message ?? ""),
    );
  });

  it("still answers for one cent", () => {
    assert.equal(analyse("services", "0,01", "2026-06-01").procedure, "sans-publicite-ni-mise-en-concurrence");
  });
});

describe("turnover cap rounded down to the cent (R2142-7, issue #7)", () => {
  // prettier-ignore
  const rows: [string, string, number][] = [
    // value, launch date, cap (cents)
    ["100 000,01", "2026-01-01", 15_000_001], // 150 000,015 € → 150 000,01 € (was rounded up to ,02)
    ["0,01", "2026-01-01", 1], // 0,015 € → 0,01 €
    ["0,03", "2026-01-01", 4], // 0,045 € → 0,04 €
    ["100 000,00", "2026-01-01", 15_000_000],
    ["100 000,01", "2025-12-31", 20_000_002], // 2 × : always whole cents
  ];
  for (const [euros, date, cap] of rows) {
    it(`${euros} € HT launched ${date} → ${cap} cents`, () => {
      const result = analyse("services", euros, date);
      assert.equal(result.plafondChiffreAffairesMinimumHtCents, cap);
      assert.ok(result.plafondChiffreAffairesMinimumHtCents * 10_000 <= cents(euros) * (date < "2026-01-01" ? 20_000 : 15_000));
    });
  }
});

describe("the no-competition warning cites the article invoked (issue #7)", () => {
  it("innovative purchase: R2122-9-1, not R2122-8", () => {
    const result = analyse("services", "80 000,00", "2026-06-01", { innovant: true });
    assert.equal(result.motifDispense, "achat-innovant");
    const warning = result.alertes.find((a) => a.message.startsWith("Sans mise en concurrence"));
    assert.ok(warning, result.pointsDeVigilance.join("\n"));
    assert.match(warning.message, /\(R2122-9-1\)\.$/);
    assert.doesNotMatch(warning.message, /R2122-8/);
    assert.ok(warning.fondements.some((f) => f.article === "R2122-9-1"));
  });

  it("low value: R2122-8", () => {
    const result = analyse("services", "10 000,00", "2026-06-01", { innovant: true });
    assert.equal(result.motifDispense, "montant");
    assert.ok(result.pointsDeVigilance.some((p) => p.startsWith("Sans mise en concurrence") && p.endsWith("(R2122-8).")));
  });
});
