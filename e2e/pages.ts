/**
 * Every page of the web app, for every role, on a desktop screen and on a phone, checked by axe-core and by
 * the structure rules of the RGAA (one h1, skip link first, landmarks, « Accessibilité » in the footer, no
 * sideways scrolling, no cut badge). The pages are read from the rendered navigation and account menu, so a
 * page added to the registry (apps/web/src/app/features.ts) is covered without touching the tests. The roles are
 * spread over four test files (pages-*.test.ts), each with its own server, so that they run side by side.
 */
import assert from "node:assert/strict";
import { after, before, describe } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { assertNoHorizontalScroll, assertNoTruncatedBadge, assertPageStructure, seriousViolations } from "./axe";
import { browserSkipReason, CHROMIUM, CHROMIUM_ARGS, startServer, type RunningServer } from "./server";
import { DEMO, login } from "./session";

export const VIEWPORTS = [
  { name: "bureau 1280×800", width: 1280, height: 800 },
  { name: "téléphone 390×844", width: 390, height: 844 },
] as const;

/** Pages each role must at least reach (the navigation may offer more). */
export const ATTENDUES: Record<keyof typeof DEMO, string[]> = {
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
    "/salons/bilan",
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
  lecteur: ["/", "/organisation", "/simulateur", "/programme", "/programme/agregation", "/procedures", "/salons/bilan"],
  entreprise: [
    "/",
    "/simulateur",
    "/programme-public",
    "/mon-entreprise",
    "/mon-entreprise/collegues",
    "/mon-entreprise/recherches",
    "/mon-entreprise/marches",
    "/mon-entreprise/interets",
    "/espace-entreprises",
    "/salons",
  ],
};

/** Same-origin paths of the links inside `selector`. */
export async function paths(page: Page, selector: string): Promise<string[]> {
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
export async function check(page: Page, url: string, path: string, what: string, loggedIn: boolean): Promise<void> {
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

export type Role = keyof typeof DEMO;

/**
 * One server and one browser for the suite named `titre`; `tests` declares its tests with the running server and
 * browser (read through the getters, set once `before` has run).
 */
export function suiteDesPages(titre: string, tests: (env: { server: () => RunningServer; browser: () => Browser }) => void): void {
  describe(titre, { skip: browserSkipReason() }, () => {
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
    tests({ server: () => server, browser: () => browser });
  });
}

/** Every page of the navigation and of the account menu of `role`, at both sizes, then the phone menu and the 404 page. */
export async function verifierLesPagesDuRole(browser: Browser, server: RunningServer, role: Role): Promise<void> {
  const account = DEMO[role];
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
}

/** The public pages without an account: login, every footer page, the public navigation, at both sizes. */
export async function verifierLesPagesPubliques(browser: Browser, server: RunningServer): Promise<void> {
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
}
