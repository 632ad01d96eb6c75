/** Pages de l'entreprise et pages publiques, déclaration d'accessibilité, page d'accueil par rôle (voir e2e/pages.ts). */
import assert from "node:assert/strict";
import { it } from "node:test";
import { suiteDesPages, verifierLesPagesDuRole, verifierLesPagesPubliques } from "./pages";
import { DEMO, login } from "./session";

suiteDesPages(
  "chaque page, pour chaque rôle, sur ordinateur et téléphone (axe-core, structure RGAA) : entreprise, public",
  ({ server, browser }) => {
    it("entreprise : every link of the navigation and of the account menu, 0 serious or critical violation, readable on a phone", () =>
      verifierLesPagesDuRole(browser(), server(), "entreprise"));

    it("opens the public pages without an account: login, every footer page, the public navigation", () =>
      verifierLesPagesPubliques(browser(), server()));

    it("states the accessibility conformity honestly, with the RGAA statement's required parts", async () => {
      const page = await browser().newPage();
      await page.goto(`${server().url}/accessibilite`);
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
        const context = await browser().newContext();
        const page = await context.newPage();
        await login(page, server().url, DEMO[role].email, DEMO[role].password);
        for (const bloc of blocs) await page.getByRole("heading", { level: 2, name: bloc }).waitFor();
        assert.equal(await page.getByText("Qui suis-je ?").count(), 0);
        await context.close();
      }
    });
  },
);
