import { defineContexte } from "../acces/permissions";

/**
 * Open data: the store of PUBLIC award data (DECP published by every buyer), kept apart from the
 * département's own contracts. Reading it is public; importing a file belongs to the administrator.
 */
export const DONNEES = defineContexte({
  permissions: {
    "donnees.read": {
      label: "Consulter le sourcing et la comparaison entre acheteurs tirés des données essentielles publiées",
      roles: ["admin", "acheteur-central", "acheteur", "lecteur"],
    },
    "donnees.manage": { label: "Importer les données essentielles publiées (DECP) de tous les acheteurs", roles: ["admin"] },
  },
  evenements: {
    "decp.imported": "Données essentielles (DECP) importées",
  },
});
