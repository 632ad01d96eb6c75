import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DomainError } from "../commun/errors";
import { passwordProblems } from "../acces/mot-de-passe";
import { fakePasswordStrength } from "../testing/fakes";
import { validateDirection, validateUtilisateur } from "./organisation";

function issuesOf(fn: () => unknown): string[] {
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
  it("speaks of one account in the singular when a direction still has one", async () => {
    const { deleteDirection } = await import("./directions.use-cases");
    const { fakeKit, buildDirection, buildUtilisateur } = await import("../testing/index");
    const kit = fakeKit();
    const direction = buildDirection();
    await kit.directions.insert(direction);
    await kit.utilisateurs.insert(
      buildUtilisateur({ organisationId: direction.organisationId, directionId: direction.id, role: "acheteur" }),
      null,
    );
    await assert.rejects(deleteDirection(kit, { kind: "system", label: "test" }, direction.organisationId, direction.id), (error: Error) =>
      /a encore 1 compte rattaché : rattachez-le ailleurs avant de la supprimer/.test(error.message),
    );
  });

  it("normalises a direction's name and acronym", () => {
    assert.deepEqual(validateDirection({ nom: "  Direction   de la\u00a0voirie ", sigle: " dtvd " }), {
      nom: "Direction de la voirie",
      sigle: "DTVD",
    });
  });

  it("reports every problem of a direction at once", () => {
    assert.deepEqual(
      issuesOf(() => validateDirection({ nom: " x ", sigle: "a b" })),
      ["nom", "sigle"],
    );
    assert.deepEqual(
      issuesOf(() => validateDirection({ nom: "D".repeat(121), sigle: "ABCDEFGHIJKLM" })),
      ["nom", "sigle"],
    );
  });

  it("refuses control characters, lone surrogates and invisible-only names", () => {
    for (const nom of ["Direction\u0000 des routes", "Direction \ud800", "\u200b\u200b\u200b"]) {
      assert.deepEqual(
        issuesOf(() => validateDirection({ nom, sigle: "DR" })),
        ["nom"],
        JSON.stringify(nom),
      );
    }
  });

  it("requires a direction for a direction buyer, and the direction of a chosen service", () => {
    assert.deepEqual(
      issuesOf(() => validateUtilisateur({ email: "a@b.fr", nomAffiche: "Ab", role: "acheteur", directionId: null, serviceId: "s" })),
      ["directionId", "serviceId"],
    );
    assert.deepEqual(
      issuesOf(() => validateUtilisateur({ email: "a@b", nomAffiche: "A", role: "chef", directionId: null, serviceId: null })),
      ["email", "nomAffiche", "role"],
    );
    const ok = validateUtilisateur({
      email: " Prenom.Nom@ValDeMarne.fr ",
      nomAffiche: "Prénom  Nom",
      role: "lecteur",
      directionId: null,
      serviceId: null,
    });
    assert.equal(ok.email, "prenom.nom@valdemarne.fr");
    assert.equal(ok.nomAffiche, "Prénom Nom");
  });

  it("refuses to attach a company account to a direction of the département", () => {
    assert.deepEqual(
      issuesOf(() =>
        validateUtilisateur({ email: "contact@pme.fr", nomAffiche: "PME", role: "entreprise", directionId: "d", serviceId: null }),
      ),
      ["directionId"],
    );
  });

  it("refuses bidirectional overrides in an e-mail", () => {
    assert.deepEqual(
      issuesOf(() =>
        validateUtilisateur({ email: "admin\u202e@rf.ed", nomAffiche: "Ab", role: "lecteur", directionId: null, serviceId: null }),
      ),
      ["email"],
    );
  });

  it("accepts long passphrases without composition rules and refuses short, guessable or self-named ones", () => {
    assert.deepEqual(passwordProblems("une phrase de passe simple", {}, fakePasswordStrength), []);
    assert.equal(passwordProblems("court", {}, fakePasswordStrength).length, 1);
    assert.equal(passwordProblems("Azerty123456", {}, fakePasswordStrength).length, 1);
    assert.equal(passwordProblems("aaaaaaaaaaaaaaaa", {}, fakePasswordStrength).length, 1);
    assert.equal(passwordProblems("jean.dupont@cd94.fr", { email: "Jean.Dupont@cd94.fr" }, fakePasswordStrength).length, 1);
    assert.equal(passwordProblems("éa".repeat(129), {}, fakePasswordStrength).length, 1);
  });
});
