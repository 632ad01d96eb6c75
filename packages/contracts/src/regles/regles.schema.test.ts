import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyserProcedure, calculerPaiement, construireCalendrier, verifierModification } from "@achat-public/domain/regles";
import {
  fromReglesAnalyseResult,
  fromReglesDelaisResult,
  fromReglesModificationResult,
  fromReglesPaiementResult,
  ReglesAnalyseInput,
  ReglesAnalyseOutput,
  ReglesDelaisInput,
  ReglesDelaisOutput,
  ReglesModificationInput,
  ReglesModificationOutput,
  ReglesPaiementInput,
  ReglesPaiementOutput,
  toReglesAnalyseDomainInput,
  toReglesDelaisDomainInput,
  toReglesModificationDomainInput,
  toReglesPaiementDomainInput,
} from "./index";

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join("."));

describe("analyse contract", () => {
  it("accepts the issue's example and round-trips through the domain in euros", () => {
    const input = ReglesAnalyseInput.parse({ nature: "fournitures", valeurEstimeeHt: 59999.99, dateLancement: "2026-04-01" });
    const domain = toReglesAnalyseDomainInput(input);
    assert.equal(domain.valeurEstimeeHtCents, 5_999_999);
    const output = ReglesAnalyseOutput.parse(fromReglesAnalyseResult(analyserProcedure(domain)));
    assert.equal(output.procedure, "sans-publicite-ni-mise-en-concurrence");
    assert.equal(output.publicite, "aucune");
    assert.equal(output.seuilEuropeenHt, 216000);
    assert.equal(output.valeurEstimeeHt, 59999.99);
    assert.equal(output.decpObligatoire, true);
    assert.equal(typeof output.considerationEnvironnementaleObligatoire, "boolean");
    assert.ok(output.fondements.length > 0 && output.explications.length > 0);
  });

  it("converts lots", () => {
    const input = ReglesAnalyseInput.parse({
      nature: "services",
      valeurEstimeeHt: 400000,
      dateLancement: "2026-06-01",
      lots: [{ intitule: "A", valeurEstimeeHt: 40000 }, { valeurEstimeeHt: 360000 }],
    });
    const output = fromReglesAnalyseResult(analyserProcedure(toReglesAnalyseDomainInput(input)));
    const mapa = output.petitsLots.find((p) => p.type === "mapa-petits-lots");
    assert.equal(mapa?.seuilLotHt, 80000);
    assert.equal(mapa?.plafondCumuleHt, 80000);
    assert.deepEqual(mapa?.lotsEligibles, [0]);
  });

  it("reports every problem with its path, in French", () => {
    const result = ReglesAnalyseInput.safeParse({
      nature: "logiciels",
      valeurEstimeeHt: 12.345,
      dateLancement: "2026-02-30",
      innovant: "non",
      inconnu: 1,
      lots: [{ valeurEstimeeHt: -1 }],
    });
    assert.equal(result.success, false);
    const found = paths(result);
    for (const p of ["nature", "valeurEstimeeHt", "dateLancement", "innovant", "lots.0.valeurEstimeeHt"])
      assert.ok(found.includes(p), `${p} in ${found.join(", ")}`);
    const messages = result.error?.issues.map((i) => i.message).join(" | ") ?? "";
    assert.match(messages, /deux décimales/);
    assert.match(messages, /n'existe pas dans le calendrier/);
    assert.match(messages, /négatif/);
    assert.ok(
      result.error?.issues.some((i) => i.code === "unrecognized_keys"),
      "unknown keys are refused",
    );
  });

  it("refuses a badly written date with one message, and absurd amounts", () => {
    const bad = ReglesAnalyseInput.safeParse({ nature: "travaux", valeurEstimeeHt: 1, dateLancement: "01/04/2026" });
    assert.deepEqual(
      bad.error?.issues.map((i) => i.message),
      ["Date attendue au format AAAA-MM-JJ."],
    );
    for (const value of [1e12, Number.NaN, Number.POSITIVE_INFINITY, "1000"]) {
      assert.equal(
        ReglesAnalyseInput.safeParse({ nature: "travaux", valeurEstimeeHt: value, dateLancement: "2026-04-01" }).success,
        false,
        String(value),
      );
    }
  });
});

describe("paiement contract", () => {
  it("gives the issue's example: 12 000 € TTC, received 2026-01-05, paid 2026-03-16, ECB 2.15 %", () => {
    const input = ReglesPaiementInput.parse({ montantTtc: 12000, dateReception: "2026-01-05", datePaiement: "2026-03-16", tauxBce: 2.15 });
    const domain = toReglesPaiementDomainInput(input);
    assert.equal(domain.tauxBcePointsDeBase, 215);
    const output = ReglesPaiementOutput.parse(fromReglesPaiementResult(calculerPaiement(domain)));
    assert.equal(output.dateEcheance, "2026-02-04");
    assert.equal(output.joursRetard, 40);
    assert.equal(output.interetsMoratoires, 133.48);
    assert.equal(output.indemniteForfaitaire, 40);
    assert.equal(output.tauxInterets, 10.15);
  });

  it("on time: 0 day, 0 €", () => {
    const output = fromReglesPaiementResult(
      calculerPaiement(
        toReglesPaiementDomainInput(
          ReglesPaiementInput.parse({ montantTtc: 12000, dateReception: "2026-01-05", datePaiement: "2026-02-04" }),
        ),
      ),
    );
    assert.equal(output.joursRetard, 0);
    assert.equal(output.interetsMoratoires, 0);
    assert.equal(output.indemniteForfaitaire, 0);
    assert.equal(output.tauxBce, null);
  });

  it("refuses a rate with three decimals and a period above 30 days", () => {
    const result = ReglesPaiementInput.safeParse({
      montantTtc: 1,
      dateReception: "2026-01-05",
      datePaiement: "2026-01-06",
      tauxBce: 2.155,
      delaiPaiementJours: 45,
    });
    assert.deepEqual(paths(result).sort(), ["delaiPaiementJours", "tauxBce"]);
  });
});

describe("modification contract", () => {
  it("accepts a negative amount, converts percentages", () => {
    const input = ReglesModificationInput.parse({
      montantInitialHt: 100000,
      nature: "services",
      dateLancement: "2026-06-01",
      attribueParCao: true,
      modificationsAnterieures: [{ montantHt: -1000, fondement: "non-substantielle" }],
      modification: { montantHt: 5000.01, fondement: "faible-montant" },
    });
    const output = ReglesModificationOutput.parse(
      fromReglesModificationResult(verifierModification(toReglesModificationDomainInput(input))),
    );
    assert.equal(output.pourcentageCetteModification, 5);
    assert.equal(output.pourcentageCumule, 4);
    assert.equal(output.avisCaoRequis, true);
    assert.equal(output.nouveauMontantHt, 104000.01);
    assert.equal(output.faibleMontant?.plafondPourcentage, 10);
  });

  it("refuses an unknown basis and a zero initial amount", () => {
    const result = ReglesModificationInput.safeParse({
      montantInitialHt: 0,
      nature: "services",
      dateLancement: "2026-06-01",
      attribueParCao: false,
      modification: { montantHt: 1, fondement: "avenant-libre" },
    });
    assert.deepEqual(paths(result).sort(), ["modification.fondement", "montantInitialHt"]);
  });
});

describe("délais contract", () => {
  it("builds the timeline from known dates", () => {
    const input = ReglesDelaisInput.parse({
      dateEnvoiAvis: "2026-03-02",
      dateEnvoiNotificationRejet: "2025-12-28",
      notificationElectronique: false,
    });
    assert.throws(
      () => construireCalendrier(toReglesDelaisDomainInput(input)),
      (e: unknown) => e instanceof Error && "issues" in e && JSON.stringify(e.issues).includes("ne peut pas précéder"),
    );
    const ok = ReglesDelaisInput.parse({ dateEnvoiNotificationRejet: "2025-12-28", notificationElectronique: false });
    const output = ReglesDelaisOutput.parse(fromReglesDelaisResult(construireCalendrier(toReglesDelaisDomainInput(ok))));
    assert.deepEqual(
      output.etapes.map((e) => [e.id, e.date]),
      [
        ["envoi-notification-rejet", "2025-12-28"],
        ["fin-standstill", "2026-01-12"],
        ["signature-au-plus-tot", "2026-01-13"],
      ],
    );
  });

  it("refuses unknown keys and impossible dates", () => {
    const result = ReglesDelaisInput.safeParse({
      dateSignature: "2026-02-29",
      datesNotificationModifications: ["2026-13-01"],
      autre: true,
    });
    const found = paths(result);
    assert.ok(found.includes("dateSignature"));
    assert.ok(found.includes("datesNotificationModifications.0"));
    assert.ok(result.error?.issues.some((i) => i.code === "unrecognized_keys"));
  });
});

describe("paiement contract: legal-set findings (issue #7)", () => {
  it("reports a typed ECB rate as typed (statutTauxBce null), and a 0 € invoice without indemnity", () => {
    const typed = ReglesPaiementOutput.parse(
      fromReglesPaiementResult(
        calculerPaiement(
          toReglesPaiementDomainInput(
            ReglesPaiementInput.parse({ montantTtc: 12000, dateReception: "2026-01-05", datePaiement: "2026-03-16", tauxBce: 2.15 }),
          ),
        ),
      ),
    );
    assert.equal(typed.origineTauxBce, "saisi");
    assert.equal(typed.statutTauxBce, null);
    const zero = fromReglesPaiementResult(
      calculerPaiement(
        toReglesPaiementDomainInput(ReglesPaiementInput.parse({ montantTtc: 0, dateReception: "2026-01-05", datePaiement: "2026-03-16" })),
      ),
    );
    assert.equal(zero.indemniteForfaitaire, 0);
    assert.equal(zero.interetsMoratoires, 0);
  });
});

describe("analyse contract: a need or a lot of 0 € (issue #7)", () => {
  it("refuses 0 € on the need and on a lot, with a clear message on the field", () => {
    const result = ReglesAnalyseInput.safeParse({
      nature: "services",
      valeurEstimeeHt: 0,
      dateLancement: "2026-06-01",
      lots: [{ valeurEstimeeHt: 0 }, { valeurEstimeeHt: 10 }],
    });
    const byPath = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    assert.match(byPath.valeurEstimeeHt ?? "", /besoin doit être supérieure à 0 €/);
    assert.match(byPath["lots.0.valeurEstimeeHt"] ?? "", /lot doit être supérieure à 0 €/);
    assert.equal(byPath["lots.1.valeurEstimeeHt"], undefined);
  });
});
