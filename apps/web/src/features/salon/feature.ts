import { defineFeature } from "../../app/registre";

/**
 * The procurement fair: the fairs and a company's registration; the organiser's set-up, registrations and check-in;
 * each side's meeting requests and agenda; the organiser's schedule and table plan; the satisfaction survey after the fair.
 */
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
    {
      path: "/salons/bilan",
      label: "Ce qu'ont donné les salons",
      permission: "pilotage.read",
      nav: true,
      load: () => import("./BilanSalonsPage"),
    },
    {
      path: "/salons/rendez-vous/:id",
      label: "Mes rendez-vous au salon",
      permission: "salon.read",
      nav: false,
      load: () => import("./MesRendezVousPage"),
    },
    {
      path: "/salons/satisfaction/:id",
      label: "Questionnaire de satisfaction du salon",
      permission: "salon.read",
      nav: false,
      load: () => import("./SatisfactionSalonPage"),
    },
    {
      path: "/salons/planning/:id",
      label: "Planning des rendez-vous",
      permission: "salon.manage",
      nav: false,
      load: () => import("./PlanningSalonPage"),
    },
  ],
});
