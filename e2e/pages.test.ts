/**
 * Every page of the web app, for every role, on a desktop screen and on a phone, checked by axe-core and by
 * the structure rules of the RGAA (one h1, skip link first, landmarks, « Accessibilité » in the footer, no
 * sideways scrolling, no cut badge). The pages are read from the rendered navigation and account menu, so a
 * page added to the registry (apps/web/src/app/features.ts) is covered without touching this file.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { assertNoHorizontalScroll, assertNoTruncatedBadge, assertPageStructure, seriousViolations } from "./axe";
import { browserSkipReason, CHROMIUM, CHROMIUM_ARGS, startServer, type RunningServer } from "./server";
import { DEMO, login } from "./session";

const VIEWPORTS = [
  { name: "bureau 1280×800", width: 1280, height: 800 },
  { name: "téléphone 390×844", width: 390, height: 844 },
] as const;

/** Pages each role must at least reach (the navigation may offer more). */
const ATTENDUES: Record<keyof typeof DEMO, string[]> = {
  admin: [
    "/",
    "/organisation",
    "/utilisateurs",
    "/audit",
    "/securite",
    "/courriels",
    "/taches",
    "/simulateur",
    "/programme",
    "/procedures",
    "/clausier",
    "/donnees/marches",
    "/donnees/import",
    "/donnees/sourcing",
    "/salons",
    "/salons/organisation",
    "/evaluations-acheteur",
  ],
  "acheteur-central": [
    "/",
    "/organisation",
    "/utilisateurs",
    "/simulateur",
    "/programme",
    "/programme/agregation",
    "/programme-public",
    "/procedures",
    "/clausier",
    "/salons",
    "/salons/organisation",
    "/evaluations-acheteur",
  ],
  acheteur: [
    "/",
    "/organisation",
    "/utilisateurs",
    "/simulateur",
    "/programme",
    "/programme-public",
    "/procedures",
    "/donnees/sourcing",
    "/donnees/pairs",
  ],
  lecteur: ["/", "/organisation", "/simulateur", "/programme", "/programme/agregation", "/procedures"],
  entreprise: [
    "/",
    "/simulateur",
    "/programme-public",
    "/mon-entreprise",
    "/mon-entreprise/collegues",
    "/mon-entreprise/recherches",
    "/mon-entreprise/marches",
    "/salons",
  ],
};

/** Same-origin paths of the links inside `selector`. */
async function paths(page: Page, selector: string): Promise<string[]> {
  const hrefs = await page.locator(`${selector} a[href]`).evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((h) => h.startsWith("/") && !h.startsWith("/api/")))];
}

/** The pages of the account menu (opened, read, closed). */
async function accountMenuPaths(page: Page): Promise<string[]> {
  await page.getByRole("button", { name: /^Mon compte/ }).click();
  const menu = page.getByRole("menu");
  await menu.waitFor();
  const found = await paths(page, '[role="menu"]');
  await page.keyboard.press("Escape");
  await menu.waitFor({ state: "hidden" });
  return found;
}

/** Opens a page and checks it: structure, axe-core, reflow, badges, footer. */
async function check(page: Page, url: string, path: string, what: string, loggedIn: boolean): Promise<void> {
  await page.goto(`${url}${path}`);
  await page.locator("h1").first().waitFor();
  await page.waitForLoadState("networkidle");
  await page.locator('[role="status"] .mantine-Loader-root').first().waitFor({ state: "detached", timeout: 10_000 });
  await assertPageStructure(page, `${what} ${path}`);
  if (loggedIn)
    assert.equal(await page.getByRole("navigation", { name: "Navigation principale" }).count(), 1, `${what} ${path} : navigation`);
  assert.equal(
    await page
      .getByRole("contentinfo")
      .getByRole("link", { name: /^Accessibilité : (non|partiellement|totalement) conforme$/ })
      .count(),
    1,
    `${what} ${path} : lien « Accessibilité » et état de conformité dans le pied de page`,
  );
  assert.deepEqual(await seriousViolations(page), [], `${what} ${path}`);
  await assertNoHorizontalScroll(page, `${what} ${path}`);
  await assertNoTruncatedBadge(page, `${what} ${path}`);
}

const skip = browserSkipReason();

