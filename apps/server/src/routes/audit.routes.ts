import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { assertCan } from "@achat-public/domain";
import { AuditPage, AuditQuery, AuditVerification, Problem } from "@achat-public/contracts";
import { listAuditEvents, listAuditEventTypes, verifyAuditChain } from "@achat-public/db";
import type { AppContext } from "../context";
import { requireActor } from "../http/security";

const tags = ["Audit"];

/** Paris calendar day → the UTC instant of its midnight (the audit page filters by local days). */
function parisMidnight(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  const parisHour = Number(
    new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "numeric", hourCycle: "h23" })
      .formatToParts(utcMidnight)
      .find((part) => part.type === "hour")!.value,
  );
  return new Date(utcMidnight.getTime() - parisHour * 3_600_000);
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/audit/evenements",
      {
        schema: {
          tags,
          summary: "Journal d'audit, du plus récent au plus ancien",
          querystring: AuditQuery,
          response: { 200: AuditPage, 400: Problem, 401: Problem, 403: Problem },
        },
      },
      async (request) => {
        assertCan(requireActor(request), "audit.read");
        const q = request.query;
        const { total, events } = await listAuditEvents(ctx.database.db, {
          ...(q.type ? { type: q.type } : {}),
          ...(q.agregatId ? { aggregateId: q.agregatId } : {}),
          ...(q.acteur ? { actor: q.acteur } : {}),
          ...(q.du ? { from: parisMidnight(q.du) } : {}),
          ...(q.au ? { to: parisMidnight(nextDay(q.au)) } : {}),
          limit: q.parPage,
          offset: (q.page - 1) * q.parPage,
        });
        return {
          total,
          page: q.page,
          parPage: q.parPage,
          types: await listAuditEventTypes(ctx.database.db),
          evenements: events.map((e) => ({
            seq: e.seq,
            id: e.id,
            date: e.occurredAt.toISOString(),
            acteur: e.actorLabel,
            acteurId: e.actorId,
            type: e.type,
            agregatType: e.aggregateType,
            agregatId: e.aggregateId,
            donnees: e.payload,
            requestId: e.requestId,
            empreinte: e.hash,
          })),
        };
      },
    );

    app.get(
      "/api/audit/verification",
      {
        schema: {
          tags,
          summary: "Vérifier la chaîne d'empreintes du journal",
          response: { 200: AuditVerification, 401: Problem, 403: Problem },
        },
      },
      async (request) => {
        assertCan(requireActor(request), "audit.read");
        const report = await verifyAuditChain(ctx.database.db);
        return {
          ok: report.ok,
          evenementsVerifies: report.checked,
          premiereRupture: report.firstBreak
            ? {
                seq: report.firstBreak.seq,
                id: report.firstBreak.id,
                raison: report.firstBreak.reason,
                attendu: report.firstBreak.expected,
                trouve: report.firstBreak.found,
              }
            : null,
        };
      },
    );
  };
