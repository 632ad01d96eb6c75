import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canonicalJson } from "./canonical-json";

describe("canonical JSON", () => {
  it("sorts keys at every depth and drops undefined", () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: undefined } }), '{"a":{"d":[2,{"y":null,"z":1}]},"b":1}');
  });
  it("gives the same text whatever the insertion order", () => {
    assert.equal(canonicalJson({ x: 1, y: "é" }), canonicalJson({ y: "é", x: 1 }));
  });
  it("refuses numbers JSON cannot carry", () => {
    assert.throws(() => canonicalJson({ n: Number.NaN }));
  });
});
