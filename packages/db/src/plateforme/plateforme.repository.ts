import { and, count, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Clock, IdGenerator, NouveauCourriel } from "@achat-public/domain";
import type { Executor } from "../client";
import { courriels, imports } from "./plateforme.schema";

export type CourrielRow = typeof courriels.$inferSelect;
export type StatutCourriel = "en-attente" | "envoye" | "conserve" | "echec";

/** The mail table: writes in the caller's transaction, reads for the sender job and the admin page. */
export function courrielRepository(db: Executor, context: { clock: Clock; ids: IdGenerator }) {
  return {
    async insert(courriel: NouveauCourriel): Promise<string> {
      const id = context.ids.newId();
      await db.insert(courriels).values({
        id,
        organisationId: courriel.organisationId,
        destinataires: courriel.destinataires,
        sujet: courriel.sujet,
        texte: courriel.texte,
        html: courriel.html ?? null,
        categorie: courriel.categorie,
        statut: "en-attente",
        createdAt: context.clock.now(),
      });
      return id;
    },
    async get(id: string): Promise<CourrielRow | null> {
      const [row] = await db.select().from(courriels).where(eq(courriels.id, id));
      return row ?? null;
    },
    async markAttempt(id: string, statut: StatutCourriel, erreur: string | null): Promise<void> {
      await db
        .update(courriels)
        .set({
          statut,
          tentatives: sql`${courriels.tentatives} + 1`,
          derniereErreur: erreur,
          ...(statut === "envoye" || statut === "conserve" ? { envoyeLe: context.clock.now() } : {}),
        })
        .where(eq(courriels.id, id));
    },
  };
}

/** The « Courriels » page: newest first, the organisation's mails and the platform's. */
export async function listCourriels(
  db: Executor,
  filter: { organisationId: string; statut?: StatutCourriel; limit: number; offset: number },
): Promise<{ total: number; courriels: CourrielRow[] }> {
  const where = and(
    or(eq(courriels.organisationId, filter.organisationId), isNull(courriels.organisationId)),
    filter.statut ? eq(courriels.statut, filter.statut) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(courriels).where(where);
  const rows = await db
    .select()
    .from(courriels)
    .where(where)
    .orderBy(desc(courriels.createdAt), desc(courriels.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return { total: total?.n ?? 0, courriels: rows };
}

export async function getCourriel(db: Executor, organisationId: string, id: string): Promise<CourrielRow | null> {
  const [row] = await db
    .select()
    .from(courriels)
    .where(and(eq(courriels.id, id), or(eq(courriels.organisationId, organisationId), isNull(courriels.organisationId))));
  return row ?? null;
}

export type ImportRow = typeof imports.$inferSelect;
export type StatutImportRow = "en-analyse" | "analyse" | "en-ecriture" | "termine" | "echec";

/** The imports table: one row per uploaded file. */
export function importRepository(db: Executor, clock: Clock) {
  return {
    async insert(row: Omit<ImportRow, "createdAt" | "updatedAt" | "progression" | "rapport" | "erreur">): Promise<void> {
      const now = clock.now();
      await db.insert(imports).values({ ...row, progression: 0, rapport: null, erreur: null, createdAt: now, updatedAt: now });
    },
    async get(id: string, organisationId: string): Promise<ImportRow | null> {
      const [row] = await db
        .select()
        .from(imports)
        .where(and(eq(imports.id, id), eq(imports.organisationId, organisationId)));
      return row ?? null;
    },
    async getById(id: string): Promise<ImportRow | null> {
      const [row] = await db.select().from(imports).where(eq(imports.id, id));
      return row ?? null;
    },
    /** Moves to a new status (only from `from`, so that two confirmations cannot both start a write). */
    async transition(
      id: string,
      from: StatutImportRow[],
      to: Partial<Omit<ImportRow, "id">> & { statut: StatutImportRow },
    ): Promise<boolean> {
      const updated = await db
        .update(imports)
        .set({ ...to, updatedAt: clock.now() })
        .where(and(eq(imports.id, id), inArray(imports.statut, from)))
        .returning({ id: imports.id });
      return updated.length === 1;
    },
    async progress(id: string, perMille: number, etape: string): Promise<void> {
      await db
        .update(imports)
        .set({ progression: Math.max(0, Math.min(1000, Math.round(perMille))), etape, updatedAt: clock.now() })
        .where(eq(imports.id, id));
    },
  };
}
