import { defineContexte } from "../acces/permissions";

/** Company accounts (portail des entreprises): a company keeps its own account, profile and colleagues. */
export const ENTREPRISES = defineContexte({
  permissions: {
    "entreprise.self": { label: "Gérer le compte, le profil et les collègues de son entreprise", roles: ["entreprise"] },
  },
  evenements: {
    "entreprise.registered": "Entreprise inscrite (compte créé, adresse à confirmer)",
    "entreprise.email-confirmed": "Adresse électronique d'un compte entreprise confirmée",
    "entreprise.profile-updated": "Profil d'entreprise modifié",
    "entreprise.colleague-invited": "Collègue invité par une entreprise",
    "entreprise.invitation-accepted": "Invitation d'une entreprise acceptée",
  },
});
