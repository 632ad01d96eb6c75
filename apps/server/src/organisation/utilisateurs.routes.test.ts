import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Database } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import { DEMO, loggedIn, TestClient, testApp } from "../testing/harness";

for (const target of testTargets()) {
  describe(`comptes utilisateurs (${target.name})`, () => {
    let database: Database;
    let app: FastifyInstance;
    let admin: TestClient;
    let directions: { id: string; sigle: string; services: { id: string; nom: string }[] }[];

    before(async () => {
      database = await target.open();
      ({ app } = await testApp(database));
      admin = await loggedIn(app, DEMO.admin);
      directions = (await admin.request("GET", "/api/organisation")).body.directions;
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    const direction = (sigle: string) => directions.find((d) => d.sigle === sigle)!;

    it("filters the list by the actor's scope: a direction buyer sees only its direction", async () => {
      const all = await admin.request("GET", "/api/utilisateurs?parPage=200");
      assert.equal(all.status, 200);
      assert.ok(all.body.total > 30);
      assert.equal(all.body.utilisateurs.length, all.body.total);
      const buyer = await loggedIn(app, DEMO.acheteur);
      const mine = await buyer.request("GET", "/api/utilisateurs");
      assert.equal(mine.status, 200);
      assert.ok(mine.body.total > 0);
      assert.ok(mine.body.utilisateurs.every((u: { directionId: string }) => u.directionId === direction("DB").id));
      const other = all.body.utilisateurs.find((u: { directionId: string | null }) => u.directionId === direction("DSI").id);
      assert.equal((await buyer.request("GET", `/api/utilisateurs/${other.id}`)).status, 404, "hidden, not revealed");
      const central = await loggedIn(app, DEMO.central);
      assert.equal((await central.request("GET", "/api/utilisateurs")).body.total, all.body.total);
      for (const account of [DEMO.lecteur, DEMO.entreprise]) {
        assert.equal((await (await loggedIn(app, account)).request("GET", "/api/utilisateurs")).status, 403);
      }
    });

    it("searches and filters by role and direction", async () => {
      const found = await admin.request("GET", "/api/utilisateurs?recherche=ACHETEUSE");
      assert.deepEqual(
        found.body.utilisateurs.map((u: { email: string }) => u.email),
        [DEMO.acheteur[0]],
      );
      const admins = await admin.request("GET", "/api/utilisateurs?role=admin");
      assert.ok(admins.body.utilisateurs.every((u: { role: string }) => u.role === "admin"));
      const bad = await admin.request("GET", "/api/utilisateurs?role=pirate");
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.issues[0].path, ["query", "role"]);
    });

    it("sorts accounts in French alphabetical order and pages them", async () => {
      const page1 = await admin.request("GET", "/api/utilisateurs?parPage=10&page=1");
      const page2 = await admin.request("GET", "/api/utilisateurs?parPage=10&page=2");
      assert.equal(page1.body.utilisateurs.length, 10);
      const names = [...page1.body.utilisateurs, ...page2.body.utilisateurs].map((u: { nomAffiche: string }) => u.nomAffiche);
      const collator = new Intl.Collator("fr", { sensitivity: "base" });
      assert.deepEqual(names, [...names].sort(collator.compare));
      const bounded = await admin.request("GET", "/api/utilisateurs?parPage=100000");
      assert.equal(bounded.status, 400);
    });

    it("creates an account that must choose its own password at first login, then deactivating it ends its session", async () => {
      const created = await admin.request("POST", "/api/utilisateurs", {
        email: "Nouvelle.Acheteuse@valdemarne.fr",
        nomAffiche: "Nouvelle Acheteuse",
        role: "acheteur",
        directionId: direction("DTVD").id,
        serviceId: direction("DTVD").services[0]!.id,
        motDePasse: "une phrase de passe solide",
      });
      assert.equal(created.status, 201);
      assert.equal(created.body.email, "nouvelle.acheteuse@valdemarne.fr");
      assert.equal(created.body.aUnMotDePasse, true);
      assert.equal(created.body.motDePasseAChanger, true);
      const user = await loggedIn(app, ["nouvelle.acheteuse@valdemarne.fr", "une phrase de passe solide"]);
      const pending = await user.request("GET", "/api/utilisateurs");
      assert.equal(pending.status, 403);
      assert.equal(pending.body.code, "PASSWORD_CHANGE_REQUIRED");
      const changed = await user.request("PUT", "/api/auth/mot-de-passe", {
        motDePasseActuel: "une phrase de passe solide",
        nouveauMotDePasse: "ma propre phrase de passe choisie",
      });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      assert.equal(changed.body.utilisateur.motDePasseAChanger, false);
      assert.equal((await user.request("GET", "/api/utilisateurs")).status, 200);
      const stale = await admin.request("PUT", `/api/utilisateurs/${created.body.id}`, {
        ...created.body,
        actif: false,
        id: undefined,
        aUnMotDePasse: undefined,
        motDePasseAChanger: undefined,
        derniereConnexion: undefined,
      });
      assert.equal(stale.status, 409, "the password change made the version read at creation stale");
      const current = (await admin.request("GET", `/api/utilisateurs/${created.body.id}`)).body;
      const updated = await admin.request("PUT", `/api/utilisateurs/${created.body.id}`, {
        email: current.email,
        nomAffiche: current.nomAffiche,
        role: "acheteur",
        directionId: current.directionId,
        serviceId: current.serviceId,
        actif: false,
        version: current.version,
      });
      assert.equal(updated.status, 200);
      assert.equal((await user.request("GET", "/api/utilisateurs")).status, 401);
      assert.equal((await new TestClient(app).login("nouvelle.acheteuse@valdemarne.fr", "ma propre phrase de passe choisie")).status, 401);
    });

    it("reports every problem of a new account and creates nothing", async () => {
      const before = (await admin.request("GET", "/api/utilisateurs")).body.total;
      const response = await admin.request("POST", "/api/utilisateurs", {
        email: "pas-une-adresse",
        nomAffiche: "A",
        role: "acheteur",
        directionId: null,
        serviceId: null,
        motDePasse: "court",
      });
      assert.equal(response.status, 400);
      const paths = response.body.issues.map((i: { path: string[] }) => i.path[0]);
      assert.deepEqual(paths, ["email", "nomAffiche", "directionId", "motDePasse"]);
      const weak = await admin.request("POST", "/api/utilisateurs", {
        email: "faible@valdemarne.fr",
        nomAffiche: "Mot de passe faible",
        role: "lecteur",
        directionId: null,
        serviceId: null,
        motDePasse: "azerty123456",
      });
      assert.equal(weak.status, 400);
      assert.deepEqual(weak.body.issues[0].path, ["motDePasse"]);
      const mismatched = await admin.request("POST", "/api/utilisateurs", {
        email: "service@valdemarne.fr",
        nomAffiche: "Service incohérent",
        role: "acheteur",
        directionId: direction("DB").id,
        serviceId: direction("DSI").services[0]!.id,
        motDePasse: null,
      });
      assert.equal(mismatched.status, 400);
      assert.deepEqual(mismatched.body.issues, [{ path: ["serviceId"], message: "Ce service n'appartient pas à la direction choisie." }]);
      const duplicate = await admin.request("POST", "/api/utilisateurs", {
        email: DEMO.central[0].toUpperCase(),
        nomAffiche: "Doublon",
        role: "lecteur",
        directionId: null,
        serviceId: null,
        motDePasse: null,
      });
      assert.equal(duplicate.status, 409);
      assert.equal(duplicate.body.code, "EMAIL_TAKEN");
      assert.equal((await admin.request("GET", "/api/utilisateurs")).body.total, before);
    });

    it("resets a password: the old one stops working, sessions are closed", async () => {
      const list = await admin.request("GET", `/api/utilisateurs?recherche=${encodeURIComponent(DEMO.central[0])}`);
      const central = await loggedIn(app, DEMO.central);
      const reset = await admin.request("PUT", `/api/utilisateurs/${list.body.utilisateurs[0].id}/mot-de-passe`, {
        motDePasse: "nouvelle phrase secrete 2026",
      });
      assert.equal(reset.status, 204);
      assert.equal((await central.request("GET", "/api/organisation")).status, 401);
      assert.equal((await new TestClient(app).login(...DEMO.central)).status, 401);
      const again = await new TestClient(app).login(DEMO.central[0], "nouvelle phrase secrete 2026");
      assert.equal(again.status, 200);
      assert.equal(again.body.utilisateur.motDePasseAChanger, true, "a password set by someone else must be replaced");
    });

    it("never removes the last active administrator, nor lets one delete itself", async () => {
      const me = (await admin.request("GET", "/api/auth/session")).body.utilisateur;
      const self = await admin.request("DELETE", `/api/utilisateurs/${me.id}`);
      assert.equal(self.status, 409);
      assert.equal(self.body.code, "CANNOT_DELETE_SELF");
      const current = await admin.request("GET", `/api/utilisateurs/${me.id}`);
      const demote = await admin.request("PUT", `/api/utilisateurs/${me.id}`, {
        email: current.body.email,
        nomAffiche: current.body.nomAffiche,
        role: "lecteur",
        directionId: current.body.directionId,
        serviceId: current.body.serviceId,
        actif: true,
        version: current.body.version,
      });
      assert.equal(demote.status, 409);
      assert.equal(demote.body.code, "LAST_ADMIN");
    });

    it("deletes an account, audited", async () => {
      const created = await admin.request("POST", "/api/utilisateurs", {
        email: "a.supprimer@valdemarne.fr",
        nomAffiche: "À supprimer",
        role: "lecteur",
        directionId: null,
        serviceId: null,
        motDePasse: null,
      });
      assert.equal((await admin.request("DELETE", `/api/utilisateurs/${created.body.id}`)).status, 204);
      assert.equal((await admin.request("GET", `/api/utilisateurs/${created.body.id}`)).status, 404);
      const events = await admin.request("GET", `/api/audit/evenements?agregatId=${created.body.id}`);
      assert.deepEqual(
        events.body.evenements.map((e: { type: string }) => e.type),
        ["user.deleted", "user.created"],
      );
    });
  });
}
