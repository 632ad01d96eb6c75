import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "@achat-public/db";
import { openPgliteTestDatabase } from "@achat-public/db/testing";
import { apiTest, type ApiTest, type TestClient } from "../testing/harness";

const SIRET = "73282932000074";

/**
 * « Offres déposées et gagnées » of the 360 page, read in the procedures context's tables: null while they do not
 * exist, then counted from `offres` and `attributions` (created here with the columns the adapter reads, as the
 * procedures context's migration will; PGlite only: the tables must not outlive the test database).
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

  it("answers null (not an error) while the procedures context's tables are absent", async () => {
    const fiche = await central.request("GET", `/api/fournisseurs/${fournisseurId}`);
    assert.equal(fiche.status, 200, JSON.stringify(fiche.body));
    assert.equal(fiche.body.offres, null);
  });

  it("counts the bids made and won once the tables exist, within the actor's direction scope", async () => {
    const db = t.database.db;
    await db.execute(
      sql`create table procedures (id uuid primary key, organisation_id uuid not null, direction_id uuid not null, reference text not null, objet text not null)`,
    );
    await db.execute(
      sql`create table offres (id uuid primary key, procedure_id uuid not null, lot_numero integer not null, siret text not null, prix_ht_cents bigint not null)`,
    );
    await db.execute(sql`create table attributions (procedure_id uuid not null, lot_numero integer not null, offre_id uuid not null)`);
    const autre = "00000000-0000-4000-8000-000000000099";
    await db.execute(sql`insert into procedures values
      ('00000000-0000-4000-8000-000000000001', ${t.organisationId}, ${t.directionId}, '2026-PA-001', 'Espaces verts'),
      ('00000000-0000-4000-8000-000000000002', ${t.organisationId}, ${autre}, '2026-AO-002', 'Voirie')`);
    await db.execute(sql`insert into offres values
      ('00000000-0000-4000-8000-000000000011', '00000000-0000-4000-8000-000000000001', 1, ${SIRET}, 1234567),
      ('00000000-0000-4000-8000-000000000012', '00000000-0000-4000-8000-000000000001', 2, ${SIRET}, 500000),
      ('00000000-0000-4000-8000-000000000013', '00000000-0000-4000-8000-000000000002', 1, ${SIRET}, 900000),
      ('00000000-0000-4000-8000-000000000014', '00000000-0000-4000-8000-000000000002', 1, '55208131766522', 800000)`);
    await db.execute(sql`insert into attributions values
      ('00000000-0000-4000-8000-000000000001', 1, '00000000-0000-4000-8000-000000000011'),
      ('00000000-0000-4000-8000-000000000002', 1, '00000000-0000-4000-8000-000000000014')`);
    const fiche = await central.request("GET", `/api/fournisseurs/${fournisseurId}`);
    assert.equal(fiche.body.offres.deposees, 3);
    assert.equal(fiche.body.offres.gagnees, 1);
    assert.deepEqual(
      fiche.body.offres.dernieres.map((o: { reference: string; lotNumero: number; gagnee: boolean; prixHt: number }) => [
        o.reference,
        o.lotNumero,
        o.gagnee,
        o.prixHt,
      ]),
      [
        ["2026-PA-001", 1, true, 12345.67],
        ["2026-PA-001", 2, false, 5000],
        ["2026-AO-002", 1, false, 9000],
      ],
    );
    const vue = await acheteur.request("GET", `/api/fournisseurs/${fournisseurId}`);
    assert.equal(vue.body.offres.deposees, 2, "a direction buyer sees the bids on its direction's procedures only");
  });
});
