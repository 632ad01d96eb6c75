import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PERMISSIONS, type Permission } from "../contextes";
import { can, directionScope, permissionsOf, userScope } from "./policies";
import { ROLES, systemActor, type Role, type UserActor } from "./roles";

const actor = (role: Role, directionId: string | null = "dir-1"): UserActor => ({
  kind: "user",
  userId: "u",
  organisationId: "o",
  role,
  directionId,
  label: "x@y.fr",
});

/** The access matrix, written out: any change to a policy must change this table. */
const MATRIX: Record<Permission, Role[]> = {
  "organisation.read": ["admin", "acheteur-central", "acheteur", "lecteur"],
  "organisation.manage": ["admin"],
  "user.read": ["admin", "acheteur-central", "acheteur"],
  "user.manage": ["admin"],
  "audit.read": ["admin"],
  "regles.manage": ["admin"],
  "regles.simulate": ["admin", "acheteur-central", "acheteur", "lecteur", "entreprise"],
  "plateforme.manage": ["admin"],
  "salon.manage": ["admin", "acheteur-central"],
  "programme.read": ["admin", "acheteur-central", "acheteur", "lecteur"],
  "programme.write": ["admin", "acheteur-central", "acheteur"],
  "programme.validate": ["admin", "acheteur-central"],
  "programme.aggregate": ["admin", "acheteur-central", "lecteur"],
  "programme.familles": ["admin"],
  "fournisseurs.read": ["admin", "acheteur-central", "acheteur", "lecteur"],
  "fournisseurs.manage": ["admin", "acheteur-central", "acheteur"],
  "marches.read": ["admin", "acheteur-central", "acheteur", "lecteur"],
  "marches.manage": ["admin", "acheteur-central", "acheteur"],
  "pilotage.read": ["admin", "acheteur-central", "acheteur", "lecteur"],
  "pilotage.cibles": ["admin", "acheteur-central"],
  "donnees.read": ["admin", "acheteur-central", "acheteur", "lecteur"],
  "donnees.manage": ["admin"],
  "publication.read": ["admin", "acheteur-central"],
  "salon.read": ["admin", "acheteur-central", "acheteur", "lecteur", "entreprise"],
  "salon.inscrire": ["entreprise"],
  "salon.rencontrer": ["admin", "acheteur-central", "acheteur"],
  "salon.bilan": ["admin", "acheteur-central", "lecteur"],
  "entreprise.self": ["entreprise"],
  "procedures.read": ["admin", "acheteur-central", "acheteur", "lecteur"],
  "procedures.write": ["admin", "acheteur-central", "acheteur"],
  "procedures.clausier": ["admin", "acheteur-central"],
  "sourcage.read": ["admin", "acheteur-central", "acheteur", "lecteur"],
  "sourcage.manage": ["admin", "acheteur-central", "acheteur"],
  "evaluations-acheteur.read": ["admin", "acheteur-central"],
};

describe("access policies", () => {
  it("covers every permission in the matrix", () => {
    assert.deepEqual(Object.keys(MATRIX).sort(), Object.keys(PERMISSIONS).sort());
  });
  for (const permission of Object.keys(MATRIX) as Permission[]) {
    for (const role of ROLES) {
      const expected = MATRIX[permission].includes(role);
      it(`${expected ? "grants" : "denies"} ${permission} to ${role}`, () => {
        assert.equal(can(actor(role), permission), expected);
      });
    }
  }

  it("lets the platform itself (CLI, jobs, demo generator) do everything", () => {
    assert.equal(permissionsOf(systemActor("cli")).length, Object.keys(PERMISSIONS).length);
  });

  it("scopes the users a buyer sees to its direction, and nothing without one", () => {
    assert.deepEqual(userScope(actor("acheteur", "dir-7")), { kind: "direction", directionId: "dir-7" });
    assert.deepEqual(userScope(actor("acheteur", null)), { kind: "none" });
    assert.deepEqual(userScope(actor("acheteur-central")), { kind: "all" });
    assert.deepEqual(userScope(actor("lecteur")), { kind: "none" });
    assert.deepEqual(userScope(actor("entreprise")), { kind: "none" });
  });

  it("scopes business records: all for central buyers and readers, the direction for a buyer, none for a company", () => {
    assert.deepEqual(directionScope(actor("lecteur")), { kind: "all" });
    assert.deepEqual(directionScope(actor("acheteur", "dir-3")), { kind: "direction", directionId: "dir-3" });
    assert.deepEqual(directionScope(actor("entreprise", null)), { kind: "none" });
  });
});
