import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { isDatabaseUnavailable, selectRows, sql } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import type { UserActor } from "@achat-public/domain";
import { inscrireAuSalon } from "@achat-public/domain/salon";
import { unitOfWork } from "../context";
import { apiTest, type ApiTest, type TestClient } from "../testing/harness";

const SALON = {
  nom: "Salon de l'achat public 2027",
  date: "2027-06-10",
  lieu: "Hôtel du Département, Créteil",
  heureOuverture: "09:00",
  heureFermeture: "12:00",
  dureeCreneauMinutes: 20,
  pauses: [{ debut: "10:20", fin: "10:40" }],
  tables: 10,
  capaciteEntreprises: 2,
  personnesParEntreprise: 2,
  statut: "ouvert",
};

/**
 * Company accounts straight in the database (no password: the race below calls the use case through real
 * transactions, the HTTP layer adds nothing to the locking). Returns their actors.
 */
async function entreprisesEnMasse(kit: ApiTest, nombre: number, prefixe: string): Promise<UserActor[]> {
  const acteurs: UserActor[] = [];
  const lignes: { e: string; u: string; i: number }[] = [];
  for (let i = 0; i < nombre; i++) lignes.push({ e: randomUUID(), u: randomUUID(), i });
  for (let debut = 0; debut < lignes.length; debut += 100) {
    const paquet = lignes.slice(debut, debut + 100);
    await kit.database.db.execute(
      sql`insert into entreprises (id, siret, raison_sociale) values ${sql.join(
        paquet.map((l) => sql`(${l.e}, ${`${prefixe}${String(l.i).padStart(14 - prefixe.length, "0")}`}, ${`Course ${l.i}`})`),
        sql`, `,
      )}`,
    );
    await kit.database.db.execute(
      sql`insert into utilisateurs (id, organisation_id, email, nom_affiche, role) values ${sql.join(
        paquet.map((l) => sql`(${l.u}, ${kit.organisationId}, ${`course.${prefixe}.${l.i}@exemple.fr`}, ${`Course ${l.i}`}, 'entreprise')`),
        sql`, `,
      )}`,
    );
    await kit.database.db.execute(
      sql`insert into entreprise_membres (utilisateur_id, entreprise_id, administrateur) values ${sql.join(
        paquet.map((l) => sql`(${l.u}, ${l.e}, true)`),
        sql`, `,
      )}`,
    );
  }
  for (const l of lignes) {
    acteurs.push({
      kind: "user",
      userId: l.u,
      organisationId: kit.organisationId,
      role: "entreprise",
      directionId: null,
      label: `course.${prefixe}.${l.i}@exemple.fr`,
    });
  }
  return acteurs;
}

