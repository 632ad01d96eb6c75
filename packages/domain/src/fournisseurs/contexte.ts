import { defineContexte } from "../acces/permissions";
import { INTERNAL_ROLES } from "../acces/roles";

/** The supplier directory: read by every agent, kept by the buyers. */
export const FOURNISSEURS = defineContexte({
  permissions: {
    "fournisseurs.read": { label: "Consulter l'annuaire des fournisseurs et leur fiche", roles: INTERNAL_ROLES },
    "fournisseurs.manage": {
      label: "Créer et modifier les fournisseurs de l'annuaire",
      roles: ["admin", "acheteur-central", "acheteur"],
    },
  },
  evenements: {
    "fournisseur.created": "Fournisseur créé",
    "fournisseur.updated": "Fournisseur modifié",
    "fournisseurs.imported": "Fournisseurs importés",
  },
});
