import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { estimerSolidite } from "./solidite";

describe("indication de robustesse d'un mot de passe", () => {
  it("asks for 12 characters at least and says how many are missing", () => {
    assert.equal(estimerSolidite("").niveau, 0);
    assert.match(estimerSolidite("abcdefghij").texte, /encore 2 caractères/);
    assert.match(estimerSolidite("abcdefghijk").texte, /encore 1 caractère au/);
  });

  it("calls repetitive passwords weak whatever their length", () => {
    assert.equal(estimerSolidite("aaaaaaaaaaaaaaaaaaaaaaaa").niveau, 1);
  });

  it("grades length and variety, and leaves guessability to the server", () => {
    assert.equal(estimerSolidite("motdepasseabc").niveau, 1);
    assert.equal(estimerSolidite("Motdepasse-1abc").niveau, 2);
    assert.equal(estimerSolidite("cheval agrafe batterie correcte").niveau, 3);
    assert.match(estimerSolidite("cheval agrafe batterie correcte").texte, /serveur/);
  });
});
