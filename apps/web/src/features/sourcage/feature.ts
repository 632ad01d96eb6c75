import { defineFeature } from "../../app/registre";

/** Sourcing: a company's interest signals (company space) and, for buyers, the interest and questionnaires of a line. */
export const sourcage = defineFeature({
  id: "sourcage",
  pages: [
    {
      path: "/espace-entreprises",
      label: "Espace entreprises",
      permission: "public",
      nav: true,
      load: () => import("./AccueilEntreprisesPage"),
    },
    {
      path: "/mon-entreprise/interets",
      label: "Mes signaux d'intérêt",
      permission: "entreprise.self",
      nav: true,
      load: () => import("./MesSignauxPage"),
    },
    {
      path: "/programme/lignes/:id/interet",
      label: "Intérêt des entreprises pour une ligne",
      permission: "sourcage.read",
      nav: false,
      load: () => import("./InteretLignePage"),
    },
  ],
});
