import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { selectRows, sql } from "@achat-public/db";
import { insertDirection, testTargets } from "@achat-public/db/testing";
import { fourchetteValeur } from "@achat-public/domain/programme";
import { guidesEntreprises, jourParis } from "@achat-public/domain/sourcage";
import type { DateLegale } from "@achat-public/domain/valeurs";
import { apiTest, type ApiTest, type TestClient } from "../testing/harness";

type Client = TestClient & { utilisateur: { id: string; email: string } };

/** Next year: the lines stay upcoming whatever the day the tests run. */
const ANNEE = new Date().getFullYear() + 1;

/** Creates a line as the buyer and takes it to `publiee` (or leaves it `brouillon`). */
async function ligne(kit: ApiTest, objet: string, directionId: string, publier = true): Promise<{ id: string; annee: number }> {
  const central = await kit.as("acheteur-central");
  let l = (
    await central.request("POST", "/api/programme/lignes", {
      annee: ANNEE,
      directionId,
      objet,
      nature: "services",
      cpv: "77310000-6",
      valeurEstimeeHt: 120000,
      trimestre: 3,
      dureeMois: 36,
      renouvellement: true,
    })
  ).body;
  assert.ok(l.id, JSON.stringify(l));
  if (!publier) return l;
  l = (await central.request("POST", `/api/programme/lignes/${l.id}/soumettre`, { version: l.version })).body;
  l = (await central.request("POST", `/api/programme/lignes/${l.id}/valider`, { version: l.version })).body;
  l = (await central.request("POST", `/api/programme/lignes/${l.id}/publier`, { version: l.version })).body;
  assert.equal(l.statut, "publiee");
  return l;
}

const QUESTIONNAIRE = {
  titre: "Entretien des espaces verts : vos capacités",
  introduction: "Le département prépare la consultation.",
  questions: [
    { libelle: "Pouvez-vous intervenir sur tout le département ?", type: "oui-non" },
    { libelle: "Quel allotissement vous conviendrait ?", type: "choix", choix: ["Un lot unique", "Un lot par secteur"] },
    { libelle: "Vos remarques", type: "texte" },
  ],
  // four weeks from now (Paris day): open whatever the day the tests run
  dateCloture: new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris" }).format(new Date(Date.now() + 28 * 86_400_000)),
};

