import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { testTargets } from "@achat-public/db/testing";
import { apiTest, type ApiTest, type TestClient } from "../testing/harness";

const FIXTURES = fileURLToPath(new URL("../../../../fixtures/decp/", import.meta.url));

async function envoyer(client: TestClient, nom: string, contenu: Buffer) {
  return client.request("POST", `/api/decp/imports?nomFichier=${encodeURIComponent(nom)}`, undefined, {
    rawBody: contenu as unknown as string,
    headers: { "content-type": "application/octet-stream" },
  });
}

for (const target of testTargets()) {
  describe(`données ouvertes : import, recherche publique, sourcing, pairs (${target.name})`, () => {
    let kit: ApiTest;
    let admin: TestClient;
    let acheteur: TestClient;

    before(async () => {
      kit = await apiTest(target);
      admin = await kit.as("admin");
      acheteur = await kit.as("acheteur");
      for (const f of [
        "decp2019_val-de-marne.json",
        "decp_tabular_2024H2_travaux_cpv4521_200.csv",
        "decp_tabular_2024H2_val-de-marne.csv",
      ]) {
        const r = await envoyer(admin, f, readFileSync(join(FIXTURES, f)));
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.equal(r.body.importes + r.body.rejetes + r.body.doublons, r.body.total);
      }
    });
    after(() => kit.close());

    it("import from the admin page: report; a buyer may not import; a non-DECP file is a 400 naming the problem", async () => {
      const encore = await envoyer(admin, "x.csv", readFileSync(join(FIXTURES, "decp_tabular_2024H2_val-de-marne.csv")));
      assert.equal(encore.body.importes, 0);
      assert.equal(encore.body.doublons, 25);
      assert.equal((await envoyer(acheteur, "x.csv", Buffer.from("a"))).status, 403);
      const mauvais = await envoyer(admin, "x.txt", Buffer.from("bonjour"));
      assert.equal(mauvais.status, 400);
      assert.equal(mauvais.body.code, "DECP_ILLISIBLE");
    });

    it("public search without login: French full text without accents, filters, sort, server-side pages", async () => {
      const anonyme = kit.anonymous();
      const tout = await anonyme.request("GET", "/api/public/decp/marches?parPage=5");
      assert.equal(tout.status, 200);
      assert.equal(tout.body.marches.length, 5);
      assert.ok(tout.body.total > 200);
      const dates = tout.body.marches.map((m: { dateNotification: string | null }) => m.dateNotification);
      assert.deepEqual([...dates].sort().reverse(), dates);
      // « electricite » finds « électricité » (accents folded) and its French plural
      const r = await anonyme.request("GET", "/api/public/decp/marches?recherche=electricite&parPage=100");
      assert.ok(r.body.total > 0);
      for (const m of r.body.marches) assert.match(`${m.objet} ${m.titulaireNom}`, /[ée]lectri/i);
      const filtre = await anonyme.request(
        "GET",
        "/api/public/decp/marches?cpv=4521&departement=94&montantMin=10000&tri=montant-desc&parPage=100",
      );
      assert.ok(filtre.body.total > 0);
      for (const m of filtre.body.marches) {
        assert.ok(m.codeCpv.startsWith("4521"));
        assert.equal(m.departement, "94");
        assert.ok(m.montantHt >= 10000);
      }
      const montants = filtre.body.marches.map((m: { montantHt: number }) => m.montantHt);
      assert.deepEqual(
        [...montants].sort((a, b) => b - a),
        montants,
      );
      const p2 = await anonyme.request("GET", "/api/public/decp/marches?parPage=5&page=2");
      assert.notDeepEqual(p2.body.marches[0], tout.body.marches[0]);
      const acheteurId = tout.body.marches[0].acheteurId;
      const parAcheteur = await anonyme.request("GET", `/api/public/decp/marches?acheteur=${acheteurId}`);
      for (const m of parAcheteur.body.marches) assert.equal(m.acheteurId, acheteurId);
    });

    it("bad filters are a 400 naming the field as sent", async () => {
      const r = await kit.anonymous().request("GET", "/api/public/decp/marches?cpv=45x&parPage=500&du=2024-13-01");
      assert.equal(r.status, 400);
      const chemins = r.body.issues.map((i: { path: string[] }) => i.path.join("."));
      for (const c of ["cpv", "parPage", "du"])
        assert.ok(
          chemins.some((p: string) => p.endsWith(c)),
          JSON.stringify(r.body.issues),
        );
    });

    it("sourcing: companies that won similar contracts near the département, nearest first, and the usual competition", async () => {
      const r = await acheteur.request("GET", "/api/decp/sourcing?cpv=4521&departement=94&portee=france");
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.ok(r.body.entreprises.length > 0);
      const ordre = ["meme-departement", "meme-region", "autre-region"];
      const distances = r.body.entreprises.map((e: { distance: string }) => ordre.indexOf(e.distance));
      assert.deepEqual([...distances].sort(), distances);
      assert.equal(r.body.entreprises[0].distance, "meme-departement");
      assert.ok(r.body.concurrence.marchesAvecOffres > 0);
      assert.ok(r.body.concurrence.partOffreUnique >= 0 && r.body.concurrence.partOffreUnique <= 1);
      assert.match(r.body.methodeDistance, /région/);
      const region = await acheteur.request("GET", "/api/decp/sourcing?cpv=4521&departement=94&portee=region");
      assert.ok(region.body.concurrence.marches <= r.body.concurrence.marches);
      assert.equal((await kit.anonymous().request("GET", "/api/decp/sourcing?cpv=4521&departement=94")).status, 401);
    });

    it("peers: one buyer against the others", async () => {
      const r = await acheteur.request("GET", "/api/decp/pairs?acheteur=21940068600016&minimumMarches=1");
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.ok(r.body.acheteur.marches >= 60);
      assert.ok(r.body.pairs.acheteurs > 10);
      assert.equal((await acheteur.request("GET", "/api/decp/pairs?acheteur=99999999999999")).status, 404);
    });
  });
}
