import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ATTRIBUTION_NOTIFIEE, type AttributionNotifiee } from "@achat-public/domain";
import { selectRows, sql } from "@achat-public/db";
import { insertDirection, testTargets } from "@achat-public/db/testing";
import { unitOfWork } from "../context";
import { apiTest, type ApiTest, type TestClient } from "../testing/harness";
import { attributionNotifieeJob, envoyerSynthese } from "./marches.jobs";

const SIRET_A = "73282932000074"; // valid Luhn
const SIRET_B = "55208131766522";
const SIRET_POSTE = "35600000000048";

function marche(directionId: string, changes: Record<string, unknown> = {}) {
  return {
    directionId,
    numero: "2025-0001",
    objet: "Entretien des espaces verts des collèges",
    procedure: "Appel d'offres ouvert",
    nature: "services",
    cpv: "77310000-6",
    formePrix: "forfaitaire",
    accordCadre: false,
    montantHt: 200000,
    dateNotification: "2025-01-06",
    dateDebut: "2025-02-01",
    dureeMois: 12,
    reconductionsNombre: 1,
    reconductionDureeMois: 12,
    ccag: "fcs",
    clauseSociale: true,
    heuresInsertionPrevues: 400,
    attribueParCao: true,
    titulaires: [{ siret: SIRET_A, nom: "Verts Jardins SARL", categorie: "pme", role: "titulaire" }],
    ...changes,
  };
}

