import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AuditLog, Outbox } from "@achat-public/domain";
import { listesPubliquesRepository } from "@achat-public/db";
import { unitOfWork, type AppContext } from "../context";
import { aujourdhuiParis } from "../marches/aujourdhui";
import { defineJob } from "../platform/jobs/jobs";

/**
 * Cacheable public JSON lists (issue #12). Each list has a version counter in the database
 * (`listes_publiques_versions`). A write that changes what a list shows writes, in its own transaction, the
 * outbox job `listes-publiques.invalider` (the audit event it appends says what it changed: see
 * `listesTouchees`); the job bumps the version once the change is committed. Every instance keeps the rendered
 * bodies in memory, keyed by address, version and Paris day (an open consultation leaves the list when its
 * deadline passes); the versions are read again at most once a second (one indexed query, shared by the requests
 * that arrive while it runs), so an instance serves a body at most a second older than the committed version, even
 * when several instances share PostgreSQL. Hit: no SQL, no validation, no serialisation. `ETag` on every answer, `304` on
 * `If-None-Match`.
 */

export const INVALIDER_LISTES_PUBLIQUES = "listes-publiques.invalider";
export const LISTES_PUBLIQUES = ["consultations", "programme", "accueil"] as const;
export type ListePublique = (typeof LISTES_PUBLIQUES)[number];

/** The cached routes (GET), and the list each one reads. */
export const ROUTES_LISTES_PUBLIQUES: Readonly<Record<string, ListePublique>> = {
  "/api/public/consultations": "consultations",
  "/api/public/programme": "programme",
  "/api/public/programme/filtres": "programme",
  "/api/public/entreprises/accueil": "accueil",
};

/** Browsers and proxies may reuse an answer this long, then revalidate (304 when unchanged). */
export const CACHE_CONTROL_LISTES = "public, max-age=30, must-revalidate";
/**
 * How long an instance trusts the versions it read: a cache hit costs no SQL at all, and a change is served at
 * most this long (plus the job's run) after its commit, on every instance. Measured: one query per request costs
 * more than the whole answer on PGlite under load (docs/portail.md).
 */
export const VERSIONS_RELUES_MS = 1_000;
/** Bodies kept per instance (addresses with their query string: a bounded map, oldest out first). */
const ENTREES_MAX = 500;

/**
 * The changes that alter the companies' home (`accueil`) besides consultations and programme: what is bought (the
 * contracts whose data are published: their creation, change, closing, amendment and the DECP publication) and the
 * next fair's announcement. Invoices, orders and registrations do not show there.
 */
const ACCUEIL = new Set([
  "marche.created",
  "marche.updated",
  "marche.closed",
  "marche.modification-added",
  "marches.imported",
  "decp.published",
  "salon.created",
  "salon.updated",
]);

/** Which public lists an audit event's type says were changed. */
export function listesTouchees(type: string): ListePublique[] {
  if (type.startsWith("procedure.") && type !== "procedure.offre-saisie" && type !== "procedure.offre-retiree")
    return ["consultations", "accueil"];
  if (type.startsWith("ligne-programme.") || type.startsWith("lignes-programme.") || type.startsWith("famille-achat."))
    return ["programme", "accueil"];
  if (type.startsWith("direction.")) return ["consultations", "programme", "accueil"];
  if (ACCUEIL.has(type)) return ["accueil"];
  return [];
}

/**
 * The audit log of a unit of work, which also writes the invalidation job of the public lists its events change
 * (same transaction: no job if it rolls back; once per list and transaction).
 */
export function auditAvecListesPubliques(audit: AuditLog, outbox: Outbox): AuditLog {
  const ecrites = new Set<ListePublique>();
  return {
    ...audit,
    async append(actor, event) {
      await audit.append(actor, event);
      for (const liste of listesTouchees(event.type)) {
        if (ecrites.has(liste)) continue;
        ecrites.add(liste);
        await outbox.enqueue(INVALIDER_LISTES_PUBLIQUES, { liste });
      }
    },
  };
}

