import { defineContexte } from "../acces/permissions";
import { INTERNAL_ROLES } from "../acces/roles";

export const PROCEDURES = defineContexte({
  permissions: {
    "procedures.read": { label: "Consulter les procédures (consultations)", roles: INTERNAL_ROLES },
    "procedures.write": {
      label: "Préparer, publier, saisir les offres, attribuer et notifier les procédures de sa direction",
      roles: ["admin", "acheteur-central", "acheteur"],
    },
    "procedures.clausier": {
      label: "Tenir le clausier (clauses sociales, environnementales et d'innovation types)",
      roles: ["admin", "acheteur-central"],
    },
  },
  evenements: {
    "procedure.created": "Procédure créée",
    "procedure.updated": "Procédure modifiée",
    "procedure.published": "Procédure publiée",
    "procedure.offre-saisie": "Offre saisie",
    "procedure.offre-retiree": "Offre retirée",
    "procedure.reception-cloturee": "Réception des offres close",
    "procedure.analysed": "Analyse des offres terminée",
    "procedure.awarded": "Procédure attribuée",
    "procedure.notified": "Attribution notifiée",
    "procedure.unsuccessful": "Procédure déclarée infructueuse",
    "procedure.abandoned": "Procédure abandonnée",
    "procedure.clauses-choisies": "Clauses du clausier choisies",
    "clause.created": "Clause type créée",
    "clause.updated": "Clause type modifiée",
  },
});
