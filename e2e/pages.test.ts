import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { assertPageStructure, seriousViolations } from "./axe";
import { browserSkipReason, CHROMIUM, CHROMIUM_ARGS, startServer, type RunningServer } from "./server";

const ACCOUNTS = {
  admin: {
    email: "admin@demo.achat-public.fr",
    password: "demo-admin-2026",
    pages: ["/", "/organisation", "/utilisateurs", "/audit", "/simulateur"],
  },
  "acheteur-central": {
    email: "central@demo.achat-public.fr",
    password: "demo-central-2026",
    pages: ["/", "/organisation", "/utilisateurs", "/simulateur"],
  },
  acheteur: {
    email: "acheteur@demo.achat-public.fr",
    password: "demo-acheteur-2026",
    pages: ["/", "/organisation", "/utilisateurs", "/simulateur"],
  },
  lecteur: { email: "lecteur@demo.achat-public.fr", password: "demo-lecteur-2026", pages: ["/", "/organisation", "/simulateur"] },
  entreprise: { email: "entreprise@demo.achat-public.fr", password: "demo-entreprise-2026", pages: ["/", "/simulateur"] },
} as const;

async function login(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/connexion`);
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel(/^Mot de passe/).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByRole("heading", { level: 1, name: /^Bonjour/ }).waitFor();
}

const skip = browserSkipReason();

describe("parcours navigateur et accessibilité (axe-core)", { skip }, () => {
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

  it("shows the login page, accessible, with the demo accounts", async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(`${server.url}/`);
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    assert.match(page.url(), /\/connexion$/);
    await assertPageStructure(page, "/connexion");
    assert.deepEqual(await seriousViolations(page), []);
    assert.ok(await page.getByText("admin@demo.achat-public.fr").isVisible());
    await page.close();
  });

  it("announces a refused login in French, next to the form", async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(`${server.url}/connexion`);
    await page.getByLabel("Adresse électronique").fill("admin@demo.achat-public.fr");
    await page.getByLabel(/^Mot de passe/).fill("ce n'est pas le bon");
    await page.getByRole("button", { name: "Se connecter" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.innerText(), /Adresse électronique ou mot de passe incorrect/);
    assert.deepEqual(await seriousViolations(page), []);
    await page.close();
  });

  for (const [role, account] of Object.entries(ACCOUNTS)) {
    it(`logs in as ${role} and visits every page of the role with 0 serious or critical violations`, async () => {
      const context = await browser.newContext({ bypassCSP: true }); // lets axe-core be injected
      const page = await context.newPage();
      await login(page, server.url, account.email, account.password);
      const links = await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link").count();
      assert.equal(links, account.pages.length, "la navigation montre les pages du rôle, et elles seules");
      for (const path of account.pages) {
        await page.goto(`${server.url}${path}`);
        await page.locator("h1").first().waitFor();
        await page.waitForLoadState("networkidle");
        await assertPageStructure(page, path);
        assert.deepEqual(await seriousViolations(page), [], `${role} ${path}`);
      }
      await page.goto(`${server.url}/page-qui-n-existe-pas`);
      await page.getByRole("heading", { level: 1, name: "Page introuvable" }).waitFor();
      assert.deepEqual(await seriousViolations(page), []);
      await context.close();
    });
  }

  it("shows the server's refusal on the form field, and the modal stays accessible", async () => {
    const context = await browser.newContext({ bypassCSP: true }); // lets axe-core be injected
    const page = await context.newPage();
    await login(page, server.url, ACCOUNTS.admin.email, ACCOUNTS.admin.password);
    await page.goto(`${server.url}/organisation`);
    await page.getByRole("button", { name: "Nouvelle direction" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Nom", { exact: false }).first().fill("Direction des bâtiments");
    await dialog.getByLabel("Sigle", { exact: false }).fill("DB2");
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await dialog.getByRole("alert").waitFor();
    assert.match(await dialog.innerText(), /Une direction porte déjà ce nom/);
    assert.equal(await dialog.locator('input[aria-invalid="true"]').count(), 1);
    assert.deepEqual(await seriousViolations(page), []);
    await dialog.getByLabel("Nom", { exact: false }).first().fill("Direction de l'innovation");
    await dialog.getByLabel("Sigle", { exact: false }).fill("DINNO");
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("heading", { level: 2, name: "Direction de l'innovation" }).waitFor();
    await page.goto(`${server.url}/audit`);
    const newest = page.getByRole("table").getByRole("row").nth(1);
    await newest.waitFor();
    const text = await newest.innerText();
    assert.match(text, /direction\.created/);
    assert.match(text, /admin@demo\.achat-public\.fr/);
    await context.close();
  });
});
