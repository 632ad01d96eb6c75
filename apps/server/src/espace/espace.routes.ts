import {
  EspaceEntrepriseOutput,
  EvaluationAcheteurInput,
  EvaluationAcheteurOutputSchema,
  IdParams,
  MarcheEspaceDetailOutput,
  presentEspace,
  presentEvaluationAcheteur,
  presentMarcheEspaceDetail,
  presentSynthese,
  SyntheseEvaluationsOutput,
} from "@achat-public/contracts";
import { evaluerAcheteur, lireSyntheseEvaluations, mesMarches, monMarche } from "@achat-public/domain/espace";
import { defineRoutes } from "../platform/routes";

/** The company's own space (its contracts, invoices, evaluations) and the aggregate of the evaluations. */
export const espaceRoutes = defineRoutes("Espace de l'entreprise", (r) => {
  r.read({
    method: "GET",
    url: "/api/entreprise/marches",
    access: "entreprise.self",
    summary: "Les marchés de son entreprise avec le département, leurs paiements et l'évaluation donnée",
    description:
      "Les marchés dont le titulaire, le mandataire ou un cotraitant a le SIRET du compte (pas les autres établissements du SIREN). " +
      "Intérêts moratoires et indemnité forfaitaire calculés par le moteur de règles.",
    response: EspaceEntrepriseOutput,
    handler: async ({ uow, actor }) => presentEspace(await mesMarches(uow, actor)),
  });

  r.read({
    method: "GET",
    url: "/api/entreprise/marches/:id",
    access: "entreprise.self",
    summary: "Un marché de son entreprise : factures (statut, délai, intérêts dus), évaluation reçue et donnée",
    params: IdParams,
    response: MarcheEspaceDetailOutput,
    handler: async ({ uow, actor, params }) => presentMarcheEspaceDetail(await monMarche(uow, actor, params.id)),
  });

  r.write({
    method: "PUT",
    url: "/api/entreprise/marches/:id/evaluation",
    access: "entreprise.self",
    summary: "Évaluer le département sur ce marché (paiement, clarté des documents, relation), ou modifier son évaluation",
    description: "Une évaluation par marché et par entreprise ; version null pour la première, la version lue pour la modifier.",
    params: IdParams,
    body: EvaluationAcheteurInput,
    response: EvaluationAcheteurOutputSchema,
    example: { body: { paiement: 4, clarte: 3, relation: 5, commentaire: null, version: null } },
    handler: async ({ uow, actor, params, body }) =>
      presentEvaluationAcheteur((await evaluerAcheteur(uow, actor, params.id, body)).evaluation),
  });

  r.read({
    method: "GET",
    url: "/api/evaluations-acheteur",
    access: "evaluations-acheteur.read",
    summary: "Synthèse des évaluations du département par ses titulaires (moyennes par critère, direction, année)",
    description: "Sans l'identité des entreprises : moyennes masquées sous 3 évaluations, commentaires datés de l'année seulement.",
    response: SyntheseEvaluationsOutput,
    handler: async ({ uow, actor }) => presentSynthese(await lireSyntheseEvaluations(uow, actor, actor.organisationId)),
  });
});
