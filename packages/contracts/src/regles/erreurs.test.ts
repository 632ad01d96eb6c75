import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDomainError } from "@achat-public/domain";
import { analyserAvanceEtRetenue, verifierModification } from "@achat-public/domain/regles";
import { apiPath } from "../common.schema";
import { ReglesAvanceInput, ReglesModificationInput, toReglesAvanceDomainInput, toReglesModificationDomainInput } from "./index";
import { avecErreursApi, toReglesApiError } from "./erreurs";

describe("apiPath: domain issue paths as the API names them", () => {
  const rows: [(string | number)[], (string | number)[]][] = [
    [
      ["modification", "montantHtCents"],
      ["modification", "montantHt"],
    ],
    [["montantInitialTtcCents"], ["montantInitialTtc"]],
    [["tauxBcePointsDeBase"], ["tauxBce"]],
    [
      ["lots", 2, "valeurEstimeeHtCents"],
      ["lots", 2, "valeurEstimeeHt"],
    ],
    [
      ["modificationsAnterieures", 0, "montantHtCents"],
      ["modificationsAnterieures", 0, "montantHt"],
    ],
    [["dateLancement"], ["dateLancement"]],
    [["CentsDeMontant"], ["CentsDeMontant"]], // only a trailing unit is stripped
    [[], []],
  ];
  for (const [domain, api] of rows) {
    it(`${domain.join(".") || "(racine)"} → ${api.join(".") || "(racine)"}`, () => assert.deepEqual(apiPath(domain), api));
  }
});

describe("refusals raised after the schema check name the field sent and say why", () => {
  it("an amendment bringing the contract to zero: modification.montantHt, with the reason in the detail", () => {
    const input = ReglesModificationInput.parse({
      montantInitialHt: 1000,
      nature: "services",
      dateLancement: "2026-06-01",
      attribueParCao: false,
      modification: { montantHt: -1000, fondement: "non-substantielle" },
    });
    assert.throws(
      () => avecErreursApi(() => verifierModification(toReglesModificationDomainInput(input))),
      (e: unknown) => {
        assert.ok(isDomainError(e));
        assert.equal(e.code, "INVALID_INPUT");
        assert.deepEqual(
          e.issues.map((i) => i.path),
          [["modification", "montantHt"]],
        );
        assert.doesNotMatch(e.message, /Cents|données invalides/);
        assert.match(e.message, /^La requête contient 1 erreur : modification\.montantHt : .*strictement positif/);
        return true;
      },
    );
  });

  it("a TTC amount below the HT amount: montantInitialTtc", () => {
    const input = ReglesAvanceInput.parse({
      montantInitialHt: 120_000,
      montantInitialTtc: 100_000,
      dureeExecutionMois: 6,
      dateLancement: "2026-06-01",
      titulairePme: false,
    });
    assert.throws(
      () => avecErreursApi(() => analyserAvanceEtRetenue(toReglesAvanceDomainInput(input))),
      (e: unknown) =>
        isDomainError(e) &&
        e.issues.length === 1 &&
        e.issues[0]?.path.join(".") === "montantInitialTtc" &&
        /montantInitialTtc : Le montant TTC ne peut pas être inférieur au montant HT/.test(e.message),
    );
  });

  it("keeps the message of a rule refusal and renames its paths; leaves other errors alone", () => {
    const other = new Error("x");
    assert.equal(toReglesApiError(other), other);
  });
});
