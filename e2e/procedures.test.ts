/**
 * Procedures in the browser: a direction buyer creates a procedure from a programme line, sees the Climat refusal
 * when it has no environmental consideration, then runs a compliant one through publication, tender entry, award
 * and notification. axe-core: no serious or critical violation on the list and the detail, desktop and phone.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { assertNoHorizontalScroll, assertPageStructure, seriousViolations } from "./axe";
import { browserSkipReason, CHROMIUM, CHROMIUM_ARGS, startServer, type RunningServer } from "./server";
import { DEMO, login } from "./session";

const skip = browserSkipReason();
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

const jour = (offset: number): string => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

async function verifier(page: Page, quoi: string): Promise<void> {
  await page.reload();
  await page.locator("h1").first().waitFor();
  await page.waitForLoadState("networkidle");
  await page.locator('[role="status"] .mantine-Loader-root').first().waitFor({ state: "detached", timeout: 10_000 });
  await assertPageStructure(page, quoi);
  assert.deepEqual(await seriousViolations(page), [], quoi);
  await assertNoHorizontalScroll(page, quoi);
}

/** Chooses the first option whose text starts with `prefixe`; returns its text. */
async function choisir(select: Locator, prefixe: string): Promise<string> {
  // the programme lines load when the dialog opens
  await select.locator("option", { hasText: prefixe }).first().waitFor({ state: "attached" });
  const option = await select.evaluate(
    (el, p) =>
      Array.from((el as HTMLSelectElement).options)
        .map((o) => ({ value: o.value, text: o.text }))
        .find((o) => o.text.startsWith(p)),
    prefixe,
  );
  assert.ok(option, `option « ${prefixe}… »`);
  await select.selectOption(option.value);
  return option.text;
}

async function creer(page: Page, url: string, annee: number, environnement: boolean): Promise<void> {
  await page.goto(`${url}/procedures`);
  await page.getByRole("button", { name: "Nouvelle procédure" }).click();
  const dialog = page.getByRole("dialog");
  await choisir(dialog.getByLabel("Ligne de la programmation"), `${annee} — `);
  await dialog.getByLabel("Procédure", { exact: true }).selectOption("Appel d'offres ouvert");
  await dialog.getByLabel(/^Justification/).fill("Appel d'offres ouvert pour élargir l'accès des PME.");
  await dialog.getByLabel("Date limite de réception des offres").fill(jour(45));
  await dialog.getByLabel("Adresse de la consultation sur le profil d'acheteur").fill("https://marches.example.fr/consultation/e2e");
  if (environnement) {
    await dialog.getByLabel("Critère d'attribution environnemental (40 %)").check();
    await dialog.getByLabel("Condition d'exécution environnementale").check();
  }
  await dialog.getByRole("button", { name: "Créer la procédure" }).click();
  await page.getByRole("heading", { level: 2, name: /^\d{4}-P-/ }).waitFor();
  await page.getByRole("button", { name: "Publier" }).waitFor();
}

describe("procédures (navigateur) : de la ligne de programmation à la notification", { skip }, () => {
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

  it("a direction buyer creates, publishes (Climat refusal first), enters a tender, awards and notifies", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await login(page, server.url, DEMO.acheteur.email, DEMO.acheteur.password);
    await page.goto(`${server.url}/procedures`);
    await page.getByRole("heading", { level: 1, name: "Procédures" }).waitFor();
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await verifier(page, `/procedures (${viewport.width})`);
    }
    await page.setViewportSize(VIEWPORTS[0]);

    // without any environmental consideration: the engine refuses the publication (Climat, from 2026-08-21)
    await creer(page, server.url, annee, false);
    await page.getByRole("button", { name: "Publier" }).click();
    await page
      .getByText(/Climat et résilience/)
      .first()
      .waitFor();
    await page.getByRole("button", { name: "Abandonner" }).click();
    const abandon = page.getByRole("dialog");
    await abandon.getByLabel("Motif de la déclaration sans suite").fill("Considérations environnementales à ajouter.");
    await abandon.getByRole("button", { name: "Abandonner" }).click();
    await page.getByText("Abandonnée").first().waitFor();

    // the same line, with an environmental criterion and condition
    await creer(page, server.url, annee, true);
    await page.getByRole("button", { name: "Publier" }).click();
    await page.getByText("Procédure publiée.").waitFor();
    await page
      .getByRole("cell", { name: "Fin du délai de suspension (au soir)" })
      .or(page.getByText("Date limite de réception au plus tôt"))
      .first()
      .waitFor();

    await page.getByRole("button", { name: "Saisir une offre" }).click();
    const offre = page.getByRole("dialog");
    await offre.getByLabel("SIRET du soumissionnaire").fill("73282932000074");
    await offre.getByLabel("Raison sociale").fill("Propreté 94");
    await offre.getByLabel("Catégorie d'entreprise").selectOption("pme");
    await offre.getByLabel("Prix de l'offre (€ HT)").fill("120000");
    await offre.getByRole("button", { name: "Enregistrer l'offre" }).click();
    await offre.waitFor({ state: "hidden" });
    await page.getByRole("cell", { name: "Propreté 94" }).first().waitFor();
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await verifier(page, `/procedures/:id (${viewport.width})`);
    }
    await page.setViewportSize(VIEWPORTS[0]);

    await page.getByRole("button", { name: "Clore la réception des offres" }).click();
    await page.getByRole("button", { name: "Terminer l'analyse" }).click();
    await page.getByRole("button", { name: "Attribuer" }).click();
    const attribution = page.getByRole("dialog");
    await attribution.getByLabel("Date de la décision d'attribution").fill(jour(52));
    const cao = attribution.getByLabel("Date de la séance de la CAO");
    if (await cao.count()) await cao.fill(jour(50));
    await attribution.getByRole("button", { name: "Attribuer" }).click();
    await attribution.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "Notifier" }).click();
    const notification = page.getByRole("dialog");
    await notification.getByLabel("Date de signature").fill(jour(70));
    await notification.getByLabel("Date de notification").fill(jour(71));
    await notification.getByRole("button", { name: "Notifier" }).click();
    await notification.waitFor({ state: "hidden" });
    await page.getByText("Notifiée").first().waitFor();
    await context.close();
  });
});
