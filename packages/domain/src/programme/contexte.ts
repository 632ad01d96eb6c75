import { defineContexte } from "../acces/permissions";
import { INTERNAL_ROLES } from "../acces/roles";

export const PROGRAMME = defineContexte({
  permissions: {
    "programme.read": { label: "Consulter la programmation des achats", roles: INTERNAL_ROLES },
    "programme.write": {
      label: "Déclarer les besoins de sa direction dans la programmation des achats",
      roles: ["admin", "acheteur-central", "acheteur"],
    },
    "programme.validate": {
      label: "Valider, renvoyer et publier les lignes de la programmation des achats",
      roles: ["admin", "acheteur-central"],
    },
    "programme.aggregate": {
      label: "Consulter les valeurs agrégées par famille et les alertes de fractionnement",
      roles: ["admin", "acheteur-central", "lecteur"],
    },
    "programme.familles": { label: "Tenir la nomenclature des familles d'achat homogènes", roles: ["admin"] },
  },
  evenements: {
    "ligne-programme.created": "Ligne de programmation créée",
    "ligne-programme.updated": "Ligne de programmation modifiée",
    "ligne-programme.submitted": "Ligne de programmation soumise",
    "ligne-programme.validated": "Ligne de programmation validée",
    "ligne-programme.sent-back": "Ligne de programmation renvoyée à la direction",
    "ligne-programme.published": "Ligne de programmation publiée",
    "ligne-programme.revised": "Nouvelle version d'une ligne de programmation",
    "lignes-programme.imported": "Besoins d'une direction importés",
    "famille-achat.created": "Famille d'achat créée",
    "famille-achat.updated": "Famille d'achat modifiée",
  },
});
