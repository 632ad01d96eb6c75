import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { selectRows, sql } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import { addDays, daysBetween } from "@achat-public/domain/valeurs";
import { aujourdhuiParis } from "../marches/aujourdhui";
import { apiTest, type ApiTest, type TestClient } from "../testing/harness";
import { siretValide } from "../testing/entreprises";

const marche = (directionId: string, numero: string, titulaires: unknown[], changes: Record<string, unknown> = {}) => ({
  directionId,
  numero,
  objet: `Travaux de peinture des collèges (${numero})`,
  procedure: "Procédure adaptée",
  nature: "travaux",
  cpv: "45442100-8",
  formePrix: "forfaitaire",
  accordCadre: false,
  montantHt: 120000,
  dateNotification: "2025-01-06",
  dateDebut: "2025-01-06",
  dureeMois: 12,
  reconductionsNombre: 0,
  ccag: "travaux",
  titulaires,
  ...changes,
});

async function siretDe(kit: ApiTest, client: TestClient & { utilisateur: { id: string } }): Promise<string> {
  const [row] = await selectRows<{ siret: string }>(
    kit.database.db,
    sql`select e.siret from entreprises e join entreprise_membres m on m.entreprise_id = e.id where m.utilisateur_id = ${client.utilisateur.id}`,
  );
  assert.ok(row);
  return row.siret;
}

