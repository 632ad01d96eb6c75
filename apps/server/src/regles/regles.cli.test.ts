import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { openPgliteTestDatabase } from "@achat-public/db/testing";
import type { Database } from "@achat-public/db";
import { testApp } from "../testing/harness";
import { runProcess } from "../testing/process";

/** The stable interface scripts use: `npm run --silent cli -- regles …`. */
const npmCli = (args: string[], env: Record<string, string>) => runProcess("npm", ["run", "--silent", "cli", "--", ...args], env);

describe("règles en ligne de commande (npm run --silent cli -- regles …)", () => {
  let dataDir: string;
  let database: Database;
  let app: FastifyInstance;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "achat-regles-"));
    database = await openPgliteTestDatabase();
    ({ app } = await testApp(database));
  });
  after(async () => {
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const api = async (url: string, payload: object) => {
    const response = await app.inject({ method: "POST", url, payload });
    return { status: response.statusCode, body: JSON.parse(response.body) };
  };

  it("prints on stdout exactly the JSON of POST /api/regles/analyse, without touching any database", async () => {
    const input = { nature: "fournitures", valeurEstimeeHt: 215_999.99, dateLancement: "2026-09-15", innovant: false };
    const run = await npmCli(["regles", "analyse", JSON.stringify(input)], { DATA_DIR: join(dataDir, "jamais-cree") });
    assert.equal(run.code, 0, run.stderr);
    const http = await api("/api/regles/analyse", input);
    assert.deepEqual(JSON.parse(run.stdout), http.body);
    assert.equal(JSON.parse(run.stdout).procedure, "procedure-adaptee");
    assert.ok(!existsSync(join(dataDir, "jamais-cree")), "a pure analysis opens no database");
  });

  it("answers the advance and retention check like the API", async () => {
    const input = {
      montantInitialHt: 120_000,
      montantInitialTtc: 144_000,
      dureeExecutionMois: 18,
      dateLancement: "2026-03-01",
      titulairePme: true,
    };
    const run = await npmCli(["regles", "avance", JSON.stringify(input)], { DATA_DIR: dataDir });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), (await api("/api/regles/avance", input)).body);
    assert.equal(JSON.parse(run.stdout).avance.montantMinimumTtc, 9_600);
  });

  it("answers bad input with exit code 2 and the same problems as the API", async () => {
    const input = { nature: "services", valeurEstimeeHt: -5, dateLancement: "2026-02-29" };
    const run = await npmCli(["regles", "analyse", JSON.stringify(input)], { DATA_DIR: dataDir });
    assert.equal(run.code, 2);
    const http = await api("/api/regles/analyse", input);
    const { requestId: _r, ...expected } = http.body;
    assert.deepEqual(JSON.parse(run.stdout), expected);
    assert.match(run.stderr, /Erreur : La requête contient 2 erreurs/);
    const malformed = await npmCli(["regles", "analyse", "{nature:"], { DATA_DIR: dataDir });
    assert.equal(malformed.code, 2);
    assert.equal(JSON.parse(malformed.stdout).code, "MALFORMED_JSON");
  });

  it("answers a business-check refusal like the API: the field sent, and why", async () => {
    const input = {
      montantInitialHt: 120_000,
      montantInitialTtc: 100_000,
      dureeExecutionMois: 6,
      dateLancement: "2026-03-01",
      titulairePme: false,
    };
    const run = await npmCli(["regles", "avance", JSON.stringify(input)], { DATA_DIR: dataDir });
    assert.equal(run.code, 2);
    const { requestId: _r, ...expected } = (await api("/api/regles/avance", input)).body;
    assert.deepEqual(JSON.parse(run.stdout), expected);
    assert.deepEqual(expected.issues[0].path, ["montantInitialTtc"]);
    assert.match(run.stderr, /montantInitialTtc : Le montant TTC ne peut pas être inférieur au montant HT/);
  });

  it("computes a late payment with an explicit ECB rate, and with the administrable table", async () => {
    const input = { montantTtc: 12_000, dateReception: "2026-01-05", datePaiement: "2026-03-16", tauxBce: 2.15 };
    const run = await npmCli(["regles", "paiement", JSON.stringify(input)], { DATA_DIR: dataDir });
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.joursRetard, 40);
    assert.equal(result.interetsMoratoires, 133.48);
    assert.equal(result.indemniteForfaitaire, 40);
    const { tauxBce: _t, ...withoutRate } = input;
    const fromTable = await npmCli(["regles", "paiement", JSON.stringify(withoutRate)], { DATA_DIR: dataDir });
    assert.equal(fromTable.code, 0, fromTable.stderr);
    assert.equal(JSON.parse(fromTable.stdout).origineTauxBce, "table");
    assert.equal(JSON.parse(fromTable.stdout).interetsMoratoires, 133.48);
  });

  it("administers the ECB rate table", async () => {
    const set = await npmCli(
      [
        "regles",
        "taux-bce",
        "definir",
        "--semestre",
        "2027-01-01",
        "--taux",
        "1,90",
        "--source",
        "BCE, décision de décembre 2026",
        "--confirme",
        "--json",
      ],
      { DATA_DIR: dataDir },
    );
    assert.equal(set.code, 0, set.stderr);
    assert.equal(JSON.parse(set.stdout).tauxBce, 1.9);
    const list = await npmCli(["regles", "taux-bce", "lister", "--json"], { DATA_DIR: dataDir });
    const rows = JSON.parse(list.stdout);
    assert.equal(rows.at(-1).debutSemestre, "2027-01-01");
    assert.equal(rows.at(-1).statut, "confirme");
    const bad = await npmCli(["regles", "taux-bce", "definir", "--semestre", "2027-02-01", "--taux", "1,9", "--source", "BCE"], {
      DATA_DIR: dataDir,
    });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /1er janvier ou le 1er juillet/);
  });
});
