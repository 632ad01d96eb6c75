/**
 * The procurement directorate checks the open data before it is published: the quality gate's result, what is late
 * to publish, every problem with its DECP field; then anyone downloads the public files without an account.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser } from "playwright-core";
import { assertPageStructure, seriousViolations } from "./axe";
import { browserSkipReason, CHROMIUM, CHROMIUM_ARGS, startServer, type RunningServer } from "./server";
import { DEMO, login } from "./session";

const skip = browserSkipReason();

describe("données essentielles : contrôle avant publication (navigateur)", { skip }, () => {
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the procurement directorate the blocked export, the late publications and each problem with its field", async () => {
    const context = await browser.newContext({ bypassCSP: true }); // bypassCSP lets axe-core be injected
    const page = await context.newPage();
    await login(page, server.url, DEMO["acheteur-central"].email, DEMO["acheteur-central"].password);
    await page.getByRole("link", { name: "Données essentielles" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Données essentielles des marchés" }).waitFor();
    await page
      .getByText(/^Export (bloqué|possible)$/)
      .first()
      .waitFor();
    // the demo leaves the contracts of the last three weeks unpublished, and a few published late
    const retards = page.getByRole("table", { name: /Marchés et modifications non publiés/ });
    await retards.getByRole("row").nth(1).waitFor();
    // the structure as on a fresh load (after a client-side navigation, focus is on the title, not before the skip link)
    await page.goto(`${server.url}/publication`);
    await page.getByRole("heading", { level: 1, name: "Données essentielles des marchés" }).waitFor();
    await assertPageStructure(page, "/publication");
    assert.deepEqual(await seriousViolations(page), []);

    // the public files, without an account
    const anonyme = await browser.newContext();
    const decp = await anonyme.request.get(`${server.url}/api/donnees-ouvertes/decp.json`);
    assert.equal(decp.status(), 200);
    const document = await decp.json();
    assert.ok(document.marches.marche.length > 0);
    const encore = await anonyme.request.get(`${server.url}/api/donnees-ouvertes/decp.json`, {
      headers: { "if-none-match": decp.headers().etag ?? "" },
    });
    assert.equal(encore.status(), 304);
    await anonyme.close();
    await context.close();
  });
});
