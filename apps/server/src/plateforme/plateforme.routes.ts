import { z } from "zod";
import { DomainError } from "@achat-public/domain";
import {
  bornes,
  page,
  Courriel,
  CourrielEssaiInput,
  CourrielsPage,
  CourrielsQuery,
  IdParams,
  presentCourriel,
  TachesPage,
  TachesQuery,
} from "@achat-public/contracts";
import { getCourriel, listCourriels } from "@achat-public/db";
import { unitOfWork } from "../context";
import { defineRoutes } from "../platform/routes";
import { sendTestMail } from "./plateforme.courriels";

export const plateformeRoutes = defineRoutes("Plateforme", (r, ctx) => {
  r.read({
    method: "GET",
    url: "/api/courriels",
    access: "plateforme.manage",
    summary: "Courriels de la plateforme, du plus récent au plus ancien",
    description: "Sans serveur d'envoi (SMTP_URL), les courriels sont conservés ici : c'est ainsi que la démonstration les montre.",
    query: CourrielsQuery,
    response: CourrielsPage,
    handler: async ({ actor, query }) => {
      const { total, courriels } = await listCourriels(ctx.database.db, {
        organisationId: actor.organisationId,
        ...(query.statut ? { statut: query.statut } : {}),
        ...bornes(query),
      });
      // the list shows no body: `presentCourriel` then drops the (empty) text fields
      const resumes = courriels.map((row) => {
        const { texte: _texte, html: _html, ...resume } = presentCourriel({ ...row, texte: "", html: null });
        return resume;
      });
      return { ...page(query, total, "courriels", resumes), envoiConfigure: ctx.config.mail.smtpUrl !== null };
    },
  });

  r.read({
    method: "GET",
    url: "/api/courriels/:id",
    access: "plateforme.manage",
    summary: "Un courriel, avec son texte",
    params: IdParams,
    response: Courriel,
    handler: async ({ actor, params }) => {
      const row = await getCourriel(ctx.database.db, actor.organisationId, params.id);
      if (!row) throw new DomainError("NOT_FOUND", "Courriel introuvable.", "not-found");
      return presentCourriel(row);
    },
  });

  r.write({
    method: "POST",
    url: "/api/courriels/essai",
    access: "plateforme.manage",
    summary: "Envoyer un courriel d'essai (vérifie la configuration d'envoi)",
    body: CourrielEssaiInput,
    response: z.object({ id: z.string() }),
    status: 202,
    example: { body: { destinataire: "essai@exemple.fr" } },
    handler: async ({ actor, uow, body }) => ({ id: await sendTestMail(ctx, uow, actor, body.destinataire) }),
  });

  r.read({
    method: "GET",
    url: "/api/taches/en-echec",
    access: "plateforme.manage",
    summary: "Tâches de fond en échec après toutes leurs tentatives (file des lettres mortes)",
    query: TachesQuery,
    response: TachesPage,
    handler: async ({ query }) => {
      const { total, taches } = await ctx.jobs.failed(query.parPage, (query.page - 1) * query.parPage);
      return page(
        query,
        total,
        "taches",
        taches.map((t) => ({ id: t.id, tache: t.job, donnees: t.payload, erreur: t.erreur, echoueLe: t.echoueLe.toISOString() })),
      );
    },
  });

  r.read({
    method: "POST",
    url: "/api/taches/en-echec/:id/relance",
    access: "plateforme.manage",
    summary: "Relancer une tâche en échec",
    params: IdParams,
    response: z.null(),
    status: 204,
    handler: async ({ actor, params, request }) => {
      const retried = await ctx.jobs.retryFailed(params.id);
      if (!retried) throw new DomainError("NOT_FOUND", "Tâche en échec introuvable (déjà relancée ?).", "not-found");
      await unitOfWork(
        ctx,
        (uow) =>
          uow.audit.append(actor, { type: "job.retried", aggregateType: "job", aggregateId: params.id, payload: { tache: retried.job } }),
        request.id,
      );
      return null;
    },
  });
});
