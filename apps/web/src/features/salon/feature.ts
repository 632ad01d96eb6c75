import { defineFeature } from "../../app/registre";

/** The procurement fair: the fairs and a company's registration; the organiser's set-up, registrations and check-in. */
export const salon = defineFeature({
  id: "salon",
  pages: [
    { path: "/salons", label: "Salon de l'achat public", permission: "salon.read", nav: true, load: () => import("./SalonsPage") },
    {
      path: "/salons/organisation",
      label: "Organiser le salon",
      permission: "salon.manage",
      nav: true,
      load: () => import("./OrganisationSalonPage"),
    },
  ],
});
