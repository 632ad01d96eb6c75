import { defineFeature } from "../../app/registre";

/**
 * The company's own space (its contracts, invoices and interest owed, evaluations received and given) and the
 * aggregate of the evaluations of the département for the procurement directorate.
 */
export const espace = defineFeature({
  id: "espace",
  pages: [
    {
      path: "/mon-entreprise/marches",
      label: "Mes marchés et factures",
      permission: "entreprise.self",
      nav: true,
      load: () => import("./MesMarchesPage"),
    },
    {
      path: "/mon-entreprise/marches/:id",
      label: "Mon marché",
      permission: "entreprise.self",
      nav: false,
      load: () => import("./MonMarchePage"),
    },
    {
      path: "/evaluations-acheteur",
      label: "Évaluations du département",
      permission: "evaluations-acheteur.read",
      nav: true,
      load: () => import("./EvaluationsAcheteurPage"),
    },
  ],
});
