import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { systemActor } from "../acces/roles";
import { actorFor, buildOrganisation, buildUtilisateur, fakeKit } from "../testing/index";
import { changeOwnPassword, createUtilisateur, resetPassword, updateUtilisateur } from "./users.use-cases";

async function kitWithAdmin() {
  const kit = fakeKit();
  const organisation = buildOrganisation();
  await kit.organisations.insert(organisation);
  const admin = buildUtilisateur({ organisationId: organisation.id, role: "admin", email: "admin@test.fr" });
  await kit.utilisateurs.insert(admin, await kit.hasher.hash("phrase secrète de l'administrateur"));
  return { kit, organisation, admin };
}

describe("accounts (use cases, in-memory)", () => {
  it("forces a password chosen by the administrator to be changed at first login, and audits the creation", async () => {
    const { kit, organisation, admin } = await kitWithAdmin();
    const created = await createUtilisateur(kit, actorFor(admin), organisation.id, {
      email: "Agent@Test.fr",
      nomAffiche: "Agent  Test",
      role: "lecteur",
      directionId: null,
      serviceId: null,
      motDePasse: "cheval agrafe batterie correct",
    });
    assert.equal(created.email, "agent@test.fr");
    assert.equal(created.motDePasseAChanger, true);
    assert.deepEqual(kit.audit.types(), ["user.created"]);
    assert.equal(JSON.stringify(kit.audit.events).includes("cheval"), false, "no password in the audit trail");
  });

  it("refuses to demote the last active administrator", async () => {
    const { kit, organisation, admin } = await kitWithAdmin();
    await assert.rejects(
      updateUtilisateur(kit, systemActor("cli"), organisation.id, admin.id, {
        ...admin,
        role: "lecteur",
        actif: true,
        version: admin.version,
      }),
      { code: "LAST_ADMIN" },
    );
  });

  it("lets an account change its own password with its current one, and keeps the session it acts from", async () => {
    const { kit, admin } = await kitWithAdmin();
    for (const tokenHash of ["a", "b"]) {
      await kit.sessions.insert({
        tokenHash,
        userId: admin.id,
        csrfToken: "c",
        createdAt: kit.clock.now(),
        lastSeenAt: kit.clock.now(),
        expiresAt: kit.clock.now(),
      });
    }
    await assert.rejects(
      changeOwnPassword(kit, actorFor(admin), { motDePasseActuel: "pas le bon", nouveauMotDePasse: "une toute autre phrase" }, "a"),
      (error: { code: string; issues: { path: string[] }[] }) =>
        error.code === "INVALID_INPUT" && error.issues[0]?.path[0] === "motDePasseActuel",
    );
    await changeOwnPassword(
      kit,
      actorFor(admin),
      { motDePasseActuel: "phrase secrète de l'administrateur", nouveauMotDePasse: "une toute autre phrase" },
      "a",
    );
    assert.deepEqual([...kit.sessions.rows.keys()], ["a"]);
    assert.equal(await kit.hasher.verify((await kit.utilisateurs.passwordHashOf(admin.id)) ?? "", "une toute autre phrase"), true);
    assert.equal((await kit.utilisateurs.get(admin.id, admin.organisationId, { kind: "all" }))?.motDePasseAChanger, false);
  });

  it("requires its current password when an administrator resets its own", async () => {
    const { kit, organisation, admin } = await kitWithAdmin();
    await assert.rejects(resetPassword(kit, actorFor(admin), organisation.id, admin.id, { motDePasse: "une nouvelle phrase sûre" }), {
      code: "INVALID_INPUT",
    });
    await resetPassword(kit, actorFor(admin), organisation.id, admin.id, {
      motDePasse: "une nouvelle phrase sûre",
      motDePasseActuel: "phrase secrète de l'administrateur",
    });
    assert.deepEqual(kit.audit.types(), ["user.password-reset"]);
  });
});
