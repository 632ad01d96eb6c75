import { z } from "zod";
import {
  abandonnerProcedure,
  attribuerProcedure,
  cloturerReceptionOffres,
  consultationsOuvertes,
  createClause,
  creerProcedure,
  declarerInfructueuse,
  getProcedure,
  listClauses,
  listProcedures,
  modifierProcedure,
  notifierProcedure,
  publierProcedure,
  retirerOffre,
  saisirOffre,
  terminerAnalyse,
  updateClause,
} from "@achat-public/domain/procedures";
import {
  AttributionInput,
  ClauseInput,
  ClauseOutput,
  ClauseUpdate,
  clauseVersDomaine,
  ConsultationsPubliquesOutput,
  IdParams,
  LotParams,
  MotifInput,
  NotificationInput,
  OffreInput,
  OffreParams,
  page,
  presentClause,
  presentProcedure,
  presentResume,
  ProcedureInput,
  ProcedureOutput,
  ProceduresPage,
  ProceduresQuery,
  ProcedureUpdate,
  PublicationInput,
  VersionInput,
  versDomaine,
} from "@achat-public/contracts";
import { defineRoutes } from "../platform/routes";

const EXEMPLE_PROCEDURE = {
  annee: 2026,
  motifHorsProgramme: "Besoin apparu en cours d'année, non programmé.",
  objet: "Nettoyage des collèges",
  nature: "services",
  procedure: "Procédure adaptée",
  dureeMois: 12,
  lots: [{ objet: "Lot unique", cpv: "90911200-8", valeurEstimeeHt: 50000 }],
};

