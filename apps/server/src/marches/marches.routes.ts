import {
  ajouterBonCommande,
  ajouterFacture,
  ajouterHeuresInsertion,
  ajouterModification,
  cloturerMarche,
  creerMarche,
  deciderReconduction,
  listerMarches,
  modifierMarche,
  obtenirMarche,
  payerFacture,
  veillePortefeuille,
} from "@achat-public/domain/marches";
import {
  BonCommandeInput,
  BonCommandeResultat,
  ClotureInput,
  DossierMarcheOutput,
  FactureInput,
  FactureOutputSchema,
  FactureParams,
  HeuresInput,
  HeuresOutput,
  MarcheInput,
  MarcheOutput,
  MarcheParams,
  MarchesPage,
  MarchesQuery,
  MarcheUpdate,
  marcheVersDomaine,
  ModificationInput,
  ModificationResultat,
  page,
  PaiementInput,
  presentDossier,
  presentFacture,
  presentMarche,
  presentMarcheResume,
  presentModification,
  presentVeille,
  ReconductionInput,
  VeilleOutput,
  VeilleQuery,
  versApi,
  versDomaine,
} from "@achat-public/contracts";
import { defineRoutes } from "../platform/routes";
import { aujourdhuiParis } from "./aujourdhui";

const EXEMPLE = {
  directionId: "00000000-0000-4000-8000-000000000000",
  numero: "2026-0001",
  objet: "Entretien des espaces verts des collèges",
  procedure: "Appel d'offres ouvert",
  nature: "services",
  cpv: "77310000-6",
  formePrix: "unitaire",
  accordCadre: true,
  montantMaxHt: 800000,
  dateNotification: "2026-03-02",
  dateDebut: "2026-04-01",
  dureeMois: 12,
  reconductionsNombre: 3,
  reconductionDureeMois: 12,
  ccag: "fcs",
  clauseSociale: true,
  heuresInsertionPrevues: 700,
  titulaires: [{ siret: "73282932000074", nom: "Entreprise d'exemple", role: "titulaire" }],
} as const;

