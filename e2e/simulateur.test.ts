import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { assertPageStructure, seriousViolations } from "./axe";
import { browserSkipReason, CHROMIUM, CHROMIUM_ARGS, startServer, type RunningServer } from "./server";

const skip = browserSkipReason();

/** The simulator is checked on a desktop screen and on a phone (axe-core reported issues on phones only). */
const VIEWPORTS = [
  { name: "bureau 1280×800", width: 1280, height: 800 },
  { name: "téléphone 390×844", width: 390, height: 844 },
] as const;

/** Opens every folded part of the answer (accordion buttons), so that axe checks the details too. */
async function openDetails(scope: Locator): Promise<void> {
  const closed = scope.locator("button[aria-expanded='false']");
  while ((await closed.count()) > 0) await closed.first().click();
}

/** The text of the focused element. */
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");

/** Whether the element's top is inside the viewport. */
async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y < height;
}

for (const viewport of VIEWPORTS) {
  describe(`simulateur des règles, sans compte (navigateur, ${viewport.name})`, { skip }, () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;

    before(async () => {
      server = await startServer();
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      page = await browser.newPage({ bypassCSP: true, viewport: { width: viewport.width, height: viewport.height } }); // bypassCSP lets axe-core be injected
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

    it("moves focus to the result heading and leads with the summary, in view", async () => {
      const panel = page.getByRole("tabpanel", { name: "Procédure et calendrier" });
      assert.equal(await focusedText(page), "Analyse du besoin");
      const section = panel.getByRole("region", { name: "Analyse du besoin" });
      const summary = section.getByRole("region", { name: "Synthèse" });
      assert.ok(await inViewport(page, section.getByRole("heading", { name: "Analyse du besoin" })), "the result heading is on screen");
      // The summary is the first part of the answer, before the folded details.
      const order = await section.evaluate((el) =>
        Array.from(el.querySelectorAll("[data-synthese], [aria-expanded]")).map((node) =>
          node.hasAttribute("data-synthese") ? "synthese" : "detail",
        ),
      );
      assert.equal(order[0], "synthese");
      assert.ok(order.length > 1 && order.slice(1).every((kind) => kind === "detail"));
      assert.match(await summary.innerText(), /Publicité : Aucune publicité obligatoire/);
      // Details are folded: the answer is short until the user opens a part.
      assert.equal(await section.locator("button[aria-expanded='true']").count(), 0);
    });

    it("keeps every detail accessible once opened, scrollable tables included", async () => {
      const section = page.getByRole("tabpanel", { name: "Procédure et calendrier" }).getByRole("region", { name: "Analyse du besoin" });
      await openDetails(section);
      const scrollers = section.locator("[role='region'][tabindex='0']");
      assert.ok((await scrollers.count()) >= 1, "scrollable tables are reachable with the keyboard");
      for (const scroller of await scrollers.all()) assert.ok(await scroller.getAttribute("aria-label"));
      assert.deepEqual(await seriousViolations(page), []);
    });

    it("draws the timeline of legal dates from the analysis", async () => {
      const panel = page.getByRole("tabpanel", { name: "Procédure et calendrier" });
      await panel.getByRole("button", { name: "Calculer le calendrier" }).click();
      await panel.locator("ol").first().waitFor();
      assert.ok((await panel.locator("ol > li").count()) >= 1);
      assert.deepEqual(await seriousViolations(page), []);
    });

    it("ranks the timeline's warnings: a signature before the standstill ends is blocking, shown first in the summary", async () => {
      const panel = page.getByRole("tabpanel", { name: "Procédure et calendrier" });
      await panel.getByRole("radio", { name: "Services" }).check();
      await panel.getByLabel(/Valeur estimée/).fill("300 000");
      await panel.getByLabel(/Date de lancement/).fill("2026-03-02");
      await panel.getByRole("button", { name: "Analyser le besoin" }).click();
      await panel.getByRole("button", { name: "Calculer le calendrier" }).waitFor();
      await panel.getByLabel(/Date d'envoi des notifications de rejet/).fill("2026-04-20");
      await panel.getByLabel(/Date de signature du marché/).fill("2026-04-25");
      await panel.getByRole("button", { name: "Calculer le calendrier" }).click();
      const heading = panel.getByRole("heading", { name: "Dates légales de la procédure" });
      await heading.waitFor();
      await page.waitForFunction(() => document.activeElement?.textContent?.trim() === "Dates légales de la procédure");
      const summary = panel.getByRole("region", { name: "Synthèse du calendrier" });
      const text = await summary.innerText();
      assert.match(text, /^Synthèse du calendrier\s+Bloquant : La signature du 25 avril 2026 précède la fin du délai de suspension/);
      assert.match(text, /Vendredi 1er mai 2026/, "« 1er » for the first day of a month");
      assert.doesNotMatch(text, /\b1 mai\b/);
      assert.deepEqual(await seriousViolations(page), []);
    });

    it("shows every problem of the late-payment form at once, on its field, with French field names", async () => {
      await page.getByRole("tab", { name: "Retard de paiement" }).click();
      const panel = page.getByRole("tabpanel", { name: "Retard de paiement" });
      await panel
        .getByLabel(/Montant/)
        .first()
        .fill("douze mille");
      await panel
        .getByLabel(/réception/i)
        .first()
        .fill("2026-03-16");
      await panel
        .getByLabel(/paiement/i)
        .last()
        .fill("2026-01-05");
      await panel.getByLabel(/Taux de la BCE/i).fill("150");
      await panel.getByRole("button", { name: /Calculer/ }).click();
      await panel.getByRole("alert").first().waitFor();
      assert.equal(await panel.locator('[aria-invalid="true"]').count(), 3, "amount, payment date and ECB rate at once");
      const text = await panel.innerText();
      assert.match(text, /Le formulaire contient 3 erreurs/);
      assert.match(text, /Date de paiement : La date de paiement ne peut pas précéder/);
      assert.doesNotMatch(text, /montantTtc|datePaiement|dateReception|tauxBce|Cents/);
      assert.deepEqual(await seriousViolations(page), []);
    });

    it("computes late-payment interest in the payment tab", async () => {
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
      assert.equal(await focusedText(page), "Résultat du calcul");
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

    it("says in words that a modification above the 50 % cap is not allowed, its warning marked « Bloquant »", async () => {
      await page.getByRole("tab", { name: "Modification du marché" }).click();
      const panel = page.getByRole("tabpanel", { name: "Modification du marché" });
      await panel.getByLabel(/Montant initial du marché/).fill("100 000");
      await panel.getByLabel(/Date de lancement/).fill("2026-06-01");
      await panel.getByLabel(/Montant de cette modification/).fill("50 000,01");
      await panel.getByLabel("Fondement invoqué").selectOption("prestations-supplementaires");
      await panel.getByRole("button", { name: "Vérifier la modification" }).click();
      await panel.getByRole("heading", { level: 2, name: "Résultat de la vérification" }).waitFor();
      const summary = panel.getByRole("region", { name: "Synthèse" });
      const text = await summary.innerText();
      assert.match(text, /Non autorisée sur ce fondement/);
      assert.match(text, /50,00001\s?%/);
      assert.match(text, /Bloquant : Cette modification dépasse de 0,01/);
      await openDetails(panel.getByRole("region", { name: "Résultat de la vérification" }));
      assert.deepEqual(await seriousViolations(page), []);
    });
  });
}
