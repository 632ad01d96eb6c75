import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { openPgliteTestDatabase } from "@achat-public/db/testing";
import { validSiret } from "@achat-public/domain/testing";
import { apiTest, type ApiTest, type TestClient } from "../testing/harness";

const SIRET = "73282932000074";

/**
 * « Offres déposées et gagnées » of the 360 page, read in the procedures context's tables: bids entered on real
 * procedures through their API, one lot won, one lost; a direction buyer sees the bids of its direction only.
 */
describe("fiche 360 : offres déposées et gagnées (pglite)", () => {
  let t: ApiTest;
  let central: TestClient;
  let acheteur: TestClient;
  let fournisseurId: string;

  before(async () => {
    t = await apiTest({ name: "pglite", open: openPgliteTestDatabase });
    central = await t.as("acheteur-central");
    acheteur = await t.as("acheteur");
    const created = await central.request("POST", "/api/fournisseurs", { siret: SIRET, nom: "Verts Jardins SARL", categorie: "pme" });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    fournisseurId = created.body.id;
  });
  after(() => t.close());

  /** A two-lot procedure of the client's direction, run to award: `SIRET` bids on both lots, wins lot 1. */
  async function procedureAttribuee(client: TestClient, objet: string): Promise<string> {
    const c = await client.request("POST", "/api/procedures", {
      annee: 2026,
      motifHorsProgramme: "Besoin apparu en cours d'année, non programmé.",
      objet,
      nature: "services",
      procedure: "Appel d'offres ouvert",
      criteres: [
        { libelle: "Prix", poids: 60, prix: true },
        { libelle: "Performance environnementale", poids: 40, environnemental: true },
      ],
      conditionExecutionSociale: true,
      conditionExecutionEnvironnementale: true,
      urlProfilAcheteur: "https://marches.example.fr/consultation/7",
      dureeMois: 24,
      dateLimiteReception: "2026-10-15",
      lots: [
        { objet: "Lot nord", cpv: "77310000-6", valeurEstimeeHt: 150000 },
        { objet: "Lot sud", cpv: "77310000-6", valeurEstimeeHt: 150000 },
      ],
    });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    let p = (await client.request("POST", `/api/procedures/${c.body.id}/publier`, { version: 1, datePublication: "2026-09-01" })).body;
    const offre = async (lot: number, siret: string, prixHt: number) => {
      const r = await client.request("POST", `/api/procedures/${p.id}/lots/${lot}/offres`, {
        version: p.version,
        siret,
        nom: "Entreprise",
        prixHt,
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      p = r.body;
    };
    await offre(1, SIRET, 12345.67);
    await offre(2, SIRET, 5000);
    await offre(2, validSiret(55208131), 4000);
    p = (await client.request("POST", `/api/procedures/${p.id}/cloturer-reception`, { version: p.version })).body;
    p = (await client.request("POST", `/api/procedures/${p.id}/analyser`, { version: p.version })).body;
    const gagnante = (lot: number, siret: string) => p.lots[lot - 1].offres.find((o: { siret: string }) => o.siret === siret).id as string;
    const r = await client.request("POST", `/api/procedures/${p.id}/attribuer`, {
      version: p.version,
      dateAttribution: "2026-11-02",
      dateSeanceCao: "2026-10-28",
      lots: [
        { numero: 1, offreIds: [gagnante(1, SIRET)] },
        { numero: 2, offreIds: [gagnante(2, validSiret(55208131))] },
      ],
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.reference;
  }

  it("counts the bids made and won, within the actor's direction scope", async () => {
    const vide = await central.request("GET", `/api/fournisseurs/${fournisseurId}`);
    assert.equal(vide.status, 200, JSON.stringify(vide.body));
    assert.deepEqual([vide.body.offres.deposees, vide.body.offres.gagnees], [0, 0]);

    const reference = await procedureAttribuee(acheteur, "Entretien des espaces verts");
    const fiche = await central.request("GET", `/api/fournisseurs/${fournisseurId}`);
    assert.equal(fiche.body.offres.deposees, 2);
    assert.equal(fiche.body.offres.gagnees, 1);
    assert.deepEqual(
      fiche.body.offres.dernieres.map((o: { reference: string; lotNumero: number; gagnee: boolean; prixHt: number }) => [
        o.reference,
        o.lotNumero,
        o.gagnee,
        o.prixHt,
      ]),
      [
        [reference, 1, true, 12345.67],
        [reference, 2, false, 5000],
      ],
    );
    const vue = await acheteur.request("GET", `/api/fournisseurs/${fournisseurId}`);
    assert.equal(vue.body.offres.deposees, 2, "the direction buyer sees the bids on its direction's procedure");
  });
});
