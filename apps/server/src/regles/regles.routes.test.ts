import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Database } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import { DEMO, loggedIn, testApp } from "../testing/harness";

/** A script's call: no session, no cookie, no CSRF token. */
async function post(app: FastifyInstance, url: string, body: unknown) {
  const response = await app.inject({ method: "POST", url, payload: body as object });
  return { status: response.statusCode, body: JSON.parse(response.body), type: response.headers["content-type"] };
}

for (const target of testTargets()) {
  describe(`règles de la commande publique par l'API (${target.name})`, () => {
    let database: Database;
    let app: FastifyInstance;

    before(async () => {
      database = await target.open();
      ({ app } = await testApp(database));
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    const analyse = (nature: string, valeurEstimeeHt: number, dateLancement: string, extra: object = {}) =>
      post(app, "/api/regles/analyse", { nature, valeurEstimeeHt, dateLancement, ...extra });

    it("analyses a need without login, on both sides of the 1 April 2026 dispense change", async () => {
      const before = await analyse("services", 45_000, "2026-03-31");
      assert.equal(before.status, 200);
      assert.equal(before.body.procedure, "procedure-adaptee");
      assert.equal(before.body.publicite, "libre");
      assert.equal(before.body.decpObligatoire, true);
      assert.equal(before.body.seuilEuropeenHt, 216_000);
      const after = await analyse("services", 45_000, "2026-04-01");
      assert.equal(after.body.procedure, "sans-publicite-ni-mise-en-concurrence");
      assert.equal(after.body.publicite, "aucune");
      assert.ok(after.body.fondements.some((f: { article: string }) => f.article === "R2122-8"));
      assert.ok(after.body.explications.length > 0);
      assert.ok(after.body.explications.every((e: string) => /[a-zé]/.test(e)));
    });

    it("answers the formalised tier and the Climat et Résilience duties from 21 August 2026", async () => {
      const formalised = await analyse("travaux", 5_404_000, "2026-08-21");
      assert.equal(formalised.body.procedure, "procedure-formalisee");
      assert.equal(formalised.body.publicite, "boamp-et-joue");
      assert.equal(formalised.body.seuilEuropeenHt, 5_404_000);
      assert.equal(formalised.body.considerationEnvironnementaleObligatoire, true);
      assert.equal(formalised.body.conditionSocialeObligatoire, true);
      const dayBefore = await analyse("travaux", 5_404_000, "2026-08-20");
      assert.equal(dayBefore.body.considerationEnvironnementaleObligatoire, false);
      assert.equal(dayBefore.body.conditionSocialeObligatoire, false);
      const centBelow = await analyse("travaux", 5_403_999.99, "2026-08-21");
      assert.equal(centBelow.body.procedure, "procedure-adaptee");
      assert.equal(centBelow.body.publicite, "boamp-ou-jal");
    });

    it("reports every bad field with its path as problem+json", async () => {
      const response = await post(app, "/api/regles/analyse", {
        nature: "prestations",
        valeurEstimeeHt: 12.345,
        dateLancement: "2026-13-01",
        innovant: "non",
        inconnu: true,
      });
      assert.equal(response.status, 400);
      assert.equal(response.type, "application/problem+json; charset=utf-8");
      assert.deepEqual(response.body.issues.map((i: { path: string[] }) => i.path.join(".")).sort(), [
        "dateLancement",
        "inconnu",
        "innovant",
        "nature",
        "valeurEstimeeHt",
      ]);
      assert.ok(response.body.issues.find((i: { path: string[] }) => i.path[0] === "valeurEstimeeHt").message.includes("deux décimales"));
    });

    it("refuses a date outside every known period explicitly (422), never guessing", async () => {
      const response = await analyse("fournitures", 100_000, "2028-01-01");
      assert.equal(response.status, 422);
      assert.equal(response.body.code, "RULES_PERIOD_UNKNOWN");
      assert.match(response.body.detail, /2028/);
    });

    it("checks lots against the total, with the lot's path", async () => {
      const response = await analyse("travaux", 1_000_000, "2026-06-01", {
        lots: [
          { intitule: "Gros œuvre", valeurEstimeeHt: 600_000 },
          { intitule: "Peinture", valeurEstimeeHt: 300_000 },
        ],
      });
      assert.equal(response.status, 400);
      assert.deepEqual(response.body.issues[0].path, ["lots"]);
    });

    it("computes the payment example of the issue: 40 days late, 133,48 € of interest, 40 € indemnity", async () => {
      const response = await post(app, "/api/regles/paiement", {
        montantTtc: 12_000,
        dateReception: "2026-01-05",
        datePaiement: "2026-03-16",
        tauxBce: 2.15,
      });
      assert.equal(response.status, 200);
      assert.equal(response.body.dateEcheance, "2026-02-04");
      assert.equal(response.body.joursRetard, 40);
      assert.equal(response.body.interetsMoratoires, 133.48);
      assert.equal(response.body.indemniteForfaitaire, 40);
      const onTime = await post(app, "/api/regles/paiement", {
        montantTtc: 12_000,
        dateReception: "2026-01-05",
        datePaiement: "2026-02-04",
      });
      assert.equal(onTime.body.joursRetard, 0);
      assert.equal(onTime.body.interetsMoratoires, 0);
      assert.equal(onTime.body.indemniteForfaitaire, 0);
    });

    it("reads the administrable ECB rate when none is given, and lets only the admin change it (audited)", async () => {
      const table = await app.inject({ method: "GET", url: "/api/regles/taux-bce" });
      const rows = JSON.parse(table.body);
      assert.ok(rows.some((r: { debutSemestre: string; tauxBce: number }) => r.debutSemestre === "2026-01-01" && r.tauxBce === 2.15));
      const defaultRate = await post(app, "/api/regles/paiement", {
        montantTtc: 12_000,
        dateReception: "2026-01-05",
        datePaiement: "2026-03-16",
      });
      assert.equal(defaultRate.body.interetsMoratoires, 133.48);
      assert.equal(defaultRate.body.origineTauxBce, "table");

      const buyer = await loggedIn(app, DEMO.central);
      const refused = await buyer.request("PUT", "/api/regles/taux-bce/2026-01-01", { tauxBce: 2, source: "BCE", statut: "confirme" });
      assert.equal(refused.status, 403);
      const admin = await loggedIn(app, DEMO.admin);
      const set = await admin.request("PUT", "/api/regles/taux-bce/2026-01-01", {
        tauxBce: 2,
        source: "BCE, décision de politique monétaire (exemple de test)",
        statut: "confirme",
      });
      assert.equal(set.status, 200);
      const changed = await post(app, "/api/regles/paiement", {
        montantTtc: 12_000,
        dateReception: "2026-01-05",
        datePaiement: "2026-03-16",
      });
      // 12 000 € × 10 % × 40 / 365 = 131,506… → 131,51 €
      assert.equal(changed.body.interetsMoratoires, 131.51);
      const events = await admin.request("GET", "/api/audit/evenements?type=ecb-rate.set&agregatId=2026-01-01");
      assert.equal(events.body.evenements[0].acteur, DEMO.admin[0]);
      assert.equal(events.body.evenements[0].donnees.before.tauxBcePointsDeBase, 215);
      const badSemester = await admin.request("PUT", "/api/regles/taux-bce/2026-03-01", { tauxBce: 2, source: "BCE", statut: "confirme" });
      assert.equal(badSemester.status, 400);
      assert.deepEqual(badSemester.body.issues[0].path, ["params", "debutSemestre"]);
    });

    it("builds the timeline of legal dates with weekend and holiday warnings", async () => {
      const response = await post(app, "/api/regles/delais", {
        procedure: "procedure-formalisee",
        dateEnvoiAvis: "2026-04-01",
        variante: "aoo-electronique",
        dateEnvoiNotificationRejet: "2026-05-20",
        notificationElectronique: false,
        dateSignature: "2026-06-08",
        dateNotification: "2026-06-10",
      });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      const steps = Object.fromEntries(response.body.etapes.map((e: { type: string }) => [e.type, e]));
      // 30 days after the notice (electronic open call for tenders) falls on 1 May, a public holiday.
      assert.equal(steps["reception-offres-au-plus-tot"].date, "2026-05-01");
      assert.match(steps["reception-offres-au-plus-tot"].avertissements.join(" "), /jour férié/);
      // 16 days date to date (rejections not sent electronically): 20 May → 4 June, signature from 5 June.
      assert.equal(steps["fin-standstill"].date, "2026-06-04");
      assert.equal(steps["signature-au-plus-tot"].date, "2026-06-05");
      assert.equal(steps["avis-attribution-au-plus-tard"].date, "2026-07-08");
      assert.equal(steps["publication-decp-au-plus-tard"].date, "2026-08-10");
      const dates = response.body.etapes.map((e: { date: string }) => e.date);
      assert.deepEqual(dates, [...dates].sort());
    });

    it("ranks the timeline's alerts: a deadline below the legal minimum first, a holiday as information (issue #7)", async () => {
      const response = await post(app, "/api/regles/delais", {
        dateEnvoiAvis: "2026-04-01",
        variante: "aoo-electronique",
        dateLimiteReception: "2026-04-30",
      });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      assert.deepEqual(
        response.body.alertes.map((a: { niveau: string }) => a.niveau),
        ["bloquant", "information"],
      );
      assert.match(response.body.pointsDeVigilance[0], /ne peut pas être fixée avant le 1er mai 2026/);
      assert.match(response.body.pointsDeVigilance[1], /premier jour ouvré : lundi 4 mai 2026/);
    });

    it("names the field actually sent when a calendar date is outside the known period", async () => {
      const response = await post(app, "/api/regles/delais", { dateSignature: "2026-06-08", dateNotification: "2028-01-10" });
      assert.equal(response.status, 422);
      assert.equal(response.body.code, "RULES_PERIOD_UNKNOWN");
      assert.deepEqual(
        response.body.issues.map((i: { path: string[] }) => i.path),
        [["dateNotification"]],
      );
    });

    it("checks an amendment: cumulative percentage and the CAO opinion above 5 %", async () => {
      const response = await post(app, "/api/regles/modification", {
        montantInitialHt: 1_000_000,
        nature: "travaux",
        dateLancement: "2026-02-01",
        attribueParCao: true,
        modificationsAnterieures: [{ montantHt: 40_000, fondement: "faible-montant" }],
        modification: { montantHt: 60_000, fondement: "faible-montant" },
      });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      assert.equal(response.body.pourcentageCumule, 10);
      assert.equal(response.body.pourcentageCetteModification, 6);
      assert.equal(response.body.avisCaoRequis, true);
      assert.equal(response.body.autorisee, true);
    });

    it("says whether an advance is owed, its minimum for an SME, and the retention cap", async () => {
      const sme = await post(app, "/api/regles/avance", {
        montantInitialHt: 120_000,
        montantInitialTtc: 144_000,
        dureeExecutionMois: 18,
        dateLancement: "2026-03-01",
        titulairePme: true,
      });
      assert.equal(sme.status, 200, JSON.stringify(sme.body));
      assert.equal(sme.body.avance.obligatoire, true);
      assert.equal(sme.body.avance.tauxMinimum, 10);
      // beyond 12 months: 10 % × 12 × 144 000 € / 18 months
      assert.equal(sme.body.avance.montantMinimumTtc, 9_600);
      assert.equal(sme.body.retenue.tauxMaximum, 3);
      assert.equal(sme.body.retenue.plafondTtc, 4_320);
      const atThreshold = await post(app, "/api/regles/avance", {
        montantInitialHt: 50_000,
        montantInitialTtc: 60_000,
        dureeExecutionMois: 6,
        dateLancement: "2024-12-31",
        titulairePme: true,
      });
      assert.equal(atThreshold.body.avance.obligatoire, false, "50 000 € HT exactly is not above the threshold");
      assert.equal(atThreshold.body.retenue.tauxMaximum, 5, "the 3 % SME cap applies to consultations from 2025-01-01");
      const bad = await post(app, "/api/regles/avance", {
        montantInitialHt: 0,
        montantInitialTtc: 1,
        dureeExecutionMois: -1,
        dateLancement: "2026-03-01",
      });
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.issues.map((i: { path: string[] }) => i.path[0]).sort(), [
        "dureeExecutionMois",
        "montantInitialHt",
        "titulairePme",
      ]);
    });

    it("names the field sent and says why when a business check refuses the input (issue #7)", async () => {
      const ttc = await post(app, "/api/regles/avance", {
        montantInitialHt: 120_000,
        montantInitialTtc: 100_000,
        dureeExecutionMois: 6,
        dateLancement: "2026-03-01",
        titulairePme: false,
      });
      assert.equal(ttc.status, 400);
      assert.deepEqual(
        ttc.body.issues.map((i: { path: string[] }) => i.path),
        [["montantInitialTtc"]],
      );
      assert.match(ttc.body.detail, /montantInitialTtc : Le montant TTC ne peut pas être inférieur au montant HT/);
      const zero = await post(app, "/api/regles/modification", {
        montantInitialHt: 1_000,
        nature: "services",
        dateLancement: "2026-06-01",
        attribueParCao: false,
        modification: { montantHt: -1_000, fondement: "non-substantielle" },
      });
      assert.equal(zero.status, 400);
      assert.deepEqual(
        zero.body.issues.map((i: { path: string[] }) => i.path),
        [["modification", "montantHt"]],
      );
      assert.doesNotMatch(JSON.stringify(zero.body), /Cents|données invalides/);
      assert.match(zero.body.detail, /modification\.montantHt : .*strictement positif/);
    });

    it("publishes the dated threshold table with articles and sources", async () => {
      const rows = JSON.parse((await app.inject({ method: "GET", url: "/api/regles/seuils" })).body);
      const dispense = rows.filter((r: { cle: string }) => r.cle === "DISPENSE_SUPPLIES_SERVICES");
      assert.ok(
        dispense.some((r: { effectiveFrom: string; valeur: string }) => r.effectiveFrom === "2026-04-01" && r.valeur.startsWith("60")),
      );
      assert.ok(rows.every((r: { fondements: unknown[] }) => r.fondements.length > 0));
    });
  });
}
