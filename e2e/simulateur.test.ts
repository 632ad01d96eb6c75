import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { assertPageStructure, seriousViolations } from "./axe";
import { browserSkipReason, CHROMIUM, CHROMIUM_ARGS, startServer, type RunningServer } from "./server";

const skip = browserSkipReason();

describe("simulateur des règles, sans compte (navigateur)", { skip }, () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ bypassCSP: true }); // lets axe-core be injected
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("opens without login, accessible", async () => {
    await page.goto(`${server.url}/simulateur`);
    await page.getByRole("heading", { level: 1, name: "Simulateur de la commande publique" }).waitFor();
    await assertPageStructure(page, "/simulateur");
    assert.deepEqual(await seriousViolations(page), []);
  });

  it("shows every form problem under its field and in the summary", async () => {
    const panel = page.getByRole("tabpanel", { name: "Procédure et calendrier" });
    await panel.getByLabel(/Valeur estimée/).fill("12,345");
    await panel.getByRole("button", { name: "Analyser le besoin" }).click();
    await panel.getByRole("alert").first().waitFor();
    assert.ok((await panel.locator('[aria-invalid="true"]').count()) >= 1);
    assert.deepEqual(await seriousViolations(page), []);
  });

  it("puts a date outside the known rules under the launch-date field", async () => {
    const panel = page.getByRole("tabpanel", { name: "Procédure et calendrier" });
    await panel.getByRole("radio", { name: "Services" }).check();
    await panel.getByLabel(/Valeur estimée/).fill("100 000");
    await panel.getByLabel(/Date de lancement/).fill("2028-03-01");
    await panel.getByRole("button", { name: "Analyser le besoin" }).click();
    const date = panel.getByLabel(/Date de lancement/);
    await panel.locator('input[type="date"][aria-invalid="true"]').first().waitFor();
    assert.equal(await date.getAttribute("aria-invalid"), "true");
    assert.match(await panel.innerText(), /Aucune règle connue au 1er mars 2028/);
    assert.deepEqual(await seriousViolations(page), []);
  });

  it("analyses a need and cites the articles: 59 999,99 € HT of services on 1 May 2026 needs no competition", async () => {
    const panel = page.getByRole("tabpanel", { name: "Procédure et calendrier" });
    await panel.getByRole("radio", { name: "Services" }).check();
    await panel.getByLabel(/Valeur estimée/).fill("59 999,99");
    await panel.getByLabel(/Date de lancement/).fill("2026-05-01");
    await panel.getByRole("button", { name: "Analyser le besoin" }).click();
    const result = panel.getByRole("heading", { level: 2, name: "Analyse du besoin" });
    await result.waitFor();
    const text = await panel.innerText();
    assert.match(text, /Marché sans publicité ni mise en concurrence/);
    assert.match(text, /R2122-8/);
    assert.match(text, /données essentielles \(DECP\) : obligatoire/i);
    assert.deepEqual(await seriousViolations(page), []);
  });

  it("draws the timeline of legal dates from the analysis", async () => {
    const panel = page.getByRole("tabpanel", { name: "Procédure et calendrier" });
    await panel.getByRole("button", { name: "Calculer le calendrier" }).click();
    await panel.locator("ol").first().waitFor();
    assert.ok((await panel.locator("ol > li").count()) >= 1);
    assert.deepEqual(await seriousViolations(page), []);
  });

  it("computes late-payment interest in the payment tab", async () => {
    await page.getByRole("tab", { name: "Retard de paiement" }).click();
    const panel = page.getByRole("tabpanel", { name: "Retard de paiement" });
    await panel
      .getByLabel(/Montant/)
      .first()
      .fill("12 000");
    await panel
      .getByLabel(/réception/i)
      .first()
      .fill("2026-01-05");
    await panel
      .getByLabel(/paiement/i)
      .last()
      .fill("2026-03-16");
    await panel.getByLabel(/Taux de la BCE/i).fill("2,15");
    await panel.getByRole("button", { name: /Calculer/ }).click();
    await panel.getByRole("heading", { level: 2, name: "Résultat du calcul" }).waitFor();
    const text = await panel.innerText();
    assert.match(text, /133,48/);
    assert.match(text, /40,00/);
    assert.deepEqual(await seriousViolations(page), []);
  });

  it("tells the advance owed to an SME and the retention cap", async () => {
    await page.getByRole("tab", { name: "Avance et retenue de garantie" }).click();
    const panel = page.getByRole("tabpanel", { name: "Avance et retenue de garantie" });
    await panel.getByLabel(/Montant initial du marché \(€ HT\)/).fill("120 000");
    await panel.getByLabel(/Montant initial du marché \(€ TTC\)/).fill("144 000");
    await panel.getByLabel(/Durée d'exécution/).fill("18");
    await panel.getByLabel(/Date de lancement/).fill("2026-03-01");
    await panel.getByLabel("Le titulaire est une PME").check();
    await panel.getByRole("button", { name: "Calculer l'avance et la retenue" }).click();
    await panel.getByRole("heading", { level: 2, name: "Avance et retenue de garantie" }).waitFor();
    await panel
      .getByText(/Avance obligatoire/)
      .first()
      .waitFor();
    const text = await panel.innerText();
    assert.match(text, /9\s600,00/);
    assert.match(text, /4\s320,00/);
    assert.deepEqual(await seriousViolations(page), []);
  });
});
