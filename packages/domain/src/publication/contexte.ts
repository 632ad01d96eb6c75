import { defineContexte } from "../acces/permissions";

/** Open data of the département (DECP and OCDS exports): the procurement directorate watches the quality gate. */
export const PUBLICATION = defineContexte({
  permissions: {
    "publication.read": {
      label: "Consulter le contrôle qualité des données essentielles (DECP) et les publications en retard",
      roles: ["admin", "acheteur-central"],
    },
  },
  evenements: {
    "decp.published": "Données essentielles (DECP) du département publiées (date de première publication enregistrée)",
  },
});
