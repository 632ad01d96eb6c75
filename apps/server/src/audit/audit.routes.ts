import {
  bornes,
  page,
  libelleEvenement,
  AuditPage,
  AuditQuery,
  AuditVerification,
  LIBELLES_SECURITE,
  SecuritePage,
  SecuriteQuery,
} from "@achat-public/contracts";
import { listAuditEvents, listAuditEventTypes, listSecurityEvents } from "@achat-public/db";
import { defineRoutes } from "../platform/routes";
import { verifyAudit } from "./checkpoints";

/** Paris calendar day → the UTC instant of its midnight (the pages filter by local days). */
export function parisMidnight(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  const parisHour = Number(
    new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "numeric", hourCycle: "h23" })
      .formatToParts(utcMidnight)
      .find((part) => part.type === "hour")?.value ?? 0,
  );
  return new Date(utcMidnight.getTime() - parisHour * 3_600_000);
}

export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export const auditRoutes = defineRoutes("Audit", (r) => {
  r.read({
    method: "GET",
    url: "/api/audit/evenements",
    access: "audit.read",
    summary: "Journal d'audit de l'organisation, du plus récent au plus ancien",
    description: "Les événements de l'organisation de l'utilisateur, et ceux de la plateforme (données de référence).",
    query: AuditQuery,
    response: AuditPage,
    handler: async ({ actor, ctx, query: q }) => {
      const db = ctx.database.db;
      const { total, events } = await listAuditEvents(db, {
        organisationId: actor.organisationId,
        ...(q.type ? { type: q.type } : {}),
        ...(q.agregatId ? { aggregateId: q.agregatId } : {}),
        ...(q.acteur ? { actor: q.acteur } : {}),
        ...(q.du ? { from: parisMidnight(q.du) } : {}),
        ...(q.au ? { to: parisMidnight(nextDay(q.au)) } : {}),
        ...bornes(q),
      });
      const evenementsApi = events.map((e) => ({
        seq: e.seq,
        id: e.id,
        date: e.occurredAt.toISOString(),
        acteur: e.actorLabel,
        acteurId: e.actorId,
        type: e.type,
        libelle: libelleEvenement(e.type),
        agregatType: e.aggregateType,
        agregatId: e.aggregateId,
        donnees: e.payload,
        requestId: e.requestId,
        empreinte: e.hash,
      }));
      return {
        ...page(q, total, "evenements", evenementsApi),
        types: (await listAuditEventTypes(db, actor.organisationId)).map((type) => ({ type, libelle: libelleEvenement(type) })),
      };
    },
  });

  r.read({
    method: "GET",
    url: "/api/audit/verification",
    access: "audit.read",
    summary: "Vérifier la chaîne d'empreintes du journal et son dernier point d'ancrage signé",
    response: AuditVerification,
    handler: async ({ ctx }) => {
      const report = await verifyAudit(ctx);
      return {
        ok: report.problem === null,
        evenementsVerifies: report.chain.checked,
        premiereRupture: report.problem
          ? {
              seq: report.problem.seq,
              id: report.problem.id,
              raison: report.problem.reason as "hash-mismatch",
              attendu: report.problem.expected,
              trouve: report.problem.found,
            }
          : null,
        dernierAncrage: report.checkpoint
          ? { seq: report.checkpoint.seq, date: report.checkpoint.at, verifie: report.checkpoint.verified }
          : null,
      };
    },
  });

  r.read({
    method: "GET",
    url: "/api/securite/evenements",
    access: "audit.read",
    summary: "Événements de sécurité : connexions refusées ou bloquées, accès refusés, requêtes falsifiées",
    description: "Qui, d'où, quoi ; conservés pendant SECURITY_EVENTS_RETENTION_DAYS jours (365 par défaut), puis effacés chaque nuit.",
    query: SecuriteQuery,
    response: SecuritePage,
    handler: async ({ actor, ctx, query: q }) => {
      const { total, events } = await listSecurityEvents(ctx.database.db, {
        organisationId: actor.organisationId,
        ...(q.type ? { type: q.type } : {}),
        ...(q.du ? { from: parisMidnight(q.du) } : {}),
        ...(q.au ? { to: parisMidnight(nextDay(q.au)) } : {}),
        ...bornes(q),
      });
      const evenementsApi = events.map((e) => ({
        seq: e.seq,
        date: e.occurredAt.toISOString(),
        type: e.type,
        libelle: LIBELLES_SECURITE[e.type] ?? e.type,
        acteur: e.actorLabel,
        adresse: e.clientAddress,
        route: e.route,
        details: (e.details ?? {}) as Record<string, unknown>,
      }));
      return {
        ...page(q, total, "evenements", evenementsApi),
        conservationJours: ctx.config.securityEventsRetentionDays,
      };
    },
  });
});
