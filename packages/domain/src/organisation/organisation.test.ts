import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DomainError } from "../errors";
import { passwordProblems, validateDirection, validateUser } from "./organisation";

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof DomainError);
    assert.equal(error.code, "INVALID_INPUT");
    return error.issues.map((i) => i.path.join("."));
  }
  assert.fail("expected INVALID_INPUT");
}

describe("organisation rules", () => {
  it("normalises a direction's name and acronym", () => {
    assert.deepEqual(validateDirection({ name: "  Direction   de la\tvoirie ", acronym: " dtvd " }), {
      name: "Direction de la voirie",
      acronym: "DTVD",
    });
  });

  it("reports every problem of a direction at once", () => {
    assert.deepEqual(
      issuesOf(() => validateDirection({ name: " x ", acronym: "a b" })),
      ["name", "acronym"],
    );
    assert.deepEqual(
      issuesOf(() => validateDirection({ name: "D".repeat(121), acronym: "ABCDEFGHIJKLM" })),
      ["name", "acronym"],
    );
  });

  it("requires a direction for a direction buyer, and the direction of a chosen service", () => {
    assert.deepEqual(
      issuesOf(() => validateUser({ email: "a@b.fr", displayName: "Ab", role: "acheteur", directionId: null, serviceId: "s" })),
      ["directionId", "serviceId"],
    );
    assert.deepEqual(
      issuesOf(() => validateUser({ email: "a@b", displayName: "A", role: "chef", directionId: null, serviceId: null })),
      ["email", "displayName", "role"],
    );
    const ok = validateUser({
      email: " Prenom.Nom@ValDeMarne.fr ",
      displayName: "Prénom  Nom",
      role: "lecteur",
      directionId: null,
      serviceId: null,
    });
    assert.equal(ok.email, "prenom.nom@valdemarne.fr");
    assert.equal(ok.displayName, "Prénom Nom");
  });

  it("accepts long passphrases without composition rules and refuses short, common or self-named ones", () => {
    assert.deepEqual(passwordProblems("une phrase de passe simple"), []);
    assert.deepEqual(passwordProblems("x".repeat(12) + "y"), []);
    assert.equal(passwordProblems("court").length, 1);
    assert.equal(passwordProblems("Azerty123456").length, 1);
    assert.equal(passwordProblems("aaaaaaaaaaaaaaaa").length, 1);
    assert.equal(passwordProblems("jean.dupont@cd94.fr", "Jean.Dupont@cd94.fr").length, 1);
    assert.equal(passwordProblems("éa".repeat(129)).length, 1);
  });
});
