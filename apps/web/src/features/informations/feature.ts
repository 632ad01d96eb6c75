import { defineFeature } from "../../app/registre";

/** Legal information, public and linked in the footer of every page. */
export const informations = defineFeature({
  id: "informations",
  pages: [
    {
      path: "/accessibilite",
      label: "Accessibilité",
      permission: "public",
      nav: false,
      piedDePage: { libelle: "Accessibilité : non conforme" },
      load: () => import("./AccessibilitePage"),
    },
    {
      path: "/mentions-legales",
      label: "Mentions légales",
      permission: "public",
      nav: false,
      piedDePage: {},
      load: () => import("./MentionsLegalesPage"),
    },
    {
      path: "/donnees-personnelles",
      label: "Données personnelles",
      permission: "public",
      nav: false,
      piedDePage: {},
      load: () => import("./DonneesPersonnellesPage"),
    },
  ],
});
