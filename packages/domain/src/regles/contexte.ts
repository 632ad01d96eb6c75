import { defineContexte } from "../acces/permissions";

export const REGLES = defineContexte({
  permissions: {
    "regles.manage": { label: "Administrer les paramètres des règles (taux de la BCE)", roles: ["admin"] },
    "regles.simulate": {
      label: "Simuler les règles de la commande publique",
      roles: ["admin", "acheteur-central", "acheteur", "lecteur", "entreprise"],
    },
  },
  evenements: {
    "ecb-rate.set": "Taux de la BCE défini",
  },
});
