import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Waits until no CSS animation or transition has run for three checks in a row: a modal fading in is
 * half-transparent, and axe would measure the contrast of text that is still appearing.
 */
async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __calme?: number }).__calme = 0;
  });
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __calme?: number };
      const busy = document
        .getAnimations()
        .some((a) => a.playState === "running" && a.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY);
      w.__calme = busy ? 0 : (w.__calme ?? 0) + 1;
      return w.__calme >= 3;
    },
    undefined,
    { polling: 50, timeout: 5000 },
  );
}

/** axe-core (WCAG 2.1 A/AA rules): the serious and critical violations of the page once its animations end. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await animationsSettled(page);
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}) : ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(" | ")}`,
    );
}

/** One h1, the skip link first in tab order, a main landmark and a navigation when logged in. */
export async function assertPageStructure(page: Page, path: string): Promise<void> {
  assert.equal(await page.locator("h1").count(), 1, `${path} : un seul h1`);
  assert.equal(await page.locator("main#contenu").count(), 1, `${path} : landmark main`);
  assert.equal(await page.locator("header").count(), 1, `${path} : bandeau`);
  assert.equal(await page.locator("footer").count(), 1, `${path} : pied de page`);
  assert.equal(await page.getAttribute("html", "lang"), "fr");
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
  assert.equal(focused, "Aller au contenu", `${path} : le lien d'évitement est le premier élément atteint au clavier`);
}

/** Reflow: the page does not scroll sideways (WCAG 1.4.10); a wide table scrolls inside its own region. */
export async function assertNoHorizontalScroll(page: Page, path: string): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client + 1, `${path} : la page défile horizontalement (${scroll} px pour ${client} px)`);
}

/** No badge cuts its text (« A. » for « Actif », « DT… » for a sigle). */
export async function assertNoTruncatedBadge(page: Page, path: string): Promise<void> {
  const cut = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>(".mantine-Badge-label, .mantine-Badge-root"))
      .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent ?? ""),
  );
  assert.deepEqual(cut, [], `${path} : badges tronqués`);
}

/** Desktop and phone: the sizes every page is checked at. */
export const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

/**
 * Reloads the current page at each size (the skip link is checked from the top of a freshly loaded page), waits for
 * its data, then checks its structure, axe-core (no serious or critical violation) and the absence of a sideways
 * scroll; leaves the page at desktop size.
 */
export async function verifierAuxDeuxTailles(page: Page, quoi: string): Promise<void> {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.reload();
    await page.locator("h1").first().waitFor();
    await page.waitForLoadState("networkidle");
    await page.locator('[role="status"] .mantine-Loader-root').first().waitFor({ state: "detached", timeout: 10_000 });
    await assertPageStructure(page, `${quoi} (${viewport.width})`);
    assert.deepEqual(await seriousViolations(page), [], `${quoi} (${viewport.width})`);
    await assertNoHorizontalScroll(page, `${quoi} (${viewport.width})`);
  }
  await page.setViewportSize(VIEWPORTS[0]);
}
