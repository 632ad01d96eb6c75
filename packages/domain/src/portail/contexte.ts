import { defineContexte } from "../acces/permissions";

/**
 * The companies' portal (portail des entreprises): saved searches and their mail digests, public and private
 * feeds, the calendar of deadlines. A company account acts with `entreprise.self` (context entreprises).
 */
export const PORTAIL = defineContexte({
  permissions: {},
  evenements: {
    "recherche.created": "Recherche enregistrée créée par une entreprise",
    "recherche.updated": "Recherche enregistrée modifiée",
    "recherche.deleted": "Recherche enregistrée supprimée",
    "recherche.feed-renewed": "Adresse du flux privé d'une recherche renouvelée (l'ancienne révoquée)",
    "recherche.unsubscribed": "Alertes d'une recherche désactivées par le lien de désabonnement",
    "recherche.digest-sent": "Synthèse d'une recherche enregistrée envoyée",
  },
});