for (const target of testTargets()) {
  describe(`salon : organisation, inscriptions avec liste d'attente, pointage (${target.name})`, () => {
    let kit: ApiTest;
    let central: TestClient;
    let salonId: string;
    const entreprises: (TestClient & { utilisateur: { email: string } })[] = [];

    before(async () => {
      kit = await apiTest(target);
      central = await kit.as("acheteur-central");
      for (let i = 0; i < 4; i++) entreprises.push(await kit.as("entreprise"));
    });
    after(() => kit.close());

    it("lets the organiser set up a fair, every problem named; the slots skip the breaks", async () => {
      const bad = await central.request("POST", "/api/salons", {
        ...SALON,
        heureFermeture: "08:00",
        pauses: [{ debut: "10:40", fin: "10:20" }],
        tables: 0,
      });
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.issues.map((i: { path: (string | number)[] }) => i.path.join(".")).sort(), [
        "heureFermeture",
        "pauses.0.fin",
        "tables",
      ]);
      const created = await central.request("POST", "/api/salons", SALON);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      salonId = created.body.id;
      assert.deepEqual(created.body.creneaux, ["09h00", "09h20", "09h40", "10h00", "10h40", "11h00", "11h20", "11h40"]);
      assert.equal((await entreprises[0]!.request("POST", "/api/salons", SALON)).status, 403);
      const vu = await entreprises[0]!.request("GET", "/api/salons");
      assert.deepEqual(
        vu.body.salons.map((s: { id: string }) => s.id),
        [salonId],
      );
    });

    it("accepts while places remain, then puts on the waiting list, each told so (answer and mail)", async () => {
      const reponses = [];
      for (const e of entreprises) reponses.push(await e.request("POST", `/api/salons/${salonId}/mon-inscription`, { personnes: 1 }));
      assert.deepEqual(
        reponses.map((r) => [r.status, r.body.inscription?.statut, r.body.inscription?.positionAttente]),
        [
          [201, "acceptee", null],
          [201, "acceptee", null],
          [201, "attente", 1],
          [201, "attente", 2],
        ],
      );
      assert.match(reponses[3]!.body.inscription.message, /liste d'attente, position 2/);
      const double = await entreprises[0]!.request("POST", `/api/salons/${salonId}/mon-inscription`, { personnes: 1 });
      assert.equal(double.status, 409);
      const trop = await kit.as("entreprise");
      const personnes = await trop.request("POST", `/api/salons/${salonId}/mon-inscription`, { personnes: 3 });
      assert.equal(personnes.status, 400);
      assert.deepEqual(personnes.body.issues[0].path, ["personnes"]);
      const mails = await selectRows<{ sujet: string }>(
        kit.database.db,
        sql`select sujet from courriels where ${entreprises[2]!.utilisateur.email} = any(destinataires)`,
      );
      assert.deepEqual(
        mails.map((m) => m.sujet),
        ["Liste d'attente : Salon de l'achat public 2027 (position 1)"],
      );
    });

    it("promotes the first on the waiting list when an accepted company cancels, and mails it", async () => {
      assert.equal((await entreprises[1]!.request("DELETE", `/api/salons/${salonId}/mon-inscription`)).status, 204);
      const promue = await entreprises[2]!.request("GET", `/api/salons/${salonId}/mon-inscription`);
      assert.equal(promue.body.inscription.statut, "acceptee");
      const suivante = await entreprises[3]!.request("GET", `/api/salons/${salonId}/mon-inscription`);
      assert.equal(suivante.body.inscription.positionAttente, 1);
      const [mail] = await selectRows<{ sujet: string }>(
        kit.database.db,
        sql`select sujet from courriels where ${entreprises[2]!.utilisateur.email} = any(destinataires) and categorie = 'salon.promotion'`,
      );
      assert.match(mail?.sujet ?? "", /Une place s'est libérée/);
      assert.equal((await entreprises[1]!.request("GET", `/api/salons/${salonId}/mon-inscription`)).body.inscription, null);
      const liste = await central.request("GET", `/api/salons/${salonId}/inscriptions`);
      assert.deepEqual(
        liste.body.inscriptions.map((i: { statut: string }) => i.statut),
        ["acceptee", "acceptee", "attente"],
      );
    });

    it("checks in at the door (present / absent), only admitted companies", async () => {
      const liste = (await central.request("GET", `/api/salons/${salonId}/inscriptions`)).body.inscriptions;
      const [a, b, attente] = liste;
      assert.equal(
        (await central.request("PUT", `/api/salons/${salonId}/inscriptions/${a.id}/presence`, { presence: "present" })).status,
        204,
      );
      assert.equal(
        (await central.request("PUT", `/api/salons/${salonId}/inscriptions/${b.id}/presence`, { presence: "absent" })).status,
        204,
      );
      assert.equal(
        (await central.request("PUT", `/api/salons/${salonId}/inscriptions/${attente.id}/presence`, { presence: "present" })).status,
        409,
      );
      assert.equal(
        (await central.request("PUT", `/api/salons/${salonId}/inscriptions/${a.id}/presence`, { presence: "peut-etre" })).status,
        400,
      );
      const apres = (await central.request("GET", `/api/salons/${salonId}/inscriptions?statut=acceptee`)).body.inscriptions;
      assert.deepEqual(
        apres.map((i: { presence: string }) => i.presence),
        ["present", "absent"],
      );
    });

    it("never overbooks: 500 concurrent registrations for 100 places give exactly 100 accepted and 400 waiting", async () => {
      const course = await central.request("POST", "/api/salons", { ...SALON, nom: "Course aux places", capaciteEntreprises: 100 });
      const acteurs = await entreprisesEnMasse(kit, 500, target.name === "pglite" ? "71" : "72");
      const inscrire = (actor: UserActor) => unitOfWork(kit.ctx, (uow) => inscrireAuSalon(uow, actor, course.body.id, { personnes: 1 }));
      const resultats = await Promise.allSettled(acteurs.map(inscrire));
      // On PostgreSQL, a request that waits more than 10 s for a pooled connection is answered 503 (« lost »): its
      // client tries again. Nothing else may fail, and a lost request has written nothing.
      const statuts: Awaited<ReturnType<typeof inscrireAuSalon>>[] = [];
      const perdus: UserActor[] = [];
      resultats.forEach((r, i) => {
        if (r.status === "fulfilled") statuts.push(r.value);
        else {
          assert.ok(isDatabaseUnavailable(r.reason), `seule l'attente d'une connexion peut échouer : ${String(r.reason)}`);
          perdus.push(acteurs[i] as UserActor);
        }
      });
      if (target.name === "pglite") assert.equal(perdus.length, 0);
      for (const actor of perdus) statuts.push(await inscrire(actor));
      assert.equal(statuts.filter((r) => r.inscription.statut === "acceptee").length, 100);
      assert.equal(statuts.filter((r) => r.inscription.statut === "attente").length, 400);
      assert.deepEqual(
        statuts
          .map((r) => r.positionAttente)
          .filter((p) => p !== null)
          .sort((x, y) => (x as number) - (y as number)),
        Array.from({ length: 400 }, (_, i) => i + 1),
        "each waiting company told its own position",
      );
      const [compte] = await selectRows<{ acceptees: number; attente: number }>(
        kit.database.db,
        sql`select count(*) filter (where statut = 'acceptee')::int as acceptees, count(*) filter (where statut = 'attente')::int as attente
            from salon_inscriptions where salon_id = ${course.body.id}`,
      );
      assert.deepEqual(compte, { acceptees: 100, attente: 400 });
      const [mails] = await selectRows<{ n: number }>(
        kit.database.db,
        sql`select count(*)::int as n from courriels where categorie = 'salon.inscription' and sujet like '%Course aux places%'`,
      );
      assert.equal(mails?.n, 500, "each told so by mail");
    });
  });
}