describe("chaque page, pour chaque rôle, sur ordinateur et téléphone (axe-core, structure RGAA)", { skip }, () => {
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

  for (const [role, account] of Object.entries(DEMO) as [keyof typeof DEMO, (typeof DEMO)[keyof typeof DEMO]][]) {
    it(`${role} : every link of the navigation and of the account menu, 0 serious or critical violation, readable on a phone`, async () => {
      const context = await browser.newContext({ bypassCSP: true, viewport: VIEWPORTS[0] }); // bypassCSP lets axe-core be injected
      const page = await context.newPage();
      await login(page, server.url, account.email, account.password);
      const nav = await paths(page, 'nav[aria-label="Navigation principale"]');
      for (const path of ATTENDUES[role]) assert.ok(nav.includes(path), `${role} : « ${path} » dans la navigation (${nav.join(", ")})`);
      const menu = await accountMenuPaths(page);
      assert.ok(menu.includes("/mon-mot-de-passe"), `${role} : « Mon mot de passe » dans le menu du compte`);
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        for (const path of [...nav, ...menu]) await check(page, server.url, path, `${role} (${viewport.name})`, true);
      }
      // on a phone, the navigation folds behind a « Menu » button that says whether it is open
      const menuButton = page.getByRole("button", { name: "Menu", exact: true });
      assert.equal(await menuButton.getAttribute("aria-expanded"), "false");
      const firstLink = page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link").first();
      assert.equal(await firstLink.isVisible(), false);
      await menuButton.click();
      assert.equal(await menuButton.getAttribute("aria-expanded"), "true");
      await firstLink.waitFor();
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.closest("nav")?.getAttribute("aria-label")), "Navigation principale");
      await page.goto(`${server.url}/page-qui-n-existe-pas`);
      await page.getByRole("heading", { level: 1, name: "Page introuvable" }).waitFor();
      assert.deepEqual(await seriousViolations(page), []);
      await context.close();
    });
  }

  it("opens the public pages without an account: login, every footer page, the public navigation", async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: VIEWPORTS[0] });
    const page = await context.newPage();
    await page.goto(`${server.url}/connexion`);
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    const pied = await paths(page, "footer");
    for (const path of ["/accessibilite", "/mentions-legales", "/donnees-personnelles"]) assert.ok(pied.includes(path), path);
    await page.goto(`${server.url}${pied[0]}`);
    await page.locator("h1").waitFor();
    const publiques = await paths(page, 'nav[aria-label="Navigation principale"]');
    assert.ok(publiques.includes("/simulateur"), "le simulateur dans la navigation publique");
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      for (const path of ["/connexion", ...pied, ...publiques]) await check(page, server.url, path, `anonyme (${viewport.name})`, false);
    }
    await context.close();
  });

  it("states the accessibility conformity honestly, with the RGAA statement's required parts", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/accessibilite`);
    await page.getByRole("heading", { level: 1, name: "Déclaration d'accessibilité" }).waitFor();
    for (const heading of [
      "État de conformité",
      "Résultats des tests",
      "Contenus non accessibles",
      "Établissement de cette déclaration",
      "Retour d'information et contact",
      "Voies de recours",
      "Schéma pluriannuel et plan d'action",
    ]) {
      assert.equal(await page.getByRole("heading", { level: 2, name: heading }).count(), 1, heading);
    }
    const text = await page.locator("main").textContent();
    assert.match(text ?? "", /non conforme/);
    assert.match(text ?? "", /aucun audit de conformité n'a encore été réalisé/);
    assert.match(text ?? "", /axe-core/);
    assert.match(text ?? "", /Défenseur des droits/);
    assert.match(text ?? "", /RGAA/);
    await page.close();
  });

  it("builds a start page per role: companies and readers find the simulator and what comes next, not a list of permissions", async () => {
    for (const [role, blocs] of [
      ["entreprise", ["Simulateur des règles", "Prochainement sur la plateforme", "Mon compte"]],
      ["lecteur", ["Organisation", "Simulateur des règles", "Prochainement sur la plateforme"]],
      ["admin", ["Comptes", "Organisation", "Courriels et tâches de fond", "Sécurité"]],
    ] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await login(page, server.url, DEMO[role].email, DEMO[role].password);
      for (const bloc of blocs) await page.getByRole("heading", { level: 2, name: bloc }).waitFor();
      assert.equal(await page.getByText("Qui suis-je ?").count(), 0);
      await context.close();
    }
  });
});
