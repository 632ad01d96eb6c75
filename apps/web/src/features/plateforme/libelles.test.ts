import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LIBELLES_STATUT_COURRIEL, STATUTS_COURRIEL as STATUTS_API } from "@achat-public/contracts";
import { STATUTS_COURRIEL } from "./libelles";

describe("statuts des courriels de la page", () => {
  it("are the API's, with the API's French labels", () => {
    assert.deepEqual(Object.keys(STATUTS_COURRIEL), [...STATUTS_API]);
    assert.deepEqual(STATUTS_COURRIEL, LIBELLES_STATUT_COURRIEL);
  });
});
