import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import ICAL from "ical.js";
import { selectRows, sql } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import { apiTest, type ApiTest, type TestClient } from "../testing/harness";
import { instantParis } from "./agenda";

const SALON = {
  nom: "Salon des rendez-vous",
  date: "2027-06-10",
  lieu: "Hôtel du Département, Créteil",
  heureOuverture: "09:00",
  heureFermeture: "10:00",
  dureeCreneauMinutes: 20,
  pauses: [],
  tables: 2,
  capaciteEntreprises: 10,
  personnesParEntreprise: 2,
  statut: "ouvert",
};

type Client = TestClient & { utilisateur: { id: string; email: string } };

/** A published (or draft) line of the organisation's programme, written straight in the database. */
async function ligne(kit: ApiTest, objet: string, statut = "publiee", organisationId = kit.organisationId): Promise<string> {
  const id = randomUUID();
  await kit.database.db.execute(
    sql`insert into lignes_programme (id, organisation_id, annee, direction_id, objet, nature, cpv, valeur_estimee_ht_cents, trimestre,
      duree_mois, renouvellement, clause_sociale, lot_reserve, critere_environnemental, innovation, statut)
      values (${id}, ${organisationId}, 2027, ${kit.directionId}, ${objet}, 'services', '79340000', 5000000, 3, 24, false, false, false, false, false, ${statut})`,
  );
  return id;
}