export const invaliderListesPubliquesJob = defineJob({
  name: INVALIDER_LISTES_PUBLIQUES,
  payload: z.object({ liste: z.enum(LISTES_PUBLIQUES) }),
  handler: async ({ liste }, { ctx }) => {
    await unitOfWork(ctx, (uow) => uow.listesPubliques.incrementer(liste));
  },
});

interface Entree {
  version: number;
  jour: string;
  etag: string;
  corps: string;
  type: string;
}

interface EnCours {
  cle: string;
  liste: ListePublique;
  version: number;
  jour: string;
}

declare module "fastify" {
  interface FastifyRequest {
    listePublique?: EnCours;
  }
}

function correspond(request: FastifyRequest, etag: string): boolean {
  const attendu = request.headers["if-none-match"];
  return typeof attendu === "string" && attendu.split(",").some((t) => t.trim() === etag || t.trim() === `W/${etag}` || t.trim() === "*");
}

/** The in-process cache of one instance, and its hooks on the cached routes. */
export function registerListesPubliques(app: FastifyInstance, ctx: AppContext): void {
  const versionsRepo = listesPubliquesRepository(ctx.database.db);
  const entrees = new Map<string, Entree>();
  let lecture: Promise<Map<string, number>> | null = null;
  let lue: { debut: number; versions: Map<string, number> } | null = null;
  const versions = async (): Promise<Map<string, number>> => {
    if (lue && Date.now() - lue.debut < VERSIONS_RELUES_MS) return lue.versions;
    // the requests that arrive while a read runs share it (one query, whatever the number of connections)
    const debut = Date.now();
    lecture ??= versionsRepo
      .versions(LISTES_PUBLIQUES)
      .then((v) => {
        lue = { debut, versions: v };
        return v;
      })
      .finally(() => {
        lecture = null;
      });
    return lecture;
  };

  // the Paris day, computed at most once a second (an Intl formatter per request costs more than the cached answer)
  let jourCalcule = { a: 0, jour: "" };
  const jourCourant = (): string => {
    const maintenant = ctx.clock.now();
    if (maintenant.getTime() - jourCalcule.a >= 1_000) jourCalcule = { a: maintenant.getTime(), jour: aujourdhuiParis(maintenant) };
    return jourCalcule.jour;
  };

  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== "GET") return;
    const liste = ROUTES_LISTES_PUBLIQUES[request.routeOptions.url ?? ""];
    if (!liste) return;
    const version = (await versions()).get(liste) ?? 1;
    const jour = jourCourant();
    const cle = request.url;
    request.listePublique = { cle, liste, version, jour };
    const entree = entrees.get(cle);
    if (!entree || entree.version !== version || entree.jour !== jour) return;
    reply.header("ETag", entree.etag).header("Cache-Control", CACHE_CONTROL_LISTES);
    if (correspond(request, entree.etag)) return reply.code(304).send();
    return reply.type(entree.type).send(entree.corps);
  });

  app.addHook("onSend", async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const enCours = request.listePublique;
    if (!enCours || reply.statusCode !== 200 || typeof payload !== "string" || reply.hasHeader("ETag")) return payload;
    const etag = `"${enCours.liste}-${enCours.version}-${createHash("sha256").update(payload).digest("base64url").slice(0, 22)}"`;
    entrees.delete(enCours.cle);
    entrees.set(enCours.cle, {
      version: enCours.version,
      jour: enCours.jour,
      etag,
      corps: payload,
      type: String(reply.getHeader("content-type") ?? "application/json; charset=utf-8"),
    });
    if (entrees.size > ENTREES_MAX) entrees.delete(entrees.keys().next().value as string);
    reply.header("ETag", etag).header("Cache-Control", CACHE_CONTROL_LISTES);
    if (correspond(request, etag)) {
      reply.code(304);
      return "";
    }
    return payload;
  });
}
