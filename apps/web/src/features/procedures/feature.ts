import { defineFeature } from "../../app/registre";

/** Procedures (consultations): list, detail with the timeline of legal dates, tenders, award, notification; the clause library. */
export const procedures = defineFeature({
  id: "procedures",
  pages: [
    { path: "/procedures", label: "Procédures", permission: "procedures.read", nav: true, load: () => import("./ProceduresPage") },
    { path: "/procedures/:id", label: "Procédure", permission: "procedures.read", nav: false, load: () => import("./ProcedurePage") },
    { path: "/clausier", label: "Clausier", permission: "procedures.read", nav: true, load: () => import("./ClausierPage") },
  ],
});
