/**
 * Sourcing in the browser, on the demo: the public companies' home; the demo company signals its interest in a
 * published line of the demo buyer's direction and answers the open sourcing questionnaire; the buyer sees the
 * company among the interested ones and reads its answer. Every new page checked at both sizes (axe, structure,
 * no sideways scroll). One server for the file.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser } from "playwright-core";
import { verifierAuxDeuxTailles } from "./axe";
import { browserSkipReason, CHROMIUM, CHROMIUM_ARGS, startServer, type RunningServer } from "./server";
import { apiLogin, DEMO, login } from "./session";

const skip = browserSkipReason();

describe("sourçage : accueil des entreprises, signal d'intérêt, questionnaire (navigateur)", { skip }, () => {
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

  it("shows the public home for companies without an account, in the public navigation", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/simulateur`);
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Espace entreprises" }).click();
    await page.getByRole("heading", { level: 1, name: "Espace entreprises" }).waitFor();
    await verifierAuxDeuxTailles(page, "/espace-entreprises");
    for (const titre of [
      "Consultations ouvertes",
      "Achats à venir",
      "Ce que le département achète",
      "Attributions récentes",
      "Prochain salon de l'achat public",
    ])
      await page.getByRole("heading", { level: 2, name: titre }).waitFor();
    // the guides' figures come from the rules engine, through the API: the page shows what the API says
    const accueil = (await (await context.request.get(`${server.url}/api/public/entreprises/accueil`)).json()) as {
      guides: { paiement: { delaiJours: number } | null };
      aVenir: unknown[];
    };
    assert.ok(accueil.guides.paiement, "the engine answers the payment guide");
    assert.ok(accueil.aVenir.length > 0, "the demo publishes upcoming purchases");
    await page.getByRole("heading", { level: 3, name: `Être payé en ${accueil.guides.paiement.delaiJours} jours` }).waitFor();
    await page.getByText("R2192-31").first().waitFor();
    await context.close();
  });

  it("lets the demo company signal interest and answer the questionnaire; the buyer sees both", async () => {
    // a published line of the demo buyer's direction that the demo company has not signalled yet
    const acheteurContext = await browser.newContext({ bypassCSP: true });
    const acheteurApi = await apiLogin(acheteurContext.request, server.url, DEMO.acheteur.email, DEMO.acheteur.password);
    const entrepriseContext = await browser.newContext({ bypassCSP: true });
    const page = await entrepriseContext.newPage();
    await login(page, server.url, DEMO.entreprise.email, DEMO.entreprise.password);
    const entrepriseApi = await apiLogin(entrepriseContext.request, server.url, DEMO.entreprise.email, DEMO.entreprise.password);
    const mes = await entrepriseApi.call<{ signaux: { ligne: { id: string; url: string | null } }[] }>("GET", "/api/entreprise/interets");
    assert.ok(mes.body.signaux.length >= 3, "the demo company's signals");
    const deja = new Set(mes.body.signaux.map((s) => s.ligne.id));
    let cible: { id: string; annee: number; objet: string } | undefined;
    for (const annee of [new Date().getFullYear() + 1, new Date().getFullYear(), new Date().getFullYear() - 1]) {
      const lignes = await acheteurApi.call<{ lignes: { id: string; annee: number; objet: string }[] }>(
        "GET",
        `/api/programme/lignes?annee=${annee}&statut=publiee&parPage=50`,
      );
      cible = lignes.body.lignes?.find((l) => !deja.has(l.id));
      if (cible) break;
    }
    assert.ok(cible, "a published line without signal");

    // « Mes signaux d'intérêt », from the navigation
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mes signaux d'intérêt" }).click();
    await page.getByRole("heading", { level: 1, name: "Mes signaux d'intérêt" }).waitFor();
    await verifierAuxDeuxTailles(page, "/mon-entreprise/interets");

    // the line with the demo questionnaire: the company changes its answer
    let avecQuestionnaire: string | undefined;
    for (const s of mes.body.signaux) {
      const d = await entrepriseApi.call<{ demandes: { ouverte: boolean }[] }>("GET", `/api/entreprise/sourcage/lignes/${s.ligne.id}`);
      if (s.ligne.url && d.body.demandes?.some((x) => x.ouverte)) avecQuestionnaire = s.ligne.url;
    }
    assert.ok(avecQuestionnaire, "the demo's open questionnaire, on a line the demo company signalled");
    await page.goto(`${server.url}${avecQuestionnaire}`);
    await page.getByRole("heading", { level: 2, name: "Votre intérêt pour cet achat" }).waitFor();
    await page
      .getByRole("heading", { level: 3, name: /^Questionnaire de sourçage/ })
      .first()
      .waitFor();
    await verifierAuxDeuxTailles(page, "ligne du programme public (entreprise)");
    await page.getByLabel("Quel délai de préparation vous faut-il avant le début des travaux ?").fill("Huit semaines, visite comprise.");
    await page.getByRole("button", { name: "Modifier notre réponse" }).click();
    await page.getByText("Réponse enregistrée").waitFor();

    // a new signal, with a note
    await page.goto(`${server.url}/programme-public/${cible.annee}/${cible.id}`);
    await page.getByRole("heading", { level: 2, name: "Votre intérêt pour cet achat" }).waitFor();
    await page.getByLabel("Note pour l'acheteur (facultative)").fill("Référence : lycée Saint-Exupéry, 2025.");
    await page.getByRole("button", { name: "Cela nous intéresse" }).click();
    await page.getByText("Intérêt signalé").waitFor();
    await page.getByRole("button", { name: "Retirer notre intérêt" }).waitFor();

    // the buyer: the company among the interested ones, its answer to the questionnaire
    // (the buyer's browser context shares the session opened by apiLogin above)
    const acheteur = await acheteurContext.newPage();
    await acheteur.goto(`${server.url}/programme/lignes/${cible.id}/interet`);
    await acheteur.getByRole("heading", { level: 1, name: "Intérêt des entreprises pour une ligne" }).waitFor();
    await acheteur.getByText("Rénovation Bâtiment Créteil").first().waitFor();
    await acheteur.getByText("Référence : lycée Saint-Exupéry, 2025.").first().waitFor();
    await verifierAuxDeuxTailles(acheteur, "/programme/lignes/:id/interet");

    const ligneQuestionnaire = (avecQuestionnaire as string).split("/").at(-1) as string;
    await acheteur.goto(`${server.url}/programme/lignes/${ligneQuestionnaire}/interet`);
    await acheteur.getByRole("heading", { level: 3, name: /allotissement et délais/ }).waitFor();
    await acheteur.getByText("Huit semaines, visite comprise.").first().waitFor();
    await verifierAuxDeuxTailles(acheteur, "/programme/lignes/:id/interet (questionnaire)");
    await acheteurContext.close();
    await entrepriseContext.close();
  });
});
