import {
  acheteursDuSalon,
  confirmerPlanning,
  declinerDemande,
  bilanSatisfaction,
  definirDisponibilitesEntreprise,
  definirPresenceAcheteur,
  maSatisfaction,
  repondreSatisfaction,
  demanderRendezVous,
  demandesDuSalon,
  entonnoirDesSalons,
  inviterEntreprise,
  monAgenda,
  planDuSalon,
  planifierRendezVous,
} from "@achat-public/domain/salon";
import {
  AcheteurSalonParams,
  AcheteursSalonOutput,
  AgendaOutput,
  BilanPlanningOutput,
  BilanSatisfactionOutput,
  DisponibilitesEntrepriseInput,
  DisponibilitesEntrepriseOutput,
  MaSatisfactionOutput,
  presentAcheteurSalon,
  presentBilanSatisfaction,
  presentMaSatisfaction,
  ReponseSatisfactionOutput,
  SatisfactionInput,
  ConfirmationOutput,
  DemandeCreeeOutput,
  DemandeParams,
  DemandeRendezVousInput,
  DemandesOutput,
  DemandesQuery,
  DEFINITION_ENTONNOIR,
  EntonnoirOutput,
  DisponibilitesInput,
  InvitationRendezVousInput,
  PlanificationInput,
  PresenceAcheteurOutput,
  presentAgenda,
  presentDemandeRendezVous,
  SalonIdParams,
} from "@achat-public/contracts";
import { z } from "zod";
import { readOnly } from "../context";
import { sendFile } from "../platform/files";
import { defineRoutes, unauthenticated } from "../platform/routes";
import { urlPublique } from "../portail/portail.service";
import { agendaIcs, agendaPdf, planDesTablesPdf } from "./agenda";
import { solveurHighs } from "./solveur-highs";

const ID = "00000000-0000-4000-8000-000000000000";
const LIGNE = "00000000-0000-4000-8000-000000000001";

/**
 * The meetings of a fair: attending buyers and their availability, requests and invitations about lines of the
 * published programme, the schedule (optimal scheduler on the fair's data), its confirmation with the agendas
 * mailed, and each side's agenda as a page, a PDF and an iCalendar file. See docs/salon.md.
 */
