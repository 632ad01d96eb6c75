import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LIBELLES_SECURITE, SecuriteQuery } from "@achat-public/contracts";
import { TYPES_SECURITE } from "./securite";

describe("types d'événements de sécurité de la page", () => {
  it("are the API's, with the API's French labels", () => {
    assert.deepEqual(
      TYPES_SECURITE.map((t) => [t.type, t.libelle]),
      Object.entries(LIBELLES_SECURITE),
    );
    for (const t of TYPES_SECURITE) assert.equal(SecuriteQuery.safeParse({ type: t.type }).success, true, t.type);
  });
});
