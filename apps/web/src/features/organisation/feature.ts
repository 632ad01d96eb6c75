import { defineFeature } from "../../app/registre";

export const organisation = defineFeature({
  id: "organisation",
  pages: [
    {
      path: "/organisation",
      label: "Directions et services",
      permission: "organisation.read",
      nav: true,
      load: () => import("./OrganisationPage"),
    },
  ],
  blocsAccueil: [{ id: "organisation", permission: "organisation.read", ordre: 20, load: () => import("./OrganisationBloc") }],
});
