import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildUtilisateur, fakeKit, serialTransactions } from "../testing/index";
import { login, type LoginDeps } from "./login.use-cases";

async function setup() {
  const kit = fakeKit();
  const user = buildUtilisateur({ email: "agent@test.fr" });
  await kit.utilisateurs.insert(user, await kit.hasher.hash("la bonne phrase secrète"));
  let verified = 0;
  const deps: LoginDeps = {
    transaction: serialTransactions(kit),
    hasher: {
      ...kit.hasher,
      verify: async (h, p) => {
        verified++;
        return kit.hasher.verify(h, p);
      },
    },
    tokens: { newToken: () => `t${Math.random()}`, fingerprint: (t) => `h${t}` },
    clock: kit.clock,
    sessionPolicy: { idleMs: 1_800_000, absoluteMs: 43_200_000 },
    demoMode: false,
  };
  return { kit, deps, verified: () => verified };
}

const attempt = (deps: LoginDeps, motDePasse: string, clientAddress = "10.0.0.1") =>
  login(deps, { email: "agent@test.fr", motDePasse, clientAddress, route: "POST /api/auth/connexion" });

describe("login (use case, in-memory)", () => {
  it("verifies at most 5 guesses from one address, records each failure and the lockout as security events", async () => {
    const { kit, deps, verified } = await setup();
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => attempt(deps, `essai ${i}`)));
    assert.equal(verified(), 5);
    assert.equal(results.filter((r) => r.status === "rejected" && (r.reason as { code: string }).code === "TOO_MANY_ATTEMPTS").length, 35);
    assert.equal(kit.securityEvents.events.filter((e) => e.type === "login.failed").length, 5);
    assert.equal(kit.securityEvents.events.filter((e) => e.type === "login.blocked").length, 35);
    await assert.rejects(attempt(deps, "la bonne phrase secrète"), { code: "TOO_MANY_ATTEMPTS" });
  });

  it("lets the right password in from another address, and a success takes back the attempt it counted", async () => {
    const { kit, deps } = await setup();
    for (let i = 0; i < 5; i++) await assert.rejects(attempt(deps, `essai ${i}`));
    const opened = await attempt(deps, "la bonne phrase secrète", "10.0.0.2");
    assert.equal(opened.utilisateur.email, "agent@test.fr");
    assert.equal(kit.throttles.rows.get("adresse:10.0.0.2")?.failures, 0);
    assert.equal(kit.throttles.rows.has("compte:agent@test.fr"), false);
  });
});