export const marchesRoutes = defineRoutes("Marchés", (r) => {
  r.read({
    method: "GET",
    url: "/api/marches",
    access: "marches.read",
    summary: "Les marchés visibles, filtrés, triés et paginés par le serveur",
    description:
      "Un acheteur de direction voit les marchés de sa direction ; les autres rôles internes, tous. `statut` : en-cours (non clos, non échu), echu (date de fin passée, non clos), clos.",
    query: MarchesQuery,
    response: MarchesPage,
    handler: async ({ actor, uow, ctx, query }) => {
      const { page: p, parPage, ...filtres } = query;
      const { total, marches } = await listerMarches(uow, actor, {
        organisationId: actor.organisationId,
        aujourdhui: aujourdhuiParis(ctx.clock.now()),
        ...filtres,
        page: p,
        parPage,
      });
      return page(query, total, "marches", marches.map(presentMarcheResume));
    },
  });

  r.read({
    method: "GET",
    url: "/api/marches/veille",
    access: "marches.read",
    summary:
      "Veille du portefeuille : fins sans successeur (3, 6, 12 mois), reconductions à décider, accords-cadres consommés, dérives d'avenants, retards de paiement",
    query: VeilleQuery,
    response: VeilleOutput,
    handler: async ({ actor, uow, ctx, query }) =>
      presentVeille(await veillePortefeuille(uow, actor, actor.organisationId, aujourdhuiParis(ctx.clock.now()), query.directionId)),
  });

  r.read({
    method: "GET",
    url: "/api/marches/:id",
    access: "marches.read",
    summary: "Un marché avec ses titulaires, modifications, bons de commande, factures et heures d'insertion",
    params: MarcheParams,
    response: DossierMarcheOutput,
    handler: async ({ actor, uow, params }) => presentDossier(await obtenirMarche(uow, actor, actor.organisationId, params.id)),
  });

  r.write({
    method: "POST",
    url: "/api/marches",
    access: "marches.manage",
    summary: "Saisir un marché (marchés antérieurs à la plateforme ; les attributions notifiées le créent seules)",
    body: MarcheInput,
    response: MarcheOutput,
    status: 201,
    example: { body: EXEMPLE },
    handler: async ({ actor, uow, body }) => presentMarche(await creerMarche(uow, actor, actor.organisationId, marcheVersDomaine(body))),
  });

  r.write({
    method: "PUT",
    url: "/api/marches/:id",
    access: "marches.manage",
    summary: "Modifier la fiche d'un marché (version lue : 409 si elle a changé)",
    params: MarcheParams,
    body: MarcheUpdate,
    response: MarcheOutput,
    example: { body: { ...EXEMPLE, version: 1 } },
    handler: async ({ actor, uow, params, body }) => {
      const { version, ...reste } = body;
      return presentMarche(await modifierMarche(uow, actor, actor.organisationId, params.id, { ...marcheVersDomaine(reste), version }));
    },
  });

  r.write({
    method: "POST",
    url: "/api/marches/:id/reconductions",
    access: "marches.manage",
    summary: "Décider la reconduction suivante",
    params: MarcheParams,
    body: ReconductionInput,
    response: MarcheOutput,
    handler: async ({ actor, uow, params, body }) =>
      presentMarche(await deciderReconduction(uow, actor, actor.organisationId, params.id, body)),
  });

  r.write({
    method: "POST",
    url: "/api/marches/:id/modifications",
    access: "marches.manage",
    summary: "Enregistrer une modification (avenant), vérifiée par le moteur de règles",
    description:
      "Refusée (422, MODIFICATION_REFUSEE) quand le moteur refuse le fondement invoqué, sauf si `motifJuridique` indique le fondement retenu, alors enregistré.",
    params: MarcheParams,
    body: ModificationInput,
    response: ModificationResultat,
    status: 201,
    example: {
      body: { version: 1, objet: "Travaux supplémentaires", fondement: "faible-montant", montantHt: 12000, dateSignature: "2026-06-01" },
    },
    handler: async ({ actor, uow, params, body }) => {
      const r = await ajouterModification(uow, actor, actor.organisationId, params.id, versDomaine(body));
      return {
        marche: presentMarche(r.marche),
        modification: presentModification(r.modification),
        pointsDeVigilance: r.analyse.pointsDeVigilance,
      };
    },
  });

  r.write({
    method: "POST",
    url: "/api/marches/:id/bons-commande",
    access: "marches.manage",
    summary: "Émettre un bon de commande sur un accord-cadre (alertes à 80 % et 100 % du maximum)",
    params: MarcheParams,
    body: BonCommandeInput,
    response: BonCommandeResultat,
    status: 201,
    example: { body: { numero: "BC-001", dateEmission: "2026-06-01", montantHt: 15000 } },
    handler: async ({ actor, uow, params, body }) =>
      versApi(await ajouterBonCommande(uow, actor, actor.organisationId, params.id, versDomaine(body))) as never,
  });

  r.write({
    method: "POST",
    url: "/api/marches/:id/factures",
    access: "marches.manage",
    summary: "Enregistrer une facture ; payée, son délai, ses intérêts moratoires et l'indemnité forfaitaire viennent du moteur de règles",
    params: MarcheParams,
    body: FactureInput,
    response: FactureOutputSchema,
    status: 201,
    example: { body: { numero: "F-2026-001", montantTtc: 12000, dateReception: "2026-03-03", datePaiement: "2026-04-22" } },
    handler: async ({ actor, uow, params, body }) =>
      presentFacture(await ajouterFacture(uow, actor, actor.organisationId, params.id, versDomaine(body))),
  });

  r.write({
    method: "PUT",
    url: "/api/marches/:id/factures/:factureId/paiement",
    access: "marches.manage",
    summary: "Enregistrer la mise en paiement d'une facture",
    params: FactureParams,
    body: PaiementInput,
    response: FactureOutputSchema,
    example: { body: { datePaiement: "2026-04-22" } },
    handler: async ({ actor, uow, params, body }) =>
      presentFacture(await payerFacture(uow, actor, actor.organisationId, params.id, params.factureId, body)),
  });

  r.write({
    method: "POST",
    url: "/api/marches/:id/heures-insertion",
    access: "marches.manage",
    summary: "Déclarer les heures d'insertion réalisées sur une période",
    params: MarcheParams,
    body: HeuresInput,
    response: HeuresOutput,
    status: 201,
    example: { body: { periodeDebut: "2026-01-01", periodeFin: "2026-03-31", heures: 120 } },
    handler: async ({ actor, uow, params, body }) =>
      HeuresOutput.parse(await ajouterHeuresInsertion(uow, actor, actor.organisationId, params.id, body)),
  });

  r.write({
    method: "POST",
    url: "/api/marches/:id/cloture",
    access: "marches.manage",
    summary: "Clore le marché et évaluer le fournisseur (qualité, délais, relation, de 1 à 5)",
    params: MarcheParams,
    body: ClotureInput,
    response: MarcheOutput,
    example: { body: { version: 1, dateCloture: "2026-12-31", qualite: 4, delais: 3, relation: 5, commentaire: null } },
    handler: async ({ actor, uow, params, body }) =>
      presentMarche(await cloturerMarche(uow, actor, actor.organisationId, params.id, { ...body, commentaire: body.commentaire ?? null })),
  });
});
