import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { selectRows, sql } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import { addDays } from "@achat-public/domain/valeurs";
import { aujourdhuiParis } from "../marches/aujourdhui";
import { apiTest, type ApiTest, type TestClient } from "../testing/harness";
import { CACHE_CONTROL_LISTES, listesTouchees } from "./listes-publiques";

/** Polls until `condition` holds (the outbox job runs after commit, within a polling interval). */
async function attendre(condition: () => Promise<boolean>, message: string, delaiMs = 20_000): Promise<void> {
  const fin = Date.now() + delaiMs;
  while (Date.now() < fin) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(message);
}

for (const target of testTargets()) {
  describe(`listes publiques en cache, invalidées par la boîte d'envoi (${target.name})`, () => {
    let kit: ApiTest;
    let acheteur: TestClient;
    let central: TestClient;
    let anonyme: TestClient;
    const jour = aujourdhuiParis(new Date());
    const annee = Number(jour.slice(0, 4)) + 1;

    before(async () => {
      kit = await apiTest(target, { jobs: { workers: true, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 } });
      acheteur = await kit.as("acheteur");
      central = await kit.as("acheteur-central");
      anonyme = kit.anonymous();
      const admin = await kit.as("admin");
      const famille = await admin.request("POST", "/api/programme/familles", {
        code: "f-info",
        libelle: "Matériel informatique",
        nature: "fournitures",
        prefixesCpv: ["302"],
      });
      assert.equal(famille.status, 201, JSON.stringify(famille.body));
    });
    after(() => kit.close());

    it("maps the audited changes to the lists they affect", () => {
      assert.deepEqual(listesTouchees("procedure.published"), ["consultations", "accueil"]);
      assert.deepEqual(listesTouchees("procedure.offre-saisie"), []);
      assert.deepEqual(listesTouchees("ligne-programme.published"), ["programme", "accueil"]);
      assert.deepEqual(listesTouchees("direction.updated"), ["consultations", "programme", "accueil"]);
      assert.deepEqual(listesTouchees("marche.created"), ["accueil"]);
      assert.deepEqual(listesTouchees("decp.published"), ["accueil"]);
      assert.deepEqual(listesTouchees("salon.updated"), ["accueil"]);
      assert.deepEqual(listesTouchees("marche.facture-added"), [], "an invoice does not show on the home");
      assert.deepEqual(listesTouchees("salon.registered"), []);
    });

    it("sends ETag and Cache-Control, answers 304 on If-None-Match, and the new list once a consultation is published", async () => {
      const premiere = await anonyme.request("GET", "/api/public/consultations");
      assert.equal(premiere.status, 200);
      assert.deepEqual(premiere.body.consultations, []);
      const etag = String(premiere.headers.etag);
      assert.match(etag, /^"consultations-\d+-/);
      assert.equal(premiere.headers["cache-control"], CACHE_CONTROL_LISTES);
      const encore = await anonyme.request("GET", "/api/public/consultations");
      assert.equal(encore.headers.etag, etag, "served from the cache: same ETag");
      assert.deepEqual(encore.body, premiere.body);
      const nonModifiee = await anonyme.request("GET", "/api/public/consultations", undefined, { headers: { "if-none-match": etag } });
      assert.equal(nonModifiee.status, 304);
      assert.equal(nonModifiee.headers.etag, etag);

      const c = await acheteur.request("POST", "/api/procedures", {
        annee: Number(jour.slice(0, 4)),
        motifHorsProgramme: "Besoin apparu en cours d'année, non programmé.",
        objet: "Entretien des toitures végétalisées",
        nature: "services",
        procedure: "Procédure adaptée",
        criteres: [
          { libelle: "Prix", poids: 60, prix: true },
          { libelle: "Performance environnementale", poids: 40, environnemental: true },
        ],
        conditionExecutionSociale: false,
        conditionExecutionEnvironnementale: true,
        urlProfilAcheteur: "https://marches.example.fr/consultation/77",
        dureeMois: 12,
        dateLimiteReception: addDays(jour, 45),
        lots: [{ objet: "Lot unique", cpv: "77310000-6", valeurEstimeeHt: 60000 }],
      });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      const p = await acheteur.request("POST", `/api/procedures/${c.body.id}/publier`, { version: c.body.version, datePublication: jour });
      assert.equal(p.status, 200, JSON.stringify(p.body));

      await attendre(async () => {
        const r = await anonyme.request("GET", "/api/public/consultations", undefined, { headers: { "if-none-match": etag } });
        return r.status === 200 && r.body.consultations.some((x: { objet: string }) => x.objet === "Entretien des toitures végétalisées");
      }, "la consultation publiée n'apparaît pas dans la liste publique");
      const [v] = await selectRows<{ version: number }>(
        kit.database.db,
        sql`select version::int as version from listes_publiques_versions where liste = 'consultations'`,
      );
      assert.ok((v?.version ?? 0) >= 2, "the outbox job bumped the version");
      const apres = await anonyme.request("GET", "/api/public/consultations");
      assert.notEqual(apres.headers.etag, etag);
      assert.equal(apres.body.consultations.length, 1);
    });

    it("shows a programme line once published, through the outbox, never the stale cached body", async () => {
      const url = `/api/public/programme?annee=${annee}`;
      const avant = await anonyme.request("GET", url);
      assert.equal(avant.status, 200);
      assert.equal(avant.body.total, 0);
      const etag = String(avant.headers.etag);
      assert.equal((await anonyme.request("GET", url, undefined, { headers: { "if-none-match": etag } })).status, 304);
      const accueil = "/api/public/entreprises/accueil";
      const accueilAvant = await anonyme.request("GET", accueil);
      assert.equal(accueilAvant.status, 200);
      assert.deepEqual(accueilAvant.body.aVenir, []);
      const etagAccueil = String(accueilAvant.headers.etag);
      assert.match(etagAccueil, /^"accueil-\d+-/);
      assert.equal((await anonyme.request("GET", accueil, undefined, { headers: { "if-none-match": etagAccueil } })).status, 304);
      const a = await acheteur.request("POST", "/api/programme/lignes", {
        annee,
        directionId: kit.directionId,
        objet: "Ordinateurs portables des collèges",
        nature: "fournitures",
        cpv: "30213100-6",
        valeurEstimeeHt: 35000,
        trimestre: 2,
        dureeMois: 12,
        renouvellement: false,
      });
      assert.equal(a.status, 201, JSON.stringify(a.body));
      let l = (await acheteur.request("POST", `/api/programme/lignes/${a.body.id}/soumettre`, { version: a.body.version })).body;
      l = (await central.request("POST", `/api/programme/lignes/${l.id}/valider`, { version: l.version })).body;
      // not yet published: still 304 once the jobs of these changes have run
      const pub = await central.request("POST", `/api/programme/lignes/${l.id}/publier`, { version: l.version });
      assert.equal(pub.status, 200, JSON.stringify(pub.body));
      await attendre(async () => (await anonyme.request("GET", url)).body.total === 1, "la ligne publiée n'apparaît pas");
      const apres = await anonyme.request("GET", url, undefined, { headers: { "if-none-match": etag } });
      assert.equal(apres.status, 200);
      assert.equal(apres.body.lignes[0].objet, "Ordinateurs portables des collèges");
      // the companies' home shows it among the upcoming purchases, never the stale cached body
      await attendre(
        async () =>
          (await anonyme.request("GET", accueil)).body.aVenir.some(
            (l: { objet: string }) => l.objet === "Ordinateurs portables des collèges",
          ),
        "la ligne publiée n'apparaît pas dans l'accueil des entreprises",
      );
      assert.equal((await anonyme.request("GET", accueil, undefined, { headers: { "if-none-match": etagAccueil } })).status, 200);
    });

    it("refuses a bad query with a 400 naming it, never cached", async () => {
      const r = await anonyme.request("GET", "/api/public/programme?annee=deux");
      assert.equal(r.status, 400);
      assert.equal(r.headers.etag, undefined);
    });
  });
}
