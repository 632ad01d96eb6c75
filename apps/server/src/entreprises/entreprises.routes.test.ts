import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { selectRows, sql } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import { apiTest, type ApiTest, type TestClient } from "../testing/harness";
import { dernierCourriel, inscrireEtConfirmer, jetonDuLien, MOT_DE_PASSE_ENTREPRISE, siretValide } from "../testing/entreprises";

for (const target of testTargets()) {
  describe(`comptes des entreprises (${target.name})`, () => {
    let kit: ApiTest;
    let alpha: TestClient;
    let beta: TestClient;
    const SIRET_ALPHA = siretValide("4100000010001");
    const SIRET_BETA = siretValide("4200000020001");

    before(async () => {
      kit = await apiTest(target);
      alpha = kit.anonymous();
      beta = kit.anonymous();
      await inscrireEtConfirmer(
        alpha,
        kit.database,
        { siret: SIRET_ALPHA, raisonSociale: "Alpha Travaux", email: "Gerante@Alpha.fr" },
        "10.0.0.1",
      );
      await inscrireEtConfirmer(
        beta,
        kit.database,
        { siret: SIRET_BETA, raisonSociale: "Bêta Services", email: "direction@beta.fr" },
        "10.0.0.2",
      );
    });
    after(() => kit.close());

    it("registers with a checked SIRET, every problem named, the account inactive until the link is opened", async () => {
      const visiteur = kit.anonymous();
      const bad = await visiteur.request(
        "POST",
        "/api/entreprises/inscription",
        { siret: "732 829 320 00075", raisonSociale: "X", email: "pas-une-adresse", nomAffiche: "C", motDePasse: "azerty" },
        { remoteAddress: "10.0.1.1" },
      );
      assert.equal(bad.status, 400);
      const champs = bad.body.issues.map((i: { path: string[] }) => i.path.join("."));
      for (const champ of ["siret", "raisonSociale", "email", "nomAffiche", "motDePasse"])
        assert.ok(champs.includes(champ), `${champ} dans ${champs}`);
      assert.match(bad.body.issues.find((i: { path: string[] }) => i.path[0] === "siret").message, /clé de contrôle/);

      const ok = await visiteur.request(
        "POST",
        "/api/entreprises/inscription",
        {
          siret: "732 829 320 00074",
          raisonSociale: "Gamma SA",
          email: "gamma@exemple.fr",
          nomAffiche: "Gaby Gamma",
          motDePasse: MOT_DE_PASSE_ENTREPRISE,
        },
        { remoteAddress: "10.0.1.1" },
      );
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      assert.equal((await visiteur.login("gamma@exemple.fr", MOT_DE_PASSE_ENTREPRISE)).status, 401, "inactive before confirmation");
      const mail = await dernierCourriel(kit.database, "gamma@exemple.fr");
      assert.match(mail?.sujet ?? "", /Confirmez/);
      assert.match(mail?.texte ?? "", /http:\/\/localhost:3000\/entreprises\/confirmation\?jeton=/);
      const jeton = jetonDuLien(mail?.texte ?? "");
      assert.equal((await visiteur.request("POST", "/api/entreprises/confirmation", { jeton: `${jeton}x` })).status, 400);
      assert.equal((await visiteur.request("POST", "/api/entreprises/confirmation", { jeton })).status, 200);
      const deuxieme = await visiteur.request("POST", "/api/entreprises/confirmation", { jeton });
      assert.equal(deuxieme.status, 400, "single use");
      assert.deepEqual(deuxieme.body.issues[0].path, ["jeton"]);
      assert.equal((await visiteur.login("gamma@exemple.fr", MOT_DE_PASSE_ENTREPRISE)).status, 200);
      const [audit] = await selectRows<{ n: number }>(
        kit.database.db,
        sql`select count(*)::int as n from audit_events where type in ('entreprise.registered', 'entreprise.email-confirmed')`,
      );
      assert.ok((audit?.n ?? 0) >= 6);
    });

    it("accepts La Poste's SIRETs (sum of digits multiple of 5) and refuses a second account for a SIRET", async () => {
      const visiteur = kit.anonymous();
      const poste = await visiteur.request(
        "POST",
        "/api/entreprises/inscription",
        {
          siret: "35600000000048",
          raisonSociale: "La Poste",
          email: "siege@poste.example",
          nomAffiche: "Claude Poste",
          motDePasse: MOT_DE_PASSE_ENTREPRISE,
        },
        { remoteAddress: "10.0.2.1" },
      );
      assert.equal(poste.status, 201, JSON.stringify(poste.body));
      const bureau = await visiteur.request(
        "POST",
        "/api/entreprises/inscription",
        {
          siret: "35600000049837",
          raisonSociale: "La Poste Créteil",
          email: "creteil@poste.example",
          nomAffiche: "Claude Poste",
          motDePasse: MOT_DE_PASSE_ENTREPRISE,
        },
        { remoteAddress: "10.0.2.1" },
      );
      assert.equal(bureau.status, 201, `La Poste exception: ${JSON.stringify(bureau.body)}`);
      const double = await visiteur.request(
        "POST",
        "/api/entreprises/inscription",
        {
          siret: SIRET_ALPHA,
          raisonSociale: "Alpha bis",
          email: "autre@alpha.fr",
          nomAffiche: "Autre Personne",
          motDePasse: MOT_DE_PASSE_ENTREPRISE,
        },
        { remoteAddress: "10.0.2.1" },
      );
      assert.equal(double.status, 409);
      assert.equal(double.body.code, "ENTREPRISE_SIRET_TAKEN");
      assert.deepEqual(double.body.issues[0].path, ["siret"]);
      const [row] = await selectRows<{ n: number }>(
        kit.database.db,
        sql`select count(*)::int as n from utilisateurs where email = 'autre@alpha.fr'`,
      );
      assert.equal(row?.n, 0, "nothing half-written");
    });

    it("throttles registrations per address (429 with Retry-After)", async () => {
      const visiteur = kit.anonymous();
      const statuts: number[] = [];
      for (let i = 0; i < 11; i++) {
        const r = await visiteur.request(
          "POST",
          "/api/entreprises/inscription",
          { siret: "123", raisonSociale: "Spam", email: `spam${i}@exemple.fr`, nomAffiche: "Spam", motDePasse: "x" },
          { remoteAddress: "10.9.9.9" },
        );
        statuts.push(r.status);
        if (r.status === 429) assert.ok(Number(r.headers["retry-after"]) > 0);
      }
      assert.deepEqual(statuts.slice(0, 10), Array(10).fill(400));
      assert.equal(statuts[10], 429);
      const ailleurs = await visiteur.request(
        "POST",
        "/api/entreprises/inscription",
        { siret: "123", raisonSociale: "Spam", email: "spam@exemple.fr", nomAffiche: "Spam", motDePasse: "x" },
        { remoteAddress: "10.9.9.8" },
      );
      assert.equal(ailleurs.status, 400, "another address is not blocked");
    });

    it("keeps the profile of its own company only, with CPV codes and départements checked", async () => {
      const moi = await alpha.request("GET", "/api/entreprise");
      assert.equal(moi.status, 200);
      assert.equal(moi.body.siret, SIRET_ALPHA);
      assert.equal(moi.body.administrateur, true);
      assert.equal(moi.body.profilPublic, false, "nothing public by default");
      const bad = await alpha.request("PUT", "/api/entreprise", {
        raisonSociale: "Alpha Travaux",
        activites: ["45000000", "99999999"],
        territoires: ["94", "100"],
        categorie: "enorme",
        statutInclusif: null,
        certifications: [],
        profilPublic: false,
        version: moi.body.version,
      });
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.issues.map((i: { path: (string | number)[] }) => i.path.join(".")).sort(), [
        "activites.1",
        "categorie",
        "territoires.1",
      ]);
      const ok = await alpha.request("PUT", "/api/entreprise", {
        raisonSociale: "Alpha Travaux",
        activites: ["45000000", "45233140-2"],
        territoires: ["94", "2a"],
        categorie: "pme",
        statutInclusif: "siae",
        certifications: ["Qualibat"],
        profilPublic: false,
        version: moi.body.version,
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.deepEqual(ok.body.activites, ["45000000-7", "45233140-2"]);
      assert.deepEqual(ok.body.territoires, ["94", "2A"]);
      const { id: _i, siret: _s, administrateur: _a, ...profil } = ok.body;
      const siret = await alpha.request("PUT", "/api/entreprise", { ...profil, siret: SIRET_BETA });
      assert.equal(siret.status, 400, "the SIRET cannot be changed (unknown key refused)");
      assert.equal((await alpha.request("PUT", "/api/entreprise", { ...profil, version: moi.body.version })).status, 409, "stale version");
      const autre = await beta.request("GET", "/api/entreprise");
      assert.equal(autre.body.siret, SIRET_BETA, "beta sees its own company, never alpha's");
      assert.deepEqual(autre.body.activites, []);
    });

    it("lets the company administrator invite a colleague, who joins by the link; colleagues are per company", async () => {
      const invitation = await alpha.request("POST", "/api/entreprise/collegues", {
        email: "Chef.Chantier@Alpha.fr",
        nomAffiche: "Chef de chantier",
      });
      assert.equal(invitation.status, 201, JSON.stringify(invitation.body));
      const mail = await dernierCourriel(kit.database, "chef.chantier@alpha.fr");
      assert.match(mail?.sujet ?? "", /Alpha Travaux vous invite/);
      const enCours = await alpha.request("GET", "/api/entreprise/collegues");
      assert.deepEqual(
        enCours.body.invitations.map((i: { email: string }) => i.email),
        ["chef.chantier@alpha.fr"],
      );
      const invite = kit.anonymous();
      const faible = await invite.request("POST", "/api/entreprises/invitation", {
        jeton: jetonDuLien(mail?.texte ?? ""),
        motDePasse: "chantier",
      });
      assert.equal(faible.status, 400);
      assert.deepEqual(faible.body.issues[0].path, ["motDePasse"]);
      const accepte = await invite.request("POST", "/api/entreprises/invitation", {
        jeton: jetonDuLien(mail?.texte ?? ""),
        motDePasse: MOT_DE_PASSE_ENTREPRISE,
      });
      assert.equal(accepte.status, 200, JSON.stringify(accepte.body));
      assert.equal((await invite.login("chef.chantier@alpha.fr", MOT_DE_PASSE_ENTREPRISE)).status, 200);
      const sonEntreprise = await invite.request("GET", "/api/entreprise");
      assert.equal(sonEntreprise.body.siret, SIRET_ALPHA);
      assert.equal(sonEntreprise.body.administrateur, false);
      assert.equal(
        (await invite.request("POST", "/api/entreprise/collegues", { email: "x@alpha.fr", nomAffiche: "Xavier X" })).status,
        403,
        "only the administrator invites",
      );
      const collegues = await alpha.request("GET", "/api/entreprise/collegues");
      assert.deepEqual(
        collegues.body.collegues.map((c: { email: string }) => c.email),
        ["gerante@alpha.fr", "chef.chantier@alpha.fr"],
      );
      assert.deepEqual(collegues.body.invitations, []);
      const chezBeta = await beta.request("GET", "/api/entreprise/collegues");
      assert.deepEqual(
        chezBeta.body.collegues.map((c: { email: string }) => c.email),
        ["direction@beta.fr"],
      );
    });

    it("refuses the company routes to agents and anonymous visitors", async () => {
      const agent = await kit.as("acheteur-central");
      assert.equal((await agent.request("GET", "/api/entreprise")).status, 403);
      assert.equal((await kit.anonymous().request("GET", "/api/entreprise")).status, 401);
    });
  });
}
