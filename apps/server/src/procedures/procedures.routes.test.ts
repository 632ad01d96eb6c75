import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ATTRIBUTION_NOTIFIEE } from "@achat-public/domain";
import { aujourdhui } from "@achat-public/domain/procedures";
import { addDays } from "@achat-public/domain/valeurs";
import { selectRows, sql } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import { validSiret } from "@achat-public/domain/testing";
import { attributionNotifieeJob } from "../marches/marches.jobs";
import { apiTest, type ApiTest, type TestClient } from "../testing/harness";

const procedure = (overrides: Record<string, unknown> = {}) => ({
  annee: 2026,
  motifHorsProgramme: "Besoin apparu en cours d'année, non programmé.",
  objet: "Nettoyage des collèges",
  nature: "services",
  procedure: "Appel d'offres ouvert",
  criteres: [
    { libelle: "Prix", poids: 60, prix: true },
    { libelle: "Performance environnementale", poids: 40, environnemental: true },
  ],
  conditionExecutionSociale: true,
  conditionExecutionEnvironnementale: true,
  urlProfilAcheteur: "https://marches.example.fr/consultation/42",
  dureeMois: 36,
  dateLimiteReception: "2026-10-15",
  lots: [
    { objet: "Collèges du nord", cpv: "90911200-8", valeurEstimeeHt: 150000 },
    { objet: "Collèges du sud", cpv: "90911200-8", valeurEstimeeHt: 150000 },
  ],
  ...overrides,
});

