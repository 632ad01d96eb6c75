import { defineFeature } from "../../app/registre";

/** Companies' portal: saved searches (alerts, private feeds) and the unsubscribe link of the digests (public). */
export const portail = defineFeature({
  id: "portail",
  pages: [
    {
      path: "/entreprises/desabonnement",
      label: "Ne plus recevoir les alertes",
      permission: "public",
      nav: false,
      load: () => import("./DesabonnementPage"),
    },
    {
      path: "/mon-entreprise/recherches",
      label: "Mes recherches et alertes",
      permission: "entreprise.self",
      nav: true,
      load: () => import("./RecherchesPage"),
    },
  ],
});
