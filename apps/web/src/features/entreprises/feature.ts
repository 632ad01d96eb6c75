import { defineFeature } from "../../app/registre";

/** Company accounts: registration (public), e-mail confirmation and invitation links (public), profile, colleagues. */
export const entreprises = defineFeature({
  id: "entreprises",
  pages: [
    {
      path: "/entreprises/inscription",
      label: "Inscrire votre entreprise",
      permission: "public",
      nav: false,
      piedDePage: { libelle: "Entreprises : créer un compte" },
      load: () => import("./InscriptionPage"),
    },
    {
      path: "/entreprises/confirmation",
      label: "Confirmer votre adresse",
      permission: "public",
      nav: false,
      load: () => import("./ConfirmationPage"),
    },
    {
      path: "/entreprises/invitation",
      label: "Rejoindre votre entreprise",
      permission: "public",
      nav: false,
      load: () => import("./InvitationPage"),
    },
    { path: "/mon-entreprise", label: "Mon entreprise", permission: "entreprise.self", nav: true, load: () => import("./ProfilPage") },
    {
      path: "/mon-entreprise/collegues",
      label: "Mes collègues",
      permission: "entreprise.self",
      nav: true,
      load: () => import("./ColleguesPage"),
    },
  ],
});
