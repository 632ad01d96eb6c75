import {
  annulerInscription,
  creerSalon,
  inscrireAuSalon,
  lireSalon,
  listerInscriptions,
  listerSalons,
  modifierSalon,
  monInscription,
  pointerPresence,
} from "@achat-public/domain/salon";
import {
  IdParams,
  InscriptionParams,
  InscriptionSalonInput,
  InscriptionsPage,
  InscriptionsQuery,
  messageInscription,
  MonInscriptionOutput,
  page,
  PresenceInput,
  presentInscription,
  presentSalon,
  SalonIdParams,
  SalonInput,
  SalonOutput,
  SalonsOutput,
  SalonUpdate,
} from "@achat-public/contracts";
import { z } from "zod";
import { unitOfWork } from "../context";
import { defineRoutes } from "../platform/routes";

const EXEMPLE_SALON = {
  nom: "Salon de l'achat public 2027",
  date: "2027-06-10",
  lieu: "Hôtel du Département, Créteil",
  heureOuverture: "09:00",
  heureFermeture: "17:00",
  dureeCreneauMinutes: 20,
  pauses: [{ debut: "12:20", fin: "13:40" }],
  tables: 40,
  capaciteEntreprises: 300,
  personnesParEntreprise: 2,
  statut: "ouvert" as const,
};
const ID = "00000000-0000-4000-8000-000000000000";

const presentMonInscription = (r: Awaited<ReturnType<typeof monInscription>>) => ({
  inscription: r
    ? {
        id: r.inscription.id,
        statut: r.inscription.statut,
        personnes: r.inscription.personnes,
        inscritLe: r.inscription.inscritLe.toISOString(),
        positionAttente: r.positionAttente,
        disponibilites: r.inscription.disponibilites ?? null,
        message: messageInscription(r.inscription.statut, r.positionAttente),
      }
    : null,
});

/**
 * Registrations and cancellations of one fair wait their turn in this process (at most `EN_MEME_TEMPS` per fair)
 * before opening their transaction: under a rush, the waiters queue in memory instead of each holding a pooled
 * connection while blocked on the fair's row lock (which starved the pool: 282 of 500 requests timed out waiting
 * for a connection). The row lock stays the guarantee across server instances; this queue only spares the pool,
 * and lets a few registrations do their reads while another holds the lock.
 */
const EN_MEME_TEMPS = 3;
const files = new Map<string, { actifs: number; attente: (() => void)[] }>();
async function aSonTour<T>(salonId: string, fn: () => Promise<T>): Promise<T> {
  let file = files.get(salonId);
  if (!file) {
    file = { actifs: 0, attente: [] };
    files.set(salonId, file);
  }
  const f = file;
  if (f.actifs >= EN_MEME_TEMPS) await new Promise<void>((resolve) => f.attente.push(resolve));
  else f.actifs++;
  try {
    return await fn();
  } finally {
    const suivant = f.attente.shift();
    if (suivant) suivant();
    else if (--f.actifs === 0) files.delete(salonId);
  }
}