for (const target of testTargets()) {
  describe(`sourçage : signaux d'intérêt et questionnaires (${target.name})`, () => {
    let kit: ApiTest;
    let alpha: Client;
    let beta: Client;
    let acheteur: Client;
    let acheteurAutre: Client;
    let lecteur: Client;
    let publiee: { id: string; annee: number };
    let autreDirection: { id: string; annee: number };
    let brouillon: { id: string; annee: number };
    let alphaId: string;

    before(async () => {
      kit = await apiTest(target);
      alpha = await kit.as("entreprise");
      beta = await kit.as("entreprise");
      acheteur = await kit.as("acheteur");
      lecteur = await kit.as("lecteur");
      const admin = await kit.as("admin");
      const famille = await admin.request("POST", "/api/programme/familles", {
        code: "f-verts",
        libelle: "Espaces verts",
        nature: "services",
        prefixesCpv: ["7731"],
      });
      assert.equal(famille.status, 201, JSON.stringify(famille.body));
      const autre = await insertDirection(kit.database.db, {
        organisationId: kit.organisationId,
        nom: "Direction des routes",
        sigle: "DR",
      });
      acheteurAutre = await kit.as("acheteur", { directionId: autre.id });
      publiee = await ligne(kit, "Entretien des espaces verts des collèges", kit.directionId);
      autreDirection = await ligne(kit, "Balayage des routes départementales", autre.id);
      brouillon = await ligne(kit, "Élagage des arbres d'alignement", kit.directionId, false);
      // Alpha is in the supplier directory (Créteil): its locality comes from there, by SIRET
      const [a] = await selectRows<{ entreprise_id: string; siret: string }>(
        kit.database.db,
        sql`select m.entreprise_id, e.siret from entreprise_membres m join entreprises e on e.id = m.entreprise_id where m.utilisateur_id = ${alpha.utilisateur.id}`,
      );
      alphaId = (a as { entreprise_id: string }).entreprise_id;
      const siret = (a as { siret: string }).siret;
      await kit.database.db.execute(
        sql`insert into fournisseurs (id, organisation_id, siret, siren, nom, code_commune, departement)
            values (${randomUUID()}, ${kit.organisationId}, ${siret}, ${siret.slice(0, 9)}, 'Alpha', '94028', '94')`,
      );
      await kit.database.db.execute(
        sql`update entreprises set categorie = 'pme', statut_inclusif = 'siae', activites = '{77310000-6}', certifications = '{ISO 14001}' where id = ${alphaId}`,
      );
    });
    after(() => kit.close());

    it("lets a company signal interest in a published line, once, with a checked note, and withdraw it", async () => {
      const mauvaise = await alpha.request("PUT", `/api/entreprise/interets/${publiee.id}`, { note: "a\u0000b" });
      assert.equal(mauvaise.status, 400);
      assert.deepEqual(mauvaise.body.issues[0].path, ["note"]);
      const trop = await alpha.request("PUT", `/api/entreprise/interets/${publiee.id}`, { note: "x".repeat(1001) });
      assert.equal(trop.status, 400);
      assert.deepEqual(trop.body.issues[0].path, ["note"]);
      assert.equal((await alpha.request("PUT", `/api/entreprise/interets/${brouillon.id}`, {})).status, 404, "line not published");
      assert.equal((await alpha.request("PUT", `/api/entreprise/interets/${randomUUID()}`, {})).status, 404);

      const premier = await alpha.request("PUT", `/api/entreprise/interets/${publiee.id}`, {
        note: "Nous entretenons déjà trois collèges.",
      });
      assert.equal(premier.status, 200, JSON.stringify(premier.body));
      assert.equal(premier.body.cree, true);
      const second = await alpha.request("PUT", `/api/entreprise/interets/${publiee.id}`, { note: "Quatre collèges, en fait." });
      assert.equal(second.body.cree, false);
      assert.equal(second.body.id, premier.body.id);

      const mes = await alpha.request("GET", "/api/entreprise/interets");
      assert.equal(mes.body.signaux.length, 1);
      assert.equal(mes.body.signaux[0].note, "Quatre collèges, en fait.");
      assert.equal(mes.body.signaux[0].ligne.url, `/programme-public/${ANNEE}/${publiee.id}`);
      assert.deepEqual((await beta.request("GET", "/api/entreprise/interets")).body.signaux, [], "never another company's signals");

      assert.equal((await beta.request("DELETE", `/api/entreprise/interets/${publiee.id}`)).status, 404, "B cannot withdraw A's signal");
      assert.equal((await beta.request("PUT", `/api/entreprise/interets/${autreDirection.id}`, {})).status, 200);
      assert.equal((await beta.request("DELETE", `/api/entreprise/interets/${autreDirection.id}`)).status, 204);
      assert.equal((await beta.request("DELETE", `/api/entreprise/interets/${autreDirection.id}`)).status, 404);

      const audit = await selectRows<{ type: string }>(
        kit.database.db,
        sql`select type from audit_events where type like 'signal-interet.%' order by seq`,
      );
      assert.deepEqual(
        audit.map((e) => e.type),
        ["signal-interet.created", "signal-interet.updated", "signal-interet.created", "signal-interet.withdrawn"],
      );
    });

    it("shows the buyers of the line's direction the interested companies with their profile and locality", async () => {
      const vue = await acheteur.request("GET", `/api/programme/lignes/${publiee.id}/interets`);
      assert.equal(vue.status, 200, JSON.stringify(vue.body));
      assert.equal(vue.body.nombre, 1);
      const s = vue.body.signaux[0];
      assert.equal(s.note, "Quatre collèges, en fait.");
      assert.equal(s.entreprise.id, alphaId);
      assert.equal(s.entreprise.categorie, "pme");
      assert.equal(s.entreprise.statutInclusif, "siae");
      assert.deepEqual(s.entreprise.certifications, ["ISO 14001"]);
      assert.deepEqual(s.localite, { codeCommune: "94028", commune: "Créteil", departement: "94", locale: true });
      assert.equal((await lecteur.request("GET", `/api/programme/lignes/${publiee.id}/interets`)).status, 200, "readers read");
      assert.equal((await acheteurAutre.request("GET", `/api/programme/lignes/${publiee.id}/interets`)).status, 404, "another direction");
      assert.equal((await alpha.request("GET", `/api/programme/lignes/${publiee.id}/interets`)).status, 403);
      assert.equal((await kit.anonymous().request("GET", `/api/programme/lignes/${publiee.id}/interets`)).status, 401);
    });

    it("keeps one signal when a company clicks several times at once (concurrent requests)", async () => {
      const gamma = (await kit.as("entreprise")) as Client;
      const reponses = await Promise.all(
        Array.from({ length: 6 }, (_, i) => gamma.request("PUT", `/api/entreprise/interets/${publiee.id}`, { note: `clic ${i}` })),
      );
      assert.deepEqual(
        reponses.map((r) => r.status),
        reponses.map(() => 200),
      );
      assert.equal(reponses.filter((r) => r.body.cree).length, 1, "exactly one created");
      const [n] = await selectRows<{ n: number }>(
        kit.database.db,
        sql`select count(*)::int as n from signaux_interet s join entreprise_membres m on m.entreprise_id = s.entreprise_id where m.utilisateur_id = ${gamma.utilisateur.id}`,
      );
      assert.equal(n?.n, 1);
      assert.equal((await acheteur.request("GET", `/api/programme/lignes/${publiee.id}/interets`)).body.nombre, 2);
    });

    it("opens a sourcing questionnaire (every problem named), invites the interested companies, keeps each company's answers", async () => {
      const mauvaise = await acheteur.request("POST", `/api/programme/lignes/${publiee.id}/sourcage`, {
        ...QUESTIONNAIRE,
        questions: [{ libelle: "Combien ?", type: "choix", choix: ["Un"] }],
        dateCloture: "2020-01-01",
      });
      assert.equal(mauvaise.status, 400);
      const chemins = mauvaise.body.issues.map((i: { path: (string | number)[] }) => i.path.join("."));
      assert.ok(chemins.includes("questions.0.choix"), chemins.join());
      assert.ok(chemins.includes("dateCloture"), chemins.join());
      assert.equal((await acheteur.request("POST", `/api/programme/lignes/${brouillon.id}/sourcage`, QUESTIONNAIRE)).status, 409);
      assert.equal((await acheteurAutre.request("POST", `/api/programme/lignes/${publiee.id}/sourcage`, QUESTIONNAIRE)).status, 404);
      assert.equal((await lecteur.request("POST", `/api/programme/lignes/${publiee.id}/sourcage`, QUESTIONNAIRE)).status, 403);

      const ouverte = await acheteur.request("POST", `/api/programme/lignes/${publiee.id}/sourcage`, {
        ...QUESTIONNAIRE,
        inviterInteresses: true,
      });
      assert.equal(ouverte.status, 201, JSON.stringify(ouverte.body));
      assert.equal(ouverte.body.invites, 2, "Alpha and the third company signalled");
      const demandeId = ouverte.body.demande.id;
      const [mail] = await selectRows<{ texte: string }>(
        kit.database.db,
        sql`select texte from courriels where categorie = 'sourcage.invitation' and ${alpha.utilisateur.email} = any(destinataires)`,
      );
      assert.ok(mail?.texte.includes(`/programme-public/${ANNEE}/${publiee.id}`), mail?.texte);

      const vueAlpha = await alpha.request("GET", `/api/entreprise/sourcage/lignes/${publiee.id}`);
      assert.equal(vueAlpha.body.demandes.length, 1);
      assert.equal(vueAlpha.body.demandes[0].ouverte, true);
      assert.equal(vueAlpha.body.demandes[0].maReponse, null);

      const fausse = await alpha.request("PUT", `/api/entreprise/sourcage/${demandeId}/reponse`, {
        reponses: { q1: "peut-être", q2: "Trois lots", q9: "?" },
        version: null,
      });
      assert.equal(fausse.status, 400);
      assert.deepEqual(fausse.body.issues.map((i: { path: string[] }) => i.path.join(".")).sort(), [
        "reponses.q1",
        "reponses.q2",
        "reponses.q9",
      ]);
      const r1 = await alpha.request("PUT", `/api/entreprise/sourcage/${demandeId}/reponse`, {
        reponses: { q1: true, q2: "Un lot par secteur", q3: "Prévoir une visite." },
        version: null,
      });
      assert.equal(r1.status, 200, JSON.stringify(r1.body));
      assert.equal(r1.body.version, 1);
      assert.equal(
        (await alpha.request("PUT", `/api/entreprise/sourcage/${demandeId}/reponse`, { reponses: { q1: false }, version: null })).status,
        409,
        "a second first answer is a version conflict",
      );
      const r2 = await alpha.request("PUT", `/api/entreprise/sourcage/${demandeId}/reponse`, {
        reponses: { q1: false, q2: "Un lot unique" },
        version: 1,
      });
      assert.equal(r2.body.version, 2);

      // two colleagues' first answers at once: one wins, the others get a conflict, never a 500
      const concurrentes = await Promise.all(
        Array.from({ length: 4 }, () =>
          beta.request("PUT", `/api/entreprise/sourcage/${demandeId}/reponse`, { reponses: { q3: "Oui" }, version: null }),
        ),
      );
      assert.deepEqual(concurrentes.map((r) => r.status).sort(), [200, 409, 409, 409]);

      const vueBeta = await beta.request("GET", `/api/entreprise/sourcage/lignes/${publiee.id}`);
      assert.deepEqual(vueBeta.body.demandes[0].maReponse.reponses, { q3: "Oui" }, "only its own answer");

      const acheteurVue = await acheteur.request("GET", `/api/programme/lignes/${publiee.id}/sourcage`);
      assert.equal(acheteurVue.body.demandes[0].reponses.length, 2);
      const deAlpha = acheteurVue.body.demandes[0].reponses.find((r: { entreprise: { id: string } }) => r.entreprise.id === alphaId);
      assert.deepEqual(deAlpha.reponses, { q1: false, q2: "Un lot unique" });
      assert.equal((await acheteurAutre.request("GET", `/api/programme/lignes/${publiee.id}/sourcage`)).status, 404);

      const csv = await lecteur.request("GET", `/api/sourcage/${demandeId}/export?format=csv`);
      assert.equal(csv.status, 200);
      const texte = String(csv.body);
      assert.match(texte, /Quel allotissement vous conviendrait/);
      assert.match(texte, /Un lot unique/);
      assert.match(texte, /non/);

      const close = await acheteur.request("POST", `/api/sourcage/${demandeId}/cloture`, { version: 1 });
      assert.equal(close.status, 200, JSON.stringify(close.body));
      const tardive = await alpha.request("PUT", `/api/entreprise/sourcage/${demandeId}/reponse`, { reponses: { q1: true }, version: 2 });
      assert.equal(tardive.status, 409);
      assert.equal(tardive.body.code, "SOURCING_CLOSED");
      const types = await selectRows<{ type: string }>(
        kit.database.db,
        sql`select distinct type from audit_events where type like '%sourcage.%' order by type`,
      );
      assert.deepEqual(
        types.map((t) => t.type),
        ["demande-sourcage.closed", "demande-sourcage.opened", "reponse-sourcage.saved"],
      );
    });

    it("serves the companies' public home without an account: upcoming lines as ranges, guides from the rule book", async () => {
      const r = await kit.anonymous().request("GET", "/api/public/entreprises/accueil");
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const ligne = r.body.aVenir.find((l: { id: string }) => l.id === publiee.id);
      assert.ok(ligne, "the published line of next year is upcoming");
      assert.equal(ligne.fourchette, fourchetteValeur(12_000_000).libelle);
      assert.equal(/120000|12000000/.test(JSON.stringify(r.body.aVenir)), false, "never the exact amount of a line");
      assert.equal(
        r.body.aVenir.some((l: { id: string }) => l.id === brouillon.id),
        false,
        "only published lines",
      );
      const guides = guidesEntreprises(jourParis(new Date()) as DateLegale);
      assert.equal(r.body.guides.paiement.delaiJours, guides.paiement?.delaiJours);
      assert.equal(r.body.guides.paiement.indemniteForfaitaire * 100, guides.paiement?.indemniteForfaitaireCents);
      assert.equal(r.body.guides.sourcage.article, "R2111-1");
      assert.equal(JSON.stringify(r.body).includes("Quatre collèges"), false, "no signal is public");
    });
  });
}
