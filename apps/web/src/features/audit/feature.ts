import { defineFeature } from "../../app/registre";

/** The audit trail (who changed what) and the security events (refused logins, accesses, forged requests). */
export const audit = defineFeature({
  id: "audit",
  pages: [
    { path: "/audit", label: "Journal d'audit", permission: "audit.read", nav: true, load: () => import("./AuditPage") },
    { path: "/securite", label: "Événements de sécurité", permission: "audit.read", nav: true, load: () => import("./SecuritePage") },
  ],
  blocsAccueil: [{ id: "securite", permission: "audit.read", ordre: 50, load: () => import("./SecuriteBloc") }],
});
