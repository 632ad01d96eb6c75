import { defineContexte } from "./permissions";

export const ACCES = defineContexte({
  permissions: {},
  evenements: {
    "user.logged-in": "Connexion",
    "user.logged-out": "Déconnexion",
    "user.password-changed": "Mot de passe changé par son titulaire",
  },
});
