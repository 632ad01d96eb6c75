import { defineContexte } from "../acces/permissions";

/**
 * The company's own space (portail des entreprises): its contracts with the département, their invoices and
 * the interest owed when late, the evaluation it received, and its evaluation of the département in return.
 * A company acts with `entreprise.self` (context entreprises); the procurement directorate reads the aggregate.
 */
export const ESPACE = defineContexte({
  permissions: {
    "evaluations-acheteur.read": {
      label: "Consulter la synthèse des évaluations du département par ses titulaires",
      roles: ["admin", "acheteur-central"],
    },
  },
  evenements: {
    "evaluation-acheteur.created": "Département évalué par le titulaire d'un marché",
    "evaluation-acheteur.updated": "Évaluation du département par un titulaire modifiée",
  },
});
