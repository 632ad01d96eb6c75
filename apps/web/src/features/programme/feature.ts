import { defineFeature } from "../../app/registre";

/** The purchase programme: the lines of the directions, the aggregation by family with its alerts, the public programme. */
export const programme = defineFeature({
  id: "programme",
  pages: [
    {
      path: "/programme",
      label: "Programmation des achats",
      permission: "programme.read",
      nav: true,
      load: () => import("./ProgrammePage"),
    },
    {
      path: "/programme/agregation",
      label: "Agrégation par famille",
      permission: "programme.aggregate",
      nav: true,
      load: () => import("./AgregationPage"),
    },
    {
      path: "/programme-public",
      label: "Programme public des achats",
      permission: "public",
      nav: true,
      load: () => import("./ProgrammePublicPage"),
    },
    {
      path: "/programme-public/:annee/:id",
      label: "Ligne du programme public",
      permission: "public",
      nav: false,
      load: () => import("./LignePubliquePage"),
    },
  ],
});
