import { defineFeature } from "./registre";

/**
 * The simulator of the rule book. Its folder (`features/simulateur/`) has another owner: its declaration
 * lives here until it moves to `features/simulateur/feature.ts`. Its page is public (the rules are public law).
 */
export const simulateur = defineFeature({
  id: "simulateur",
  pages: [
    {
      path: "/simulateur",
      label: "Simulateur des règles",
      permission: "public",
      nav: true,
      load: () => import("../features/simulateur/SimulateurPage").then((m) => ({ default: m.SimulateurPage })),
    },
  ],
  blocsAccueil: [{ id: "simulateur", permission: null, ordre: 30, load: () => import("../features/accueil/SimulateurBloc") }],
});