export const proceduresRoutes = defineRoutes("Procédures (consultations)", (r) => {
  // ---------------------------------------------------------------------------------------------- clause library
  r.read({
    method: "GET",
    url: "/api/clausier",
    access: "procedures.read",
    summary: "Clausier : clauses sociales, environnementales et d'innovation types",
    response: z.array(ClauseOutput),
    handler: async ({ actor, uow }) => (await listClauses(uow, actor, actor.organisationId)).map(presentClause),
  });
  r.write({
    method: "POST",
    url: "/api/clausier",
    access: "procedures.clausier",
    summary: "Ajouter une clause type au clausier",
    body: ClauseInput,
    response: ClauseOutput,
    status: 201,
    example: {
      body: {
        type: "environnementale",
        usage: "condition-execution",
        titre: "Écolabel",
        texte: "Produits porteurs de l'écolabel européen.",
      },
    },
    handler: async ({ actor, uow, body }) => presentClause(await createClause(uow, actor, actor.organisationId, clauseVersDomaine(body))),
  });
  r.write({
    method: "PUT",
    url: "/api/clausier/:id",
    access: "procedures.clausier",
    summary: "Modifier une clause type (version lue obligatoire)",
    params: IdParams,
    body: ClauseUpdate,
    response: ClauseOutput,
    handler: async ({ actor, uow, params, body }) =>
      presentClause(await updateClause(uow, actor, actor.organisationId, params.id, { ...clauseVersDomaine(body), version: body.version })),
  });

  // ---------------------------------------------------------------------------------------------- procedures
  r.read({
    method: "GET",
    url: "/api/procedures",
    access: "procedures.read",
    summary: "Procédures, filtrées, triées et paginées par le serveur",
    description: "Un acheteur de direction ne voit que les procédures de sa direction.",
    query: ProceduresQuery,
    response: ProceduresPage,
    handler: async ({ actor, uow, query }) => {
      const { statut, ...rest } = query;
      const { total, procedures } = await listProcedures(uow, actor, { organisationId: actor.organisationId, ...rest, etat: statut });
      return page(query, total, "procedures", procedures.map(presentResume));
    },
  });
  r.read({
    method: "GET",
    url: "/api/procedures/:id",
    access: "procedures.read",
    summary: "Une procédure, ses lots, offres, attribution et le calendrier de ses dates légales",
    params: IdParams,
    response: ProcedureOutput,
    handler: async ({ actor, uow, params }) => presentProcedure(await getProcedure(uow, actor, actor.organisationId, params.id)),
  });
  r.write({
    method: "POST",
    url: "/api/procedures",
    access: "procedures.write",
    summary: "Créer une procédure depuis des lignes de la programmation, ou directement avec un motif",
    body: ProcedureInput,
    response: ProcedureOutput,
    status: 201,
    example: { body: EXEMPLE_PROCEDURE },
    handler: async ({ actor, uow, body }) => presentProcedure(await creerProcedure(uow, actor, actor.organisationId, versDomaine(body))),
  });
  r.write({
    method: "PUT",
    url: "/api/procedures/:id",
    access: "procedures.write",
    summary: "Modifier une procédure (champs non scellés par son état ; version lue obligatoire, 409 si elle a changé)",
    params: IdParams,
    body: ProcedureUpdate,
    response: ProcedureOutput,
    handler: async ({ actor, uow, params, body }) =>
      presentProcedure(await modifierProcedure(uow, actor, actor.organisationId, params.id, versDomaine(body))),
  });
  r.write({
    method: "POST",
    url: "/api/procedures/:id/publier",
    access: "procedures.write",
    summary: "Publier : le moteur de règles vérifie la procédure, les obligations Climat et le délai minimal",
    description: "Refus 422 PUBLICATION_REFUSED avec les alertes bloquantes ; 409 TRANSITION_REFUSED hors brouillon.",
    params: IdParams,
    body: PublicationInput,
    response: ProcedureOutput,
    example: { body: { version: 1 } },
    handler: async ({ actor, uow, params, body }) =>
      presentProcedure((await publierProcedure(uow, actor, actor.organisationId, params.id, body)).procedure),
  });
  r.write({
    method: "POST",
    url: "/api/procedures/:id/lots/:numero/offres",
    access: "procedures.write",
    summary: "Saisir une offre reçue pour un lot (SIRET contrôlé)",
    params: LotParams,
    body: OffreInput,
    response: ProcedureOutput,
    status: 201,
    example: { params: { numero: "1" }, body: { version: 1, siret: "73282932000074", nom: "Propreté 94", prixHt: 1000 } },
    handler: async ({ actor, uow, params, body }) =>
      presentProcedure(await saisirOffre(uow, actor, actor.organisationId, params.id, params.numero, versDomaine(body))),
  });
  r.write({
    method: "DELETE",
    url: "/api/procedures/:id/lots/:numero/offres/:offreId",
    access: "procedures.write",
    summary: "Retirer une offre saisie par erreur",
    params: OffreParams,
    query: VersionInput,
    response: ProcedureOutput,
    example: { params: { numero: "1" }, query: { version: "1" } },
    handler: async ({ actor, uow, params, query }) =>
      presentProcedure(await retirerOffre(uow, actor, actor.organisationId, params.id, params.numero, params.offreId, query)),
  });
  const transition = (action: string, summary: string, fn: typeof cloturerReceptionOffres) =>
    r.write({
      method: "POST",
      url: `/api/procedures/:id/${action}`,
      access: "procedures.write",
      summary,
      params: IdParams,
      body: VersionInput,
      response: ProcedureOutput,
      example: { body: { version: 1 } },
      handler: async ({ actor, uow, params, body }) => presentProcedure(await fn(uow, actor, actor.organisationId, params.id, body)),
    });
  transition("cloturer-reception", "Clore la réception des offres (un lot sans offre devient infructueux)", cloturerReceptionOffres);
  transition("analyser", "Terminer l'analyse des offres", terminerAnalyse);
  r.write({
    method: "POST",
    url: "/api/procedures/:id/attribuer",
    access: "procedures.write",
    summary: "Attribuer chaque lot (un ou plusieurs titulaires pour un accord-cadre) ou le déclarer infructueux",
    params: IdParams,
    body: AttributionInput,
    response: ProcedureOutput,
    example: { body: { version: 1, dateAttribution: "2026-11-02", lots: [] } },
    handler: async ({ actor, uow, params, body }) =>
      presentProcedure(await attribuerProcedure(uow, actor, actor.organisationId, params.id, versDomaine(body))),
  });
  r.write({
    method: "POST",
    url: "/api/procedures/:id/notifier",
    access: "procedures.write",
    summary: "Notifier : crée la fiche de marché de chaque lot attribué (tâche procedures.attribution-notifiee)",
    description: "La signature ne peut précéder la fin du délai de suspension (le moteur le vérifie).",
    params: IdParams,
    body: NotificationInput,
    response: ProcedureOutput,
    example: { body: { version: 1, dateSignature: "2026-11-20", dateNotification: "2026-11-23" } },
    handler: async ({ actor, uow, params, body }) =>
      presentProcedure(await notifierProcedure(uow, actor, actor.organisationId, params.id, body)),
  });
  r.write({
    method: "POST",
    url: "/api/procedures/:id/abandonner",
    access: "procedures.write",
    summary: "Abandonner la procédure (déclaration sans suite)",
    params: IdParams,
    body: MotifInput,
    response: ProcedureOutput,
    example: { body: { version: 1, motif: "Besoin disparu" } },
    handler: async ({ actor, uow, params, body }) =>
      presentProcedure(await abandonnerProcedure(uow, actor, actor.organisationId, params.id, body)),
  });
  r.write({
    method: "POST",
    url: "/api/procedures/:id/infructueuse",
    access: "procedures.write",
    summary: "Déclarer la procédure infructueuse",
    params: IdParams,
    body: MotifInput,
    response: ProcedureOutput,
    example: { body: { version: 1, motif: "Offres toutes inacceptables" } },
    handler: async ({ actor, uow, params, body }) =>
      presentProcedure(await declarerInfructueuse(uow, actor, actor.organisationId, params.id, body)),
  });

  // ---------------------------------------------------------------------------------------------- public
  r.read({
    method: "GET",
    url: "/api/public/consultations",
    access: "public",
    summary: "Consultations ouvertes (publiées, date limite non passée), sans connexion",
    description: "Le dossier de consultation est sur le profil d'acheteur : suivez urlProfilAcheteur.",
    response: ConsultationsPubliquesOutput,
    handler: async ({ uow }) => ({ consultations: await consultationsOuvertes(uow) }),
  });
});
