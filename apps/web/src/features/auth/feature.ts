import { defineFeature } from "../../app/registre";

/** Login, and the pages of the logged-in person (account menu). */
export const auth = defineFeature({
  id: "auth",
  pages: [
    { path: "/connexion", label: "Connexion", permission: "public", nav: false, load: () => import("./LoginPage") },
    {
      path: "/mon-mot-de-passe",
      label: "Mon mot de passe",
      permission: null,
      nav: false,
      menuCompte: true,
      load: () => import("./MotDePassePage"),
    },
  ],
  blocsAccueil: [{ id: "mon-compte", permission: null, ordre: 100, load: () => import("./MonCompteBloc") }],
});
