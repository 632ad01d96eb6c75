/**
 * The companies' portal end to end, as issue 12 defines "done": a company that holds contracts with the
 * département, registered in the browser, confirms its address by the link of a mail received by a real SMTP
 * server started here, saves a search, receives the matching digest (sent by the job runner, triggered by the
 * catch-up command `portail syntheses` next to the server), subscribes to its private feed and to the calendar
 * (both read by maintained parsers), signals its interest on a published programme line that the buyer then sees,
 * and follows its invoices. axe-core on every page of the journey, at desktop and phone sizes.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { chromium, type Browser } from "playwright-core";
import { TestSmtpServer } from "../apps/server/src/testing/smtp";
import { verifierAuxDeuxTailles } from "./axe";
import { browserSkipReason, CHROMIUM, CHROMIUM_ARGS, runCli, startServer, type RunningServer } from "./server";
import { apiLogin, DEMO, submitLogin } from "./session";

const skip = browserSkipReason();

interface LignePublique {
  id: string;
  url: string;
  annee: number;
  objet: string;
  cpv: string;
}

describe("portail des entreprises, de bout en bout (navigateur, serveur SMTP de test)", { skip }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), "achat-portail-"));
  const smtp = new TestSmtpServer();
  let env: Record<string, string>;
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    env = {
      DATA_DIR: dataDir,
      SMTP_URL: await smtp.start(),
      JOBS_POLLING_SECONDS: "0.5",
      JOBS_RETRY_DELAY_SECONDS: "1",
    };
    server = await startServer(env);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await smtp.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("registers, saves a search, gets the digest by mail, subscribes to feed and calendar, signals interest, follows invoices", async () => {
    // the data of the journey, read from the demo through the API (never hard-coded): a supplier holding one
    // contract with invoices, and a published programme line of next year
    const centralContext = await browser.newContext({ bypassCSP: true });
    const central = await apiLogin(centralContext.request, server.url, DEMO["acheteur-central"].email, DEMO["acheteur-central"].password);
    const marches = await central.call<{ marches: { id: string; numero: string; objet: string }[] }>(
      "GET",
      "/api/marches?parPage=100&page=4&statut=en-cours",
    );
    let titulaire: { siret: string; nom: string; numero: string; objet: string; factures: number } | undefined;
    for (const m of marches.body.marches) {
      const d = await central.call<{ marche: { titulaires: { siret: string; nom: string; role: string }[] }; factures: unknown[] }>(
        "GET",
        `/api/marches/${m.id}`,
      );
      const [t] = d.body.marche.titulaires;
      if (d.body.factures.length >= 3 && d.body.marche.titulaires.length === 1 && t) {
        titulaire = { siret: t.siret, nom: t.nom, numero: m.numero, objet: m.objet, factures: d.body.factures.length };
        break;
      }
    }
    assert.ok(titulaire, "a demo contract with invoices and a single holder");
    const annee = new Date().getFullYear() + 1;
    const programme = (await (
      await centralContext.request.get(`${server.url}/api/public/programme?annee=${annee}&parPage=100`)
    ).json()) as {
      lignes: LignePublique[];
    };
    const ligne = programme.lignes.find((l) => /^\d{8}/.test(l.cpv));
    assert.ok(ligne, "a published line of next year's programme");
    const prefixe = ligne.cpv.slice(0, 5);
    const email = "veille@titulaire-parcours.fr";

    // 1. registration in the browser; the confirmation link comes by mail, through the SMTP server
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/entreprises/inscription`);
    await page.getByRole("heading", { level: 1, name: "Inscrire votre entreprise" }).waitFor();
    await page.getByLabel("SIRET de l'établissement").fill(titulaire.siret);
    await page.getByLabel("Raison sociale").fill(titulaire.nom);
    await page.getByLabel("Vos prénom et nom").fill("Camille Parcours");
    await page.getByLabel("Votre adresse électronique").fill(email);
    await page.getByLabel(/^Mot de passe/).fill("parcours complet du portail en décembre");
    await page.getByRole("button", { name: "Créer le compte de l'entreprise" }).click();
    await page.getByText("Vérifiez votre messagerie").waitFor();
    await smtp.waitFor((mails) => mails.some((m) => m.to.includes(email)), 30_000);
    const confirmation = smtp.received.find((m) => m.to.includes(email));
    const lien = /https?:\/\/\S+\/entreprises\/confirmation\?jeton=\S+/.exec(confirmation?.text ?? "")?.[0];
    assert.ok(lien, confirmation?.text);
    const url = new URL(lien);
    await page.goto(`${server.url}${url.pathname}${url.search}`);
    await page.getByRole("button", { name: "Confirmer mon adresse et activer le compte" }).click();
    await page.getByText("Adresse confirmée").waitFor();
    await page.goto(`${server.url}/connexion`);
    await submitLogin(page, email, "parcours complet du portail en décembre");
    await page.getByRole("heading", { level: 1, name: /^Bonjour/ }).waitFor();

    // 2. a saved search, from the navigation: every bad criterion named first
    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    await nav.getByRole("link", { name: "Mes recherches et alertes" }).click();
    await page.getByRole("heading", { level: 1, name: "Mes recherches et alertes" }).waitFor();
    await verifierAuxDeuxTailles(page, "/mon-entreprise/recherches (vide)");
    await page.getByLabel("Nom de la recherche").fill("Achats de ma spécialité");
    await page.getByLabel("Fréquence des alertes").selectOption("quotidienne");
    await page.getByLabel("Préfixes CPV").fill("4a");
    await page.getByRole("button", { name: "Enregistrer la recherche" }).click();
    await page
      .getByRole("alert")
      .getByText(/Préfixes CPV/)
      .first()
      .waitFor();
    await page.getByLabel("Préfixes CPV").fill(prefixe);
    await page.getByRole("button", { name: "Enregistrer la recherche" }).click();
    const flux = page.getByText(/Flux RSS privé/).locator("code");
    await flux.waitFor();
    const fluxUrl = (await flux.innerText()).trim();
    assert.match(fluxUrl, /\/api\/public\/recherches\/.+\/flux\.rss$/);
    await verifierAuxDeuxTailles(page, "/mon-entreprise/recherches (une recherche)");

    // 3. the digest, sent by the job runner: the catch-up command runs in the server (same DATA_DIR)
    const envoi = await runCli(["portail", "syntheses", "--json"], env);
    assert.equal(envoi.code, 0, envoi.stderr);
    assert.ok(JSON.parse(envoi.stdout).envoyees >= 1, envoi.stdout);
    await smtp.waitFor((mails) => mails.some((m) => m.to.includes(email) && /nouveauté/.test(m.subject)), 30_000);
    const synthese = smtp.received.find((m) => m.to.includes(email) && /nouveauté/.test(m.subject));
    assert.match(synthese?.subject ?? "", /« Achats de ma spécialité »/);
    assert.ok(synthese?.text.includes(ligne.objet), `the line « ${ligne.objet} » is in the digest:\n${synthese?.text}`);
    assert.match(synthese?.text ?? "", /Ne plus recevoir ces alertes : http\S+\/entreprises\/desabonnement\?jeton=/);
    // never twice the same item
    const encore = await runCli(["portail", "syntheses", "--json"], env);
    assert.equal(JSON.parse(encore.stdout).envoyees, 0, encore.stdout);

    // 4. the private feed and the calendar, as a feed reader and a calendar application read them
    const rss = await (await context.request.get(fluxUrl.replace(/^https?:\/\/[^/]+/, server.url))).text();
    assert.equal(XMLValidator.validate(rss), true, "well-formed RSS");
    const canal = new XMLParser().parse(rss).rss.channel;
    const items = [canal.item].flat().filter(Boolean) as { title: string; guid: string }[];
    assert.ok(
      items.some((i) => String(i.title).includes(ligne.objet)),
      items.map((i) => i.title).join(" | "),
    );
    const calendrier = page.getByRole("link", { name: "calendrier des dates limites et des salons" });
    const ics = await (await context.request.get(`${server.url}${await calendrier.getAttribute("href")}`)).text();
    const evenements = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    assert.ok(evenements.length > 0, "the demo's deadlines and fairs");
    assert.equal(new Set(evenements.map((e) => e.uid)).size, evenements.length, "one stable UID per event");

    // 5. interest on the programme line; the buyer then sees the company among the interested ones
    await page.goto(`${server.url}${ligne.url}`);
    await page.getByRole("heading", { level: 2, name: "Votre intérêt pour cet achat" }).waitFor();
    await page.getByLabel("Note pour l'acheteur (facultative)").fill("Titulaire actuel d'un marché voisin.");
    await page.getByRole("button", { name: "Cela nous intéresse" }).click();
    await page.getByText("Intérêt signalé").waitFor();
    await verifierAuxDeuxTailles(page, "ligne du programme public (intérêt signalé)");
    const acheteur = await centralContext.newPage(); // the session opened by apiLogin above
    await acheteur.goto(`${server.url}/programme/lignes/${ligne.id}/interet`);
    await acheteur.getByRole("heading", { level: 1, name: "Intérêt des entreprises pour une ligne" }).waitFor();
    await acheteur.getByText(titulaire.nom).first().waitFor();
    await acheteur.getByText("Titulaire actuel d'un marché voisin.").first().waitFor();

    // 6. its contracts with the département and their invoices
    await nav.getByRole("link", { name: "Mes marchés et factures" }).click();
    await page.getByRole("heading", { level: 1, name: "Mes marchés et factures" }).waitFor();
    await page.getByRole("table", { name: "Vos marchés avec le département" }).getByRole("link").first().waitFor();
    await verifierAuxDeuxTailles(page, "/mon-entreprise/marches (titulaire inscrit)");
    await page.getByRole("link", { name: titulaire.objet }).first().click();
    await page.getByRole("heading", { level: 1, name: `Marché ${titulaire.numero}` }).waitFor();
    const factures = page.getByRole("table", { name: "Factures" });
    await factures.waitFor();
    assert.equal(await factures.locator("tbody tr").count(), titulaire.factures);
    await verifierAuxDeuxTailles(page, "/mon-entreprise/marches/:id (titulaire inscrit)");
    await centralContext.close();
    await context.close();
  });
});
