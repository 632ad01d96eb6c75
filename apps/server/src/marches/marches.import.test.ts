import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { selectRows, sql } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import { systemActor } from "@achat-public/domain";
import { analyse, write } from "../platform/imports";
import { apiTest, type ApiTest, type TestClient } from "../testing/harness";
import { csvFournisseurs, csvMarches, ENTETES_MARCHES, ligneMarche, siretNumero } from "../testing/marches-tableur";
import { importMarches } from "./marches.import";

async function upload(client: TestClient, type: string, nomFichier: string, contenu: string) {
  return client.request("POST", `/api/imports/${type}?nomFichier=${encodeURIComponent(nomFichier)}`, undefined, {
    rawBody: contenu,
    headers: { "content-type": "application/octet-stream" },
  });
}

async function settled(client: TestClient, id: string) {
  for (let i = 0; i < 600; i++) {
    const response = await client.request("GET", `/api/imports/${id}`);
    if (response.body.statut !== "en-analyse" && response.body.statut !== "en-ecriture") return response.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("import jamais terminé");
}

const compte = async (t: ApiTest, requete: ReturnType<typeof sql>) => (await selectRows<{ n: number }>(t.database.db, requete))[0]?.n;

const FOURNISSEURS = 40;
const MARCHES = 200;

for (const target of testTargets()) {
  describe(`import des fournisseurs et des marchés (${target.name})`, () => {
    let t: ApiTest;
    let central: TestClient;
    let sigle: string;

    before(async () => {
      t = await apiTest(target, { jobs: { workers: true, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 } });
      central = await t.as("acheteur-central");
      sigle =
        (await selectRows<{ sigle: string }>(t.database.db, sql`select sigle from directions where id = ${t.directionId}`))[0]?.sigle ?? "";
    });
    after(() => t.close());

    it("serves both templates (XLSX and CSV) with the expected headers", async () => {
      const f = await central.request("GET", "/api/imports/fournisseurs/modele?format=csv");
      assert.equal(f.status, 200);
      assert.match(String(f.body), /SIRET;Raison sociale;Adresse;Code commune INSEE;Catégorie d'entreprise;Statut inclusif/);
      const m = await central.request("GET", "/api/imports/marches/modele?format=csv");
      assert.equal(m.status, 200);
      assert.ok(String(m.body).includes(ENTETES_MARCHES.split(";").slice(0, 6).join(";")), String(m.body).slice(0, 300));
      const x = await central.request("GET", "/api/imports/marches/modele?format=xlsx");
      assert.equal(x.status, 200);
    });

    it("reports a bad SIRET, a twice-listed SIRET and an unknown category by row and column, and writes nothing", async () => {
      const lignes = csvFournisseurs(3).split("\r\n");
      lignes.push(
        `12345678901234;Clé fausse;;;pme;`,
        `${siretNumero(1)};Doublon;;;pme;`,
        `${siretNumero(99)};Catégorie inconnue;;;moyenne;`,
      );
      const done = await settled(central, (await upload(central, "fournisseurs", "f.csv", lignes.join("\n"))).body.id);
      assert.equal(done.statut, "analyse", JSON.stringify(done));
      const problemes = done.rapport.problemes.map((p: { ligne: number; colonne: string; message: string }) => `${p.ligne}:${p.colonne}`);
      assert.deepEqual(problemes, ["5:SIRET", "6:SIRET", "7:Catégorie d'entreprise"]);
      assert.match(done.rapport.problemes[0].message, /clé de contrôle/);
      assert.match(done.rapport.problemes[1].message, /déjà à la ligne 3/);
      assert.equal(done.rapport.ecriturePossible, false);
      assert.equal(await compte(t, sql`select count(*)::int as n from fournisseurs`), 0);
    });

    it("imports the supplier directory, then updates a known SIRET instead of duplicating it", async () => {
      const analysed = await settled(central, (await upload(central, "fournisseurs", "f.csv", csvFournisseurs(FOURNISSEURS))).body.id);
      assert.equal(analysed.rapport.valides, FOURNISSEURS, JSON.stringify(analysed.rapport.problemes));
      const ok = await central.request("POST", `/api/imports/${analysed.id}/confirmation`, { empreinte: analysed.rapport.empreinte });
      assert.equal(ok.status, 202, JSON.stringify(ok.body));
      const done = await settled(central, analysed.id);
      assert.equal(done.statut, "termine", JSON.stringify(done));
      const [f] = await selectRows<{ categorie: string; departement: string; statut_inclusif: string }>(
        t.database.db,
        sql`select categorie, departement, statut_inclusif from fournisseurs where siret = ${siretNumero(0)}`,
      );
      assert.deepEqual(f, { categorie: "micro", departement: "94", statut_inclusif: "esat" });
      const maj = `${csvFournisseurs(0)}\r\n${siretNumero(0)};Nouveau nom;;94028;ge;`;
      const again = await settled(central, (await upload(central, "fournisseurs", "maj.csv", maj)).body.id);
      const ok2 = await central.request("POST", `/api/imports/${again.id}/confirmation`, { empreinte: again.rapport.empreinte });
      assert.equal(ok2.status, 202, JSON.stringify(again.rapport));
      assert.equal((await settled(central, again.id)).statut, "termine");
      assert.equal(await compte(t, sql`select count(*)::int as n from fournisseurs`), FOURNISSEURS);
      const [nom] = await selectRows<{ nom: string }>(t.database.db, sql`select nom from fournisseurs where siret = ${siretNumero(0)}`);
      assert.equal(nom?.nom, "Nouveau nom");
    });

    it(`refuses a ${MARCHES}-row contract file whose last row is bad (per-cell report), and writes nothing`, async () => {
      const lignes = csvMarches(MARCHES, sigle, FOURNISSEURS).split("\r\n");
      const derniere = ligneMarche(MARCHES, sigle, FOURNISSEURS).split(";");
      derniere[25] = siretNumero(5000); // valid SIRET, not in the directory, no name
      derniere[8] = ""; // firm contract without its amount (i = 300 is a framework: make it a firm one)
      derniere[7] = "non";
      derniere[10] = "";
      lignes.push(derniere.join(";"));
      const done = await settled(central, (await upload(central, "marches", "m.csv", lignes.join("\r\n"))).body.id);
      assert.equal(done.statut, "analyse", JSON.stringify(done));
      assert.equal(done.rapport.total, MARCHES + 1);
      assert.equal(done.rapport.valides, MARCHES);
      const ligne = MARCHES + 2;
      const problemes = done.rapport.problemes.map((p: { ligne: number; colonne: string }) => `${p.ligne}:${p.colonne}`);
      assert.ok(problemes.includes(`${ligne}:SIRET du titulaire (ou du mandataire)`), problemes.join(" "));
      assert.ok(problemes.includes(`${ligne}:Montant (€ HT)`), problemes.join(" "));
      assert.ok(
        problemes.every((p: string) => p.startsWith(`${ligne}:`)),
        `only the last row is in error: ${problemes.join(" ")}`,
      );
      assert.equal(done.rapport.ecriturePossible, false);
      const refused = await central.request("POST", `/api/imports/${done.id}/confirmation`, { empreinte: done.rapport.empreinte });
      assert.equal(refused.status, 409);
      assert.equal(await compte(t, sql`select count(*)::int as n from marches`), 0);

      // the SIRET fixed, the amount missing: the domain's refusal names the amount's column
      derniere[25] = siretNumero(1);
      const again = await settled(
        central,
        (await upload(central, "marches", "m.csv", `${ENTETES_MARCHES}\r\n${derniere.join(";")}`)).body.id,
      );
      assert.deepEqual(
        again.rapport.problemes.map((p: { ligne: number; colonne: string }) => `${p.ligne}:${p.colonne}`),
        ["2:Montant (€ HT)"],
      );
    });

    it("writes nothing when a row is refused at write time (a contract number taken since the analysis)", async () => {
      const contenu = Buffer.from(csvMarches(20, sigle, FOURNISSEURS));
      const actor = systemActor("test");
      const analysis = await analyse(t.ctx, importMarches, { contenu, format: "csv", actor, organisationId: t.organisationId }, () => {});
      assert.equal(analysis.rapport.ecriturePossible, true, JSON.stringify(analysis.rapport.problemes));
      // meanwhile, someone enters the last row's contract by hand
      const dernier = await analyse(
        t.ctx,
        importMarches,
        {
          contenu: Buffer.from(
            csvMarches(20, sigle, FOURNISSEURS)
              .split("\r\n")
              .filter((_, i) => i === 0 || i === 20)
              .join("\r\n"),
          ),
          format: "csv",
          actor,
          organisationId: t.organisationId,
        },
        () => {},
      );
      await write(
        t.ctx,
        importMarches,
        { analysis: dernier, actor, organisationId: t.organisationId, nomFichier: "un.csv", importId: null },
        () => {},
      );
      assert.equal(await compte(t, sql`select count(*)::int as n from marches`), 1);
      await assert.rejects(
        write(t.ctx, importMarches, { analysis, actor, organisationId: t.organisationId, nomFichier: "m.csv", importId: null }, () => {}),
        (e: Error) => /Ligne 21 refusée.*Rien n'a été importé/su.test(e.message),
      );
      assert.equal(await compte(t, sql`select count(*)::int as n from marches`), 1, "the 19 other rows were rolled back");
      await t.database.db.execute(sql`delete from marche_titulaires`);
      await t.database.db.execute(sql`delete from marches`);
    });

    it(`imports ${MARCHES} contracts with their holders by SIRET in one transaction, progress reported, one audit event`, async () => {
      const analysed = await settled(
        central,
        (await upload(central, "marches", "m.csv", csvMarches(MARCHES, sigle, FOURNISSEURS))).body.id,
      );
      assert.equal(analysed.rapport.valides, MARCHES, JSON.stringify(analysed.rapport.problemes.slice(0, 5)));
      assert.equal(analysed.progression, 1);
      const confirmed = await central.request("POST", `/api/imports/${analysed.id}/confirmation`, {
        empreinte: analysed.rapport.empreinte,
      });
      assert.equal(confirmed.status, 202);
      const done = await settled(central, analysed.id);
      assert.equal(done.statut, "termine", JSON.stringify(done));
      assert.equal(done.rapport.ecrites, MARCHES);
      assert.equal(await compte(t, sql`select count(*)::int as n from marches`), MARCHES);
      const groupements = MARCHES / 7;
      assert.equal(
        await compte(t, sql`select count(*)::int as n from marche_titulaires where role = 'cotraitant'`),
        2 * Math.ceil(groupements),
      );
      const [accord] = await selectRows<{ accord_cadre: boolean; montant_max_ht_cents: number; taux_avance_points_de_base: number }>(
        t.database.db,
        sql`select accord_cadre, montant_max_ht_cents::int as montant_max_ht_cents, taux_avance_points_de_base from marches where numero = 'IMP-000000'`,
      );
      assert.deepEqual(accord, { accord_cadre: true, montant_max_ht_cents: 1_000_000_000, taux_avance_points_de_base: 500 });
      assert.equal(
        await compte(
          t,
          sql`select count(*)::int as n from audit_events where type = 'marches.imported' and payload->>'lignes' = ${String(MARCHES)}`,
        ),
        1,
      );
      const liste = await central.request("GET", "/api/marches?recherche=importé&parPage=10");
      assert.equal(liste.body.total, MARCHES);
    });
  });
}
