import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { rawSql } from "@achat-public/db";
import { insertDirection, testTargets } from "@achat-public/db/testing";
import { controlerPublication } from "@achat-public/domain/publication";
import { validSiret } from "@achat-public/domain/testing";
import { sourceDe } from "../publication/publication.service";
import { apiTest, type ApiTest } from "../testing/harness";
import { cliEnProcessus } from "../testing/cli";

/**
 * Four contracts whose figures are computed by hand below: three notified in 2026 (two in the first direction,
 * one framework in the second), one in 2025 (outside the year), two invoices (one paid in 20 days, one in 45).
 */
async function portefeuille(t: ApiTest, direction2: string) {
  const sql = (text: string, values: unknown[] = []) => t.database.db.execute(rawSql(text, values));
  const org = t.organisationId;
  const f = [
    ["00000000-0000-4000-b000-000000000001", validSiret(11), "Menuiserie de Créteil", "94028", "94", "pme"],
    ["00000000-0000-4000-b000-000000000002", validSiret(12), "Grand Groupe", "92050", "92", "ge"],
    ["00000000-0000-4000-b000-000000000003", validSiret(13), "Atelier parisien", "75056", "75", "micro"],
  ] as const;
  for (const [id, siret, nom, commune, dep, cat] of f) {
    await sql(
      `INSERT INTO fournisseurs (id, organisation_id, siret, siren, nom, code_commune, departement, categorie)
       VALUES ($1, $2, $3, left($3, 9), $4, $5, $6, $7)`,
      [id, org, siret, nom, commune, dep, cat],
    );
  }
  const marche = async (m: {
    id: string;
    numero: string;
    direction: string;
    montant: number | null;
    max?: number;
    notif: string;
    lancement?: string;
    offres: number;
    social?: boolean;
    env?: boolean;
    reserve?: boolean;
    heures?: number;
    fournisseur: string;
  }) => {
    await sql(
      `INSERT INTO marches (id, organisation_id, direction_id, numero, objet, procedure, nature, cpv, forme_prix, accord_cadre,
         montant_ht_cents, montant_max_ht_cents, date_notification, date_debut, duree_mois, date_fin, date_fin_max, ccag,
         clause_sociale, heures_insertion_prevues, clause_environnementale, marche_reserve, date_lancement, nombre_offres)
       VALUES ($1, $2, $3, $4, 'Objet ' || $4, 'Procédure adaptée', 'services', '90911200-8', 'forfaitaire', $5, $6, $7,
         $8::date, $8::date, 12, $8::date + 364, $8::date + 364, 'fcs', $9, $10, $11, $12, $13::date, $14)`,
      [
        m.id,
        org,
        m.direction,
        m.numero,
        m.max !== undefined,
        m.montant,
        m.max ?? null,
        m.notif,
        m.social ?? false,
        m.heures ?? null,
        m.env ?? false,
        m.reserve ?? false,
        m.lancement ?? null,
        m.offres,
      ],
    );
    await sql("INSERT INTO marche_titulaires (marche_id, fournisseur_id, role, rang) VALUES ($1, $2, 'titulaire', 1)", [
      m.id,
      m.fournisseur,
    ]);
  };
  const [f1, f2, f3] = f.map((x) => x[0]) as [string, string, string];
  await marche({
    id: "00000000-0000-4000-c000-000000000001",
    numero: "2026-A",
    direction: t.directionId,
    montant: 3_000_000,
    notif: "2026-03-10",
    lancement: "2026-01-10",
    offres: 1,
    social: true,
    heures: 100,
    fournisseur: f1,
  });
  await marche({
    id: "00000000-0000-4000-c000-000000000002",
    numero: "2026-B",
    direction: t.directionId,
    montant: 12_000_000,
    notif: "2026-05-01",
    offres: 4,
    env: true,
    fournisseur: f2,
  });
  await marche({
    id: "00000000-0000-4000-c000-000000000003",
    numero: "2026-C",
    direction: direction2,
    montant: null,
    max: 50_000_000,
    notif: "2026-06-15",
    offres: 2,
    reserve: true,
    fournisseur: f3,
  });
  await marche({
    id: "00000000-0000-4000-c000-000000000004",
    numero: "2025-D",
    direction: direction2,
    montant: 8_000_000,
    notif: "2025-06-15",
    offres: 3,
    fournisseur: f2,
  });
  const facture = (id: string, marcheId: string, recu: string, paye: string, echeance: string, interets: number, indemnite: number) =>
    sql(
      `INSERT INTO marche_factures (id, marche_id, numero, montant_ttc_cents, date_reception, date_paiement, date_echeance,
         delai_paiement_jours, interets_moratoires_cents, indemnite_forfaitaire_cents)
       VALUES ($1, $2, $1, 120000, $3::date, $4::date, $5::date, $4::date - $3::date, $6, $7)`,
      [id, marcheId, recu, paye, echeance, interets, indemnite],
    );
  await facture(
    "00000000-0000-4000-d000-000000000001",
    "00000000-0000-4000-c000-000000000001",
    "2026-04-01",
    "2026-04-21",
    "2026-05-01",
    0,
    0,
  );
  await facture(
    "00000000-0000-4000-d000-000000000002",
    "00000000-0000-4000-c000-000000000002",
    "2026-06-01",
    "2026-07-16",
    "2026-07-01",
    1234,
    4000,
  );
  await sql(
    `INSERT INTO marche_heures_insertion (id, marche_id, periode_debut, periode_fin, heures)
     VALUES ('00000000-0000-4000-e000-000000000001', '00000000-0000-4000-c000-000000000001', '2026-04-01', '2026-06-30', 40)`,
  );
}

