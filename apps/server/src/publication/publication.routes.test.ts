import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { testTargets } from "@achat-public/db/testing";
import { sourcePublicationEnMemoire } from "@achat-public/domain/publication";
import {
  AUJOURDHUI_PUBLICATION,
  fixturesPublication,
  fixturesPublicationSaines,
  type FixturesPublication,
} from "@achat-public/domain/testing";
import { apiTest, type ApiTest } from "../testing/harness";
import { cliEnProcessus } from "../testing/cli";
import { organisationPubliee } from "./publication.service";
import { validerDecp, validerOcds } from "./validation";

for (const target of testTargets()) {
  describe(`publication des données ouvertes [${target.name}]`, () => {
    let t: ApiTest;
    let dossier: string;
    let donnees: FixturesPublication;

    /** Runs a command in this process, as the CLI runs it, on the test context. */
    const cli = (argv: string[]) => cliEnProcessus(argv, { context: async () => t.ctx, cwd: dossier });

    before(async () => {
      t = await apiTest(target);
      // the gate judges deadlines at the fixture set's "today"
      t.ctx.clock = { now: () => new Date(`${AUJOURDHUI_PUBLICATION}T11:00:00Z`) };
      const organisation = await organisationPubliee(t.ctx);
      donnees = fixturesPublication(organisation.id);
      t.ctx.sourcePublication = sourcePublicationEnMemoire(() => donnees);
      dossier = mkdtempSync(join(tmpdir(), "achat-publication-"));
    });
    after(async () => {
      await t.close();
      rmSync(dossier, { recursive: true, force: true });
    });

    it("decp exporter: the gate stops the export, lists every bad record with its field, exit 2, no file", async () => {
      const run = await cli(["decp", "exporter", "--sortie", "decp.json", "--json"]);
      assert.equal(run.code, 2, run.stderr);
      assert.equal(existsSync(join(dossier, "decp.json")), false);
      const rapport = JSON.parse(run.stdout);
      assert.equal(rapport.ok, false);
      for (const [numero, champs] of Object.entries(donnees.mauvais)) {
        for (const champ of champs) {
          assert.ok(
            rapport.problemes.some((p: { numero: string; champ: string }) => p.numero === numero && p.champ === champ),
            `${numero} · ${champ}`,
          );
          assert.match(run.stderr, new RegExp(`${numero.replace(/[-]/g, "\\-")} · ${champ.replace(/[[\].]/g, "\\$&")}`));
        }
      }
      assert.deepEqual(rapport.aPublierEnRetard.map((r: { numero: string }) => r.numero).sort(), [...donnees.enRetard].sort());
      assert.deepEqual(rapport.publieesEnRetard.map((r: { numero: string }) => r.numero).sort(), [...donnees.publieesEnRetard].sort());
    });

    it("decp exporter: a clean set is written, valid against the official DECP 2.0.3 schema, exit 0", async () => {
      donnees = fixturesPublicationSaines(donnees.organisationId);
      try {
        const run = await cli(["decp", "exporter", "--sortie", "decp.json", "--json"]);
        assert.equal(run.code, 0, run.stderr);
        const rapport = JSON.parse(run.stdout);
        assert.equal(rapport.ok, true);
        const document = JSON.parse(readFileSync(join(dossier, "decp.json"), "utf8"));
        assert.deepEqual(validerDecp(document), []);
        assert.equal(document.marches.marche.length, donnees.marches.length - donnees.horsPerimetre.length);
        assert.equal(rapport.marchesExportes, document.marches.marche.length);
        const humain = await cli(["decp", "exporter", "--sortie", join(dossier, "decp2.json")]);
        assert.equal(humain.code, 0);
        assert.match(humain.stdout, /marché\(s\) écrit\(s\)/);
        assert.match(humain.stdout, /En retard : 2026-D010/);
      } finally {
        donnees = fixturesPublication(donnees.organisationId);
      }
    });

    it("decp exporter without --sortie is a usage error (exit 2)", async () => {
      const run = await cli(["decp", "exporter"]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /--sortie/);
    });

    it("ocds exporter: a release package valid against OCDS 1.1.5, one stable ocid per procedure", async () => {
      const run = await cli(["ocds", "exporter", "--sortie", "ocds.json", "--json"]);
      assert.equal(run.code, 0, run.stderr);
      const paquet = JSON.parse(readFileSync(join(dossier, "ocds.json"), "utf8"));
      assert.deepEqual(validerOcds(paquet), []);
      const ocids = paquet.releases.map((r: { ocid: string }) => r.ocid);
      for (const p of donnees.procedures.filter((x) => x.statut !== "brouillon"))
        assert.ok(ocids.includes(`ocds-vdm94x-${p.id}`), p.reference);
      const again = await cli(["ocds", "exporter", "--sortie", "ocds2.json"]);
      assert.equal(again.code, 0);
      assert.equal(
        readFileSync(join(dossier, "ocds2.json"), "utf8"),
        readFileSync(join(dossier, "ocds.json"), "utf8"),
        "same data, same bytes",
      );
    });

    it("GET /api/donnees-ouvertes/decp.json without login: only records that pass the gate, schema-valid, ETag and 304", async () => {
      const client = t.anonymous();
      const response = await client.request("GET", "/api/donnees-ouvertes/decp.json");
      assert.equal(response.status, 200);
      assert.match(String(response.headers["content-type"]), /application\/json/);
      assert.deepEqual(validerDecp(response.body), []);
      const numeros = response.body.marches.marche.map((m: { id: string }) => m.id);
      for (const numero of Object.keys(donnees.mauvais)) assert.ok(!numeros.includes(numero), numero);
      assert.ok(numeros.includes("2025-0101"));
      const etag = String(response.headers.etag);
      assert.match(etag, /^"[\w-]+"$/);
      const cached = await client.request("GET", "/api/donnees-ouvertes/decp.json", undefined, { headers: { "if-none-match": etag } });
      assert.equal(cached.status, 304);
      assert.equal(cached.body, null);
      donnees = {
        ...donnees,
        marches: donnees.marches.map((m) => (m.numero === "2025-0101" ? { ...m, objet: `${m.objet} (modifié)` } : m)),
      };
      const changed = await client.request("GET", "/api/donnees-ouvertes/decp.json", undefined, { headers: { "if-none-match": etag } });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.etag, etag);
      donnees = fixturesPublication(donnees.organisationId);
    });

    it("GET /api/donnees-ouvertes/ocds.json without login: valid package, ETag and 304", async () => {
      const client = t.anonymous();
      const response = await client.request("GET", "/api/donnees-ouvertes/ocds.json");
      assert.equal(response.status, 200);
      assert.deepEqual(validerOcds(response.body), []);
      const cached = await client.request("GET", "/api/donnees-ouvertes/ocds.json", undefined, {
        headers: { "if-none-match": String(response.headers.etag) },
      });
      assert.equal(cached.status, 304);
    });

    it("GET /api/donnees-ouvertes/changements pages with an opaque cursor, each object once", async () => {
      const client = t.anonymous();
      const vus: string[] = [];
      let depuis: string | null = null;
      for (let i = 0; i < 20; i++) {
        const url: string = `/api/donnees-ouvertes/changements?limite=10${depuis ? `&depuis=${depuis}` : ""}`;
        const page = await client.request("GET", url);
        assert.equal(page.status, 200, JSON.stringify(page.body));
        vus.push(...page.body.changements.map((c: { type: string; id: string }) => `${c.type}:${c.id}`));
        if (page.body.changements.length === 0) {
          assert.equal(page.body.suivant, depuis, "the cursor stays put when nothing changed");
          break;
        }
        assert.ok(page.body.changements.length <= 10);
        depuis = page.body.suivant;
      }
      assert.equal(new Set(vus).size, vus.length);
      assert.equal(vus.length, donnees.marches.length + donnees.procedures.filter((p) => p.statut !== "brouillon").length);
      const bad = await client.request("GET", "/api/donnees-ouvertes/changements?depuis=00ff");
      assert.equal(bad.status, 400);
      assert.equal(bad.body.code, "CURSOR_INVALID");
      assert.deepEqual(bad.body.issues[0].path, ["depuis"]);
      const tooMany = await client.request("GET", "/api/donnees-ouvertes/changements?limite=5000");
      assert.equal(tooMany.status, 400);
    });

    it("GET /api/publication/controle: the gate's result for the procurement directorate, every problem with its field", async () => {
      const central = await t.as("acheteur-central");
      const response = await central.request("GET", "/api/publication/controle?parPage=100");
      assert.equal(response.status, 200, JSON.stringify(response.body));
      assert.equal(response.body.conforme, false);
      assert.equal(response.body.marchesEnErreur, Object.keys(donnees.mauvais).length);
      assert.equal(response.body.total, response.body.problemes.length);
      assert.ok(response.body.problemes.some((p: { numero: string; champ: string }) => p.numero === "2026-X002" && p.champ === "codeCPV"));
      assert.deepEqual(response.body.aPublierEnRetard.map((r: { numero: string }) => r.numero).sort(), [...donnees.enRetard].sort());
      // published after the two months: listed with the recorded date, not blocking
      assert.deepEqual(
        response.body.publieesEnRetard.map((r: { numero: string }) => r.numero).sort(),
        [...donnees.publieesEnRetard].sort(),
      );
      const x006 = response.body.publieesEnRetard.find((r: { numero: string }) => r.numero === "2026-X006");
      assert.equal(x006?.datePublication, "2026-04-15");
      assert.ok(x006?.joursDeRetard > 30);
      const page2 = await central.request("GET", "/api/publication/controle?parPage=5&page=2");
      assert.equal(page2.body.problemes.length, 5);
      assert.deepEqual(page2.body.problemes[0], response.body.problemes[5]);
      const acheteur = await t.as("acheteur");
      assert.equal((await acheteur.request("GET", "/api/publication/controle")).status, 403);
      assert.equal((await t.anonymous().request("GET", "/api/publication/controle")).status, 401);
    });
  });
}
