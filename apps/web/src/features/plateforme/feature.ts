import { defineFeature } from "../../app/registre";

/** Supervision of the platform services: outgoing mail and background tasks. */
export const plateforme = defineFeature({
  id: "plateforme",
  pages: [
    { path: "/courriels", label: "Courriels", permission: "plateforme.manage", nav: true, load: () => import("./CourrielsPage") },
    { path: "/taches", label: "Tâches en échec", permission: "plateforme.manage", nav: true, load: () => import("./TachesPage") },
  ],
  blocsAccueil: [{ id: "plateforme", permission: "plateforme.manage", ordre: 40, load: () => import("./PlateformeBloc") }],
});
