/** Pages de l'acheteur central : chaque page à chaque taille (voir e2e/pages.ts). */
import { it } from "node:test";
import { suiteDesPages, verifierLesPagesDuRole } from "./pages";

suiteDesPages(
  "chaque page, pour chaque rôle, sur ordinateur et téléphone (axe-core, structure RGAA) : acheteur-central",
  ({ server, browser }) => {
    it("acheteur-central : every link of the navigation and of the account menu, 0 serious or critical violation, readable on a phone", () =>
      verifierLesPagesDuRole(browser(), server(), "acheteur-central"));
  },
);
