import { defineContexte } from "../acces/permissions";
import { INTERNAL_ROLES } from "../acces/roles";

/** The procurement fair: organising it belongs to the procurement directorate; companies register from their account. */
export const SALON = defineContexte({
  permissions: {
    "salon.manage": { label: "Organiser le salon de l'achat public (planning des rendez-vous)", roles: ["admin", "acheteur-central"] },
    "salon.read": { label: "Consulter les salons de l'achat public", roles: [...INTERNAL_ROLES, "entreprise"] },
    "salon.inscrire": { label: "Inscrire son entreprise au salon de l'achat public", roles: ["entreprise"] },
    "salon.bilan": {
      label: "Lire les résultats du questionnaire de satisfaction des salons (réponses agrégées, sans leurs auteurs)",
      roles: ["admin", "acheteur-central", "lecteur"],
    },
    "salon.rencontrer": {
      label: "Tenir une table au salon : ses disponibilités, ses invitations, son agenda",
      roles: ["admin", "acheteur-central", "acheteur"],
    },
  },
  evenements: {
    "salon.created": "Salon créé",
    "salon.updated": "Salon modifié",
    "salon.registered": "Entreprise inscrite au salon (acceptée ou en liste d'attente)",
    "salon.registration-cancelled": "Inscription au salon annulée",
    "salon.registration-promoted": "Entreprise de la liste d'attente admise au salon",
    "salon.checked-in": "Présence au salon pointée",
    "salon.buyer-availability-set": "Disponibilités d'un acheteur au salon définies",
    "salon.meeting-requested": "Rendez-vous demandé par une entreprise",
    "salon.meeting-invited": "Entreprise invitée à un rendez-vous par un acheteur",
    "salon.meeting-declined": "Demande de rendez-vous déclinée",
    "salon.company-availability-set": "Créneaux où une entreprise inscrite est disponible définis",
    "salon.satisfaction-answered": "Réponse au questionnaire de satisfaction du salon enregistrée ou modifiée",
    "salon.planned": "Planning des rendez-vous calculé",
    "salon.plan-confirmed": "Planning des rendez-vous confirmé et agendas envoyés",
  },
});
