import { defineContexte } from "../acces/permissions";

export const AUDIT = defineContexte({
  permissions: {
    "audit.read": { label: "Consulter le journal d'audit, les événements de sécurité et les courriels", roles: ["admin"] },
  },
  evenements: {
    "audit.checkpointed": "Point d'ancrage du journal signé",
  },
});