for (const target of testTargets()) {
  describe(`procédures (${target.name})`, () => {
    let t: ApiTest;
    let acheteur: TestClient;
    let central: TestClient;

    before(async () => {
      t = await apiTest(target);
      acheteur = await t.as("acheteur");
      central = await t.as("acheteur-central");
    });
    after(() => t.close());

    it("reports every bad field in French, on the field as sent", async () => {
      const r = await acheteur.request(
        "POST",
        "/api/procedures",
        procedure({ lots: [{ objet: "x", cpv: "1234", valeurEstimeeHt: 10 }], criteres: [{ libelle: "Prix", poids: 70, prix: true }] }),
      );
      assert.equal(r.status, 400, JSON.stringify(r.body));
      const paths = r.body.issues.map((i: { path: (string | number)[] }) => i.path.join("."));
      for (const p of ["lots.0.objet", "lots.0.cpv", "criteres"]) assert.ok(paths.includes(p), `${p} in ${paths}`);
      const stricter = await acheteur.request(
        "POST",
        "/api/procedures",
        procedure({ lots: [{ objet: "Lot unique", cpv: "90911200-8", valeurEstimeeHt: 50000 }] }),
      );
      assert.equal(stricter.status, 400);
      assert.deepEqual(
        stricter.body.issues.map((i: { path: string[] }) => i.path[0]),
        ["justificationProcedure"],
      );
    });

    it("runs a procedure to notification: Climat refusal, sealed fields, tenders, award, one job per lot", async () => {
      const sansEnv = await acheteur.request("POST", "/api/procedures", procedure({ conditionExecutionEnvironnementale: false }));
      assert.equal(sansEnv.status, 201, JSON.stringify(sansEnv.body));
      const refus = await acheteur.request("POST", `/api/procedures/${sansEnv.body.id}/publier`, {
        version: 1,
        datePublication: "2026-09-01",
      });
      assert.equal(refus.status, 422);
      assert.equal(refus.body.code, "PUBLICATION_REFUSED");
      assert.match(refus.body.detail, /Climat/);

      const c = await acheteur.request("POST", "/api/procedures", procedure());
      assert.equal(c.status, 201);
      assert.equal(c.body.valeurEstimeeHt, 300000);
      assert.equal(c.body.publicite, "boamp-et-joue");
      let p = (await acheteur.request("POST", `/api/procedures/${c.body.id}/publier`, { version: 1, datePublication: "2026-09-01" })).body;
      assert.equal(p.etat, "publiee", JSON.stringify(p));
      const sealed = await acheteur.request("PUT", `/api/procedures/${p.id}`, {
        ...procedure(),
        annee: undefined,
        motifHorsProgramme: undefined,
        objet: "Autre objet",
        version: p.version,
      });
      assert.equal(sealed.status, 409);
      assert.equal(sealed.body.code, "FIELD_SEALED");
      assert.match(sealed.body.detail, /Publiée/);
      const badSiret = await acheteur.request("POST", `/api/procedures/${p.id}/lots/1/offres`, {
        version: p.version,
        siret: "12345678901234",
        nom: "X",
        prixHt: 1000,
      });
      assert.equal(badSiret.status, 400);
      assert.equal(badSiret.body.issues[0].path[0], "siret");
      p = (
        await acheteur.request("POST", `/api/procedures/${p.id}/lots/1/offres`, {
          version: p.version,
          siret: validSiret(73282932),
          nom: "Propreté 94",
          categorie: "pme",
          localisation: "Créteil",
          prixHt: 140000,
        })
      ).body;
      assert.equal(p.lots[0].offres[0].prixHt, 140000);
      p = (await acheteur.request("POST", `/api/procedures/${p.id}/cloturer-reception`, { version: p.version })).body;
      assert.deepEqual(
        p.lots.map((l: { infructueux: boolean }) => l.infructueux),
        [false, true],
      );
      const early = await acheteur.request("POST", `/api/procedures/${p.id}/notifier`, {
        version: p.version,
        dateSignature: "2026-11-20",
        dateNotification: "2026-11-23",
      });
      assert.equal(early.status, 409);
      assert.equal(early.body.code, "TRANSITION_REFUSED");
      assert.match(early.body.detail, /Offres reçues/);
      p = (await acheteur.request("POST", `/api/procedures/${p.id}/analyser`, { version: p.version })).body;
      p = (
        await acheteur.request("POST", `/api/procedures/${p.id}/attribuer`, {
          version: p.version,
          dateAttribution: "2026-11-02",
          dateSeanceCao: "2026-10-28",
          lots: [{ numero: 1, offreIds: [p.lots[0].offres[0].id] }],
        })
      ).body;
      assert.equal(p.etat, "attribuee", JSON.stringify(p));
      assert.ok(p.calendrier.etapes.some((e: { id: string }) => e.id === "fin-standstill"));
      const [a, b] = await Promise.all([
        acheteur.request("POST", `/api/procedures/${p.id}/notifier`, {
          version: p.version,
          dateSignature: "2026-11-20",
          dateNotification: "2026-11-23",
        }),
        central.request("POST", `/api/procedures/${p.id}/notifier`, {
          version: p.version,
          dateSignature: "2026-11-20",
          dateNotification: "2026-11-23",
        }),
      ]);
      assert.deepEqual([a.status, b.status].sort(), [200, 409], JSON.stringify([a.body, b.body]));
      const jobs = await selectRows<{ donnees: Record<string, unknown> }>(
        t.database.db,
        sql`select data->'donnees' as donnees from pgboss.job where name = ${ATTRIBUTION_NOTIFIEE} and data->'donnees'->>'procedureId' = ${p.id}`,
      );
      assert.equal(jobs.length, 1);
      // the contracts context's handler makes the contract record of the lot
      const env = { ctx: t.ctx, jobId: "test", attempt: 1, lastAttempt: false };
      await attributionNotifieeJob.handler(attributionNotifieeJob.payload.parse(jobs[0]?.donnees), env);
      const marches = await central.request("GET", `/api/marches?recherche=${p.reference}`);
      assert.equal(marches.body.total, 1, JSON.stringify(marches.body));
      assert.equal(marches.body.marches[0].montantHt, 140000);
      const list = await central.request("GET", "/api/procedures?statut=notifiee&annee=2026&tri=valeur&ordre=desc");
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.procedures.map((x: { id: string }) => x.id),
        [p.id],
      );
      const audit = await selectRows<{ type: string }>(
        t.database.db,
        sql`select type from audit_events where aggregate_id = ${p.id} order by seq`,
      );
      assert.deepEqual(
        audit.map((x) => x.type),
        [
          "procedure.created",
          "procedure.published",
          "procedure.offre-saisie",
          "procedure.reception-cloturee",
          "procedure.analysed",
          "procedure.awarded",
          "procedure.notified",
        ],
      );
    });

    it("refuses the second of two parallel saves with 409, and lists open consultations without login", async () => {
      const jour = aujourdhui(new Date());
      const c = await acheteur.request(
        "POST",
        "/api/procedures",
        procedure({ annee: Number(jour.slice(0, 4)), dateLimiteReception: addDays(jour, 45) }),
      );
      assert.equal(c.status, 201, JSON.stringify(c.body));
      const edit = (objet: string) => ({
        ...procedure({ dateLimiteReception: addDays(jour, 45) }),
        annee: undefined,
        motifHorsProgramme: undefined,
        objet,
        version: 1,
      });
      const [r1, r2] = await Promise.all([
        acheteur.request("PUT", `/api/procedures/${c.body.id}`, edit("Nettoyage A")),
        central.request("PUT", `/api/procedures/${c.body.id}`, edit("Nettoyage B")),
      ]);
      assert.deepEqual([r1.status, r2.status].sort(), [200, 409], JSON.stringify([r1.body, r2.body]));
      const p = (await acheteur.request("GET", `/api/procedures/${c.body.id}`)).body;
      assert.equal(p.version, 2);
      assert.equal((await acheteur.request("POST", `/api/procedures/${p.id}/publier`, { version: 2, datePublication: jour })).status, 200);
      const pub = await t.anonymous().request("GET", "/api/public/consultations");
      assert.equal(pub.status, 200);
      const found = pub.body.consultations.find((x: { id: string }) => x.id === p.id);
      assert.deepEqual(
        found?.lots.map((l: { numero: number }) => l.numero),
        [1, 2],
      );
      assert.equal(found?.urlProfilAcheteur, "https://marches.example.fr/consultation/42");
      assert.equal(found?.cpv, "90911200-8");
      assert.ok(pub.body.consultations.every((x: { dateLimiteReception: string }) => x.dateLimiteReception >= jour));
    });

    it("keeps the clause library to the procurement directorate", async () => {
      const body = {
        type: "sociale",
        usage: "condition-execution",
        titre: "Insertion",
        texte: "Heures d'insertion réservées par le titulaire.",
        formuleHeures: { partMainOeuvrePct: 40, tauxInsertionPct: 5, coutHoraire: 35 },
      };
      assert.equal((await acheteur.request("POST", "/api/clausier", body)).status, 403);
      const r = await central.request("POST", "/api/clausier", body);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.formuleHeures.coutHoraire, 35);
      assert.equal((await acheteur.request("GET", "/api/clausier")).body.length, 1);
    });
  });
}
