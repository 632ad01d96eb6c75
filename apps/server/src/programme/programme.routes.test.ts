import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { selectRows, sql } from "@achat-public/db";
import { insertDirection, testTargets } from "@achat-public/db/testing";
import { apiTest, type ApiTest, type TestClient } from "../testing/harness";

const besoin = (directionId: string, overrides: Record<string, unknown> = {}) => ({
  annee: 2027,
  directionId,
  objet: "Ordinateurs portables des collèges",
  nature: "fournitures",
  cpv: "30213100-6",
  valeurEstimeeHt: 35000,
  trimestre: 2,
  dureeMois: 12,
  renouvellement: false,
  ...overrides,
});

for (const target of testTargets()) {
  describe(`programmation des achats (${target.name})`, () => {
    let t: ApiTest;
    let admin: TestClient;
    let central: TestClient;
    let acheteur: TestClient;
    let autreDirection: string;

    before(async () => {
      t = await apiTest(target);
      admin = await t.as("admin");
      central = await t.as("acheteur-central");
      acheteur = await t.as("acheteur");
      autreDirection = (await insertDirection(t.database.db, { organisationId: t.organisationId })).id;
      const famille = await admin.request("POST", "/api/programme/familles", {
        code: "f-info",
        libelle: "Matériel informatique",
        nature: "fournitures",
        prefixesCpv: ["302"],
      });
      assert.equal(famille.status, 201, JSON.stringify(famille.body));
      assert.equal(famille.body.code, "F-INFO");
    });
    after(() => t.close());

    it("reports every bad field in French, on the field as sent (valeurEstimeeHt in euros)", async () => {
      const r = await acheteur.request(
        "POST",
        "/api/programme/lignes",
        besoin(t.directionId, { objet: "x", cpv: "1234", valeurEstimeeHt: -1, trimestre: 7 }),
      );
      assert.equal(r.status, 400);
      const paths = r.body.issues.map((i: { path: string[] }) => i.path.join("."));
      for (const p of ["valeurEstimeeHt", "trimestre"]) assert.ok(paths.includes(p), `${p} in ${paths}`);
      const r2 = await acheteur.request("POST", "/api/programme/lignes", besoin(t.directionId, { objet: "x", cpv: "1234" }));
      assert.equal(r2.status, 400);
      assert.deepEqual(r2.body.issues.map((i: { path: string[] }) => i.path[0]).sort(), ["cpv", "objet"]);
    });

    it("keeps a direction buyer in its direction and a reader out of the writes", async () => {
      assert.equal((await acheteur.request("POST", "/api/programme/lignes", besoin(autreDirection))).status, 403);
      const lecteur = await t.as("lecteur");
      assert.equal((await lecteur.request("POST", "/api/programme/lignes", besoin(t.directionId))).status, 403);
      assert.equal((await acheteur.request("GET", "/api/programme/agregation?annee=2027")).status, 403);
    });

    it("runs the workflow, refuses a transition with a coded error naming the state, raises the split alert, publishes", async () => {
      const a = await acheteur.request("POST", "/api/programme/lignes", besoin(t.directionId));
      assert.equal(a.status, 201, JSON.stringify(a.body));
      assert.equal(a.body.valeurEstimeeHt, 35000);
      const b = await central.request(
        "POST",
        "/api/programme/lignes",
        besoin(autreDirection, { objet: "Écrans des collèges", cpv: "30231300-0" }),
      );
      assert.equal(b.status, 201);

      const refused = await central.request("POST", `/api/programme/lignes/${a.body.id}/valider`, { version: a.body.version });
      assert.equal(refused.status, 409);
      assert.equal(refused.body.code, "TRANSITION_REFUSED");
      assert.match(refused.body.detail, /Brouillon/);

      const agregation = await central.request("GET", "/api/programme/agregation?annee=2027");
      assert.equal(agregation.status, 200);
      assert.equal(agregation.body.alertes.length, 1);
      assert.equal(agregation.body.alertes[0].valeurAgregeeHt, 70000);
      assert.equal(agregation.body.alertes[0].seuil.cle, "DISPENSE_SUPPLIES_SERVICES");
      assert.ok(agregation.body.alertes[0].fondements.some((f: { article: string }) => f.article === "R2121-6"));

      const liste = await acheteur.request("GET", "/api/programme/lignes?annee=2027");
      assert.equal(liste.body.total, 1, "the buyer sees its direction's line only");
      assert.match(liste.body.lignes[0].alerteFractionnement, /fractionnement/);

      let l = (await acheteur.request("POST", `/api/programme/lignes/${a.body.id}/soumettre`, { version: a.body.version })).body;
      const sansCommentaire = await central.request("POST", `/api/programme/lignes/${l.id}/renvoyer`, { version: l.version });
      assert.equal(sansCommentaire.status, 400);
      l = (await central.request("POST", `/api/programme/lignes/${l.id}/valider`, { version: l.version })).body;
      assert.equal(l.statut, "validee");
      const sealed = await acheteur.request("PUT", `/api/programme/lignes/${l.id}`, { ...besoin(t.directionId), version: l.version });
      assert.equal(sealed.status, 409);
      assert.equal(sealed.body.code, "LINE_SEALED");
      l = (await central.request("POST", `/api/programme/lignes/${l.id}/publier`, { version: l.version })).body;
      assert.equal(l.statut, "publiee");
      assert.equal(l.familleProcedure, "procedure-adaptee", "from the 70 000 € aggregate, not the 35 000 € line");

      const anonyme = t.anonymous();
      const pub = await anonyme.request("GET", "/api/public/programme?annee=2027");
      assert.equal(pub.status, 200);
      assert.equal(pub.body.lignes.length, 1);
      assert.equal(pub.body.lignes[0].fourchette.libelle, "moins de 40 000 € HT");
      assert.equal(pub.body.lignes[0].valeurEstimeeHt, undefined, "never the exact amount");
      assert.equal(pub.body.lignes[0].famille, "F-INFO");
      assert.equal((await anonyme.request("GET", "/api/public/programme?annee=2027&motCle=ORDINATEUR%20college")).body.total, 1);
      assert.equal((await anonyme.request("GET", "/api/public/programme?annee=2027&motCle=imprimante")).body.total, 0);
      assert.equal((await anonyme.request("GET", "/api/public/programme?annee=2027&trimestre=3")).body.total, 0);
      assert.equal((await anonyme.request("GET", "/api/public/programme?annee=2027&famille=F-INFO&trimestre=2")).body.total, 1);
      const one = await anonyme.request("GET", `/api/public/programme/lignes/${l.id}`);
      assert.equal(one.status, 200);
      assert.equal(one.body.url, `/programme-public/2027/${l.id}`);
      assert.equal(
        (await anonyme.request("GET", `/api/public/programme/lignes/${b.body.id}`)).status,
        404,
        "unpublished lines stay hidden",
      );
      const csv = await anonyme.request("GET", "/api/public/programme/export?annee=2027&format=csv");
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers["content-type"]), /text\/csv/);
      assert.match(String(csv.body), /Ordinateurs portables des collèges/);
      const json = await anonyme.request("GET", "/api/public/programme/export?annee=2027&format=json");
      assert.equal(json.body.lignes.length, 1);

      const revised = await acheteur.request("POST", `/api/programme/lignes/${l.id}/reviser`, { version: l.version });
      assert.equal(revised.body.numeroVersion, 2);
      const versions = await acheteur.request("GET", `/api/programme/lignes/${l.id}/versions`);
      assert.equal(versions.body.length, 1);
      assert.equal(versions.body[0].statut, "publiee");
      assert.equal(versions.body[0].contenu.valeurEstimeeHt, 35000);

      const [audit] = await selectRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from audit_events where aggregate_id = ${l.id}`,
      );
      assert.equal(audit?.n, 5, "created, submitted, validated, published, revised; nothing for the refused actions");
    });

    it("refuses the second of two concurrent saves of the same line (409) and overwrites nothing", async () => {
      const l = (await acheteur.request("POST", "/api/programme/lignes", besoin(t.directionId, { objet: "Souris" }))).body;
      const [r1, r2] = await Promise.all([
        acheteur.request("PUT", `/api/programme/lignes/${l.id}`, { ...besoin(t.directionId, { objet: "Souris A" }), version: l.version }),
        acheteur.request("PUT", `/api/programme/lignes/${l.id}`, { ...besoin(t.directionId, { objet: "Souris B" }), version: l.version }),
      ]);
      assert.deepEqual([r1.status, r2.status].sort(), [200, 409]);
      const winner = r1.status === 200 ? "Souris A" : "Souris B";
      assert.equal((await acheteur.request("GET", `/api/programme/lignes/${l.id}`)).body.objet, winner);
    });
  });
}