export const salonRoutes = defineRoutes("Salon de l'achat public", (r, ctx) => {
  r.read({
    method: "GET",
    url: "/api/salons",
    access: "salon.read",
    summary: "Les salons de l'achat public, le plus récent d'abord",
    response: SalonsOutput,
    handler: async ({ uow, actor }) => ({ salons: (await listerSalons(uow, actor)).map(presentSalon) }),
  });

  r.read({
    method: "GET",
    url: "/api/salons/:id",
    access: "salon.read",
    summary: "Un salon : date, lieu, horaires, créneaux, capacités",
    params: IdParams,
    response: SalonOutput,
    example: { params: { id: ID } },
    handler: async ({ uow, actor, params }) => presentSalon(await lireSalon(uow, actor, params.id)),
  });

  r.write({
    method: "POST",
    url: "/api/salons",
    access: "salon.manage",
    status: 201,
    summary: "Créer un salon (organisateur)",
    body: SalonInput,
    response: SalonOutput,
    example: { body: EXEMPLE_SALON },
    handler: async ({ uow, actor, body }) => presentSalon(await creerSalon(uow, actor, actor.organisationId, body)),
  });

  r.write({
    method: "PUT",
    url: "/api/salons/:id",
    access: "salon.manage",
    summary: "Modifier un salon (organisateur) : horaires, créneaux, capacités, ouverture des inscriptions",
    params: IdParams,
    body: SalonUpdate,
    response: SalonOutput,
    example: { params: { id: ID }, body: { ...EXEMPLE_SALON, version: 1 } },
    handler: async ({ uow, actor, params, body }) => presentSalon(await modifierSalon(uow, actor, params.id, body)),
  });

  r.read({
    method: "GET",
    url: "/api/salons/:salonId/mon-inscription",
    access: "salon.inscrire",
    summary: "L'inscription de son entreprise au salon (acceptée, ou position sur la liste d'attente)",
    params: SalonIdParams,
    response: MonInscriptionOutput,
    example: { params: { salonId: ID } },
    handler: async ({ uow, actor, params }) => presentMonInscription(await monInscription(uow, actor, params.salonId)),
  });

  r.read({
    method: "POST",
    url: "/api/salons/:salonId/mon-inscription",
    access: "salon.inscrire",
    status: 201,
    summary: "Inscrire son entreprise au salon",
    description:
      "Acceptée tant qu'il reste des places, sinon en liste d'attente (servie dans l'ordre d'arrivée) ; jamais de surréservation, " +
      "même sous des centaines d'inscriptions simultanées (verrou sur la ligne du salon). Un courriel confirme la réponse.",
    params: SalonIdParams,
    body: InscriptionSalonInput,
    response: MonInscriptionOutput,
    example: { params: { salonId: ID }, body: { personnes: 1 } },
    handler: async ({ actor, params, body, request }) =>
      presentMonInscription(
        await aSonTour(params.salonId, () => unitOfWork(ctx, (uow) => inscrireAuSalon(uow, actor, params.salonId, body), request.id)),
      ),
  });

  r.read({
    method: "DELETE",
    url: "/api/salons/:salonId/mon-inscription",
    access: "salon.inscrire",
    status: 204,
    summary: "Annuler l'inscription de son entreprise (la première entreprise en attente est admise et prévenue)",
    params: SalonIdParams,
    response: z.null(),
    example: { params: { salonId: ID } },
    handler: async ({ actor, params, request }) => {
      await aSonTour(params.salonId, () => unitOfWork(ctx, (uow) => annulerInscription(uow, actor, params.salonId), request.id));
      return null;
    },
  });

  r.read({
    method: "GET",
    url: "/api/salons/:salonId/inscriptions",
    access: "salon.manage",
    summary: "Les entreprises inscrites (admises puis en attente, dans l'ordre d'arrivée)",
    params: SalonIdParams,
    query: InscriptionsQuery,
    response: InscriptionsPage,
    example: { params: { salonId: ID } },
    handler: async ({ uow, actor, params, query }) => {
      const { total, inscriptions } = await listerInscriptions(uow, actor, { salonId: params.salonId, ...query });
      return page(query, total, "inscriptions", inscriptions.map(presentInscription));
    },
  });

  r.write({
    method: "PUT",
    url: "/api/salons/:salonId/inscriptions/:id/presence",
    access: "salon.manage",
    status: 204,
    summary: "Pointer une entreprise à l'entrée : présente ou absente",
    params: InscriptionParams,
    body: PresenceInput,
    response: z.null(),
    example: { params: { salonId: ID, id: ID }, body: { presence: "present" } },
    handler: async ({ uow, actor, params, body }) => {
      await pointerPresence(uow, actor, params.salonId, params.id, body.presence);
      return null;
    },
  });
});
