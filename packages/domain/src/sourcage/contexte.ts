import { defineContexte } from "../acces/permissions";

/**
 * Sourcing before a consultation (« sourçage », CCP R2111-1): the interest signals of companies on the published
 * programme lines and the short questionnaires a buyer opens on a line. Companies act with `entreprise.self`.
 * See docs/sourcage.md.
 */
export const SOURCAGE = defineContexte({
  permissions: {
    "sourcage.read": {
      label: "Voir l'intérêt des entreprises et les réponses aux questionnaires de sourçage des lignes du programme",
      roles: ["admin", "acheteur-central", "acheteur", "lecteur"],
    },
    "sourcage.manage": {
      label: "Ouvrir et clore les questionnaires de sourçage sur les lignes du programme",
      roles: ["admin", "acheteur-central", "acheteur"],
    },
  },
  evenements: {
    "signal-interet.created": "Intérêt signalé par une entreprise sur une ligne du programme",
    "signal-interet.updated": "Note d'un signal d'intérêt modifiée",
    "signal-interet.withdrawn": "Signal d'intérêt retiré par l'entreprise",
    "demande-sourcage.opened": "Questionnaire de sourçage ouvert sur une ligne du programme",
    "demande-sourcage.closed": "Questionnaire de sourçage clos avant sa date",
    "reponse-sourcage.saved": "Réponse d'une entreprise à un questionnaire de sourçage enregistrée",
  },
});
