/**
 * The steering cockpit in the browser, for the procurement directorate: the indicators of the demo year with their
 * targets and charts, the drill-down from a figure to the contracts that make it, the spreadsheet export of those
 * contracts and the SPASER report as a PDF. axe-core: no serious or critical violation, on a desktop and a phone.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser } from "playwright-core";
import { verifierAuxDeuxTailles } from "./axe";
import { browserSkipReason, CHROMIUM, CHROMIUM_ARGS, startServer, type RunningServer } from "./server";
import { DEMO, login } from "./session";

const skip = browserSkipReason();

describe("pilotage (navigateur) : indicateurs, marchés derrière un chiffre, export et rapport", { skip }, () => {
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

  it("goes from the count of notified contracts to those contracts, exports them and downloads the report", async () => {
    const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true }); // bypassCSP: axe-core
    const page = await context.newPage();
    await login(page, server.url, DEMO["acheteur-central"].email, DEMO["acheteur-central"].password);
    await page.getByRole("link", { name: "Pilotage" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Pilotage de la politique d'achat" }).waitFor();
    const carte = page.getByRole("article", { name: "Marchés notifiés" });
    const compte = Number((await carte.locator("p").nth(1).innerText()).replace(/\D/g, ""));
    assert.ok(compte > 100, `the demo year has its notified contracts (${compte})`);
    await verifierAuxDeuxTailles(page, "/pilotage");

    await page.getByRole("link", { name: "Voir les marchés : Marchés notifiés" }).click();
    await page.getByRole("heading", { level: 1, name: "Marchés : marchés notifiés" }).waitFor();
    const tableau = page.getByRole("table", { name: /Marchés comptés dans « Marchés notifiés »/ });
    await tableau.getByRole("row").nth(1).waitFor();
    await page
      .getByText(new RegExp(`${compte.toLocaleString("fr-FR").replace(/\s/g, "\\s")} marchés`))
      .first()
      .waitFor();
    await verifierAuxDeuxTailles(page, "/pilotage/marches");

    await page.getByRole("button", { name: /Exporter \(XLSX \/ CSV\)/ }).click();
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "Texte CSV (UTF-8)" }).click()]);
    const texte = await (await csv.createReadStream()).toArray();
    const lignes = Buffer.concat(texte).toString("utf8").trim().split(/\r?\n/);
    assert.equal(lignes.length, compte + 1, "the file holds every contract of the figure, not only the first page");

    await page.getByRole("link", { name: "Retour au pilotage" }).click();
    await page.getByRole("heading", { level: 1, name: "Pilotage de la politique d'achat" }).waitFor();
    const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /PDF/ }).first().click()]);
    const octets = Buffer.concat(await (await pdf.createReadStream()).toArray());
    assert.equal(octets.subarray(0, 5).toString("latin1"), "%PDF-");
    await context.close();
  });

  it("sets a SPASER target shown against the figure, exports a chart's table, drills down from a month", async () => {
    const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true });
    const page = await context.newPage();
    await login(page, server.url, DEMO["acheteur-central"].email, DEMO["acheteur-central"].password);
    await page.goto(`${server.url}/pilotage`);
    await page.getByRole("heading", { level: 1, name: "Pilotage de la politique d'achat" }).waitFor();

    const objectifs = page.getByRole("form", { name: /Objectifs du SPASER/ });
    await objectifs.getByLabel("Indicateur").selectOption("partConsiderationSociale");
    await objectifs.getByLabel("Objectif (en %)").fill("30");
    await objectifs.getByRole("button", { name: "Enregistrer l'objectif" }).click();
    await page.getByText(/Objectif \d{4} enregistré/).waitFor();
    const carte = page.getByRole("article", { name: "Marchés avec une considération sociale" });
    await carte.getByText("Objectif : 30 %").waitFor();
    await carte.getByText(/Objectif (non )?atteint/).waitFor();

    const titre = "Montant notifié par direction (€ HT)";
    const tableau = page.getByRole("region", { name: `Tableau : ${titre}` });
    await page.getByText(`Tableau des données : ${titre}`).click();
    const directions = (await tableau.getByRole("row").count()) - 1;
    assert.ok(directions >= 5, `${directions} directions in the table twin`);
    await page.getByRole("button", { name: `Exporter (XLSX / CSV) : le tableau « ${titre} »` }).click();
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "Texte CSV (UTF-8)" }).click()]);
    const lignes = Buffer.concat(await (await csv.createReadStream()).toArray())
      .toString("utf8")
      .trim()
      .split(/\r?\n/);
    assert.equal(lignes.length, directions + 1, "the file holds the chart's table, one row per direction");

    const mois = "Marchés notifiés par mois";
    await page.getByText(new RegExp(`Tableau des données : ${mois}`)).click();
    const parMois = page.getByRole("region", { name: new RegExp(`Tableau : ${mois}`) });
    const mars = parMois.getByRole("row", { name: /^mars/ });
    const nombre = Number((await mars.getByRole("cell").first().innerText()).replace(/\D/g, ""));
    await mars.getByRole("button", { name: "mars" }).click();
    await page.getByRole("heading", { level: 1, name: "Marchés : marchés notifiés" }).waitFor();
    await page.getByText(/Marchés notifiés du 1er mars \d{4} au 31 mars \d{4}/).waitFor();
    if (nombre > 0) {
      await page
        .getByText(new RegExp(`${nombre.toLocaleString("fr-FR").replace(/\s/g, "\\s")} marchés?`))
        .first()
        .waitFor();
    }

    // the trend table exports one row per year; a purchase family leads to its contracts
    await page.goto(`${server.url}/pilotage`);
    const tendance = /^Achats responsables et PME, de \d{4} à \d{4}$/;
    await page.getByText(/Tableau des données : Achats responsables et PME/).click();
    await page.getByRole("button", { name: /Exporter \(XLSX \/ CSV\) : le tableau « Achats responsables et PME/ }).click();
    const [csvTendance] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("menuitem", { name: "Texte CSV (UTF-8)" }).click(),
    ]);
    const lignesTendance = Buffer.concat(await (await csvTendance.createReadStream()).toArray())
      .toString("utf8")
      .trim()
      .split(/\r?\n/);
    assert.equal(lignesTendance.length, 5 + 1, `five years in the trend table (${tendance})`);
    const familles = "Montant notifié par famille d'achat";
    await page.getByText(new RegExp(`Tableau des données : ${familles}`)).click();
    const parFamille = page.getByRole("region", { name: new RegExp(`Tableau : ${familles}`) });
    await parFamille.getByRole("row").nth(1).getByRole("button").click();
    await page.getByRole("heading", { level: 1, name: /^Marchés : / }).waitFor();
    assert.match(page.url(), /famille=\d{2}/);
    await context.close();
  });

  it("gives a direction buyer the page of its own direction, without the choice of another", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await login(page, server.url, DEMO.acheteur.email, DEMO.acheteur.password);
    await page.goto(`${server.url}/pilotage`);
    await page.getByRole("heading", { level: 1, name: "Pilotage de la politique d'achat" }).waitFor();
    const compte = Number(
      (await page.getByRole("article", { name: "Marchés notifiés" }).locator("p").nth(1).innerText()).replace(/\D/g, ""),
    );
    assert.equal(await page.getByLabel("Direction", { exact: true }).count(), 0, "no choice of direction");
    const api = await page.evaluate(async () => {
      const r = await fetch(`/api/indicateurs?annee=${new Date().getFullYear()}`);
      return (await r.json()).indicateurs.nombreMarchesNotifies.valeur as number;
    });
    assert.equal(compte, api);
    const moi = await page.evaluate(async () => (await (await fetch("/api/auth/session")).json()).utilisateur.direction);
    await page.getByText(`Direction : ${moi.nom} (${moi.sigle})`).waitFor();
    await verifierAuxDeuxTailles(page, "/pilotage (acheteur de direction)");
    await context.close();
  });
});
