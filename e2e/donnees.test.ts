/**
 * Open data in the browser: the administrator imports a real DECP file from the page « Import des DECP »
 * (progress, report, download), then anyone, without an account, finds its contracts on the public search
 * page, accents or not; a buyer runs a sourcing. axe-core on each page, on a desktop screen and on a phone.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { seriousViolations } from "./axe";
import { browserSkipReason, CHROMIUM, CHROMIUM_ARGS, ROOT, startServer, type RunningServer } from "./server";
import { DEMO, login } from "./session";

const skip = browserSkipReason();
const TELEPHONE = { width: 390, height: 844 } as const;

/** No serious or critical violation at desktop size, then at phone size (the page as it is, re-measured). */
async function accessible(page: Page, quoi: string): Promise<void> {
  assert.deepEqual(await seriousViolations(page), [], `${quoi} (bureau)`);
  await page.setViewportSize(TELEPHONE);
  assert.deepEqual(await seriousViolations(page), [], `${quoi} (téléphone)`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe("données ouvertes : import, recherche publique, sourcing (navigateur)", { skip }, () => {
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

  it("imports a DECP file from the admin page, then finds its contracts without an account and sources companies", async () => {
    // bypassCSP lets axe-core be injected (the pages' CSP forbids inline scripts)
    const admin = await browser.newContext({ bypassCSP: true });
    const page = await admin.newPage();
    await login(page, server.url, DEMO.admin.email, DEMO.admin.password);
    await page.goto(`${server.url}/donnees/import`);
    await page.getByRole("heading", { level: 1, name: "Import des DECP" }).waitFor();
    await page.locator('input[type="file"]').setInputFiles(join(ROOT, "fixtures/decp/decp_tabular_2024H2_val-de-marne.csv"));
    await page.getByRole("button", { name: "Importer" }).click();
    await page.getByText(/25 enregistrements : 25 importés, 0 rejetés/).waitFor();
    await accessible(page, "/donnees/import");
    await admin.close();

    const anonyme = await browser.newContext({ bypassCSP: true });
    const publique = await anonyme.newPage();
    await publique.goto(`${server.url}/donnees/marches`);
    await publique.getByRole("heading", { level: 1, name: "Marchés publiés (DECP)" }).waitFor();
    await publique.getByLabel("Mots de l'objet ou du titulaire").fill("maçons");
    await publique.getByRole("button", { name: "Rechercher" }).click();
    await publique
      .getByRole("table")
      .getByText(/MACONS PARISIENS/)
      .first()
      .waitFor();
    assert.match(publique.url(), /recherche=ma%C3%A7ons/);
    await accessible(publique, "/donnees/marches");
    await anonyme.close();

    const acheteur = await browser.newContext({ bypassCSP: true });
    const p = await acheteur.newPage();
    await login(p, server.url, DEMO.acheteur.email, DEMO.acheteur.password);
    await p.goto(`${server.url}/donnees/sourcing?cpv=4521&departement=94&portee=region`);
    await p.getByRole("heading", { level: 2, name: "Entreprises" }).waitFor();
    await p.getByText("Même département").first().waitFor();
    await accessible(p, "/donnees/sourcing");
    await acheteur.close();
  });
});
