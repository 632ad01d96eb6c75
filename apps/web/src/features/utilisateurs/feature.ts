import { defineFeature } from "../../app/registre";

export const utilisateurs = defineFeature({
  id: "utilisateurs",
  pages: [{ path: "/utilisateurs", label: "Utilisateurs", permission: "user.read", nav: true, load: () => import("./UtilisateursPage") }],
  blocsAccueil: [{ id: "comptes", permission: "user.manage", ordre: 10, load: () => import("./ComptesBloc") }],
});
