import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { selectRows, sql } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import { apiTest, type ApiTest, type TestClient } from "../testing/harness";

const CSV_HEADER = "Adresse électronique;Prénom et nom;Rôle;Sigle de la direction;Service";

async function upload(client: TestClient, nomFichier: string, contenu: Buffer) {
  return client.request("POST", `/api/imports/utilisateurs?nomFichier=${encodeURIComponent(nomFichier)}`, undefined, {
    rawBody: contenu as unknown as string,
    headers: { "content-type": "application/octet-stream" },
  });
}

/** Polls the import until it leaves the running states (the job runner works in the background). */
async function settled(client: TestClient, id: string) {
  for (let i = 0; i < 200; i++) {
    const response = await client.request("GET", `/api/imports/${id}`);
    if (response.body.statut !== "en-analyse" && response.body.statut !== "en-ecriture") return response.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("import jamais terminé");
}

for (const target of testTargets()) {
  describe(`chaîne d'import des tableurs : comptes (${target.name})`, () => {
    let kit: ApiTest;
    let admin: TestClient;
    let sigle: string;

    before(async () => {
      kit = await apiTest(target, { jobs: { workers: true, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 } });
      admin = await kit.as("admin");
      const [row] = await selectRows<{ sigle: string }>(kit.database.db, sql`select sigle from directions where id = ${kit.directionId}`);
      sigle = row?.sigle ?? "";
    });
    after(() => kit.close());

    it("serves the template in XLSX (with its help sheet) and CSV", async () => {
      const csv = await admin.request("GET", "/api/imports/utilisateurs/modele?format=csv");
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers["content-disposition"]), /modele-utilisateurs\.csv/);
      assert.match(String(csv.body), /Adresse électronique;Prénom et nom;Rôle/);
      const xlsx = await kit.app.inject({
        method: "GET",
        url: "/api/imports/utilisateurs/modele?format=xlsx",
        headers: { cookie: `achat_session=${admin.cookie("achat_session")}` },
      });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      assert.deepEqual(
        workbook.worksheets.map((w) => w.name),
        ["Comptes utilisateurs", "Aide", "Listes"],
      );
    });

    it("reports every bad cell and every refused row with its row and column, and writes nothing", async () => {
      const file = Buffer.from(
        [
          CSV_HEADER,
          `bon.compte@valdemarne.fr;Bon Compte;lecteur;;`,
          `pas-une-adresse;X;acheteur;;`,
          `autre@valdemarne.fr;Autre Compte;chef;;`,
          `acheteur.sans.direction@valdemarne.fr;Acheteur Sans Direction;acheteur;;`,
          `direction.inconnue@valdemarne.fr;Direction Inconnue;lecteur;ZZZ;`,
          `bon.compte@valdemarne.fr;Doublon;lecteur;;`,
        ].join("\r\n"),
      );
      const started = await upload(admin, "comptes.csv", file);
      assert.equal(started.status, 202, JSON.stringify(started.body));
      const done = await settled(admin, started.body.id);
      assert.equal(done.statut, "analyse");
      const problems = done.rapport.problemes.map((p: { ligne: number; colonne: string }) => `${p.ligne}:${p.colonne}`);
      assert.ok(problems.includes("3:Adresse électronique"), problems.join(" "));
      assert.ok(problems.includes("3:Prénom et nom"), problems.join(" "));
      assert.ok(problems.includes("4:Rôle"), problems.join(" "));
      assert.ok(problems.includes("5:Sigle de la direction"), problems.join(" "));
      assert.ok(problems.includes("6:Sigle de la direction"), problems.join(" "));
      assert.ok(problems.includes("7:Adresse électronique"), `duplicate of row 2 in the file: ${problems.join(" ")}`);
      assert.equal(done.rapport.ecriturePossible, false);
      const refused = await admin.request("POST", `/api/imports/${done.id}/confirmation`, { empreinte: done.rapport.empreinte });
      assert.equal(refused.status, 409);
      const [count] = await selectRows<{ n: number }>(
        kit.database.db,
        sql`select count(*)::int as n from utilisateurs where email like '%@valdemarne.fr'`,
      );
      assert.equal(count?.n, 0, "nothing was written");
    });

    it("imports a clean file after confirmation, in one transaction, with one audit event", async () => {
      const rows = Array.from({ length: 30 }, (_, i) => `agent.${i}@valdemarne.fr;Agent Numéro ${i};acheteur;${sigle};`);
      const started = await upload(admin, "comptes.csv", Buffer.from([CSV_HEADER, ...rows].join("\n")));
      const analysed = await settled(admin, started.body.id);
      assert.equal(analysed.statut, "analyse");
      assert.equal(analysed.rapport.valides, 30);
      assert.equal(analysed.rapport.ecriturePossible, true);
      const wrong = await admin.request("POST", `/api/imports/${analysed.id}/confirmation`, { empreinte: "0".repeat(64) });
      assert.equal(wrong.status, 409);
      const confirmed = await admin.request("POST", `/api/imports/${analysed.id}/confirmation`, { empreinte: analysed.rapport.empreinte });
      assert.equal(confirmed.status, 202);
      const again = await admin.request("POST", `/api/imports/${analysed.id}/confirmation`, { empreinte: analysed.rapport.empreinte });
      assert.equal(again.status, 409, "a second confirmation starts nothing");
      const done = await settled(admin, analysed.id);
      assert.equal(done.statut, "termine", JSON.stringify(done));
      assert.equal(done.rapport.ecrites, 30);
      const [count] = await selectRows<{ n: number }>(
        kit.database.db,
        sql`select count(*)::int as n from utilisateurs where email like 'agent.%@valdemarne.fr'`,
      );
      assert.equal(count?.n, 30);
      const events = await selectRows<{ type: string }>(kit.database.db, sql`select type from audit_events where type = 'users.imported'`);
      assert.equal(events.length, 1);
    });

    it("refuses an unreadable file in French, and an import type or a role it may not use", async () => {
      const started = await upload(admin, "comptes.xlsx", Buffer.from("ceci n'est pas un classeur"));
      const done = await settled(admin, started.body.id);
      assert.equal(done.statut, "echec");
      assert.match(done.erreur, /[a-zé]/);
      assert.equal((await upload(admin, "comptes.pdf", Buffer.from("x"))).status, 400);
      assert.equal((await upload(admin, "comptes.csv", Buffer.alloc(0))).status, 400);
      assert.equal((await admin.request("GET", "/api/imports/inconnu/modele")).status, 404);
      const reader = await kit.as("lecteur");
      assert.equal((await upload(reader, "comptes.csv", Buffer.from(CSV_HEADER))).status, 403);
      assert.equal((await reader.request("GET", `/api/imports/${started.body.id}`)).status, 403);
    });

    it("exports the accounts it may see to XLSX and CSV, with French headers and formulas neutralised", async () => {
      await admin.request("POST", "/api/utilisateurs", {
        email: "formule@valdemarne.fr",
        nomAffiche: "=HYPERLINK(1)",
        role: "lecteur",
        directionId: null,
        serviceId: null,
        motDePasse: null,
      });
      const csv = await admin.request("GET", "/api/utilisateurs/export?format=csv");
      assert.equal(csv.status, 200);
      assert.match(String(csv.body), /^\uFEFF?Adresse électronique;/);
      assert.match(String(csv.body), /'=HYPERLINK/);
      assert.doesNotMatch(String(csv.body), /;=HYPERLINK/);
      const buyer = await kit.as("acheteur");
      const mine = await buyer.request("GET", "/api/utilisateurs/export?format=csv");
      const lines = String(mine.body).trim().split(/\r?\n/).length - 1;
      const visible = await buyer.request("GET", "/api/utilisateurs?parPage=200");
      assert.equal(lines, visible.body.total, "the export holds what the list shows, no more");
    });
  });
}
