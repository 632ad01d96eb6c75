/**
 * The fair's meetings in the browser: the demo company registers to next year's fair, asks the demo direction buyer
 * for a meeting about a line of its programme; the central buyer computes the schedule and confirms it (agendas
 * mailed); the company then finds the meeting in its agenda, with the PDF and calendar downloads. The company sets its
 * own slots; last year's satisfaction survey is shown to the company and the buyer, its results to the organiser on the
 * fairs' report and in the steering cockpit. axe-core: no serious or critical violation on each of these pages,
 * desktop and phone.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { verifierAuxDeuxTailles } from "./axe";
import { browserSkipReason, CHROMIUM, CHROMIUM_ARGS, startServer, type RunningServer } from "./server";
import { apiLogin, DEMO, login } from "./session";

const skip = browserSkipReason();

describe("salon : demander un rendez-vous, calculer et confirmer le planning, retrouver son agenda", { skip }, () => {
  let server: RunningServer;
  let browser: Browser;
  let salonId: string;

  before(async () => {
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function ouvrir(role: keyof typeof DEMO): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await login(page, server.url, DEMO[role].email, DEMO[role].password);
    return { context, page };
  }

  it("lets the company register, then ask the direction buyer for a meeting about a programme line", async () => {
    const { context, page } = await ouvrir("entreprise");
    await page.goto(`${server.url}/salons`);
    const nom = `Salon de l'achat public ${new Date().getUTCFullYear() + 1}`;
    const prochain = page.locator("section", { has: page.getByRole("heading", { level: 2, name: nom, exact: true }) });
    await prochain.getByRole("button", { name: "Inscrire mon entreprise" }).click();
    await prochain.getByText("Inscrite", { exact: true }).waitFor();
    await prochain.getByRole("link", { name: /^Mes rendez-vous/ }).click();
    await page.getByRole("heading", { level: 1, name: "Mes rendez-vous au salon" }).waitFor();
    salonId = new URL(page.url()).pathname.split("/")[3] as string;

    // the company comes only until mid-afternoon: it unticks the last slot of the day
    const creneaux = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Nos créneaux" }) });
    const cases = creneaux.getByRole("checkbox");
    await cases.last().waitFor();
    const nombre = await cases.count();
    await cases.nth(nombre - 1).uncheck();
    await creneaux.getByRole("button", { name: "Enregistrer nos créneaux" }).click();
    // the demo fair (09h00–17h00, break 12h20–13h40): two ranges, the afternoon one now ending at 16h40
    await creneaux.getByText(`Disponibilités : 09h00–12h20, 13h40–16h40 (${nombre - 1} créneaux sur ${nombre}).`).waitFor();
    // the attending buyers are listed with the purchase families they buy
    await page.getByRole("heading", { level: 2, name: "Les acheteurs présents" }).waitFor();

    await page.getByRole("combobox", { name: /^Acheteur/ }).click();
    await page.getByRole("option", { name: /^Sophie Acheteuse bâtiments/ }).click();
    await page.getByRole("combobox", { name: /^Lignes de la programmation/ }).click();
    const option = page.getByRole("option").first();
    const objet = ((await option.textContent()) ?? "").replace(/ \(\d{4}\)$/, "");
    await option.click();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Envoyer la demande" }).click();
    await page.getByText("Demande enregistrée").waitFor();
    await page
      .locator("section", { has: page.getByRole("heading", { name: "Mes demandes de rendez-vous" }) })
      .getByText(objet)
      .first()
      .waitFor();
    await verifierAuxDeuxTailles(page, "entreprise : mes rendez-vous au salon");
    await context.close();
  });

  it("lets the central buyer compute the schedule with its bounds, confirm it and mail the agendas", async () => {
    const { context, page } = await ouvrir("acheteur-central");
    await page.goto(`${server.url}/salons/planning/${salonId}`);
    await page.getByRole("heading", { level: 1, name: "Planning des rendez-vous" }).waitFor();
    // each admitted company's slots, as time ranges (the demo has companies available in the morning only)
    const admises = page.getByRole("table", { name: "Les entreprises admises et leurs créneaux" });
    await admises.waitFor();
    const disponibilites = (await admises.textContent()) ?? "";
    assert.match(disponibilites, /Toute la journée/);
    assert.match(disponibilites, /09h00–12h20 \(10 créneaux sur \d+\)/);
    await page.getByRole("button", { name: "Calculer le planning" }).click();
    await page.getByText("Planning calculé").waitFor({ timeout: 60_000 });
    assert.match((await page.locator("main").textContent()) ?? "", /rendez-vous placés sur \d+ demandés \(borne : \d+, soit 100 %\)/);
    await page.getByRole("button", { name: "Confirmer et envoyer les agendas" }).click();
    await page.getByText("Agendas envoyés").waitFor();
    const api = await apiLogin(context.request, server.url, DEMO.admin.email, DEMO.admin.password);
    const mails = await api.call<{ courriels: { sujet: string; categorie: string }[] }>("GET", "/api/courriels?parPage=100");
    assert.ok(
      mails.body.courriels.some((m) => m.categorie === "salon.agenda" && m.sujet.startsWith("Votre agenda")),
      JSON.stringify(mails.body).slice(0, 300),
    );
    await verifierAuxDeuxTailles(page, "organisateur : planning des rendez-vous");
    await context.close();
  });

  it("shows the company its confirmed meeting, with the PDF and the calendar file", async () => {
    const { context, page } = await ouvrir("entreprise");
    await page.goto(`${server.url}/salons/rendez-vous/${salonId}`);
    await page.getByRole("heading", { level: 2, name: "Mon agenda" }).waitFor();
    await page.getByText("Confirmé").first().waitFor();
    const ics = await context.request.get(`${server.url}/api/salons/${salonId}/mon-agenda.ics`);
    assert.equal(ics.status(), 200);
    assert.match(await ics.text(), /BEGIN:VEVENT[\s\S]*DTSTART:\d{8}T\d{6}Z/);
    const pdf = await context.request.get(`${server.url}/api/salons/${salonId}/mon-agenda.pdf`);
    assert.equal(pdf.headers()["content-type"], "application/pdf");
    await context.close();
  });

  it("lets the direction buyer see its availability, the requests it received and its agenda", async () => {
    const { context, page } = await ouvrir("acheteur");
    await page.goto(`${server.url}/salons/rendez-vous/${salonId}`);
    await page.getByRole("heading", { level: 2, name: "Mes disponibilités" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Demandes de rendez-vous reçues" }).waitFor();
    await verifierAuxDeuxTailles(page, "acheteur : mes rendez-vous au salon");
    await context.close();
  });

  it("shows the company and the buyer last year's satisfaction survey (closed, the company's answer kept)", async () => {
    const { context, page } = await ouvrir("entreprise");
    await page.goto(`${server.url}/salons`);
    const nom = `Salon de l'achat public ${new Date().getUTCFullYear() - 1}`;
    const passe = page.locator("section", { has: page.getByRole("heading", { level: 2, name: nom, exact: true }) });
    await passe.getByRole("link", { name: /^Questionnaire de satisfaction/ }).click();
    await page.getByRole("heading", { level: 1, name: "Questionnaire de satisfaction du salon" }).waitFor();
    await page.getByText("Questionnaire clos").waitFor();
    const passeId = new URL(page.url()).pathname.split("/")[3] as string;
    const coches = await page.getByRole("radio", { checked: true }).count();
    assert.equal(coches, 3, "la réponse de l'entreprise : deux notes et son retour");
    await verifierAuxDeuxTailles(page, "entreprise : questionnaire de satisfaction");
    await context.close();

    const acheteur = await ouvrir("acheteur");
    await acheteur.page.goto(`${server.url}/salons/satisfaction/${passeId}`);
    await acheteur.page.getByText("Questionnaire clos").waitFor();
    await verifierAuxDeuxTailles(acheteur.page, "acheteur : questionnaire de satisfaction");
    await acheteur.context.close();
  });

  it("shows the organiser the survey results on the fairs' report and the fair's funnel in the steering cockpit", async () => {
    const { context, page } = await ouvrir("acheteur-central");
    await page.goto(`${server.url}/salons/bilan`);
    await page.getByRole("heading", { level: 3, name: /questionnaire de satisfaction$/ }).waitFor();
    await page.getByRole("heading", { name: "Commentaires (sans leurs auteurs)" }).first().waitFor();
    await verifierAuxDeuxTailles(page, "organisateur : ce qu'ont donné les salons");

    await page.goto(`${server.url}/pilotage`);
    const section = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Salon de l'achat public" }) });
    await section.getByText("Satisfaction des entreprises").waitFor();
    assert.match((await section.textContent()) ?? "", /\d+ d'une attribution/);
    await section.getByRole("link", { name: /^Ce qu'ont donné les salons/ }).click();
    await page.getByRole("heading", { level: 1, name: "Ce qu'ont donné les salons" }).waitFor();
    await page.goto(`${server.url}/pilotage`);
    await section.getByText("Satisfaction des entreprises").waitFor();
    await verifierAuxDeuxTailles(page, "organisateur : pilotage avec le salon");
    await context.close();
  });
});
