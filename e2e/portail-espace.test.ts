/**
 * The company's own space in the browser, on the demo data: « Rénovation Bâtiment Créteil » sees its contracts
 * with the département, its invoices with the late-payment interest owed (paid late, and unpaid past due), the
 * evaluation it received at closing, and evaluates the département on a contract; the central buyer then sees the
 * aggregate, without the company's name. axe-core: no serious or critical violation on each new page, on a desktop
 * screen and on a phone. One server for the file.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { verifierAuxDeuxTailles } from "./axe";
import { browserSkipReason, CHROMIUM, CHROMIUM_ARGS, startServer, type RunningServer } from "./server";
import { DEMO, login } from "./session";

const skip = browserSkipReason();

describe("espace de l'entreprise (navigateur) : marchés, factures, intérêts dus, évaluation réciproque", { skip }, () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ bypassCSP: true });
    page = await context.newPage();
    await login(page, server.url, DEMO.entreprise.email, DEMO.entreprise.password);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it("the demo company sees its contracts with the département and the interest owed, from the navigation", async () => {
    await page.getByRole("link", { name: "Mes marchés et factures" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Mes marchés et factures" }).waitFor();
    await page.getByText("Rénovation Bâtiment Créteil — SIRET").waitFor();
    const table = page.getByRole("table", { name: "Vos marchés avec le département" });
    await table.waitFor();
    assert.equal(await table.locator("tbody tr").count(), 3);
    await table.getByRole("cell", { name: "Cotraitant" }).waitFor();
    await verifierAuxDeuxTailles(page, "/mon-entreprise/marches");
  });

  it("opens the framework agreement: invoices paid late and unpaid past due, with interest and the 40 € indemnity", async () => {
    await page.goto(`${server.url}/mon-entreprise/marches`);
    await page.getByRole("link", { name: /Accord-cadre de travaux de peinture/ }).click();
    await page.getByRole("heading", { level: 1, name: /^Marché \d{4}-90002$/ }).waitFor();
    const factures = page.getByRole("table", { name: "Factures" });
    await factures.waitFor();
    assert.equal(await factures.locator("tbody tr").count(), 6);
    await factures.getByRole("cell", { name: "Payée en retard" }).waitFor();
    await factures.getByRole("cell", { name: "Impayée, en retard" }).waitFor();
    const interets = await factures.getByRole("cell", { name: /\+ 40,00 €/ }).allInnerTexts();
    assert.ok(interets.length >= 2, interets.join(" | "));
    await page.getByText(/Le département évalue le titulaire quand il clôt le marché/).waitFor();
    await verifierAuxDeuxTailles(page, "/mon-entreprise/marches/:id");
  });

  it("the company evaluates the département on that contract: every missing score named, then saved and editable", async () => {
    await page.getByRole("button", { name: "Enregistrer mon évaluation" }).click();
    const erreurs = page.getByRole("alert").filter({ hasText: "Évaluation non enregistrée" });
    await erreurs
      .getByText(/Paiement/)
      .first()
      .waitFor();
    await page.getByLabel("Paiement", { exact: true }).selectOption("2");
    await page.getByLabel("Clarté des documents", { exact: true }).selectOption("4");
    await page.getByLabel("Relation", { exact: true }).selectOption("5");
    await page.getByLabel("Commentaire", { exact: true }).fill("Deux situations payées après quarante jours ; interlocuteurs disponibles.");
    await page.getByRole("button", { name: "Enregistrer mon évaluation" }).click();
    await page.getByText("Merci : votre évaluation est enregistrée.").waitFor();
    await page.getByRole("button", { name: "Modifier mon évaluation" }).waitFor();
  });

  it("shows the evaluation received on the closed contract", async () => {
    await page.goto(`${server.url}/mon-entreprise/marches`);
    await page.getByRole("link", { name: /Rénovation des sanitaires du collège/ }).click();
    await page.getByRole("heading", { level: 2, name: "Évaluation reçue à la clôture" }).waitFor();
    await page.getByText(/Chantier mené en site occupé/).waitFor();
    await page.getByRole("button", { name: "Modifier mon évaluation" }).waitFor();
  });

  it("the central buyer sees the aggregate by criterion, direction and year, comments without the company", async () => {
    const central = await browser.newContext({ bypassCSP: true });
    try {
      const p = await central.newPage();
      await login(p, server.url, DEMO["acheteur-central"].email, DEMO["acheteur-central"].password);
      await p.getByRole("link", { name: "Évaluations du département" }).first().click();
      await p.getByRole("heading", { level: 1, name: "Évaluations du département" }).waitFor();
      await p.getByRole("heading", { level: 2, name: /^Ensemble : 12 évaluations$/ }).waitFor();
      const parDirection = p.getByRole("table", { name: "Par direction" });
      await parDirection.getByRole("cell", { name: "DB", exact: true }).waitFor();
      await p.getByText(/Deux situations payées après quarante jours/).waitFor();
      assert.equal(await p.getByText("Rénovation Bâtiment Créteil").count(), 0);
      await verifierAuxDeuxTailles(p, "/evaluations-acheteur");
    } finally {
      await central.close();
    }
  });
});
