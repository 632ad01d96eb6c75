import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { sql } from "@achat-public/db";
import { openConfiguredDatabase } from "../bootstrap";
import { loadConfig } from "../config";
import { runCli, runProcess } from "../testing/process";

describe("ligne de commande d'administration", () => {
  let dataDir: string;
  let env: Record<string, string>;

  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), "achat-cli-"));
    env = { DATA_DIR: dataDir };
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it("runs through `npm run --silent cli` with only the command's output on stdout (the bundle rebuilt when stale)", async () => {
    const run = await runProcess(
      "npm",
      [
        "run",
        "--silent",
        "cli",
        "--",
        "regles",
        "analyse",
        '{"nature":"services","valeurEstimeeHt":59999.99,"dateLancement":"2026-05-01"}',
      ],
      env,
    );
    assert.equal(run.code, 0, run.stderr);
    const sortie = JSON.parse(run.stdout);
    assert.equal(typeof sortie, "object");
  });

  it("prints its French help", async () => {
    const run = await runCli(["aide"], env);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /audit verifier/);
    const unknown = await runCli(["fabriquer", "tout"], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Commande inconnue : fabriquer tout/);
  });

  it("loads the demo data, creates users, refuses bad input with exit code 2", async () => {
    const demo = await runCli(["demo", "charger", "--json"], env);
    assert.equal(demo.code, 0, demo.stderr);
    const resume = JSON.parse(demo.stdout);
    assert.deepEqual(
      {
        directions: resume.directions,
        services: resume.services,
        comptes: resume.comptes,
        entreprises: resume.entreprises,
        salons: resume.salons,
        inscriptionsSalon: resume.inscriptionsSalon,
        presentsSalon: resume.presentsSalon,
        familles: resume.familles,
        fournisseurs: resume.fournisseurs,
      },
      {
        directions: 13,
        services: 32,
        comptes: 46,
        entreprises: 81,
        salons: 2,
        inscriptionsSalon: 105,
        presentsSalon: 53,
        familles: 26,
        fournisseurs: 491,
      },
    );
    // the programme and the portfolio are built around the day of loading (the year, the first of the month)
    assert.ok(resume.lignes > 200, "plus de 200 lignes de programmation");
    assert.ok(resume.marchesVivants > 600 && resume.marchesVivants < 720, `environ 650 marchés vivants (${resume.marchesVivants})`);
    const again = await runCli(["demo", "charger"], env);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /déjà une organisation/);

    const bad = await runCli(["utilisateur", "creer", "--email", "pas-une-adresse", "--nom", "X", "--role", "acheteur"], env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /email : L'adresse électronique n'est pas valide/);
    assert.match(bad.stderr, /nomAffiche : Le nom affiché doit contenir entre 2 et 120 caractères/);
    assert.match(bad.stderr, /directionId : Un acheteur de direction doit être rattaché à une direction/);

    const created = await runCli(
      [
        "utilisateur",
        "creer",
        "--email",
        "Agent.Voirie@valdemarne.fr",
        "--nom",
        "Agent Voirie",
        "--role",
        "acheteur",
        "--direction",
        "dtvd",
        "--json",
      ],
      env,
    );
    assert.equal(created.code, 0, created.stderr);
    const body = JSON.parse(created.stdout);
    assert.equal(body.email, "agent.voirie@valdemarne.fr");
    assert.equal(body.motDePasse.length, 20);

    const reset = await runCli(
      ["utilisateur", "reinitialiser-mot-de-passe", "--email", "agent.voirie@valdemarne.fr", "--mot-de-passe-stdin"],
      env,
      "court\n",
    );
    assert.equal(reset.code, 2);
    assert.match(reset.stderr, /au moins 12 caractères/);
    const guessable = await runCli(
      ["utilisateur", "reinitialiser-mot-de-passe", "--email", "agent.voirie@valdemarne.fr", "--mot-de-passe-stdin"],
      env,
      "azerty12345678\n",
    );
    assert.equal(guessable.code, 2);
    assert.match(guessable.stderr, /trop facile à deviner/);
  });

  it("verifies the audit chain and reports the first broken link", async () => {
    const ok = await runCli(["audit", "verifier", "--json"], env);
    assert.equal(ok.code, 0, ok.stderr);
    const report = JSON.parse(ok.stdout);
    assert.equal(report.ok, true);
    assert.ok(report.checked > 90);
    const anchored = await runCli(["audit", "ancrer", "--json"], env);
    assert.equal(anchored.code, 0, anchored.stderr);
    assert.equal(JSON.parse(anchored.stdout).seq, report.checked);

    const database = await openConfiguredDatabase(loadConfig({ DATA_DIR: dataDir }));
    await database.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await database.db.execute(sql`update audit_events set actor_label = 'quelqu''un d''autre' where seq = 7`);
    await database.db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);

    const busy = await runCli(["audit", "verifier"], env);
    assert.equal(busy.code, 1);
    assert.match(busy.stderr, /déjà ouverte par le processus \d+/);
    await database.close();

    const broken = await runCli(["audit", "verifier"], env);
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /ROMPUE au maillon n° 7/);
    assert.match(broken.stdout, /6 événement\(s\) intègre\(s\) avant la rupture/);
  });

  it("stops on a bad environment variable with a French message", async () => {
    const run = await runCli(["audit", "verifier"], { ...env, SESSION_IDLE_MINUTES: "jamais" });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Configuration invalide/);
    assert.match(run.stderr, /SESSION_IDLE_MINUTES/);
  });
});
