import { defineContexte } from "../acces/permissions";
import { INTERNAL_ROLES } from "../acces/roles";

/** Contracts and their execution: read by every agent (direction buyers: their direction), kept by the buyers. */
export const MARCHES = defineContexte({
  permissions: {
    "marches.read": { label: "Consulter les marchés, leur exécution et la veille du portefeuille", roles: INTERNAL_ROLES },
    "marches.manage": {
      label: "Saisir les marchés, leurs modifications, commandes, factures et leur clôture",
      roles: ["admin", "acheteur-central", "acheteur"],
    },
  },
  evenements: {
    "marche.created": "Marché créé",
    "marche.updated": "Marché modifié",
    "marche.modification-added": "Modification (avenant) enregistrée",
    "marche.reconduction-decided": "Reconduction décidée",
    "marche.bon-commande-added": "Bon de commande émis",
    "marche.facture-added": "Facture enregistrée",
    "marche.facture-paid": "Facture payée",
    "marche.heures-insertion-added": "Heures d'insertion déclarées",
    "marche.closed": "Marché clos et fournisseur évalué",
    "marches.imported": "Marchés importés",
    "marches.digest-sent": "Synthèse quotidienne de la veille envoyée",
  },
});