const proche = (a: number | null | undefined, b: number) =>
  assert.ok(a !== null && a !== undefined && Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);

for (const target of testTargets()) {
  describe(`pilotage : indicateurs et rapport du SPASER [${target.name}]`, () => {
    let t: ApiTest;
    let direction2: string;
    let dossier: string;

    before(async () => {
      t = await apiTest(target);
      direction2 = (await insertDirection(t.database.db, { organisationId: t.organisationId, nom: "Direction des routes", sigle: "DR" }))
        .id;
      await portefeuille(t, direction2);
      dossier = mkdtempSync(join(tmpdir(), "achat-pilotage-"));
    });
    after(async () => {
      await t.close();
      rmSync(dossier, { recursive: true, force: true });
    });

    it("computes every figure of the year from the contracts, as counted by hand", async () => {
      const lecteur = await t.as("lecteur");
      const r = await lecteur.request("GET", "/api/indicateurs?annee=2026");
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const i = r.body.indicateurs;
      assert.equal(i.nombreMarchesNotifies.valeur, 3);
      assert.equal(i.montantNotifieHt.valeur, 650_000);
      proche(i.partPmeNombre.valeur, 2 / 3);
      proche(i.partPmeMontant.valeur, 530_000 / 650_000);
      proche(i.partLocaleNombre.valeur, 1 / 3);
      proche(i.partLocaleMontant.valeur, 30_000 / 650_000);
      proche(i.nombreMoyenOffresParLot.valeur, 7 / 3);
      proche(i.tauxOffreUnique.valeur, 1 / 3);
      proche(i.delaiMoyenPaiementJours.valeur, 32.5);
      proche(i.partPaiementsDansLesDelais.valeur, 0.5);
      proche(i.interetsMoratoiresDus.valeur, 52.34);
      proche(i.partConsiderationSociale.valeur, 2 / 3);
      proche(i.partConsiderationEnvironnementale.valeur, 1 / 3);
      proche(i.partMarchesReserves.valeur, 1 / 3);
      assert.equal(i.heuresInsertionPrevues.valeur, 100);
      assert.equal(i.heuresInsertionRealisees.valeur, 40);
      proche(i.delaiMoyenPassationJours.valeur, 59);
      assert.equal(i.tauxInfructueux.valeur, null, "no lot launched through the platform: not computable, never 0");
      assert.match(i.partPmeNombre.definition, /moyenne entreprise/);
      assert.match(i.partPmeNombre.formule, /÷/);
    });

    it("with montantMinHt=40000, counts exactly the contracts the DECP export publishes", async () => {
      const lecteur = await t.as("lecteur");
      const r = await lecteur.request("GET", "/api/indicateurs?annee=2026&montantMinHt=40000");
      assert.equal(r.status, 200);
      const source = sourceDe(t.ctx);
      const marches = [];
      for await (const m of source.marches(t.organisationId)) if (m.dateNotification.startsWith("2026")) marches.push(m);
      const controle = controlerPublication(marches, "2026-12-31");
      const populationDecp = controle.total - controle.horsPerimetre.length;
      assert.equal(r.body.indicateurs.nombreMarchesNotifies.valeur, populationDecp);
      assert.equal(populationDecp, 2);
    });

    it("gives a direction buyer its own direction only, and refuses another one", async () => {
      const acheteur = await t.as("acheteur");
      const r = await acheteur.request("GET", "/api/indicateurs?annee=2026");
      assert.equal(r.body.indicateurs.nombreMarchesNotifies.valeur, 2);
      const autre = await acheteur.request("GET", `/api/indicateurs?annee=2026&direction=${direction2}`);
      assert.equal(autre.status, 403);
      const entreprise = await t.as("entreprise");
      assert.equal((await entreprise.request("GET", "/api/indicateurs?annee=2026")).status, 403);
    });

    it("splits by direction and by month, and lists the contracts behind a figure", async () => {
      const central = await t.as("acheteur-central");
      const parDirection = await central.request("GET", "/api/indicateurs/repartition?annee=2026&axe=direction");
      assert.equal(parDirection.status, 200);
      const dr = parDirection.body.series.find((s: { cle: string }) => s.cle === direction2);
      assert.equal(dr.indicateurs.nombreMarchesNotifies.valeur, 1);
      const parMois = await central.request("GET", "/api/indicateurs/repartition?annee=2026&axe=mois");
      assert.equal(parMois.body.series.length, 12);
      assert.equal(parMois.body.series[2].libelle, "mars");
      const csv = await central.request("GET", "/api/indicateurs/repartition/export?annee=2026&axe=direction&format=csv");
      assert.equal(csv.status, 200);
      const lignes = String(csv.body).trim().split(/\r?\n/);
      assert.equal(lignes.length, parDirection.body.series.length + 1, "one row per direction of the chart, and the header");
      assert.match(lignes[0] ?? "", /^Catégorie;Marchés notifiés;/);
      assert.ok(
        lignes.some((l) => new RegExp(`^${dr.libelle};1;500\\s000\\s€;`).test(l)),
        lignes.join("\n"),
      );
      const xlsx = await central.request("GET", "/api/indicateurs/repartition/export?annee=2026&axe=mois");
      assert.equal(xlsx.status, 200);
      const mauvais = await central.request("GET", "/api/indicateurs/repartition/export?annee=2026&axe=semaine&format=csv");
      assert.equal(mauvais.status, 400);
      const derriere = await central.request("GET", "/api/indicateurs/marches?annee=2026&indicateur=partPmeNombre");
      assert.equal(derriere.status, 200);
      assert.deepEqual(derriere.body.marches.map((m: { numero: string }) => m.numero).sort(), ["2026-A", "2026-C"]);
      const bad = await central.request("GET", "/api/indicateurs/marches?annee=2026&indicateur=inconnu");
      assert.equal(bad.status, 400);
      assert.equal(bad.body.issues[0].path.at(-1), "indicateur");
    });

    it("sets SPASER targets (central buyer only), shows them against the values, exports the table", async () => {
      const central = await t.as("acheteur-central");
      const put = await central.request("PUT", "/api/indicateurs/cibles", {
        indicateur: "partConsiderationSociale",
        annee: 2026,
        valeur: 0.3,
      });
      assert.equal(put.status, 204);
      const hors = await central.request("PUT", "/api/indicateurs/cibles", { indicateur: "partPmeNombre", annee: 2026, valeur: 30 });
      assert.equal(hors.status, 400);
      assert.equal(hors.body.issues[0].path[0], "valeur");
      const acheteur = await t.as("acheteur");
      assert.equal(
        (await acheteur.request("PUT", "/api/indicateurs/cibles", { indicateur: "partPmeNombre", annee: 2026, valeur: 0.5 })).status,
        403,
      );
      const r = await central.request("GET", "/api/indicateurs?annee=2026");
      assert.equal(r.body.indicateurs.partConsiderationSociale.cible, 0.3);
      assert.equal(r.body.indicateurs.partConsiderationSociale.etatCible, "atteinte");
      const csv = await central.request("GET", "/api/indicateurs/export?annee=2026&format=csv");
      assert.equal(csv.status, 200);
      assert.match(String(csv.body), /Marchés avec une considération sociale;66,7/);
    });

    it("writes the same SPASER report twice for a closed year (CLI, PDF and HTML), and `indicateurs --json` prints the API's JSON", async () => {
      const run = async (argv: string[]) => {
        const r = await cliEnProcessus(argv, { context: async () => t.ctx, cwd: dossier });
        return { code: r.code, out: r.stdout, err: r.stderr };
      };
      const json = await run(["indicateurs", "--annee", "2026", "--montant-min-ht", "40000", "--json"]);
      assert.equal(json.code, 0, json.err);
      // the CLI reads the platform's first organisation (the département), as the API reads the caller's
      const imprime = JSON.parse(json.out);
      const lecteur = await t.as("lecteur");
      const api = await lecteur.request("GET", "/api/indicateurs?annee=2026&montantMinHt=40000");
      assert.deepEqual(Object.keys(imprime.indicateurs), Object.keys(api.body.indicateurs));
      assert.equal(typeof imprime.indicateurs.nombreMarchesNotifies.valeur, "number");
      for (const f of ["a.pdf", "b.pdf", "a.html", "b.html"]) {
        const r = await run(["spaser", "rapport", "--annee", "2026", "--sortie", f]);
        assert.equal(r.code, 0, r.err);
      }
      assert.ok(readFileSync(join(dossier, "a.pdf")).subarray(0, 5).toString() === "%PDF-");
      assert.deepEqual(readFileSync(join(dossier, "a.pdf")), readFileSync(join(dossier, "b.pdf")));
      const html = readFileSync(join(dossier, "a.html"), "utf8");
      assert.equal(html, readFileSync(join(dossier, "b.html"), "utf8"));
      assert.match(html, /<html lang="fr">/);
      assert.match(html, /<th scope="row">Marchés avec une considération sociale<\/th><td>/);
    });
  });
}
