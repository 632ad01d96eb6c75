import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { testTargets } from "@achat-public/db/testing";
import { cliEnProcessus } from "../testing/cli";
import { apiTest, type ApiTest } from "../testing/harness";

const [pglite] = testTargets();

describe("portail syntheses en ligne de commande : fréquence demandée", () => {
  let kit: ApiTest;
  before(async () => {
    kit = await apiTest(pglite as NonNullable<typeof pglite>);
  });
  after(() => kit.close());

  it("refuses an unknown frequency with exit 2 and a French usage message (JSON with --json), before opening the database", async () => {
    let ouverte = false;
    const run = await cliEnProcessus(["portail", "syntheses", "--frequence", "mensuelle", "--json"], {
      context: async () => {
        ouverte = true;
        return kit.ctx;
      },
    });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--frequence : quotidienne ou hebdomadaire/);
    assert.equal(JSON.parse(run.stdout).code, "USAGE", "with --json, the error is JSON too");
    assert.equal(ouverte, false);
  });

  it("sends only the frequency asked for and reports it", async () => {
    const run = await cliEnProcessus(["portail", "syntheses", "--frequence", "hebdomadaire", "--json"], { context: async () => kit.ctx });
    assert.equal(run.code, 0, run.stderr);
    const rapport = JSON.parse(run.stdout);
    assert.deepEqual(rapport.frequences, ["hebdomadaire"]);
    assert.deepEqual([rapport.recherches, rapport.envoyees], [0, 0]);
    assert.match(rapport.jour, /^\d{4}-\d{2}-\d{2}$/);
  });
});
