import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { insertOrganisation, insertUtilisateur, testTargets } from "@achat-public/db/testing";
import { unitOfWork } from "../context";
import { apiTest, type ApiTest, TestClient } from "../testing/harness";

/** Every read is scoped to the actor's organisation: an administrator of a second organisation sees nothing of the first. */
for (const target of testTargets()) {
  describe(`lectures limitées à l'organisation de l'acteur (${target.name})`, () => {
    let kit: ApiTest;
    let adminA: TestClient & { utilisateur: { id: string; email: string } };
    let adminB: TestClient;

    before(async () => {
      kit = await apiTest(target);
      adminA = await kit.as("admin");
      await adminA.request("POST", "/api/directions", { nom: "Direction de l'organisation A", sigle: "DORGA" });
      await new TestClient(kit.app).login(adminA.utilisateur.email, "mauvais mot de passe");
      await unitOfWork(kit.ctx, (uow) =>
        uow.courriels.envoyer({
          organisationId: kit.organisationId,
          destinataires: ["a@org-a.fr"],
          sujet: "Courriel de A",
          texte: "Bonjour",
          categorie: "test",
        }),
      );
      const other = await insertOrganisation(kit.database.db);
      const hash = await kit.ctx.hasher.hash("mot de passe de l'organisation B");
      const b = await insertUtilisateur(kit.database.db, { organisationId: other.id, role: "admin", email: "admin@org-b.fr" }, hash);
      adminB = new TestClient(kit.app);
      assert.equal((await adminB.login(b.email, "mot de passe de l'organisation B")).status, 200);
    });
    after(() => kit.close());

    it("shows the audit trail of its own organisation only (no e-mail nor address of the other)", async () => {
      const a = await adminA.request("GET", "/api/audit/evenements?parPage=200");
      assert.ok(a.body.evenements.some((e: { type: string }) => e.type === "direction.created"));
      const b = await adminB.request("GET", "/api/audit/evenements?parPage=200");
      assert.equal(b.status, 200);
      const leaked = b.body.evenements.filter(
        (e: { acteur: string; donnees: unknown }) =>
          JSON.stringify(e).includes(adminA.utilisateur.email) || JSON.stringify(e.donnees).includes("DORGA"),
      );
      assert.deepEqual(leaked, []);
      assert.ok(!b.body.types.some((t: { type: string }) => t.type === "direction.created"));
    });

    it("shows the security events and the mails of its own organisation only", async () => {
      const eventsA = await adminA.request("GET", "/api/securite/evenements");
      assert.ok(eventsA.body.evenements.some((e: { acteur: string }) => e.acteur === adminA.utilisateur.email));
      const eventsB = await adminB.request("GET", "/api/securite/evenements");
      assert.ok(!JSON.stringify(eventsB.body).includes(adminA.utilisateur.email));
      const mailsB = await adminB.request("GET", "/api/courriels");
      assert.equal(mailsB.body.total, 0);
      const mailsA = await adminA.request("GET", "/api/courriels");
      assert.equal(mailsA.body.total, 1);
      assert.equal((await adminB.request("GET", `/api/courriels/${mailsA.body.courriels[0].id}`)).status, 404);
    });

    it("does not let the other organisation read or change accounts and directions by their ids", async () => {
      const [direction] = (await adminA.request("GET", "/api/organisation")).body.directions;
      assert.equal(
        (await adminB.request("PUT", `/api/directions/${direction.id}`, { nom: "Prise", sigle: "PRISE", version: 1 })).status,
        404,
      );
      assert.equal((await adminB.request("DELETE", `/api/directions/${direction.id}`)).status, 404);
      assert.equal((await adminB.request("GET", `/api/utilisateurs/${adminA.utilisateur.id}`)).status, 404);
      assert.equal(
        (
          await adminB.request("PUT", `/api/utilisateurs/${adminA.utilisateur.id}/mot-de-passe`, {
            motDePasse: "une phrase très longue et sûre",
          })
        ).status,
        404,
      );
    });
  });
}
