import { defineFeature } from "../../app/registre";

/** Open data of the département: the DECP quality gate and what is late to publish (procurement directorate). */
export const publication = defineFeature({
  id: "publication",
  pages: [
    {
      path: "/publication",
      label: "Données essentielles",
      permission: "publication.read",
      nav: true,
      load: () => import("./PublicationPage"),
    },
  ],
});
