import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Database } from "@achat-public/db";
import { openPgliteTestDatabase } from "@achat-public/db/testing";
import type { AppContext } from "../context";
import { DEMO, loggedIn, testApp } from "../testing/harness";
import { cliEnProcessus } from "../testing/cli";

/** The demo programme: its size, its genuine split purchases (CLI `programme alertes --json`), its public programme. */
describe("programmation de démonstration et alertes de fractionnement (CLI)", () => {
  let database: Database;
  let app: FastifyInstance;
  let ctx: AppContext;
  let annee: number;

  before(async () => {
    database = await openPgliteTestDatabase();
    ({ app, ctx } = await testApp(database));
    annee = Math.min(new Date(ctx.clock.now()).getUTCFullYear(), 2026);
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  const cli = (argv: string[]) => cliEnProcessus(argv, { context: async () => ctx });

  it("lists the genuine split purchases of next year under `alertes`, with family, lines, aggregated value and threshold", async () => {
    const run = await cli(["programme", "alertes", "--annee", String(annee + 1), "--json"]);
    assert.equal(run.code, 0, run.stderr);
    const { alertes } = JSON.parse(run.stdout);
    const familles = alertes.map((a: { famille: string }) => a.famille);
    assert.ok(familles.includes("F-MOB Mobilier"), familles.join(" | "));
    assert.ok(familles.includes("S-FORM Formation professionnelle"), familles.join(" | "));
    assert.ok(
      familles.some((f: string) => f.includes("Paul-Éluard")),
      familles.join(" | "),
    );
    assert.ok(alertes.length <= 6, `a few genuine cases, not noise: ${familles.join(" | ")}`);
    const mobilier = alertes.find((a: { famille: string }) => a.famille === "F-MOB Mobilier");
    assert.equal(mobilier.lignes.length, 4);
    assert.equal(mobilier.valeurAgregeeHt, 221000);
    assert.equal(mobilier.seuil.cle, "EU_SUPPLIES_SERVICES_SUBCENTRAL");
    assert.ok(typeof mobilier.seuil.valeurHt === "number");
    const courante = JSON.parse((await cli(["programme", "alertes", "--annee", String(annee), "--json"])).stdout);
    assert.ok(courante.alertes.some((a: { famille: string }) => a.famille.startsWith("S-CUIS")));
    const humain = await cli(["programme", "alertes", "--annee", String(annee + 1)]);
    assert.match(humain.stdout, /alertes? de fractionnement/);
    assert.equal((await cli(["programme", "alertes", "--annee", "20x7"])).code, 2);
  });

  it("holds a few hundred lines over the directions and publishes them without login", async () => {
    const central = await loggedIn(app, DEMO.central);
    const courante = await central.request("GET", `/api/programme/lignes?annee=${annee}&parPage=1`);
    const suivante = await central.request("GET", `/api/programme/lignes?annee=${annee + 1}&parPage=1`);
    assert.ok(courante.body.total + suivante.body.total >= 200, `${courante.body.total} + ${suivante.body.total}`);
    const publique = await app.inject({ method: "GET", url: `/api/public/programme?annee=${annee + 1}&parPage=200` });
    const lignes = publique.json().lignes;
    assert.ok(lignes.length >= 50);
    assert.ok(new Set(lignes.map((l: { direction: string }) => l.direction)).size >= 8);
  });
});
