import { defineContexte } from "../acces/permissions";

/**
 * Steering (pilotage): the indicators of the purchasing policy and of the SPASER. Management, officials and the
 * procurement directorate read every direction; a direction buyer reads its own direction's figures.
 */
export const PILOTAGE = defineContexte({
  permissions: {
    "pilotage.read": {
      label: "Consulter les indicateurs de la politique d'achat",
      roles: ["admin", "acheteur-central", "acheteur", "lecteur"],
    },
    "pilotage.cibles": { label: "Fixer les objectifs du SPASER", roles: ["admin", "acheteur-central"] },
  },
  evenements: { "pilotage.cible-fixee": "Objectif du SPASER fixé" },
});
