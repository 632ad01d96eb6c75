import { defineFeature } from "../../app/registre";

/** Steering: the cockpit of the purchasing policy and of the SPASER, its drill-down and the annual report. */
export const pilotage = defineFeature({
  id: "pilotage",
  pages: [
    { path: "/pilotage", label: "Pilotage", permission: "pilotage.read", nav: true, load: () => import("./PilotagePage") },
    {
      path: "/pilotage/marches",
      label: "Marchés derrière un indicateur",
      permission: "pilotage.read",
      nav: false,
      load: () => import("./MarchesDerrierePage"),
    },
  ],
  blocsAccueil: [{ id: "pilotage", permission: "pilotage.read", ordre: 15, load: () => import("./PilotageBloc") }],
});