for (const target of testTargets()) {
  describe(`marchés et fournisseurs (${target.name})`, () => {
    let t: ApiTest;
    let central: TestClient;
    let acheteur: TestClient;
    let autreDirection: string;

    before(async () => {
      t = await apiTest(target);
      central = await t.as("acheteur-central");
      acheteur = await t.as("acheteur");
      autreDirection = (
        await insertDirection(t.database.db, { organisationId: t.organisationId, nom: "Direction des crèches", sigle: "DCRE" })
      ).id;
    });
    after(() => t.close());

    it("creates a contract, its holder in the directory, computes its end dates; refuses a duplicate number (409)", async () => {
      const created = await central.request("POST", "/api/marches", marche(t.directionId));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.dateFin, "2026-01-31");
      assert.equal(created.body.dateFinMax, "2027-01-31");
      assert.equal(created.body.montantHt, 200000);
      const again = await central.request("POST", "/api/marches", marche(t.directionId));
      assert.equal(again.status, 409);
      assert.equal(again.body.code, "MARCHE_NUMERO_TAKEN");
      const directory = await central.request("GET", `/api/fournisseurs?recherche=verts`);
      assert.equal(directory.body.total, 1);
      assert.equal(directory.body.fournisseurs[0].siren, "732829320");
      assert.equal(directory.body.fournisseurs[0].nombreMarches, 1);
    });

    it("reports every bad field in French with its API name (400): framework without maximum, bad SIRET, bad CPV", async () => {
      const r = await central.request(
        "POST",
        "/api/marches",
        marche(t.directionId, {
          numero: "X-1",
          accordCadre: true,
          montantHt: null,
          cpv: "77310000-7",
          titulaires: [{ siret: "73282932000075", nom: "Mauvais", role: "titulaire" }],
        }),
      );
      assert.equal(r.status, 400, JSON.stringify(r.body));
      const paths = r.body.issues.map((i: { path: (string | number)[] }) => i.path.join("."));
      assert.ok(paths.includes("montantMaxHt"), paths.join(","));
      assert.ok(paths.includes("cpv"));
      assert.ok(paths.includes("titulaires.0.siret"));
      assert.match(r.body.issues.find((i: { path: string[] }) => i.path[0] === "montantMaxHt").message, /maximum/);
    });

    it("accepts La Poste's SIRET (sum of digits multiple of 5) and a consortium with a subcontractor", async () => {
      const r = await central.request(
        "POST",
        "/api/marches",
        marche(t.directionId, {
          numero: "2025-0002",
          accordCadre: true,
          montantHt: null,
          montantMaxHt: 100000,
          formePrix: "unitaire",
          titulaires: [
            { siret: SIRET_B, nom: "Mandataire SA", role: "mandataire" },
            { siret: SIRET_POSTE, nom: "La Poste", role: "cotraitant" },
            { siret: SIRET_A, role: "sous-traitant", montantSousTraitanceHt: 5000, paiementDirect: true },
          ],
        }),
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const detail = await central.request("GET", `/api/marches/${r.body.id}`);
      assert.deepEqual(
        detail.body.marche.titulaires.map((h: { role: string; montantSousTraitanceHt: number | null }) => [
          h.role,
          h.montantSousTraitanceHt,
        ]),
        [
          ["mandataire", null],
          ["cotraitant", null],
          ["sous-traitant", 5000],
        ],
      );
    });

    it("scopes the list: a direction buyer sees only its direction and cannot create elsewhere (403)", async () => {
      await central.request("POST", "/api/marches", marche(autreDirection, { numero: "2025-CRE-1" }));
      const all = await central.request("GET", "/api/marches?tri=numero");
      assert.ok(all.body.marches.some((m: { numero: string }) => m.numero === "2025-CRE-1"));
      const mine = await acheteur.request("GET", "/api/marches");
      assert.ok(mine.body.marches.length >= 1);
      assert.ok(mine.body.marches.every((m: { directionId: string }) => m.directionId === t.directionId));
      const refused = await acheteur.request("POST", "/api/marches", marche(autreDirection, { numero: "2025-CRE-2" }));
      assert.equal(refused.status, 403);
      const other = all.body.marches.find((m: { numero: string }) => m.numero === "2025-CRE-1");
      assert.equal((await acheteur.request("GET", `/api/marches/${other.id}`)).status, 404);
      const filtered = await central.request("GET", `/api/marches?directionId=${autreDirection}&statut=echu`);
      assert.equal(filtered.body.total, 1);
    });

    it("checks each amendment with the engine: refused basis needs a legal ground, CAO opinion above 5 %, stale version 409", async () => {
      const list = await central.request("GET", "/api/marches?recherche=2025-0001");
      const [m] = list.body.marches;
      const small = await central.request("POST", `/api/marches/${m.id}/modifications`, {
        version: m.version,
        objet: "Tonte supplémentaire",
        fondement: "faible-montant",
        montantHt: 8000,
        dateSignature: "2025-06-02",
      });
      assert.equal(small.status, 201, JSON.stringify(small.body));
      assert.equal(small.body.modification.autorisee, true);
      assert.equal(small.body.modification.avisCaoRequis, false);
      assert.equal(small.body.modification.pourcentageCumule, 4);
      const stale = await central.request("POST", `/api/marches/${m.id}/modifications`, {
        version: m.version,
        objet: "Encore",
        fondement: "faible-montant",
        montantHt: 1000,
        dateSignature: "2025-06-03",
      });
      assert.equal(stale.status, 409);
      const v2 = small.body.marche.version;
      const refused = await central.request("POST", `/api/marches/${m.id}/modifications`, {
        version: v2,
        objet: "Extension du périmètre",
        fondement: "faible-montant",
        montantHt: 16000,
        dateSignature: "2025-07-01",
      });
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.equal(refused.body.code, "MODIFICATION_REFUSEE");
      assert.deepEqual(
        refused.body.issues.map((i: { path: string[] }) => i.path.join(".")),
        ["motifJuridique"],
      );
      const grounded = await central.request("POST", `/api/marches/${m.id}/modifications`, {
        version: v2,
        objet: "Extension du périmètre",
        fondement: "faible-montant",
        montantHt: 16000,
        dateSignature: "2025-07-01",
        nouvelleDateFin: "2026-06-30",
        motifJuridique: "Modification non substantielle (R2194-7) : même objet, même équilibre.",
      });
      assert.equal(grounded.status, 201, JSON.stringify(grounded.body));
      assert.equal(grounded.body.modification.autorisee, false);
      assert.equal(grounded.body.modification.avisCaoRequis, true);
      assert.equal(grounded.body.modification.pourcentageCumule, 12);
      assert.equal(grounded.body.marche.dateFin, "2026-06-30");
      const veille = await central.request("GET", "/api/marches/veille");
      assert.ok(veille.body.derivesAvenants.some((l: { numero: string }) => l.numero === "2025-0001"));
    });

    it("lets only one of two parallel amendments on the same version through (409 for the other)", async () => {
      const created = await central.request("POST", "/api/marches", marche(t.directionId, { numero: "2025-PAR" }));
      const body = (n: number) => ({
        version: created.body.version,
        objet: `Avenant ${n}`,
        fondement: "non-substantielle",
        montantHt: 1000,
        dateSignature: "2025-03-01",
      });
      const results = await Promise.all(
        [1, 2].map((n) => central.request("POST", `/api/marches/${created.body.id}/modifications`, body(n))),
      );
      assert.deepEqual(results.map((r) => r.status).sort(), [201, 409]);
      const [row] = await selectRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from marche_modifications where marche_id = ${created.body.id}`,
      );
      assert.equal(row?.n, 1);
    });

    it("consumes a framework with orders: alerts at 80 % and 100 %, refuses beyond the maximum", async () => {
      const fw = await central.request(
        "POST",
        "/api/marches",
        marche(t.directionId, { numero: "2025-AC", accordCadre: true, montantHt: null, montantMaxHt: 10000, formePrix: "unitaire" }),
      );
      const order = (montantHt: number, numero: string) =>
        central.request("POST", `/api/marches/${fw.body.id}/bons-commande`, { numero, dateEmission: "2025-03-01", montantHt });
      assert.equal((await order(7000, "BC1")).body.consommation.alerte, "aucune");
      const at80 = await order(1000, "BC2");
      assert.equal(at80.body.consommation.alerte, "80");
      assert.equal(at80.body.consommation.taux, 80);
      assert.equal((await order(2000, "BC3")).body.consommation.alerte, "100");
      const over = await order(0.01, "BC4");
      assert.equal(over.status, 422);
      assert.equal(over.body.code, "MAXIMUM_DEPASSE");
      const veille = await central.request("GET", "/api/marches/veille");
      assert.ok(
        veille.body.accordsCadresConsommes.some(
          (l: { numero: string; tauxConsommation: number }) => l.numero === "2025-AC" && l.tauxConsommation === 100,
        ),
      );
    });

    it("computes each invoice's delay, late interest and 40 € indemnity from the engine, to the cent", async () => {
      const list = await central.request("GET", "/api/marches?recherche=2025-0001");
      const id = list.body.marches[0].id;
      // 12 000 € received 3 March 2025, paid 22 April: 20 days late at 11.15 % → 73.32 € (see marches.test.ts)
      const late = await central.request("POST", `/api/marches/${id}/factures`, {
        numero: "F1",
        montantTtc: 12000,
        dateReception: "2025-03-03",
        datePaiement: "2025-04-22",
      });
      assert.equal(late.status, 201, JSON.stringify(late.body));
      assert.deepEqual(
        [
          late.body.dateEcheance,
          late.body.delaiPaiementJours,
          late.body.joursRetard,
          late.body.tauxInterets,
          late.body.interetsMoratoires,
          late.body.indemniteForfaitaire,
        ],
        ["2025-04-02", 50, 20, 11.15, 73.32, 40],
      );
      const unpaid = await central.request("POST", `/api/marches/${id}/factures`, {
        numero: "F2",
        montantTtc: 5000,
        dateReception: "2025-06-20",
      });
      assert.equal(unpaid.body.datePaiement, null);
      const paid = await central.request("PUT", `/api/marches/${id}/factures/${unpaid.body.id}/paiement`, { datePaiement: "2025-08-04" });
      assert.deepEqual([paid.body.joursRetard, paid.body.interetsMoratoires, paid.body.indemniteForfaitaire], [15, 20.86, 40]);
      assert.equal(
        (await central.request("PUT", `/api/marches/${id}/factures/${unpaid.body.id}/paiement`, { datePaiement: "2025-08-05" })).status,
        409,
      );
      const bad = await central.request("POST", `/api/marches/${id}/factures`, {
        numero: "F3",
        montantTtc: 10,
        dateReception: "2025-06-20",
        datePaiement: "2025-06-01",
      });
      assert.equal(bad.status, 400);
      assert.deepEqual(
        bad.body.issues.map((i: { path: string[] }) => i.path.join(".")),
        ["datePaiement"],
      );
    });

    it("follows insertion hours, then closes with the evaluation shown on the supplier's 360 page", async () => {
      const list = await central.request("GET", "/api/marches?recherche=2025-0001");
      const { id } = list.body.marches[0];
      await central.request("POST", `/api/marches/${id}/heures-insertion`, {
        periodeDebut: "2025-02-01",
        periodeFin: "2025-06-30",
        heures: 150,
      });
      const detail = await central.request("GET", `/api/marches/${id}`);
      assert.equal(detail.body.heuresRealisees, 150);
      assert.equal(detail.body.marche.heuresInsertionPrevues, 400);
      assert.equal(detail.body.paiements.interetsMoratoires, 94.18);
      const closed = await central.request("POST", `/api/marches/${id}/cloture`, {
        version: detail.body.marche.version,
        dateCloture: "2026-07-15",
        qualite: 4,
        delais: 3,
        relation: 5,
        commentaire: "Bon prestataire.",
      });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      assert.equal(closed.body.clos, true);
      assert.equal(
        (await central.request("POST", `/api/marches/${id}/factures`, { numero: "F9", montantTtc: 10, dateReception: "2026-07-20" }))
          .status,
        201,
      ); // a last invoice may still arrive
      assert.equal(
        (
          await central.request("POST", `/api/marches/${id}/heures-insertion`, {
            periodeDebut: "2026-01-01",
            periodeFin: "2026-06-30",
            heures: 10,
          })
        ).status,
        201,
      );
      const holder = detail.body.marche.titulaires[0].fournisseurId;
      const fiche = await central.request("GET", `/api/fournisseurs/${holder}`);
      assert.equal(fiche.status, 200);
      assert.deepEqual(
        fiche.body.evaluations.map((e: { qualite: number; relation: number }) => [e.qualite, e.relation]),
        [[4, 5]],
      );
      assert.equal(fiche.body.paiements.nombreEnRetard, 2);
      assert.equal(fiche.body.paiements.interetsMoratoires, 94.18);
      assert.equal(fiche.body.fournisseur.localisation, "inconnue");
      assert.ok(fiche.body.montantsParAnnee.some((a: { annee: number; notifieHt: number }) => a.annee === 2025 && a.notifieHt >= 200000));
    });

    it("creates the contract of a notified award once (job replayed), holders added to the directory", async () => {
      const event: AttributionNotifiee = {
        organisationId: t.organisationId,
        directionId: t.directionId,
        procedureId: "6f1d1c53-4c57-4c9a-9d0e-0d6d7a1c0001",
        lotNumero: 2,
        numero: "2026-PROC-L2",
        objet: "Fourniture de mobilier scolaire — lot 2",
        nature: "fournitures",
        cpv: "39160000-1",
        procedure: "Appel d'offres ouvert",
        titulaires: [{ siret: "40483304800022", nom: "Mobilier Éducation", role: "titulaire", categorie: "eti" }],
        montantHtCents: null,
        accordCadre: true,
        montantMinHtCents: null,
        montantMaxHtCents: 50_000_000,
        dateNotification: "2026-03-02",
        dureeMois: 48,
        nombreOffres: 4,
        clauseSociale: false,
        heuresInsertionPrevues: null,
        clauseEnvironnementale: true,
        marcheReserve: false,
        achatInnovant: false,
        lignesProgrammeIds: [],
      };
      await unitOfWork(t.ctx, (uow) => uow.outbox.enqueue(ATTRIBUTION_NOTIFIEE, event as unknown as Record<string, unknown>));
      const env = { ctx: t.ctx, jobId: "test", attempt: 1, lastAttempt: false };
      await attributionNotifieeJob.handler(attributionNotifieeJob.payload.parse(event), env);
      await attributionNotifieeJob.handler(attributionNotifieeJob.payload.parse(event), env);
      const found = await central.request("GET", "/api/marches?recherche=2026-PROC");
      assert.equal(found.body.total, 1);
      assert.equal(found.body.marches[0].montantMaxHt, 500000);
      const [queued] = await selectRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from pgboss.job where name = ${ATTRIBUTION_NOTIFIEE}`,
      );
      assert.equal(queued?.n, 1);
    });

    it("sends a direction's watch digest once a day, to its buyers", async () => {
      const first = await envoyerSynthese(t.ctx, { organisationId: t.organisationId, directionId: t.directionId, jour: "2026-12-02" });
      const second = await envoyerSynthese(t.ctx, { organisationId: t.organisationId, directionId: t.directionId, jour: "2026-12-02" });
      assert.deepEqual([first, second], [true, false]);
      const mails = await selectRows<{ sujet: string; texte: string }>(
        t.database.db,
        sql`select sujet, texte from courriels where categorie = 'marches.synthese'`,
      );
      assert.equal(mails.length, 1);
      assert.match(mails[0]?.sujet ?? "", /Veille des marchés/);
      assert.match(mails[0]?.texte ?? "", /Accords-cadres presque consommés/);
    });
  });
}