export const rendezVousRoutes = defineRoutes("Salon de l'achat public", (r, ctx) => {
  r.read({
    method: "GET",
    url: "/api/salons/entonnoir",
    access: "pilotage.read",
    summary: "Ce qu'ont donné les salons tenus : rendez-vous tenus → offres → attributions, par taille, localité et famille",
    response: EntonnoirOutput,
    handler: async ({ uow, actor }) => ({ definition: DEFINITION_ENTONNOIR, salons: await entonnoirDesSalons(uow, actor) }),
  });

  r.read({
    method: "GET",
    url: "/api/salons/:salonId/acheteurs",
    access: "salon.read",
    summary: "Les acheteurs présents au salon : direction, table, créneaux où ils reçoivent",
    params: SalonIdParams,
    response: AcheteursSalonOutput,
    example: { params: { salonId: ID } },
    handler: async ({ uow, actor, params }) => ({
      acheteurs: (await acheteursDuSalon(uow, actor, params.salonId)).map(presentAcheteurSalon),
    }),
  });

  r.write({
    method: "PUT",
    url: "/api/salons/:salonId/acheteurs/:utilisateurId",
    access: "salon.rencontrer",
    summary:
      "Les disponibilités d'un acheteur au salon et ses familles d'achat (l'organisateur pour tous, un acheteur pour lui-même ; vide : il ne vient plus)",
    params: AcheteurSalonParams,
    body: DisponibilitesInput,
    response: PresenceAcheteurOutput,
    example: { params: { salonId: ID, utilisateurId: ID }, body: { disponibilites: ["09h00", "09h20"], familles: ["F-INFO-01"] } },
    handler: async ({ uow, actor, params, body }) => definirPresenceAcheteur(uow, actor, params.salonId, params.utilisateurId, body),
  });

  r.write({
    method: "PUT",
    url: "/api/salons/:salonId/mon-inscription/disponibilites",
    access: "salon.inscrire",
    summary: "Les créneaux où son entreprise inscrite est disponible pour des rendez-vous (null : toute la journée)",
    description: "Le planning ne place les rendez-vous de l'entreprise que sur ces créneaux ; un créneau inconnu est nommé.",
    params: SalonIdParams,
    body: DisponibilitesEntrepriseInput,
    response: DisponibilitesEntrepriseOutput,
    example: { params: { salonId: ID }, body: { disponibilites: ["09h00", "09h20"] } },
    handler: async ({ uow, actor, params, body }) => definirDisponibilitesEntreprise(uow, actor, params.salonId, body),
  });

  r.read({
    method: "GET",
    url: "/api/salons/:salonId/ma-satisfaction",
    access: "salon.read",
    summary: "Sa réponse au questionnaire de satisfaction du salon (entreprise présente ou acheteur présent), et s'il est ouvert",
    params: SalonIdParams,
    response: MaSatisfactionOutput,
    example: { params: { salonId: ID } },
    handler: async ({ uow, actor, params }) => presentMaSatisfaction(await maSatisfaction(uow, actor, params.salonId)),
  });

  r.write({
    method: "PUT",
    url: "/api/salons/:salonId/ma-satisfaction",
    access: "salon.read",
    summary: "Répondre au questionnaire de satisfaction du salon tenu, ou modifier sa réponse jusqu'à la clôture",
    description:
      "Une réponse par entreprise pointée présente (un membre de son compte) et par acheteur qui tenait une table. Avant que le salon " +
      "ait eu lieu : 409 SURVEY_NOT_OPEN ; après la clôture : 409 SURVEY_CLOSED ; un non-participant : 409 NOT_ATTENDED.",
    params: SalonIdParams,
    body: SatisfactionInput,
    response: ReponseSatisfactionOutput,
    example: { params: { salonId: ID }, body: { satisfaction: 4, utilite: 5, reviendrait: true, commentaire: null } },
    handler: async ({ uow, actor, params, body }) => repondreSatisfaction(uow, actor, params.salonId, body),
  });

  r.read({
    method: "GET",
    url: "/api/salons/:salonId/satisfaction",
    access: "salon.bilan",
    summary: "Les résultats du questionnaire de satisfaction : réponses, taux, moyennes et répartitions par côté, sans leurs auteurs",
    params: SalonIdParams,
    response: BilanSatisfactionOutput,
    example: { params: { salonId: ID } },
    handler: async ({ uow, actor, params }) => presentBilanSatisfaction(await bilanSatisfaction(uow, actor, params.salonId)),
  });

  r.read({
    method: "GET",
    url: "/api/salons/:salonId/demandes",
    access: "salon.read",
    summary: "Les demandes de rendez-vous : celles de son entreprise, celles adressées à l'acheteur, ou toutes (organisateur, toutes=oui)",
    params: SalonIdParams,
    query: DemandesQuery,
    response: DemandesOutput,
    example: { params: { salonId: ID } },
    handler: async ({ uow, actor, params, query }) => ({
      demandes: (await demandesDuSalon(uow, actor, params.salonId, query.toutes === "oui")).map(presentDemandeRendezVous),
    }),
  });

  r.write({
    method: "POST",
    url: "/api/salons/:salonId/demandes",
    access: "salon.inscrire",
    status: 201,
    summary: "Demander un rendez-vous à un acheteur présent, au sujet de lignes publiées de la programmation",
    params: SalonIdParams,
    body: DemandeRendezVousInput,
    response: DemandeCreeeOutput,
    example: { params: { salonId: ID }, body: { acheteurId: ID, lignes: [LIGNE], priorite: 1 } },
    handler: async ({ uow, actor, params, body }) => {
      const d = await demanderRendezVous(uow, actor, params.salonId, body);
      return { id: d.id, statut: "demandee" as const };
    },
  });

  r.write({
    method: "POST",
    url: "/api/salons/:salonId/invitations",
    access: "salon.rencontrer",
    status: 201,
    summary: "Inviter une entreprise admise au salon à un rendez-vous (un acheteur présent)",
    params: SalonIdParams,
    body: InvitationRendezVousInput,
    response: DemandeCreeeOutput,
    example: { params: { salonId: ID }, body: { entrepriseId: ID, lignes: [LIGNE], priorite: 2 } },
    handler: async ({ uow, actor, params, body }) => {
      const d = await inviterEntreprise(uow, actor, params.salonId, body);
      return { id: d.id, statut: "demandee" as const };
    },
  });

  r.write({
    method: "POST",
    url: "/api/salons/:salonId/demandes/:id/declin",
    access: "salon.read",
    status: 204,
    summary: "Décliner une demande de rendez-vous (l'entreprise la sienne, l'acheteur celles qui lui sont adressées)",
    params: DemandeParams,
    response: z.null(),
    example: { params: { salonId: ID, id: ID } },
    handler: async ({ uow, actor, params }) => {
      await declinerDemande(uow, actor, params.salonId, params.id);
      return null;
    },
  });

  r.write({
    method: "POST",
    url: "/api/salons/:salonId/planning",
    access: "salon.manage",
    summary: "Calculer le planning des rendez-vous (ou le refaire sans déplacer les rendez-vous confirmés)",
    params: SalonIdParams,
    body: PlanificationInput,
    response: BilanPlanningOutput,
    example: { params: { salonId: ID }, body: {} },
    handler: async ({ uow, actor, params, body }) => planifierRendezVous(uow, actor, params.salonId, solveurHighs, body),
  });

  r.read({
    method: "GET",
    url: "/api/salons/:salonId/planning",
    access: "salon.manage",
    summary: "Le planning complet du salon (plan des tables)",
    params: SalonIdParams,
    response: AgendaOutput,
    example: { params: { salonId: ID } },
    handler: async ({ uow, actor, params }) => presentAgenda(await planDuSalon(uow, actor, params.salonId)),
  });

  r.write({
    method: "POST",
    url: "/api/salons/:salonId/planning/confirmation",
    access: "salon.manage",
    summary: "Confirmer le planning et envoyer à chaque entreprise et à chaque acheteur son agenda (page, PDF, calendrier)",
    params: SalonIdParams,
    response: ConfirmationOutput,
    example: { params: { salonId: ID } },
    handler: async ({ uow, actor, params }) => {
      const base = `${urlPublique(ctx)}`;
      return confirmerPlanning(uow, actor, params.salonId, () => ({
        page: `${base}/salons/rendez-vous/${params.salonId}`,
        pdf: `${base}/api/salons/${params.salonId}/mon-agenda.pdf`,
        ics: `${base}/api/salons/${params.salonId}/mon-agenda.ics`,
      }));
    },
  });

  r.read({
    method: "GET",
    url: "/api/salons/:salonId/mon-agenda",
    access: "salon.read",
    summary: "Son agenda au salon : les rendez-vous de son entreprise, ou ceux de l'acheteur",
    params: SalonIdParams,
    response: AgendaOutput,
    example: { params: { salonId: ID } },
    handler: async ({ uow, actor, params }) => presentAgenda(await monAgenda(uow, actor, params.salonId)),
  });

  const fichier = (format: "ics" | "pdf") =>
    r.raw({
      url: `/api/salons/:salonId/mon-agenda.${format}`,
      access: "salon.read",
      summary: format === "ics" ? "Son agenda au salon, au format iCalendar" : "Son agenda au salon, à imprimer (PDF)",
      handler: async ({ request, reply, session }) => {
        if (!session) throw unauthenticated();
        const { salonId } = SalonIdParams.parse(request.params);
        const agenda = await monAgenda(readOnly(ctx), session.actor, salonId);
        const nom = `agenda-${agenda.salon.nom}`;
        if (format === "ics")
          return sendFile(reply, Buffer.from(agendaIcs(agenda, urlPublique(ctx), ctx.config.organisation.name)), `${nom}.ics`, "ics");
        return sendFile(
          reply,
          await agendaPdf(agenda, session.actor.kind === "user" && session.actor.role === "entreprise"),
          `${nom}.pdf`,
          "pdf",
        );
      },
    });
  fichier("ics");
  fichier("pdf");

  r.raw({
    url: "/api/salons/:salonId/plan-des-tables.pdf",
    access: "salon.manage",
    summary: "Le plan des tables du salon sur une page (PDF) : chaque table, son acheteur et ses rendez-vous",
    handler: async ({ request, reply, session }) => {
      if (!session) throw unauthenticated();
      const { salonId } = SalonIdParams.parse(request.params);
      const plan = await planDuSalon(readOnly(ctx), session.actor, salonId);
      const acheteurs = await acheteursDuSalon(readOnly(ctx), session.actor, salonId);
      return sendFile(reply, await planDesTablesPdf(plan, acheteurs), `plan-des-tables-${plan.salon.nom}.pdf`, "pdf");
    },
  });
});
