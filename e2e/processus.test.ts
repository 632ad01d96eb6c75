import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { TestSmtpServer } from "../apps/server/src/testing/smtp";
import { runCli as cli, startServer, type RunningServer } from "./server";

async function adminSession(
  url: string,
): Promise<(method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>> {
  const session = await fetch(`${url}/api/auth/session`);
  const csrfCookie = session.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = await session.json();
  const login = await fetch(`${url}/api/auth/connexion`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-csrf-token": csrfToken, cookie: csrfCookie, origin: url },
    body: JSON.stringify({ email: "admin@demo.achat-public.fr", motDePasse: "demo-admin-2026" }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const token = (await login.json()).csrfToken;
  return async (method, path, body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, "x-csrf-token": token, origin: url, ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: response.status === 204 ? null : await response.json() };
  };
}

describe("la ligne de commande à côté du serveur embarqué", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "achat-cote-"));
  const env = { DATA_DIR: dataDir };
  let server: RunningServer | null = null;
  after(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("runs every command while `npm start` runs, and two writers never corrupt the data", async () => {
    server = await startServer({ ...env, NODE_ENV: "test" });
    const verify = await cli(["audit", "verifier", "--json"], env);
    assert.equal(verify.code, 0, verify.stderr);
    assert.equal(JSON.parse(verify.stdout).ok, true);

    const api = await adminSession(server.url);
    const writers = [
      ...Array.from({ length: 8 }, (_, i) =>
        cli(["utilisateur", "creer", "--email", `cote.${i}@valdemarne.fr`, "--nom", `Agent Côte ${i}`, "--role", "lecteur", "--json"], env),
      ),
      ...Array.from({ length: 20 }, (_, i) => api("POST", "/api/directions", { nom: `Direction parallèle ${i}`, sigle: `DPAR${i}` })),
    ];
    const results = await Promise.all(writers);
    for (const r of results) {
      if ("code" in r) assert.equal(r.code, 0, r.stderr);
      else assert.equal(r.status, 201, JSON.stringify(r.body));
    }
    const accounts = await api("GET", "/api/utilisateurs?recherche=cote.&parPage=50");
    assert.equal(accounts.body.total, 8);
    const organisation = await api("GET", "/api/organisation");
    assert.equal(organisation.body.directions.filter((d: { nom: string }) => d.nom.startsWith("Direction parallèle")).length, 20);

    const again = await cli(["audit", "verifier", "--json"], env);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(JSON.parse(again.stdout).ok, true, "the audit chain stayed linear");
    const bad = await cli(["utilisateur", "creer", "--email", "pas-une-adresse", "--nom", "X", "--role", "lecteur"], env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /adresse électronique n'est pas valide/);

    await server.stop();
    server = null;
    const alone = await cli(["audit", "verifier", "--json"], env);
    assert.equal(alone.code, 0, alone.stderr);
    assert.ok(JSON.parse(alone.stdout).checked > JSON.parse(verify.stdout).checked);
  });
});

describe("courriel et tâche de fond quand le processus est tué pendant l'envoi", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "achat-tue-"));
  const smtp = new TestSmtpServer();
  let server: RunningServer | null = null;
  after(async () => {
    if (server?.process.exitCode === null) await server.stop();
    await smtp.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("sends the mail after a restart: never lost (at worst twice if the SMTP server had accepted it)", async () => {
    const smtpUrl = await smtp.start();
    smtp.stall = true;
    const env = {
      DATA_DIR: dataDir,
      NODE_ENV: "test",
      SMTP_URL: smtpUrl,
      JOBS_POLLING_SECONDS: "0.5",
      JOBS_MAINTENANCE_SECONDS: "1",
      JOBS_EXPIRE_SECONDS: "3",
      JOBS_RETRY_DELAY_SECONDS: "1",
    };
    server = await startServer(env);
    const queued = await cli(["courriel", "essai", "--a", "survivant@exemple.fr", "--json"], env);
    assert.equal(queued.code, 0, queued.stderr);
    for (let i = 0; i < 100 && smtp.started === 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(smtp.started, 1, "the sending had started");
    server.process.kill("SIGKILL");
    await new Promise((r) => server?.process.once("exit", r));
    smtp.stall = false;
    server = await startServer(env);
    await smtp.waitFor((mails) => mails.some((m) => m.to.includes("survivant@exemple.fr")), 40_000);
    assert.equal(smtp.received.filter((m) => m.to.includes("survivant@exemple.fr")).length, 1);
  });
});
