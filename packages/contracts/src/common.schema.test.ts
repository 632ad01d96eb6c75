import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { apiPath, versApi, versDomaine } from "./common.schema";

describe("un nom par champ : la règle des unités", () => {
  it("turns API money fields into domain cents and back, recursively", () => {
    const api = {
      objet: "Nettoyage",
      montantEstimeHt: 1234.56,
      lots: [{ intitule: "Lot 1", valeurEstimeeHt: 0.1 }],
      minimumHt: null,
      annee: 2027,
    };
    const domain = versDomaine(api);
    assert.deepEqual(domain, {
      objet: "Nettoyage",
      montantEstimeHtCents: 123_456,
      lots: [{ intitule: "Lot 1", valeurEstimeeHtCents: 10 }],
      minimumHtCents: null,
      annee: 2027,
    });
    assert.deepEqual(versApi(domain), api);
  });

  it("names a domain issue's field as the client sent it", () => {
    assert.deepEqual(apiPath(["lots", 2, "valeurEstimeeHtCents"]), ["lots", 2, "valeurEstimeeHt"]);
    assert.deepEqual(apiPath(["tauxBcePointsDeBase"]), ["tauxBce"]);
    assert.deepEqual(apiPath(["Cents"]), ["Cents"]);
  });
});
