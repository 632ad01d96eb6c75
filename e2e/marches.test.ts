/**
 * A contract followed in the browser from notification to closing: a buyer opens the contract record, records an
 * amendment (refused by the rules engine until a legal ground is written), a purchase order, an invoice paid late
 * (interest shown to the cent, hand-computed in docs/marches.md), insertion hours, then closes the contract with
 * the supplier evaluation, seen on the supplier's 360 page; the portfolio watch lists the demo cases. axe-core: no
 * serious or critical violation on any of these pages, on a desktop screen and on a phone. One server for the file.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { chromium, request, type Browser, type BrowserContext, type Page } from "playwright-core";
import { verifierAuxDeuxTailles } from "./axe";
import { browserSkipReason, CHROMIUM, CHROMIUM_ARGS, startServer, type RunningServer } from "./server";
import { apiLogin, DEMO, login } from "./session";

const skip = browserSkipReason();

describe("marchés (navigateur) : de la notification à la clôture, veille du portefeuille", { skip }, () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let marcheId: string;
  let fournisseurId: string;

  before(async () => {
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ bypassCSP: true });
    page = await context.newPage();
    await login(page, server.url, DEMO["acheteur-central"].email, DEMO["acheteur-central"].password);
    // the contract just notified (entered as the award creates it): a framework with a social clause
    const requetes = await request.newContext(); // its own session: the page's session and CSRF token stay as they are
    const client = await apiLogin(requetes, server.url, DEMO["acheteur-central"].email, DEMO["acheteur-central"].password);
    const liste = await client.call<{ marches: { directionId: string }[] }>("GET", "/api/marches?parPage=1");
    const created = await client.call<{ id: string }>("POST", "/api/marches", {
      directionId: liste.body.marches[0]?.directionId,
      numero: "E2E-2025-001",
      objet: "Entretien des espaces verts des collèges (parcours navigateur)",
      procedure: "Appel d'offres ouvert",
      nature: "services",
      cpv: "77310000-6",
      formePrix: "unitaire",
      accordCadre: true,
      montantMaxHt: 100000,
      dateNotification: "2025-01-06",
      dateDebut: "2025-02-01",
      dureeMois: 48,
      reconductionsNombre: 0,
      ccag: "fcs",
      clauseSociale: true,
      heuresInsertionPrevues: 400,
      attribueParCao: true,
      titulaires: [{ siret: "73282932000074", nom: "Verts Jardins du parcours", categorie: "pme", role: "titulaire" }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    marcheId = created.body.id;
    const dossier = await client.call<{ marche: { titulaires: { fournisseurId: string }[] } }>("GET", `/api/marches/${marcheId}`);
    fournisseurId = dossier.body.marche.titulaires[0]?.fournisseurId ?? "";
    await requetes.dispose();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it("the buyer opens the contract record and records an amendment: refused by the engine until a legal ground is written", async () => {
    await page.goto(`${server.url}/marches/${marcheId}`);
    await page.getByRole("heading", { level: 1, name: "Marché E2E-2025-001" }).waitFor();
    await verifierAuxDeuxTailles(page, "/marches/:id");
    await page.getByRole("tab", { name: /^Modifications/ }).click();
    const form = page.getByRole("form", { name: "Nouvelle modification" });
    await form.getByLabel(/^Objet/).fill("Extension aux nouveaux collèges");
    await form.getByLabel(/^Montant HT/).fill("40000");
    await form.getByLabel("Date de signature").fill("2025-06-02");
    await form.getByRole("button", { name: "Enregistrer la modification" }).click();
    const refus = form.getByRole("alert");
    await refus
      .getByText(/refusé/)
      .first()
      .waitFor();
    await form.getByLabel("Motif juridique").fill("Circonstances imprévues : ouverture de deux collèges décidée par l'État (R2194-5).");
    await form.getByRole("button", { name: "Enregistrer la modification" }).click();
    await page.getByText("Modification enregistrée").first().waitFor();
    await page.getByRole("cell", { name: /refusée — motif : Circonstances imprévues/ }).waitFor();
  });

  it("issues a purchase order against the framework, then records an invoice paid late with its interest to the cent", async () => {
    await page.getByRole("tab", { name: /^Bons de commande/ }).click();
    const bon = page.getByRole("form", { name: "Nouveau bon de commande" });
    await bon.getByLabel("Numéro").fill("BC-2025-01");
    await bon.getByLabel("Date d'émission").fill("2025-02-10");
    await bon.getByLabel(/^Montant HT/).fill("20000");
    await bon.getByRole("button", { name: "Émettre le bon" }).click();
    await page.getByText("Bon de commande émis").first().waitFor();
    await page.getByText(/20\s000 € HT commandés sur un maximum de 140\s000 € HT/u).waitFor();

    await page.getByRole("tab", { name: /^Factures/ }).click();
    const facture = page.getByRole("form", { name: "Nouvelle facture" });
    await facture.getByLabel("Numéro de facture").fill("F-2025-0117");
    await facture.getByLabel(/^Montant TTC/).fill("12000");
    await facture.getByLabel("Date de réception").fill("2025-03-03");
    await facture.getByLabel("Date de mise en paiement").fill("2025-04-22");
    await facture.getByRole("button", { name: "Enregistrer la facture" }).click();
    await page.getByText("Facture enregistrée").first().waitFor();
    const ligne = page.getByRole("row", { name: /F-2025-0117/ });
    // 1 200 000 c × (3,15 % + 8 points) × 20 days / 365 = 7 331,5 c → 73,32 €; fixed indemnity 40 €
    await ligne.getByText("20 j").first().waitFor();
    assert.match(await ligne.innerText(), /73,32\s€/u);
    assert.match(await ligne.innerText(), /40,00\s€/u);
  });

  it("declares insertion hours, then closes the contract with the supplier evaluation, seen on the 360 page", async () => {
    await page.getByRole("tab", { name: /^Heures d'insertion/ }).click();
    const heures = page.getByRole("form", { name: "Heures d'insertion" });
    await heures.getByLabel("Début de période").fill("2025-02-01");
    await heures.getByLabel("Fin de période").fill("2025-06-30");
    await heures.getByLabel("Heures réalisées").fill("120");
    await heures.getByRole("button", { name: "Déclarer les heures" }).click();
    await page.getByText("120 heures d'insertion réalisées sur 400 prévues.").waitFor();

    await page.getByRole("tab", { name: /^Clôture/ }).click();
    await page.getByText(/1 paiement\(s\) en retard ; intérêts moratoires dus 73,32/).waitFor();
    const cloture = page.getByRole("form", { name: "Clôture du marché" });
    await cloture.getByLabel("Date de clôture").fill(new Date().toISOString().slice(0, 10));
    await cloture.getByLabel("Qualité (1 à 5)").selectOption("5");
    await cloture.getByLabel("Délais (1 à 5)").selectOption("3");
    await cloture.getByLabel("Commentaire").fill("Prestations soignées, plannings parfois tardifs.");
    await cloture.getByRole("button", { name: "Clore le marché" }).click();
    await page.getByText("Qualité 5/5").waitFor();
    await page
      .getByText(/^Clos le/)
      .first()
      .waitFor();
    await verifierAuxDeuxTailles(page, "/marches/:id (clos)");

    await page.goto(`${server.url}/fournisseurs/${fournisseurId}`);
    await page.getByRole("heading", { level: 1, name: "Verts Jardins du parcours" }).waitFor();
    await page
      .getByRole("row", { name: /E2E-2025-001/ })
      .first()
      .waitFor();
    await page.getByText(/intérêts moratoires 73,32/).waitFor();
    await page.getByText("Offres déposées et gagnées").first().waitFor();
    await verifierAuxDeuxTailles(page, "/fournisseurs/:id");
  });

  it("the portfolio watch lists the demo cases", async () => {
    await page.goto(`${server.url}/marches/veille`);
    await page.getByRole("heading", { level: 1, name: "Veille du portefeuille" }).waitFor();
    for (const [onglet, caption] of [
      ["Fins sans successeur", "Marchés finissant dans les 12 mois sans reconduction possible ni ligne successeur au programme"],
      ["Reconductions à décider", "Reconductions à décider dans les 4 mois"],
      ["Accords-cadres consommés", "Accords-cadres consommés à 80 % ou plus de leur maximum"],
      ["Dérives d'avenants", "Marchés dont les avenants dépassent 5 % du montant initial ou ont été passés contre l'avis du moteur"],
      ["Retards de paiement", "Factures échues impayées et paiements en retard sur 12 mois"],
    ]) {
      await page.getByRole("tab", { name: new RegExp(`^${onglet}`) }).click();
      const table = page.getByRole("table", { name: caption });
      await table.waitFor();
      assert.ok((await table.getByRole("row").count()) > 1, `${caption} : au moins un cas de la démonstration`);
    }
    await verifierAuxDeuxTailles(page, "/marches/veille");
    await page.goto(`${server.url}/marches?statut=en-cours`);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await verifierAuxDeuxTailles(page, "/marches");
  });
});
