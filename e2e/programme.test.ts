/**
 * The purchase programme in the browser, for its three users: a direction buyer declares a need and submits it,
 * the procurement directorate sees the split-purchase alerts, sends back, validates and publishes, an anonymous
 * company visitor searches the public programme and opens a line at its stable address. axe-core: no serious or
 * critical violation on any of these pages, on a desktop screen and on a phone.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { assertNoHorizontalScroll, assertPageStructure, seriousViolations } from "./axe";
import { browserSkipReason, CHROMIUM, CHROMIUM_ARGS, startServer, type RunningServer } from "./server";
import { DEMO, login } from "./session";

const skip = browserSkipReason();
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

async function verifier(page: Page, quoi: string): Promise<void> {
  await page.reload(); // the skip link is checked from the top of a freshly loaded page
  await page.locator("h1").first().waitFor();
  await page.waitForLoadState("networkidle");
  await page.locator('[role="status"] .mantine-Loader-root').first().waitFor({ state: "detached", timeout: 10_000 });
  await assertPageStructure(page, quoi);
  assert.deepEqual(await seriousViolations(page), [], quoi);
  await assertNoHorizontalScroll(page, quoi);
}

describe("programmation des achats (navigateur) : acheteur de direction, direction de la commande publique, visiteur", { skip }, () => {
  let server: RunningServer;
  let browser: Browser;
  const annee = Math.min(new Date().getFullYear(), 2026) + 1;

  before(async () => {
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a direction buyer declares a need (errors named on their fields), then submits it", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await login(page, server.url, DEMO.acheteur.email, DEMO.acheteur.password);
    await page.goto(`${server.url}/programme?annee=${annee}`);
    await page.getByRole("heading", { level: 1, name: "Programmation des achats" }).waitFor();
    await verifier(page, "/programme (acheteur)");
    await page.getByRole("button", { name: "Nouveau besoin" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Objet du besoin").fill("Tablettes tactiles pour les chantiers");
    await dialog.getByLabel("Code CPV").fill("1234");
    await dialog.getByLabel("Valeur estimée (€ HT)").fill("45000");
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await dialog
      .getByRole("link", { name: /Code CPV/ })
      .first()
      .waitFor(); // the summary names the field by its label
    await dialog.getByLabel("Code CPV").fill("30213200-7");
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByLabel("Rechercher dans l'objet").fill("tablettes");
    await page
      .getByRole("button", { name: /^Soumettre : Tablettes tactiles/ })
      .first()
      .click();
    await page.getByText("Soumise").first().waitFor();
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await verifier(page, `/programme (acheteur ${viewport.width})`);
    }
    await context.close();
  });

  it("the procurement directorate sees the split-purchase alerts, sends back with a comment, validates and publishes", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await login(page, server.url, DEMO["acheteur-central"].email, DEMO["acheteur-central"].password);
    await page.goto(`${server.url}/programme/agregation`);
    await page.getByRole("heading", { level: 1, name: "Agrégation par famille" }).waitFor();
    await page.getByRole("heading", { level: 2, name: /^Alertes de fractionnement/ }).waitFor();
    assert.match((await page.locator("main").textContent()) ?? "", /F-MOB Mobilier/);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await verifier(page, `/programme/agregation (${viewport.width})`);
    }
    await page.setViewportSize(VIEWPORTS[0]);
    await page.goto(`${server.url}/programme?annee=${annee}&statut=soumise&recherche=tablettes`);
    await page
      .getByRole("button", { name: /^Renvoyer : Tablettes tactiles/ })
      .first()
      .click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Ce que la direction doit revoir").fill("Préciser le nombre de tablettes.");
    await dialog.getByRole("button", { name: "Renvoyer" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.goto(`${server.url}/programme?annee=${annee}&statut=soumise`);
    await page
      .getByRole("button", { name: /^Valider : / })
      .first()
      .click();
    await page.waitForLoadState("networkidle");
    await page.goto(`${server.url}/programme/agregation`);
    await page.getByRole("button", { name: /^Publier les lignes validées/ }).click();
    await page
      .getByText(/lignes? publiées?/)
      .first()
      .waitFor();
    await context.close();
  });

  it("an anonymous visitor searches the public programme (accents ignored), downloads it and opens a line", async () => {
    const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/programme-public?annee=${annee}`);
    await page.getByRole("heading", { level: 1, name: "Programme public des achats" }).waitFor();
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await verifier(page, `/programme-public (${viewport.width})`);
    }
    await page.setViewportSize(VIEWPORTS[0]);
    await page.getByLabel("Mots de l'objet").fill("vehicules electriques");
    await page
      .getByRole("link", { name: /Véhicules électriques/ })
      .first()
      .waitFor();
    const csv = await context.request.get(`${server.url}/api/public/programme/export?annee=${annee}&format=csv`);
    assert.equal(csv.status(), 200);
    assert.match(await csv.text(), /Objet/);
    const json = await (await context.request.get(`${server.url}/api/public/programme?annee=${annee}`)).json();
    assert.ok(json.lignes.length > 0);
    await page
      .getByRole("link", { name: /Véhicules électriques/ })
      .first()
      .click();
    await page.getByRole("heading", { level: 2, name: /Véhicules électriques/ }).waitFor();
    assert.match(new URL(page.url()).pathname, new RegExp(`^/programme-public/${annee}/[0-9a-f-]{36}$`));
    await verifier(page, "/programme-public/:annee/:id");
    await context.close();
  });
});
