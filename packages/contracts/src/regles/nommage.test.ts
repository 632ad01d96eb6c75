/**
 * The naming rule between the domain and the API: every money field of a domain answer is the API field
 * name plus `Cents` (or plus `PointsDeBase` for a rate), at the same place, so that one rule (`apiPath`)
 * translates any domain path. This test walks real answers of the five analyses.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  analyserAvanceEtRetenue,
  analyserProcedure,
  calculerPaiement,
  construireCalendrier,
  verifierModification,
} from "@achat-public/domain/regles";
import { apiPath } from "../common.schema";
import {
  fromReglesAnalyseResult,
  fromReglesAvanceResult,
  fromReglesDelaisResult,
  fromReglesModificationResult,
  fromReglesPaiementResult,
  ReglesAnalyseInput,
  ReglesAvanceInput,
  ReglesModificationInput,
  ReglesPaiementInput,
  toReglesAnalyseDomainInput,
  toReglesAvanceDomainInput,
  toReglesModificationDomainInput,
  toReglesPaiementDomainInput,
} from "./index";

/** Paths of the leaves whose key ends with Cents or PointsDeBase (arrays: first element). */
function moneyPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length > 0 ? moneyPaths(value[0], [...path, 0]) : [];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    /(Cents|PointsDeBase)$/.test(key) ? [[...path, key]] : moneyPaths(child, [...path, key]),
  );
}

function has(value: unknown, path: (string | number)[]): boolean {
  let current: unknown = value;
  for (const segment of path) {
    if (typeof current !== "object" || current === null || !(segment in current)) return false;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return true;
}

describe("domain money fields are the API field names plus Cents / PointsDeBase", () => {
  const cases: [string, unknown, unknown][] = (() => {
    const analyse = ReglesAnalyseInput.parse({
      nature: "services",
      valeurEstimeeHt: 400_000,
      dateLancement: "2026-06-01",
      innovant: true,
      lots: [{ valeurEstimeeHt: 40_000 }, { valeurEstimeeHt: 360_000 }],
    });
    const analyseResult = analyserProcedure(toReglesAnalyseDomainInput(analyse));
    const modification = ReglesModificationInput.parse({
      montantInitialHt: 100_000,
      nature: "services",
      dateLancement: "2026-06-01",
      attribueParCao: true,
      modificationsAnterieures: [{ montantHt: 1_000, fondement: "faible-montant" }],
      modification: { montantHt: 2_000, fondement: "faible-montant" },
    });
    const modificationResult = verifierModification(toReglesModificationDomainInput(modification));
    const paiement = ReglesPaiementInput.parse({
      montantTtc: 12_000,
      dateReception: "2026-01-05",
      datePaiement: "2026-03-16",
      tauxBce: 2.15,
    });
    const paiementResult = calculerPaiement(toReglesPaiementDomainInput(paiement));
    const avance = ReglesAvanceInput.parse({
      montantInitialHt: 120_000,
      montantInitialTtc: 144_000,
      dureeExecutionMois: 18,
      dateLancement: "2026-03-01",
      titulairePme: true,
      montantModificationsTtc: 1_000,
    });
    const avanceResult = analyserAvanceEtRetenue(toReglesAvanceDomainInput(avance));
    const delaisResult = construireCalendrier({ dateEnvoiAvis: "2026-03-02", dateSignature: "2026-05-04" });
    return [
      ["analyse", analyseResult, fromReglesAnalyseResult(analyseResult)],
      ["modification", modificationResult, fromReglesModificationResult(modificationResult)],
      ["paiement", paiementResult, fromReglesPaiementResult(paiementResult)],
      ["avance", avanceResult, fromReglesAvanceResult(avanceResult)],
      ["délais", delaisResult, fromReglesDelaisResult(delaisResult)],
    ];
  })();
  for (const [name, domain, api] of cases) {
    it(`${name}: each money field of the answer is found in the API output once stripped of its unit`, () => {
      const missing = moneyPaths(domain).filter((path) => !has(api, apiPath(path)));
      assert.deepEqual(missing, []);
    });
  }

  it("inputs too: the domain input of each analysis only renames money fields", () => {
    const input = toReglesAvanceDomainInput(
      ReglesAvanceInput.parse({
        montantInitialHt: 1,
        montantInitialTtc: 1,
        dureeExecutionMois: 1,
        dateLancement: "2026-03-01",
        titulairePme: false,
        montantModificationsTtc: 0,
      }),
    );
    assert.deepEqual(
      Object.keys(input)
        .map((k) => apiPath([k])[0])
        .sort(),
      Object.keys(ReglesAvanceInput.shape).sort(),
    );
  });
});