for (const target of testTargets()) {
  describe(`salon : rendez-vous demandés sur la programmation, planning, agendas (${target.name})`, () => {
    let kit: ApiTest;
    let central: Client;
    let acheteurs: Client[];
    let entreprises: Client[];
    let salonId: string;
    let lignes: string[];

    before(async () => {
      kit = await apiTest(target);
      central = await kit.as("acheteur-central");
      acheteurs = [await kit.as("acheteur"), await kit.as("acheteur"), await kit.as("acheteur")];
      entreprises = [];
      for (let i = 0; i < 4; i++) entreprises.push(await kit.as("entreprise"));
      lignes = [await ligne(kit, "Nettoyage des collèges"), await ligne(kit, "Entretien des espaces verts")];
      const cree = await central.request("POST", "/api/salons", SALON);
      assert.equal(cree.status, 201, JSON.stringify(cree.body));
      salonId = cree.body.id;
      for (const e of entreprises.slice(0, 3))
        assert.equal((await e.request("POST", `/api/salons/${salonId}/mon-inscription`, { personnes: 1 })).status, 201);
    });
    after(() => kit.close());

    it("gives each attending buyer its own table and availability; the organiser sets anyone's, a buyer only its own", async () => {
      const [a0, a1, a2] = acheteurs as [Client, Client, Client];
      const mien = await a0.request("PUT", `/api/salons/${salonId}/acheteurs/${a0.utilisateur.id}`, { disponibilites: ["09h00", "09h20"] });
      assert.equal(mien.status, 200, JSON.stringify(mien.body));
      assert.equal(mien.body.numeroTable, 1);
      assert.equal(
        (await a0.request("PUT", `/api/salons/${salonId}/acheteurs/${a1.utilisateur.id}`, { disponibilites: ["09h00"] })).status,
        403,
      );
      const parOrganisateur = await central.request("PUT", `/api/salons/${salonId}/acheteurs/${a1.utilisateur.id}`, {
        disponibilites: ["09h40", "09h00", "09h00"],
      });
      assert.equal(parOrganisateur.status, 200);
      assert.equal(parOrganisateur.body.numeroTable, 2);
      const inconnu = await central.request("PUT", `/api/salons/${salonId}/acheteurs/${a2.utilisateur.id}`, { disponibilites: ["08h00"] });
      assert.equal(inconnu.status, 400);
      assert.deepEqual(inconnu.body.issues[0].path, ["disponibilites", 0]);
      const complet = await central.request("PUT", `/api/salons/${salonId}/acheteurs/${a2.utilisateur.id}`, { disponibilites: ["09h00"] });
      assert.equal(complet.status, 409);
      assert.equal(complet.body.code, "TABLES_FULL");
      const liste = await entreprises[0]!.request("GET", `/api/salons/${salonId}/acheteurs`);
      assert.deepEqual(
        liste.body.acheteurs.map((a: { numeroTable: number; disponibilites: string[] }) => [a.numeroTable, a.disponibilites]),
        [
          [1, ["09h00", "09h20"]],
          [2, ["09h00", "09h40"]],
        ],
      );
    });

    it("takes requests about published lines only, from admitted companies, one live per company and buyer", async () => {
      const [e0, e1, e2, e3] = entreprises as [Client, Client, Client, Client];
      const [a0, a1] = acheteurs as [Client, Client];
      const brouillon = await ligne(kit, "Ligne en brouillon", "brouillon");
      const mauvaise = await e0.request("POST", `/api/salons/${salonId}/demandes`, {
        acheteurId: a0.utilisateur.id,
        lignes: [lignes[0], brouillon],
        priorite: 1,
      });
      assert.equal(mauvaise.status, 400);
      assert.deepEqual(
        mauvaise.body.issues.map((i: { path: (string | number)[] }) => i.path),
        [["lignes", 1]],
      );
      const vide = await e0.request("POST", `/api/salons/${salonId}/demandes`, { acheteurId: a0.utilisateur.id, lignes: [], priorite: 4 });
      assert.equal(vide.status, 400);
      assert.deepEqual(vide.body.issues.map((i: { path: (string | number)[] }) => i.path.join(".")).sort(), ["lignes", "priorite"]);
      const absent = await e0.request("POST", `/api/salons/${salonId}/demandes`, {
        acheteurId: central.utilisateur.id,
        lignes: [lignes[0]],
        priorite: 1,
      });
      assert.equal(absent.status, 400);
      assert.deepEqual(absent.body.issues[0].path, ["acheteurId"]);
      const nonInscrite = await e3.request("POST", `/api/salons/${salonId}/demandes`, {
        acheteurId: a0.utilisateur.id,
        lignes: [lignes[0]],
        priorite: 1,
      });
      assert.equal(nonInscrite.status, 409);
      assert.equal(nonInscrite.body.code, "NOT_REGISTERED");

      const paralleles = await Promise.all(
        [1, 2, 3].map(() =>
          e0.request("POST", `/api/salons/${salonId}/demandes`, { acheteurId: a0.utilisateur.id, lignes: [lignes[0]], priorite: 1 }),
        ),
      );
      assert.deepEqual(paralleles.map((r) => r.status).sort(), [201, 409, 409]);
      for (const [e, a, p] of [
        [e0, a1, 2],
        [e1, a0, 1],
        [e2, a0, 1],
      ] as const) {
        const r = await e.request("POST", `/api/salons/${salonId}/demandes`, {
          acheteurId: a.utilisateur.id,
          lignes: [lignes[1]],
          priorite: p,
          note: "Nous entretenons 40 ha à Créteil.",
        });
        assert.equal(r.status, 201, JSON.stringify(r.body));
      }
      // a buyer invites a company (and it is mailed)
      const invitation = await a1.request("POST", `/api/salons/${salonId}/invitations`, {
        entrepriseId: await entrepriseDe(e2),
        lignes: [lignes[0]],
        priorite: 2,
      });
      assert.equal(invitation.status, 201, JSON.stringify(invitation.body));
      const mails = await selectRows<{ sujet: string }>(
        kit.database.db,
        sql`select sujet from courriels where ${e2.utilisateur.email} = any(destinataires)`,
      );
      assert.ok(mails.some((m) => m.sujet === `Invitation à un rendez-vous : ${SALON.nom}`));

      const siennes = await e0.request("GET", `/api/salons/${salonId}/demandes`);
      assert.deepEqual(
        siennes.body.demandes.map((d: { acheteurId: string }) => d.acheteurId).sort(),
        [a0.utilisateur.id, a1.utilisateur.id].sort(),
      );
      const pourA0 = await a0.request("GET", `/api/salons/${salonId}/demandes`);
      assert.equal(pourA0.body.demandes.length, 3);
      assert.equal(pourA0.body.demandes[0].lignes[0].objet, "Nettoyage des collèges");
      assert.equal((await e0.request("GET", `/api/salons/${salonId}/demandes?toutes=oui`)).status, 403);
      assert.equal((await central.request("GET", `/api/salons/${salonId}/demandes?toutes=oui`)).body.demandes.length, 5);
    });

    async function entrepriseDe(client: Client): Promise<string> {
      const [row] = await selectRows<{ entreprise_id: string }>(
        kit.database.db,
        sql`select entreprise_id from entreprise_membres where utilisateur_id = ${client.utilisateur.id}`,
      );
      return row!.entreprise_id;
    }

    it("plans every request it can, no one twice at once, inside the buyers' availability, and reports its bounds", async () => {
      const bilan = await central.request("POST", `/api/salons/${salonId}/planning`, {});
      assert.equal(bilan.status, 200, JSON.stringify(bilan.body));
      // a0 is free at 09h00 and 09h20 for 3 requests: one cannot be placed; a1 has 2 requests and 2 slots
      assert.equal(bilan.body.demandes, 5);
      assert.equal(bilan.body.places, 4);
      assert.equal(bilan.body.borneSuperieure, 4);
      assert.equal(bilan.body.entreprisesServies, 3);
      assert.equal(bilan.body.borneEntreprisesServies, 3);
      const plan = await central.request("GET", `/api/salons/${salonId}/planning`);
      const rdv = plan.body.rendezVous as { entrepriseId: string; acheteurId: string; creneau: string; numeroTable: number }[];
      const dispo: Record<string, string[]> = {
        [acheteurs[0]!.utilisateur.id]: ["09h00", "09h20"],
        [acheteurs[1]!.utilisateur.id]: ["09h00", "09h40"],
      };
      for (const r of rdv) assert.ok(dispo[r.acheteurId]?.includes(r.creneau), JSON.stringify(r));
      assert.equal(new Set(rdv.map((r) => `${r.acheteurId}|${r.creneau}`)).size, rdv.length);
      assert.equal(new Set(rdv.map((r) => `${r.entrepriseId}|${r.creneau}`)).size, rdv.length);
      const agenda = await entreprises[0]!.request("GET", `/api/salons/${salonId}/mon-agenda`);
      assert.equal(agenda.status, 200);
      assert.ok(agenda.body.rendezVous.length >= 1);
      assert.ok(agenda.body.rendezVous.every((r: { entrepriseId: string }) => r.entrepriseId === agenda.body.rendezVous[0].entrepriseId));
      assert.equal((await entreprises[0]!.request("GET", `/api/salons/${salonId}/planning`)).status, 403);
    });

    it("confirms the plan and mails each side its agenda; the iCalendar parses, one event per meeting at Paris time", async () => {
      const confirmation = await central.request("POST", `/api/salons/${salonId}/planning/confirmation`);
      assert.equal(confirmation.status, 200, JSON.stringify(confirmation.body));
      assert.equal(confirmation.body.confirmes, 4);
      assert.equal(confirmation.body.courriels, 3 + 2);
      const [mail] = await selectRows<{ texte: string }>(
        kit.database.db,
        sql`select texte from courriels where ${acheteurs[0]!.utilisateur.email} = any(destinataires) and categorie = 'salon.agenda'`,
      );
      assert.match(mail!.texte, /09:00–09:20, table 1 : /);
      assert.match(mail!.texte, /mon-agenda\.ics/);
      const ics = await acheteurs[0]!.request("GET", `/api/salons/${salonId}/mon-agenda.ics`);
      assert.equal(ics.status, 200);
      const composant = new ICAL.Component(ICAL.parse(ics.body as string));
      const evenements = composant.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
      assert.equal(evenements.length, 2);
      assert.equal(evenements[0]!.startDate.toJSDate().toISOString(), instantParis("2027-06-10", "09:00").toISOString());
      assert.equal(instantParis("2027-06-10", "09:00").toISOString(), "2027-06-10T07:00:00.000Z"); // summer time
      assert.equal(instantParis("2027-01-10", "09:00").toISOString(), "2027-01-10T08:00:00.000Z");
      const pdf = await entreprises[0]!.request("GET", `/api/salons/${salonId}/mon-agenda.pdf`);
      assert.equal(pdf.status, 200);
      assert.ok(String(pdf.body).startsWith("%PDF"));
      const tables = await central.request("GET", `/api/salons/${salonId}/plan-des-tables.pdf`);
      assert.equal(tables.status, 200);
    });

    it("re-plans without moving confirmed meetings; a declined request leaves the plan", async () => {
      const avant = (await central.request("GET", `/api/salons/${salonId}/planning`)).body.rendezVous as {
        demandeId: string;
        creneau: string;
      }[];
      const [e0] = entreprises as [Client];
      const siennes = (await e0.request("GET", `/api/salons/${salonId}/demandes`)).body.demandes as { id: string; acheteurId: string }[];
      const declinee = siennes[0]!;
      assert.equal((await e0.request("POST", `/api/salons/${salonId}/demandes/${declinee.id}/declin`)).status, 204);
      assert.equal((await entreprises[1]!.request("POST", `/api/salons/${salonId}/demandes/${declinee.id}/declin`)).status, 404);
      const bilan = await central.request("POST", `/api/salons/${salonId}/planning`, {});
      assert.equal(bilan.status, 200, JSON.stringify(bilan.body));
      assert.deepEqual(bilan.body.deplaces, []);
      const apres = (await central.request("GET", `/api/salons/${salonId}/planning`)).body.rendezVous as {
        demandeId: string;
        creneau: string;
      }[];
      const creneauApres = new Map(apres.map((r) => [r.demandeId, r.creneau]));
      for (const r of avant.filter((r) => r.demandeId !== declinee.id)) assert.equal(creneauApres.get(r.demandeId), r.creneau);
      assert.equal(creneauApres.has(declinee.id), false);
    });

    it("measures what came of the held fair: meetings held, then followed by a bid and an award on the lines discussed", async () => {
      const [e0, e1, e2] = entreprises as [Client, Client, Client];
      const ids = { e0: await entrepriseDe(e0), e1: await entrepriseDe(e1), e2: await entrepriseDe(e2) };
      // the fair is held: e0 and e1 came, e2 did not
      await kit.database.db.execute(sql`update salons set statut = 'tenu' where id = ${salonId}`);
      for (const [id, presence] of [
        [ids.e0, "present"],
        [ids.e1, "present"],
        [ids.e2, "absent"],
      ])
        await kit.database.db.execute(
          sql`update salon_inscriptions set presence = ${presence} where salon_id = ${salonId} and entreprise_id = ${id}`,
        );
      // then a procedure is launched for the second line: e0 bids and wins, e1 does not bid
      const procedureId = randomUUID();
      const offreId = randomUUID();
      const [siret] = await selectRows<{ siret: string }>(kit.database.db, sql`select siret from entreprises where id = ${ids.e0}`);
      await kit.database.db.execute(
        sql`insert into procedures (id, organisation_id, direction_id, reference, annee, objet, nature, procedure, publicite, criteres,
              condition_execution_sociale, condition_execution_environnementale, innovant, duree_mois, etat)
            values (${procedureId}, ${kit.organisationId}, ${kit.directionId}, 'E2E-1', 2027, 'Espaces verts', 'services', 'appel-offres-ouvert',
              'boamp-joue', '[]'::jsonb, false, false, false, 24, 'attribuee')`,
      );
      await kit.database.db.execute(sql`insert into procedure_lignes (procedure_id, ligne_id) values (${procedureId}, ${lignes[1]})`);
      await kit.database.db.execute(
        sql`insert into offres (id, procedure_id, lot_numero, siret, nom, membres, prix_ht_cents)
            values (${offreId}, ${procedureId}, 1, ${siret!.siret}, 'E0', '[]'::jsonb, 4000000)`,
      );
      await kit.database.db.execute(
        sql`insert into attributions (procedure_id, lot_numero, offre_id) values (${procedureId}, 1, ${offreId})`,
      );
      // and e1 signals its interest on the second line after the fair
      await kit.database.db.execute(
        sql`insert into signaux_interet (id, ligne_id, entreprise_id, utilisateur_id, cree_le, modifie_le)
            values (${randomUUID()}, ${lignes[1]}, ${ids.e1}, ${e1.utilisateur.id}, '2027-06-20T10:00:00Z', '2027-06-20T10:00:00Z')`,
      );

      // expected, counted from the plan itself
      const plan = await selectRows<{ entreprise_id: string; lignes: string[] }>(
        kit.database.db,
        sql`select r.entreprise_id, d.lignes from salon_rendez_vous r join salon_demandes d on d.id = r.demande_id where r.salon_id = ${salonId}`,
      );
      const tenus = plan.filter((r) => r.entreprise_id !== ids.e2);
      const suivis = tenus.filter((r) => r.entreprise_id === ids.e0 && r.lignes.includes(lignes[1] as string));
      const interesses = tenus.filter((r) => r.entreprise_id === ids.e1 && r.lignes.includes(lignes[1] as string));
      assert.ok(suivis.length >= 1 && tenus.length > suivis.length, JSON.stringify(plan));

      const reponse = await central.request("GET", "/api/salons/entonnoir");
      assert.equal(reponse.status, 200, JSON.stringify(reponse.body));
      const bilan = reponse.body.salons.find((x: { salonId: string }) => x.salonId === salonId);
      assert.deepEqual(
        [
          bilan.total.planifies,
          bilan.total.tenus,
          bilan.total.suivisDInteret,
          bilan.total.suivisDOffre,
          bilan.total.suivisDAttribution,
          bilan.total.entreprisesRencontrees,
        ],
        [plan.length, tenus.length, interesses.length, suivis.length, suivis.length, 2],
      );
      assert.equal((await entreprises[0]!.request("GET", "/api/salons/entonnoir")).status, 403);
    });
  });
}
