import { defineContexte } from "../acces/permissions";

/** The procurement fair: organising it (meeting schedule) belongs to the procurement directorate. */
export const SALON = defineContexte({
  permissions: {
    "salon.manage": { label: "Organiser le salon de l'achat public (planning des rendez-vous)", roles: ["admin", "acheteur-central"] },
  },
  evenements: {},
});
