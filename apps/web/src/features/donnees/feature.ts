import { defineFeature } from "../../app/registre";

/**
 * Open data: the public search over the imported DECP of every buyer, the sourcing and peer pages for the
 * buyers, and the import of published files for the administrator.
 */
export const donnees = defineFeature({
  id: "donnees",
  pages: [
    {
      path: "/donnees/marches",
      label: "Marchés publiés (DECP)",
      permission: "public",
      nav: true,
      load: () => import("./MarchesPubliesPage"),
    },
    { path: "/donnees/sourcing", label: "Sourcing", permission: "donnees.read", nav: true, load: () => import("./SourcingPage") },
    {
      path: "/donnees/pairs",
      label: "Comparaison entre acheteurs",
      permission: "donnees.read",
      nav: true,
      load: () => import("./PairsPage"),
    },
    { path: "/donnees/import", label: "Import des DECP", permission: "donnees.manage", nav: true, load: () => import("./ImportDecpPage") },
  ],
});