for (const target of testTargets()) {
  describe(`espace de l'entreprise : marchés, factures, évaluation réciproque (${target.name})`, () => {
    let kit: ApiTest;
    let central: TestClient;
    let alpha: TestClient & { utilisateur: { id: string } };
    let beta: TestClient & { utilisateur: { id: string } };
    const ids: Record<string, string> = {};

    before(async () => {
      kit = await apiTest(target);
      central = await kit.as("acheteur-central");
      alpha = await kit.as("entreprise");
      beta = await kit.as("entreprise");
      const siretAlpha = await siretDe(kit, alpha);
      const siretBeta = await siretDe(kit, beta);
      // another establishment of alpha's SIREN (same 9 first digits, another NIC): not alpha's account
      const autreEtablissement = siretValide(`${siretAlpha.slice(0, 9)}0009`);
      assert.notEqual(autreEtablissement, siretAlpha);
      const creer = async (cle: string, numero: string, titulaires: unknown[], changes: Record<string, unknown> = {}) => {
        const r = await central.request("POST", "/api/marches", marche(kit.directionId, numero, titulaires, changes));
        assert.equal(r.status, 201, JSON.stringify(r.body));
        ids[cle] = r.body.id;
      };
      await creer("seul", "2025-0101", [{ siret: siretAlpha, nom: "Alpha Peinture", categorie: "pme", role: "titulaire" }]);
      await creer("groupement", "2025-0102", [
        { siret: siretBeta, nom: "Beta Bâtiment", role: "mandataire" },
        { siret: siretAlpha, role: "cotraitant" },
      ]);
      await creer("soustraitance", "2025-0103", [
        { siret: siretBeta, role: "titulaire" },
        { siret: siretAlpha, role: "sous-traitant", montantSousTraitanceHt: 5000, paiementDirect: true },
      ]);
      await creer("etablissement", "2025-0104", [{ siret: autreEtablissement, nom: "Alpha Peinture (Lyon)", role: "titulaire" }]);
      // the hand-computed case of docs/marches.md: 12 000 € received 3 March 2025, paid 22 April: 20 days late
      const f1 = await central.request("POST", `/api/marches/${ids.seul}/factures`, {
        numero: "F-1",
        montantTtc: 12000,
        dateReception: "2025-03-03",
        datePaiement: "2025-04-22",
      });
      assert.equal(f1.status, 201, JSON.stringify(f1.body));
      await central.request("POST", `/api/marches/${ids.seul}/factures`, {
        numero: "F-2",
        montantTtc: 5000,
        dateReception: "2025-06-20",
        datePaiement: null,
      });
      await central.request("POST", `/api/marches/${ids.seul}/factures`, {
        numero: "F-3",
        montantTtc: 3000,
        dateReception: "2025-05-02",
        datePaiement: "2025-05-20",
      });
      const dossier = await central.request("GET", `/api/marches/${ids.seul}`);
      const clos = await central.request("POST", `/api/marches/${ids.seul}/cloture`, {
        version: dossier.body.marche.version,
        dateCloture: "2026-02-15",
        qualite: 4,
        delais: 3,
        relation: 5,
        commentaire: "Chantier propre.",
      });
      assert.equal(clos.status, 200, JSON.stringify(clos.body));
    });
    after(() => kit.close());

    it("shows the company the contracts it holds by its exact SIRET (holder, co-holder), not as subcontractor nor another establishment", async () => {
      const r = await alpha.request("GET", "/api/entreprise/marches");
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const numeros = r.body.marches.map((m: { marche: { numero: string } }) => m.marche.numero).sort();
      assert.deepEqual(numeros, ["2025-0101", "2025-0102"]);
      const groupement = r.body.marches.find((m: { marche: { numero: string } }) => m.marche.numero === "2025-0102");
      assert.deepEqual(groupement.marche.roles, ["cotraitant"]);
      const seul = r.body.marches.find((m: { marche: { numero: string } }) => m.marche.numero === "2025-0101");
      assert.equal(seul.statut, "clos");
      assert.equal(seul.marche.montantHt, 120000);
      assert.equal(seul.marche.dateFin, "2026-01-05");
      assert.deepEqual(seul.marche.evaluation, { qualite: 4, delais: 3, relation: 5, commentaire: "Chantier propre." });
      const b = await beta.request("GET", "/api/entreprise/marches");
      assert.deepEqual(b.body.marches.map((m: { marche: { numero: string } }) => m.marche.numero).sort(), ["2025-0102", "2025-0103"]);
    });

    it("lists each invoice with its status, delay and the interest the engine computes (paid late, unpaid past due)", async () => {
      const r = await alpha.request("GET", `/api/entreprise/marches/${ids.seul}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const parNumero = Object.fromEntries(r.body.factures.map((f: { numero: string }) => [f.numero, f]));
      assert.equal(parNumero["F-1"].statut, "payee-en-retard");
      assert.equal(parNumero["F-1"].delaiPaiementJours, 50);
      assert.equal(parNumero["F-1"].joursRetard, 20);
      assert.equal(parNumero["F-1"].interetsMoratoires, 73.32);
      assert.equal(parNumero["F-1"].indemniteForfaitaire, 40);
      assert.equal(parNumero["F-3"].statut, "payee");
      assert.equal(parNumero["F-3"].interetsMoratoires, 0);
      const jour = aujourdhuiParis(new Date());
      assert.equal(parNumero["F-2"].statut, "en-retard");
      assert.equal(parNumero["F-2"].joursDepuisReception, daysBetween("2025-06-20", jour));
      assert.equal(parNumero["F-2"].duAujourdhui.joursRetard, daysBetween(addDays("2025-06-20", 30), jour));
      assert.ok(parNumero["F-2"].duAujourdhui.interetsMoratoires > 0);
      assert.equal(parNumero["F-2"].duAujourdhui.indemniteForfaitaire, 40);
      assert.equal(r.body.paiements.nombreEnRetard, 1);
      assert.equal(r.body.paiements.nombreImpayeesEnRetard, 1);
      assert.equal(r.body.paiements.interetsMoratoires, 73.32);
      assert.equal(
        Math.round(r.body.paiements.interetsDus * 100),
        7332 + Math.round(parNumero["F-2"].duAujourdhui.interetsMoratoires * 100),
      );
      assert.equal(r.body.paiements.indemnitesDues, 80);
    });

    it("answers 404 for another company's contract, a subcontracted one and an unknown one: never its existence", async () => {
      for (const id of [ids.soustraitance, ids.etablissement, "5f0c2d64-1111-4a4a-9b9b-000000000009"]) {
        const r = await alpha.request("GET", `/api/entreprise/marches/${id}`);
        assert.equal(r.status, 404, id);
        const e = await alpha.request("PUT", `/api/entreprise/marches/${id}/evaluation`, {
          paiement: 1,
          clarte: 1,
          relation: 1,
          version: null,
        });
        assert.equal(e.status, 404);
      }
      assert.equal((await beta.request("GET", `/api/entreprise/marches/${ids.seul}`)).status, 404);
    });

    it("records one evaluation of the département per contract and company, editable with its version, audited", async () => {
      const bad = await alpha.request("PUT", `/api/entreprise/marches/${ids.seul}/evaluation`, { paiement: 0, clarte: 6, relation: 2.5 });
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.issues.map((i: { path: string[] }) => i.path[0]).sort(), ["clarte", "paiement", "relation"]);
      assert.match(bad.body.issues.find((i: { path: string[] }) => i.path[0] === "clarte").message, /Clarté des documents/);
      const c = await alpha.request("PUT", `/api/entreprise/marches/${ids.seul}/evaluation`, {
        paiement: 2,
        clarte: 4,
        relation: 5,
        commentaire: "Paiement en retard.",
        version: null,
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      assert.equal(c.body.version, 1);
      const doublon = await alpha.request("PUT", `/api/entreprise/marches/${ids.seul}/evaluation`, {
        paiement: 3,
        clarte: 3,
        relation: 3,
        version: null,
      });
      assert.equal(doublon.status, 409);
      const m = await alpha.request("PUT", `/api/entreprise/marches/${ids.seul}/evaluation`, {
        paiement: 3,
        clarte: 4,
        relation: 5,
        version: 1,
      });
      assert.equal(m.status, 200);
      assert.equal(m.body.version, 2);
      assert.equal(m.body.commentaire, null);
      const perimee = await alpha.request("PUT", `/api/entreprise/marches/${ids.seul}/evaluation`, {
        paiement: 1,
        clarte: 1,
        relation: 1,
        version: 1,
      });
      assert.equal(perimee.status, 409);
      const d = await alpha.request("GET", `/api/entreprise/marches/${ids.seul}`);
      assert.equal(d.body.evaluationDonnee.paiement, 3);
      const audit = await selectRows<{ type: string }>(
        kit.database.db,
        sql`select type from audit_events where aggregate_id = ${ids.seul} and type like 'evaluation-acheteur.%' order by seq`,
      );
      assert.deepEqual(
        audit.map((a) => a.type),
        ["evaluation-acheteur.created", "evaluation-acheteur.updated"],
      );
    });

    it("gives the procurement directorate the aggregate without the companies' identity; others are refused", async () => {
      // beta (mandatary) and alpha (co-holder) evaluate the consortium contract: two evaluations of one contract
      for (const [client, notes] of [
        [alpha, { paiement: 4, clarte: 2, relation: 4, commentaire: "Documents de consultation peu clairs." }],
        [beta, { paiement: 5, clarte: 3, relation: 3 }],
      ] as const) {
        const r = await client.request("PUT", `/api/entreprise/marches/${ids.groupement}/evaluation`, { ...notes, version: null });
        assert.equal(r.status, 200, JSON.stringify(r.body));
      }
      const r = await central.request("GET", "/api/evaluations-acheteur");
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.total, { nombre: 3, paiement: 4, clarte: 3, relation: 4 });
      assert.equal(r.body.parDirection.length, 1);
      assert.equal(r.body.parDirection[0].nombre, 3);
      assert.deepEqual(r.body.parAnnee, [{ annee: 2025, nombre: 3, paiement: 4, clarte: 3, relation: 4 }]);
      assert.deepEqual(r.body.commentaires, [{ annee: 2025, commentaire: "Documents de consultation peu clairs." }]);
      const texte = JSON.stringify(r.body);
      for (const secret of ["Alpha", "Entreprise de test", "2025-010", ids.seul]) assert.ok(!texte.includes(secret as string), secret);
      assert.equal((await alpha.request("GET", "/api/evaluations-acheteur")).status, 403);
      assert.equal((await (await kit.as("acheteur")).request("GET", "/api/evaluations-acheteur")).status, 403);
      assert.equal((await (await kit.as("admin")).request("GET", "/api/evaluations-acheteur")).status, 200);
    });

    if (target.name !== "pglite") {
      it("keeps one evaluation when the same company sends its first one twice at once (PostgreSQL)", async () => {
        const corps = { paiement: 4, clarte: 4, relation: 4, version: null };
        const [a, b] = await Promise.all([
          alpha.request("PUT", `/api/entreprise/marches/${ids.seul}/evaluation`, corps),
          alpha.request("PUT", `/api/entreprise/marches/${ids.seul}/evaluation`, corps),
        ]);
        assert.deepEqual([a.status, b.status], [409, 409], "alpha already evaluated this contract: both refused");
        const nouveau = await central.request(
          "POST",
          "/api/marches",
          marche(kit.directionId, "2025-0105", [{ siret: await siretDe(kit, alpha), role: "titulaire" }]),
        );
        const [c, d] = await Promise.all([
          alpha.request("PUT", `/api/entreprise/marches/${nouveau.body.id}/evaluation`, corps),
          alpha.request("PUT", `/api/entreprise/marches/${nouveau.body.id}/evaluation`, corps),
        ]);
        assert.deepEqual([c.status, d.status].sort(), [200, 409]);
        const [n] = await selectRows<{ n: number }>(
          kit.database.db,
          sql`select count(*)::int as n from evaluations_acheteur where marche_id = ${nouveau.body.id}`,
        );
        assert.equal(n?.n, 1);
      });
    }
  });
}
