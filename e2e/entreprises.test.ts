/**
 * A company's journey in the browser: it registers (SIRET), confirms its address with the link of the mail
 * (read from the kept-mail store, as the demo shows it), logs in, completes its profile, registers to next year's
 * fair; the organiser then sees it among the registrations and checks it in at the door. axe-core on each page.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { assertPageStructure, seriousViolations } from "./axe";
import { browserSkipReason, CHROMIUM, CHROMIUM_ARGS, startServer, type RunningServer } from "./server";
import { apiLogin, DEMO, login, submitLogin } from "./session";

const skip = browserSkipReason();

/** Checks the page as freshly loaded (the skip link is checked from the top of a loaded page). */
async function verifier(page: Page, quoi: string): Promise<void> {
  await page.reload();
  await page.locator("h1").first().waitFor();
  await page.waitForLoadState("networkidle");
  await assertPageStructure(page, quoi);
  assert.deepEqual(await seriousViolations(page), [], quoi);
}

describe("parcours d'une entreprise : inscription, confirmation, salon, pointage (navigateur)", { skip }, () => {
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

  it("registers a company, confirms it by the mail's link, registers it to the fair; the organiser checks it in", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/entreprises/inscription`);
    await page.getByRole("heading", { level: 1, name: "Inscrire votre entreprise" }).waitFor();
    await verifier(page, "/entreprises/inscription");
    await page.getByLabel("SIRET de l'établissement").fill("732 829 320 00075");
    await page.getByLabel("Raison sociale").fill("Menuiserie Navigateur");
    await page.getByLabel("Vos prénom et nom").fill("Noé Navigateur");
    await page.getByLabel("Votre adresse électronique").fill("noe@menuiserie-navigateur.fr");
    await page.getByLabel(/^Mot de passe/).fill("copeaux de chêne au soleil couchant");
    await page.getByRole("button", { name: "Créer le compte de l'entreprise" }).click();
    await page.getByText("clé de contrôle invalide").first().waitFor();
    await page.getByLabel("SIRET de l'établissement").fill("732 829 320 00074");
    await page.getByRole("button", { name: "Créer le compte de l'entreprise" }).click();
    await page.getByText("Vérifiez votre messagerie").waitFor();

    // the confirmation mail, kept by the platform (no SMTP server in the demo), read by the administrator
    const adminContext = await browser.newContext();
    const admin = await apiLogin(adminContext.request, server.url, DEMO.admin.email, DEMO.admin.password);
    const liste = await admin.call<{ courriels: { id: string; destinataires: string[] }[] }>("GET", "/api/courriels?parPage=20");
    const courriel = liste.body.courriels.find((c) => c.destinataires.includes("noe@menuiserie-navigateur.fr"));
    assert.ok(courriel, "courriel de confirmation conservé");
    const detail = await admin.call<{ texte: string }>("GET", `/api/courriels/${courriel.id}`);
    const lien = /https?:\/\/\S+\/entreprises\/confirmation\?jeton=\S+/.exec(detail.body.texte)?.[0];
    assert.ok(lien, detail.body.texte);
    await adminContext.close();

    const url = new URL(lien);
    await page.goto(`${server.url}${url.pathname}${url.search}`);
    await page.getByRole("heading", { level: 1, name: "Confirmer votre adresse" }).waitFor();
    await verifier(page, "/entreprises/confirmation");
    await page.getByRole("button", { name: "Confirmer mon adresse et activer le compte" }).click();
    await page.getByText("Adresse confirmée").waitFor();

    await page.goto(`${server.url}/connexion`);
    await submitLogin(page, "noe@menuiserie-navigateur.fr", "copeaux de chêne au soleil couchant");
    await page.getByRole("heading", { level: 1, name: /^Bonjour/ }).waitFor();

    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mon entreprise" }).click();
    await page.getByRole("heading", { level: 1, name: "Mon entreprise" }).waitFor();
    await page.getByLabel("Activités (codes CPV)").fill("45421000, 45422000");
    await page.getByLabel("Départements desservis").fill("94, 75");
    await page.getByRole("button", { name: "Enregistrer le profil" }).click();
    await page.getByText("Profil enregistré").waitFor();
    await verifier(page, "/mon-entreprise");

    await page.goto(`${server.url}/salons`);
    await page.getByRole("heading", { level: 1, name: "Salon de l'achat public" }).waitFor();
    const prochain = page.getByRole("region", { name: /Salon de l'achat public \d{4}/ }).first();
    await prochain.getByRole("button", { name: "Inscrire mon entreprise" }).click();
    await prochain.getByText("Votre entreprise est inscrite au salon.").waitFor();
    await verifier(page, "/salons (inscrite)");
    await context.close();

    // the organiser finds it among the registrations and checks it in at the door
    const organisateur = await browser.newContext({ bypassCSP: true });
    const central = await organisateur.newPage();
    await login(central, server.url, DEMO["acheteur-central"].email, DEMO["acheteur-central"].password);
    await central.goto(`${server.url}/salons/organisation`);
    await central.getByRole("heading", { level: 1, name: "Organiser le salon" }).waitFor();
    await central.getByRole("button", { name: "Menuiserie Navigateur : présente" }).first().click();
    await central.getByText("Présente").first().waitFor();
    await verifier(central, "/salons/organisation");
    await organisateur.close();
  });
});
