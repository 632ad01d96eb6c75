import { defineContexte } from "../acces/permissions";
import { INTERNAL_ROLES } from "../acces/roles";

export const ORGANISATION = defineContexte({
  permissions: {
    "organisation.read": { label: "Consulter les directions et services", roles: INTERNAL_ROLES },
    "organisation.manage": { label: "Créer, modifier et supprimer les directions et services", roles: ["admin"] },
    "user.read": { label: "Consulter les comptes utilisateurs", roles: ["admin", "acheteur-central", "acheteur"] },
    "user.manage": { label: "Créer, modifier et supprimer les comptes utilisateurs", roles: ["admin"] },
  },
  evenements: {
    "organisation.created": "Organisation créée",
    "direction.created": "Direction créée",
    "direction.updated": "Direction modifiée",
    "direction.deleted": "Direction supprimée",
    "service.created": "Service créé",
    "service.updated": "Service modifié",
    "service.deleted": "Service supprimé",
    "user.created": "Compte créé",
    "user.updated": "Compte modifié",
    "user.deleted": "Compte supprimé",
    "user.password-reset": "Mot de passe redéfini par un administrateur",
    "users.imported": "Comptes importés",
  },
});
