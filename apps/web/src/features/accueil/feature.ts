import { defineFeature } from "../../app/registre";

/** The start page: built from the blocks every feature contributes (see `blocsAccueil`). */
export const accueil = defineFeature({
  id: "accueil",
  pages: [{ path: "/", label: "Accueil", permission: null, nav: true, load: () => import("./HomePage") }],
  blocsAccueil: [{ id: "prochainement", permission: null, ordre: 90, load: () => import("./ProchainementBloc") }],
});
