import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { selectRows, sql } from "@achat-public/db";
import { insertOrganisation, insertUtilisateur, testTargets } from "@achat-public/db/testing";
import { apiTest, TestClient, type ApiTest } from "../testing/harness";

const aujourdhui = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris" }).format(new Date());

const SALON = {
  nom: "Salon de la satisfaction",
  lieu: "Hôtel du Département, Créteil",
  heureOuverture: "09:00",
  heureFermeture: "10:00",
  dureeCreneauMinutes: 20,
  pauses: [],
  tables: 3,
  capaciteEntreprises: 10,
  personnesParEntreprise: 2,
  statut: "ouvert",
};

type Client = TestClient & { utilisateur: { id: string; email: string } };
const chemins = (body: { issues?: { path: (string | number)[] }[] }) => (body.issues ?? []).map((i) => i.path.join(".")).sort();

for (const target of testTargets()) {
  describe(`salon : disponibilités des entreprises, familles des acheteurs, questionnaire de satisfaction (${target.name})`, () => {
    let kit: ApiTest;
    let central: Client;
    let lecteur: Client;
    let acheteurs: Client[];
    let entreprises: Client[];
    let salonId: string;
    let ligne: string;

    before(async () => {
      kit = await apiTest(target);
      central = await kit.as("acheteur-central");
      lecteur = await kit.as("lecteur");
      acheteurs = [await kit.as("acheteur"), await kit.as("acheteur"), await kit.as("acheteur")];
      entreprises = [];
      for (let i = 0; i < 5; i++) entreprises.push(await kit.as("entreprise"));
      await kit.database.db.execute(
        sql`insert into familles_achat (id, organisation_id, code, libelle, nature, prefixes_cpv)
            values (${randomUUID()}, ${kit.organisationId}, 'F-NETT-01', 'Nettoyage des locaux', 'services', array['9091'])`,
      );
      ligne = randomUUID();
      await kit.database.db.execute(
        sql`insert into lignes_programme (id, organisation_id, annee, direction_id, objet, nature, cpv, valeur_estimee_ht_cents, trimestre,
          duree_mois, renouvellement, clause_sociale, lot_reserve, critere_environnemental, innovation, statut)
          values (${ligne}, ${kit.organisationId}, 2027, ${kit.directionId}, 'Nettoyage des collèges', 'services', '90911200', 5000000, 3, 24,
            false, false, false, false, false, 'publiee')`,
      );
      const cree = await central.request("POST", "/api/salons", { ...SALON, date: aujourdhui() });
      assert.equal(cree.status, 201, JSON.stringify(cree.body));
      salonId = cree.body.id;
      for (const e of [...entreprises.slice(0, 3), entreprises[4] as Client])
        assert.equal((await e.request("POST", `/api/salons/${salonId}/mon-inscription`, { personnes: 1 })).status, 201);
    });
    after(() => kit.close());

    it("lets the organiser set a buyer's purchase families (unknown codes named) and shows them to companies", async () => {
      const [a0, a1] = acheteurs as [Client, Client];
      const inconnue = await central.request("PUT", `/api/salons/${salonId}/acheteurs/${a0.utilisateur.id}`, {
        disponibilites: ["09h00", "09h20", "09h40"],
        familles: ["f-nett-01", "F-INCONNUE"],
      });
      assert.equal(inconnue.status, 400);
      assert.deepEqual(chemins(inconnue.body), ["familles.1"]);
      assert.match(inconnue.body.issues[0].message, /F-INCONNUE/);
      const ok = await central.request("PUT", `/api/salons/${salonId}/acheteurs/${a0.utilisateur.id}`, {
        disponibilites: ["09h00", "09h20", "09h40"],
        familles: ["f-nett-01"],
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.deepEqual(ok.body.familles, ["F-NETT-01"]);
      // a direction buyer does not set its own families (the organiser does), and keeps them when changing its slots
      const soi = await a0.request("PUT", `/api/salons/${salonId}/acheteurs/${a0.utilisateur.id}`, {
        disponibilites: ["09h00"],
        familles: [],
      });
      assert.equal(soi.status, 403);
      assert.equal(
        (await a0.request("PUT", `/api/salons/${salonId}/acheteurs/${a0.utilisateur.id}`, { disponibilites: ["09h00", "09h20", "09h40"] }))
          .body.familles[0],
        "F-NETT-01",
      );
      assert.equal(
        (await a1.request("PUT", `/api/salons/${salonId}/acheteurs/${a1.utilisateur.id}`, { disponibilites: ["09h00"] })).status,
        200,
      );
      const liste = await entreprises[0]!.request("GET", `/api/salons/${salonId}/acheteurs`);
      assert.deepEqual(
        liste.body.acheteurs.map((a: { familles: { code: string; libelle: string }[] }) => a.familles),
        [[{ code: "F-NETT-01", libelle: "Nettoyage des locaux" }], []],
      );
    });

    it("takes a company's own slots (unknown ones named) and plans its meetings within them", async () => {
      const [e0, , , e3] = entreprises as [Client, Client, Client, Client];
      const url = `/api/salons/${salonId}/mon-inscription/disponibilites`;
      const inconnus = await e0.request("PUT", url, { disponibilites: ["09h00", "08h00", "14h00"] });
      assert.equal(inconnus.status, 400);
      assert.deepEqual(chemins(inconnus.body), ["disponibilites.1", "disponibilites.2"]);
      assert.match(inconnus.body.issues[0].message, /Créneau inconnu : « 08h00 »/);
      assert.equal((await e0.request("PUT", url, { disponibilites: [] })).status, 400);
      assert.equal((await e3.request("PUT", url, { disponibilites: ["09h00"] })).status, 404, "pas inscrite");
      assert.equal((await central.request("PUT", url, { disponibilites: ["09h00"] })).status, 403);
      const ok = await e0.request("PUT", url, { disponibilites: ["09h40"] });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.deepEqual(ok.body.disponibilites, ["09h40"]);
      assert.deepEqual((await e0.request("GET", `/api/salons/${salonId}/mon-inscription`)).body.inscription.disponibilites, ["09h40"]);
      // all the slots: back to the whole day
      const e1 = entreprises[1] as Client;
      const tout = await e1.request("PUT", url, { disponibilites: ["09h40", "09h00", "09h20"] });
      assert.equal(tout.body.disponibilites, null);

      // the organiser sees each admitted company's slots (null: the whole day)
      const admises = (await central.request("GET", `/api/salons/${salonId}/inscriptions?statut=acceptee`)).body.inscriptions;
      const de = async (c: Client) => {
        const { id } = (await c.request("GET", `/api/salons/${salonId}/mon-inscription`)).body.inscription;
        return admises.find((i: { id: string }) => i.id === id)?.disponibilites;
      };
      assert.deepEqual([await de(e0), await de(e1)], [["09h40"], null]);

      const a0 = acheteurs[0] as Client;
      for (const e of [e0, e1])
        assert.equal(
          (await e.request("POST", `/api/salons/${salonId}/demandes`, { acheteurId: a0.utilisateur.id, lignes: [ligne], priorite: 1 }))
            .status,
          201,
        );
      const plan = await central.request("POST", `/api/salons/${salonId}/planning`, {});
      assert.equal(plan.status, 200, JSON.stringify(plan.body));
      assert.equal(plan.body.places, 2);
      const agenda = await e0.request("GET", `/api/salons/${salonId}/mon-agenda`);
      assert.deepEqual(
        agenda.body.rendezVous.map((r: { creneau: string }) => r.creneau),
        ["09h40"],
      );
      // the company narrows its slots: the meeting outside them leaves the plan
      const retire = await e0.request("PUT", url, { disponibilites: ["09h00"] });
      assert.equal(retire.body.rendezVousRetires, 1);
    });

    it("refuses answers before the fair is held (409), then takes one per present company and attending buyer", async () => {
      const [e0, e1, e2, e3, e4] = entreprises as [Client, Client, Client, Client, Client];
      const [a0, , a2] = acheteurs as [Client, Client, Client];
      const reponse = { satisfaction: 4, utilite: 5, reviendrait: true, commentaire: "Très bons échanges sur le nettoyage." };
      const url = `/api/salons/${salonId}/ma-satisfaction`;
      const tot = await e0.request("PUT", url, reponse);
      assert.equal(tot.status, 409);
      assert.equal(tot.body.code, "SURVEY_NOT_OPEN");
      assert.equal((await e0.request("GET", url)).body.etat, "a-venir");

      const ids = await Promise.all(
        [e0, e1, e2, e4].map(async (e) => (await e.request("GET", `/api/salons/${salonId}/mon-inscription`)).body.inscription.id),
      );
      for (const [k, presence] of (["present", "present", "present", "absent"] as const).entries())
        assert.equal((await central.request("PUT", `/api/salons/${salonId}/inscriptions/${ids[k]}/presence`, { presence })).status, 204);
      const salon = (await central.request("GET", `/api/salons/${salonId}`)).body;
      const { id: _i, statutLibelle: _s, creneaux: _c, acceptees: _a, enAttente: _e, ...champs } = salon;
      assert.equal((await central.request("PUT", `/api/salons/${salonId}`, { ...champs, statut: "tenu" })).status, 200);

      const premiere = await e0.request("PUT", url, reponse);
      assert.equal(premiere.status, 200, JSON.stringify(premiere.body));
      assert.deepEqual(premiere.body, { cote: "entreprise", modification: false });
      // another member of the same company changes the company's one answer
      const modifiee = await e0.request("PUT", url, { ...reponse, satisfaction: 3, commentaire: null });
      assert.deepEqual(modifiee.body, { cote: "entreprise", modification: true });
      const lue = await e0.request("GET", url);
      assert.equal(lue.body.etat, "ouvert");
      assert.equal(lue.body.peutRepondre, true);
      assert.equal(lue.body.reponse.satisfaction, 3);
      assert.equal(lue.body.reponse.commentaire, null);
      assert.equal(
        (await e1.request("PUT", url, { satisfaction: 5, utilite: 4, reviendrait: false, commentaire: "Bien  \n organisé" })).status,
        200,
      );

      for (const [qui, attendu] of [
        [e4, "NOT_ATTENDED"], // pointée absente
        [e3, "NOT_ATTENDED"], // jamais inscrite
        [a2, "NOT_ATTENDED"], // acheteur sans table
      ] as const) {
        const r = await qui.request("PUT", url, reponse);
        assert.equal(r.status, 409, JSON.stringify(r.body));
        assert.equal(r.body.code, attendu);
      }
      assert.equal((await e4.request("GET", url)).body.peutRepondre, false);
      assert.equal((await e2.request("PUT", url, { satisfaction: 4, utilite: 4, reviendrait: true })).status, 200);
      assert.equal((await lecteur.request("PUT", url, reponse)).status, 403);
      const acheteur = await a0.request("PUT", url, { satisfaction: 2, utilite: 3, reviendrait: true });
      assert.deepEqual(acheteur.body, { cote: "acheteur", modification: false });
    });

    it("refuses out-of-range notes, bad unicode, an overlong comment and answering for another company", async () => {
      const e0 = entreprises[0] as Client;
      const url = `/api/salons/${salonId}/ma-satisfaction`;
      const horsBornes = await e0.request("PUT", url, { satisfaction: 6, utilite: 0, reviendrait: "oui" });
      assert.equal(horsBornes.status, 400);
      assert.deepEqual(chemins(horsBornes.body), ["reviendrait", "satisfaction", "utilite"]);
      assert.equal((await e0.request("PUT", url, { satisfaction: 4.5, utilite: 3, reviendrait: true })).status, 400);
      const unicode = await e0.request("PUT", url, { satisfaction: 4, utilite: 3, reviendrait: true, commentaire: "Bien\uD800 reçu" });
      assert.equal(unicode.status, 400);
      assert.deepEqual(chemins(unicode.body), ["commentaire"]);
      const controle = await e0.request("PUT", url, { satisfaction: 4, utilite: 3, reviendrait: true, commentaire: "a\u0000b" });
      assert.equal(controle.status, 400);
      const long = await e0.request("PUT", url, { satisfaction: 4, utilite: 3, reviendrait: true, commentaire: "x".repeat(1001) });
      assert.equal(long.status, 400);
      assert.deepEqual(chemins(long.body), ["commentaire"]);
      const pourUneAutre = await e0.request("PUT", url, {
        satisfaction: 1,
        utilite: 1,
        reviendrait: false,
        entrepriseId: randomUUID(),
      });
      assert.equal(pourUneAutre.status, 400);
      // nothing changed: still the company's own answer
      assert.equal((await e0.request("GET", url)).body.reponse.satisfaction, 3);
    });

    it("gives the organiser and the management aggregated results only, never who answered what", async () => {
      const url = `/api/salons/${salonId}/satisfaction`;
      const bilan = await central.request("GET", url);
      assert.equal(bilan.status, 200, JSON.stringify(bilan.body));
      const [entreprisesCote, acheteursCote] = bilan.body.cotes;
      assert.deepEqual(
        {
          reponses: entreprisesCote.reponses,
          participants: entreprisesCote.participants,
          taux: entreprisesCote.tauxReponse,
          moyenne: entreprisesCote.moyenneSatisfaction,
          utilite: entreprisesCote.moyenneUtilite,
          retour: entreprisesCote.tauxRetour,
          distribution: entreprisesCote.distributionSatisfaction,
        },
        { reponses: 3, participants: 3, taux: 1, moyenne: 4, utilite: 4.33, retour: 0.6667, distribution: [0, 0, 1, 1, 1] },
      );
      // one buyer answered: what it said is withheld, and so is the total (it would give it back by difference)
      assert.deepEqual(
        [acheteursCote.reponses, acheteursCote.participants, acheteursCote.tauxReponse, acheteursCote.masque],
        [1, 2, 0.5, true],
      );
      assert.deepEqual(
        [
          acheteursCote.moyenneSatisfaction,
          acheteursCote.moyenneUtilite,
          acheteursCote.distributionSatisfaction,
          acheteursCote.reviendraient,
        ],
        [null, null, null, null],
      );
      assert.deepEqual(
        [bilan.body.total.reponses, bilan.body.total.participants, bilan.body.total.masque, bilan.body.total.moyenneSatisfaction],
        [4, 5, true, null],
      );
      assert.deepEqual(bilan.body.commentaires, [{ cote: "entreprise", texte: "Bien  \n organisé" }]);
      const texte = JSON.stringify(bilan.body);
      for (const c of [...entreprises, ...acheteurs]) assert.ok(!texte.includes(c.utilisateur.id));
      const entrepriseIds = await selectRows<{ id: string }>(kit.database.db, sql`select entreprise_id as id from salon_inscriptions`);
      for (const { id } of entrepriseIds) assert.ok(!texte.includes(id), "aucun identifiant d'entreprise");

      const parLecteur = await lecteur.request("GET", url);
      assert.equal(parLecteur.status, 200);
      assert.equal(parLecteur.body.commentaires, null, "les commentaires : l'organisateur seulement");
      assert.equal((await acheteurs[0]!.request("GET", url)).status, 403);
      assert.equal((await entreprises[0]!.request("GET", url)).status, 403);
      assert.equal((await central.request("GET", `/api/salons/${randomUUID()}/satisfaction`)).status, 404);

      // the audit says an answer was given, not what it says
      const audit = await selectRows<{ payload: Record<string, unknown> }>(
        kit.database.db,
        sql`select payload from audit_events where type = 'salon.satisfaction-answered'`,
      );
      assert.equal(audit.length, 5);
      for (const a of audit) assert.deepEqual(Object.keys(a.payload).sort(), ["cote", "modification"]);
    });

    it("keeps another organisation's organiser and buyers out, and closes the survey 30 days after the fair", async () => {
      const autre = await insertOrganisation(kit.database.db);
      const hash = await kit.ctx.hasher.hash("mot de passe de l'organisation B");
      const b = await insertUtilisateur(
        kit.database.db,
        { organisationId: autre.id, role: "acheteur-central", email: "central@org-b.fr" },
        hash,
      );
      const centralB = new TestClient(kit.app);
      assert.equal((await centralB.login(b.email, "mot de passe de l'organisation B")).status, 200);
      assert.equal((await centralB.request("GET", `/api/salons/${salonId}/satisfaction`)).status, 404);
      assert.equal(
        (await centralB.request("PUT", `/api/salons/${salonId}/ma-satisfaction`, { satisfaction: 5, utilite: 5, reviendrait: true }))
          .status,
        404,
      );
      assert.equal(
        (await centralB.request("PUT", `/api/salons/${salonId}/acheteurs/${acheteurs[0]!.utilisateur.id}`, { disponibilites: ["09h00"] }))
          .status,
        404,
      );

      const e0 = entreprises[0] as Client;
      const ancien = await central.request("POST", "/api/salons", { ...SALON, nom: "Salon d'il y a longtemps", date: "2024-06-13" });
      await e0.request("POST", `/api/salons/${ancien.body.id}/mon-inscription`, { personnes: 1 });
      const id = (await e0.request("GET", `/api/salons/${ancien.body.id}/mon-inscription`)).body.inscription.id;
      await central.request("PUT", `/api/salons/${ancien.body.id}/inscriptions/${id}/presence`, { presence: "present" });
      const { id: _i, statutLibelle: _s, creneaux: _c, acceptees: _a, enAttente: _e, ...champs } = ancien.body;
      assert.equal((await central.request("PUT", `/api/salons/${ancien.body.id}`, { ...champs, statut: "tenu" })).status, 200);
      const clos = await e0.request("PUT", `/api/salons/${ancien.body.id}/ma-satisfaction`, {
        satisfaction: 5,
        utilite: 5,
        reviendrait: true,
      });
      assert.equal(clos.status, 409);
      assert.equal(clos.body.code, "SURVEY_CLOSED");
      assert.match(clos.body.detail, /2024-07-13/);
      const lue = await e0.request("GET", `/api/salons/${ancien.body.id}/ma-satisfaction`);
      assert.deepEqual([lue.body.etat, lue.body.peutRepondre, lue.body.cloture], ["clos", false, "2024-07-13"]);
    });

    it("keeps one answer when an attending buyer sends its first answer eight times at once (no 500, nothing counted twice)", async () => {
      const a1 = acheteurs[1] as Client;
      const url = `/api/salons/${salonId}/ma-satisfaction`;
      const [{ n: avant }] = (await selectRows<{ n: number }>(
        kit.database.db,
        sql`select count(*)::int as n from audit_events where type = 'salon.satisfaction-answered'`,
      )) as [{ n: number }];
      const reponses = await Promise.all(
        Array.from({ length: 8 }, (_, k) => a1.request("PUT", url, { satisfaction: 1 + (k % 5), utilite: 4, reviendrait: true })),
      );
      const creees = reponses.filter((r) => r.status === 200 && r.body.modification === false);
      const modifiees = reponses.filter((r) => r.status === 200 && r.body.modification === true);
      const refusees = reponses.filter((r) => r.status === 409);
      assert.equal(creees.length, 1, JSON.stringify(reponses.map((r) => [r.status, r.body])));
      assert.equal(creees.length + modifiees.length + refusees.length, 8, JSON.stringify(reponses.map((r) => [r.status, r.body])));
      for (const r of refusees) {
        assert.equal(r.body.code, "ALREADY_ANSWERED");
        assert.deepEqual(chemins(r.body), ["salonId"]);
      }
      const [lignes] = await selectRows<{ n: number }>(
        kit.database.db,
        sql`select count(*)::int as n from salon_satisfaction where salon_id = ${salonId} and utilisateur_id = ${a1.utilisateur.id}`,
      );
      assert.equal(lignes?.n, 1);
      const [apres] = await selectRows<{ n: number }>(
        kit.database.db,
        sql`select count(*)::int as n from audit_events where type = 'salon.satisfaction-answered'`,
      );
      assert.equal(apres?.n, avant + creees.length + modifiees.length, "une entrée d'audit par réponse acceptée, aucune pour un refus");
    });
  });
}
