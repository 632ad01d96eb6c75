/**
 * What a first-time user met, each as a journey in the browser: a bookmarked page after login, an account
 * created with a provisional password, the administrator's pages « Courriels », form errors named by their
 * labels, the French order of lists, the audit trail in French.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser } from "playwright-core";
import { assertPageStructure, seriousViolations } from "./axe";
import { browserSkipReason, CHROMIUM, CHROMIUM_ARGS, startServer, type RunningServer } from "./server";
import { apiLogin, DEMO, login, submitLogin } from "./session";

const skip = browserSkipReason();
const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

describe("parcours d'un premier utilisateur (navigateur)", { skip }, () => {
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

  it("comes back to the bookmarked page after login, and never leaves the site", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/audit?page=1`);
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get("retour"), "/audit?page=1");
    await submitLogin(page, DEMO.admin.email, DEMO.admin.password);
    await page.getByRole("heading", { level: 1, name: "Journal d'audit" }).waitFor();
    assert.equal(new URL(page.url()).pathname, "/audit");
    await context.close();

    const other = await browser.newContext();
    const evil = await other.newPage();
    await evil.goto(`${server.url}/connexion?retour=${encodeURIComponent("//evil.example/piege")}`);
    await submitLogin(evil, DEMO.admin.email, DEMO.admin.password);
    await evil.getByRole("heading", { level: 1, name: /^Bonjour/ }).waitFor();
    assert.equal(new URL(evil.url()).origin, server.url);
    assert.equal(new URL(evil.url()).pathname, "/");
    await other.close();
  });

  it("makes an account with a provisional password choose its own before anything else, then opens the start page", async () => {
    const admin = await browser.newContext();
    const api = await apiLogin(admin.request, server.url, DEMO.admin.email, DEMO.admin.password);
    const provisoire = "Provisoire pour Nadia 2026";
    const created = await api.call("POST", "/api/utilisateurs", {
      email: "nadia.nouvelle@demo.achat-public.fr",
      nomAffiche: "Nadia Nouvelle",
      role: "lecteur",
      directionId: null,
      serviceId: null,
      motDePasse: provisoire,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await admin.close();

    const context = await browser.newContext({ bypassCSP: true }); // lets axe-core be injected
    const page = await context.newPage();
    await page.goto(`${server.url}/connexion`);
    await submitLogin(page, "nadia.nouvelle@demo.achat-public.fr", provisoire);
    await page.getByRole("heading", { level: 1, name: "Mon mot de passe" }).waitFor();
    assert.equal(new URL(page.url()).pathname, "/mon-mot-de-passe");
    assert.match((await page.locator("main").textContent()) ?? "", /provisoire/);
    assert.equal(await page.getByRole("navigation", { name: "Navigation principale" }).count(), 0, "pas de navigation avant le changement");
    await page.reload(); // the skip link is checked from the top of a freshly loaded page
    await page.getByRole("heading", { level: 1, name: "Mon mot de passe" }).waitFor();
    await assertPageStructure(page, "/mon-mot-de-passe");
    assert.deepEqual(await seriousViolations(page), []);

    // the other pages are closed, with an explanation
    await page.goto(`${server.url}/organisation`);
    await page.getByRole("heading", { level: 1, name: "Choisissez d'abord votre mot de passe" }).waitFor();
    await page.getByRole("link", { name: "Choisir mon mot de passe" }).click();
    await page.getByRole("heading", { level: 1, name: "Mon mot de passe" }).waitFor();

    // a guessable password: the server's French message, on the field and in the summary by its label
    await page.getByLabel("Mot de passe actuel").fill(provisoire);
    await page.getByLabel(/^Nouveau mot de passe\s*\*?$/).fill("azerty123456789");
    await page.getByLabel("Nouveau mot de passe, une seconde fois").fill("azerty123456789");
    await page.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Mot de passe non changé" });
    await alert.waitFor();
    assert.equal(await alert.getByRole("link", { name: "Nouveau mot de passe" }).count(), 1);
    assert.doesNotMatch((await alert.textContent()) ?? "", /nouveauMotDePasse/);
    assert.equal(await page.getByLabel(/^Nouveau mot de passe\s*\*?$/).getAttribute("aria-invalid"), "true");
    assert.deepEqual(await seriousViolations(page), []);

    const choisi = "une girafe lit le journal au marché de Créteil";
    await page.getByLabel(/^Nouveau mot de passe\s*\*?$/).fill(choisi);
    await page.getByLabel("Nouveau mot de passe, une seconde fois").fill(choisi);
    await page.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
    await page.getByRole("heading", { level: 1, name: "Bonjour Nadia Nouvelle" }).waitFor();
    await page.getByRole("navigation", { name: "Navigation principale" }).waitFor();
    await page.goto(`${server.url}/organisation`);
    await page.getByRole("heading", { level: 1, name: "Directions et services" }).waitFor();
    await context.close();

    // the new password opens the account
    const again = await browser.newContext();
    await login(await again.newPage(), server.url, "nadia.nouvelle@demo.achat-public.fr", choisi);
    await again.close();
  });

  it("lets the administrator read the platform's mails, kept here when no SMTP server is configured", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await login(page, server.url, DEMO.admin.email, DEMO.admin.password);
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Courriels" }).click();
    await page.getByRole("heading", { level: 1, name: "Courriels" }).waitFor();
    await page.getByText("Aucun serveur d'envoi n'est configuré").waitFor();
    assert.deepEqual(await seriousViolations(page), []);

    await page.getByLabel("Adresse du destinataire").fill("essai.recette@demo.achat-public.fr");
    await page.getByRole("button", { name: "Envoyer un courriel d'essai" }).click();
    await page.getByText("Courriel d'essai pour essai.recette@demo.achat-public.fr demandé").waitFor();
    const row = page.getByRole("row").filter({ hasText: "essai.recette@demo.achat-public.fr" });
    await row.waitFor();
    await row.getByRole("button", { name: /^Lire/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("heading", { name: "Texte du courriel" }).waitFor();
    const texte = (await dialog.locator(".texte-courriel").textContent()) ?? "";
    assert.ok(texte.trim().length > 0, "le texte du courriel est affiché");
    assert.match((await dialog.textContent()) ?? "", /essai\.recette@demo\.achat-public\.fr/);
    assert.deepEqual(await seriousViolations(page), []);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await context.close();
  });

  it("imports accounts from a spreadsheet: every problem with its row and column, nothing written, then the fixed file", async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await login(page, server.url, DEMO.admin.email, DEMO.admin.password);
    await page.goto(`${server.url}/utilisateurs`);
    await page.getByRole("button", { name: "Importer des comptes" }).click();
    const section = page.getByRole("region", { name: "Importer des comptes depuis un tableur" });
    await section.waitFor();
    assert.equal(await section.getByRole("link", { name: /Télécharger le modèle/ }).count(), 2);

    const entete = "Adresse électronique;Prénom et nom;Rôle;Sigle de la direction;Service";
    const fichier = (lignes: string[]) => Buffer.from(`\uFEFF${[entete, ...lignes].join("\r\n")}\r\n`);
    const envoyer = async (lignes: string[]) => {
      await section.getByLabel("Fichier à importer").setInputFiles({ name: "comptes.csv", mimeType: "text/csv", buffer: fichier(lignes) });
      await section.getByRole("button", { name: "Analyser le fichier" }).click();
    };

    await envoyer(["ines.import@demo.achat-public.fr;Inès Import;lecteur;;", "jules.import@demo.achat-public.fr;Jules Import;chef;;"]);
    await section.getByRole("heading", { name: "Rapport d'analyse" }).waitFor({ timeout: 30_000 });
    const problemes = section.getByRole("table", { name: "Chaque problème du fichier, avec sa ligne et sa colonne" });
    const probleme = problemes.getByRole("row").filter({ hasText: "Ligne 3" });
    await probleme.waitFor();
    assert.match((await probleme.textContent()) ?? "", /Rôle \(C\).*chef/);
    assert.equal(await section.getByRole("button", { name: "Confirmer l'import" }).count(), 0, "rien ne peut être écrit");
    assert.match((await section.textContent()) ?? "", /rien n'a été enregistré/);
    assert.deepEqual(await seriousViolations(page), []);

    await section.getByRole("button", { name: "Envoyer un autre fichier" }).click();
    await envoyer([
      "ines.import@demo.achat-public.fr;Inès Import;lecteur;;",
      "jules.import@demo.achat-public.fr;Jules Import;acheteur-central;;",
    ]);
    await section.getByRole("heading", { name: "Rapport d'analyse" }).waitFor({ timeout: 30_000 });
    const apercu = section.getByRole("table", { name: "Les premières lignes telles que la plateforme les a lues" });
    assert.match((await apercu.textContent()) ?? "", /Adresse électronique.*jules\.import@demo\.achat-public\.fr/s);
    await section.getByRole("button", { name: "Confirmer l'import" }).click();
    await section.getByRole("heading", { name: "Import terminé" }).waitFor({ timeout: 30_000 });
    assert.match((await section.textContent()) ?? "", /2 lignes enregistrées/);
    assert.deepEqual(await seriousViolations(page), []);

    await page.getByLabel("Rechercher (nom ou adresse)").fill("import@demo");
    await page.waitForURL(/recherche=import%40demo/);
    await page.getByText(/^1 à 2 sur 2 comptes$/).waitFor();
    const comptes = page.getByRole("table", { name: "Comptes visibles selon votre rôle" });
    await comptes.getByRole("cell", { name: "Jules Import" }).waitFor();
    await comptes.getByRole("cell", { name: "Inès Import" }).waitFor();

    // the export holds what the list shows, with its filters, as a plain download link
    await page.getByRole("button", { name: /^Exporter \(XLSX \/ CSV\)/ }).click();
    const lien = page.getByRole("menuitem", { name: "Texte CSV (UTF-8)" });
    const href = (await lien.getAttribute("href")) ?? "";
    assert.match(href, /^\/api\/utilisateurs\/export\?/);
    assert.equal(new URL(href, server.url).searchParams.get("recherche"), "import@demo");
    const csv = await page.request.get(new URL(href, server.url).href);
    assert.equal(csv.status(), 200);
    const contenu = await csv.text();
    assert.match(contenu, /jules\.import@demo\.achat-public\.fr/);
    assert.doesNotMatch(contenu, /admin@demo\.achat-public\.fr/);
    await context.close();
  });

  it("names every form problem by its field's label, once, with a link to the field", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await login(page, server.url, DEMO.admin.email, DEMO.admin.password);
    await page.goto(`${server.url}/utilisateurs`);
    await page.getByRole("button", { name: "Nouveau compte" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Adresse électronique").fill("pas-une-adresse");
    await dialog.getByLabel("Prénom et nom").fill("X");
    await dialog.getByLabel("Mot de passe initial").fill("court");
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    const summary = dialog.getByRole("alert");
    await summary.waitFor();
    const text = (await summary.textContent()) ?? "";
    for (const code of ["email :", "nomAffiche", "motDePasse", "La requête contient"])
      assert.ok(!text.includes(code), `« ${code} » dans « ${text} »`);
    const items = await summary.getByRole("listitem").allTextContents();
    assert.ok(items.length >= 2, text);
    assert.equal(new Set(items).size, items.length, `problèmes en double : ${items.join(" | ")}`);
    for (const label of ["Adresse électronique", "Prénom et nom", "Mot de passe initial"]) {
      assert.equal(await summary.getByRole("link", { name: label }).count(), 1, `${label} dans « ${text} »`);
    }
    await summary.getByRole("link", { name: "Adresse électronique" }).click();
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("type"));
    assert.equal(focused, "email", "le lien du résumé mène au champ");
    assert.deepEqual(await seriousViolations(page), []);
    await context.close();
  });

  it("keeps the French names of directions and explains a refusal on its field, then shows the audit trail in French", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await login(page, server.url, DEMO.admin.email, DEMO.admin.password);
    await page.goto(`${server.url}/organisation`);
    await page.getByRole("button", { name: "Nouvelle direction" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Nom", { exact: false }).first().fill("Direction des bâtiments");
    await dialog.getByLabel("Sigle", { exact: false }).fill("DB2");
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await dialog.getByRole("alert").waitFor();
    const summary = (await dialog.getByRole("alert").textContent()) ?? "";
    assert.match(summary, /Une direction porte déjà ce nom/);
    assert.doesNotMatch(summary, /nom :/);
    assert.equal(await dialog.locator('input[aria-invalid="true"]').count(), 1);
    assert.deepEqual(await seriousViolations(page), []);
    await dialog.getByLabel("Nom", { exact: false }).first().fill("Direction de l'innovation");
    await dialog.getByLabel("Sigle", { exact: false }).fill("DINNO");
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("heading", { level: 2, name: "Direction de l'innovation" }).waitFor();

    await page.goto(`${server.url}/audit`);
    const newest = page.getByRole("table").getByRole("row").nth(1);
    await newest.waitFor();
    const text = await newest.innerText();
    assert.match(text, /Direction créée/);
    assert.match(text, /Direction Direction de l'innovation \(DINNO\)/);
    assert.match(text, /admin@demo\.achat-public\.fr/);
    assert.match(text, /Sigle\s+DINNO/);
    assert.doesNotMatch(text, /direction\.created|"sigle"/);
    assert.match(text, /1er|\d{1,2} [a-zéû]+ \d{4} à \d{2}:\d{2}/);
    await context.close();
  });

  it("lists the accounts in French alphabetical order, page by page", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await login(page, server.url, DEMO.admin.email, DEMO.admin.password);
    await page.goto(`${server.url}/utilisateurs?parPage=25`);
    const table = page.getByRole("table", { name: "Comptes visibles selon votre rôle" });
    await table.waitFor();
    const names = async () => table.locator("tbody tr td:first-child").allTextContents();
    const first = await names();
    assert.equal(first.length, 25);
    assert.deepEqual(first, [...first].sort(collator.compare), "ordre alphabétique français");
    await page.getByRole("button", { name: "Page 2", exact: true }).click();
    await page.waitForURL(/page=2/);
    await page.getByText(/^26 à \d+ sur \d+ comptes$/).waitFor();
    const second = await names();
    assert.ok(second.length > 0);
    assert.ok(
      collator.compare(first.at(-1) ?? "", second[0] ?? "") <= 0,
      `la page 2 suit la page 1 : ${first.join(", ")} / ${second.join(", ")}`,
    );
    // accented names sit among the E's, not after the Z's (the order of the bytes would put them last)
    const total = Number((await page.getByText(/^26 à \d+ sur \d+ comptes$/).innerText()).match(/sur (\d+)/)?.[1]);
    await page.goto(`${server.url}/utilisateurs?parPage=25&page=${Math.ceil(total / 25)}`);
    await table.waitFor();
    const last = await names();
    assert.ok(last.length > 0);
    assert.ok(!last.some((n) => /^[ÉÈÊ]/.test(n)), `les noms accentués sont à leur place, pas à la fin : ${last.join(", ")}`);
    await context.close();
  });
});
