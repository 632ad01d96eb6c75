import { defineContexte } from "../acces/permissions";

/** The platform services every context relies on: outgoing mail and background jobs. */
export const PLATEFORME = defineContexte({
  permissions: {
    "plateforme.manage": { label: "Superviser les courriels et les tâches de fond (relancer une tâche en échec)", roles: ["admin"] },
  },
  evenements: {
    "job.retried": "Tâche en échec relancée",
    "mail.test-queued": "Courriel d'essai demandé",
  },
});
