import { defineFeature } from "../../app/registre";

export const marches = defineFeature({
  id: "marches",
  pages: [
    { path: "/marches", label: "Marchés", permission: "marches.read", nav: true, load: () => import("./MarchesPage") },
    { path: "/marches/veille", label: "Veille du portefeuille", permission: "marches.read", nav: true, load: () => import("./VeillePage") },
    { path: "/marches/:id", label: "Marché", permission: "marches.read", nav: false, load: () => import("./MarchePage") },
    { path: "/fournisseurs", label: "Fournisseurs", permission: "fournisseurs.read", nav: true, load: () => import("./FournisseursPage") },
    {
      path: "/fournisseurs/:id",
      label: "Fiche fournisseur",
      permission: "fournisseurs.read",
      nav: false,
      load: () => import("./FournisseurPage"),
    },
  ],
});
