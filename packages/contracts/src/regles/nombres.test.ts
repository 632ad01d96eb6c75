import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ReglesAnalyseInput, ReglesAvanceInput, ReglesModificationInput, ReglesPaiementInput } from "./index";

/** Issue messages at a path, for a JSON body as the server parses it (1e400 becomes Infinity). */
function messages(schema: { safeParse(v: unknown): { error?: { issues: { path: PropertyKey[]; message: string }[] } } }, json: string) {
  return (schema.safeParse(JSON.parse(json)).error?.issues ?? []).map((i) => `${i.path.join(".")} : ${i.message}`);
}

describe("numbers too large for a float (1e400 parses to Infinity) get a clear French message", () => {
  const rows: [string, Parameters<typeof messages>[0], string, string][] = [
    [
      "valeurEstimeeHt",
      ReglesAnalyseInput,
      '{"nature":"services","valeurEstimeeHt":1e400,"dateLancement":"2026-05-01"}',
      "valeurEstimeeHt",
    ],
    [
      "lots.0.valeurEstimeeHt",
      ReglesAnalyseInput,
      '{"nature":"services","valeurEstimeeHt":1,"dateLancement":"2026-05-01","lots":[{"valeurEstimeeHt":-1e400}]}',
      "lots.0.valeurEstimeeHt",
    ],
    [
      "tauxBce",
      ReglesPaiementInput,
      '{"montantTtc":1,"dateReception":"2026-05-01","datePaiement":"2026-05-02","tauxBce":1e400}',
      "tauxBce",
    ],
    [
      "modification.montantHt",
      ReglesModificationInput,
      '{"montantInitialHt":1,"nature":"services","dateLancement":"2026-05-01","attribueParCao":false,"modification":{"montantHt":-1e999,"fondement":"non-substantielle"}}',
      "modification.montantHt",
    ],
    [
      "dureeExecutionMois",
      ReglesAvanceInput,
      '{"montantInitialHt":1,"montantInitialTtc":1,"dureeExecutionMois":1e400,"dateLancement":"2026-05-01","titulairePme":false}',
      "dureeExecutionMois",
    ],
  ];
  for (const [name, schema, json, path] of rows) {
    it(`${name}: « nombre trop grand », not « nombre attendu, nombre reçu »`, () => {
      const found = messages(schema, json);
      assert.deepEqual(found, [`${path} : Nombre trop grand : un nombre fini est attendu.`]);
    });
  }

  it("a string is still a type mismatch, and a missing field is still « Champ obligatoire »", () => {
    const found = messages(ReglesPaiementInput, '{"montantTtc":"12","dateReception":"2026-05-01"}');
    assert.ok(
      found.some((m) => m.startsWith("montantTtc : ") && /nombre attendu/i.test(m)),
      found.join(" | "),
    );
    assert.ok(found.includes("datePaiement : Champ obligatoire."), found.join(" | "));
  });
});
