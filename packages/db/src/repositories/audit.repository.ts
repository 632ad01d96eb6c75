import { createHash } from "node:crypto";
import { and, asc, count, desc, eq, gt, gte, ilike, like, lt, sql, type SQL } from "drizzle-orm";
import {
  AUDIT_GENESIS_HASH,
  auditHashMaterial,
  type Actor,
  type AuditLog,
  type Clock,
  type IdGenerator,
  type NewAuditEvent,
} from "@achat-public/domain";
import { escapeLike, type Executor } from "../client";
import { auditEvents } from "../schema";

const AUDIT_CHAIN_LOCK = 7_294_002_881;

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

type AuditRow = typeof auditEvents.$inferSelect;

/** The hash of a stored event, recomputed from its columns. */
export function hashOf(
  row: Pick<AuditRow, "id" | "occurredAt" | "actorId" | "actorLabel" | "type" | "aggregateType" | "aggregateId" | "payload" | "prevHash">,
): string {
  return sha256Hex(
    auditHashMaterial({
      id: row.id,
      occurredAt: row.occurredAt.toISOString(),
      actorId: row.actorId,
      actorLabel: row.actorLabel,
      type: row.type,
      aggregateType: row.aggregateType,
      aggregateId: row.aggregateId,
      payload: row.payload,
      prevHash: row.prevHash,
    }),
  );
}

/**
 * Appends events to the chain in the caller's transaction. A transaction-scoped advisory lock serialises
 * appends across every instance sharing the database, so each event links to the true previous one.
 */
export function auditLog(db: Executor, context: { clock: Clock; ids: IdGenerator; requestId?: string | null }): AuditLog {
  return {
    async append(actor: Actor, event: NewAuditEvent) {
      await db.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
      const [last] = await db.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
      const row = {
        id: context.ids.newId(),
        // millisecond precision, as stored and as hashed
        occurredAt: new Date(context.clock.now().getTime()),
        actorId: actor.kind === "user" ? actor.userId : null,
        actorLabel: actor.label,
        type: event.type,
        aggregateType: event.aggregateType,
        aggregateId: event.aggregateId,
        // what jsonb gives back, so that the hash recomputed later is the same
        payload: JSON.parse(JSON.stringify(event.payload)) as unknown,
        requestId: context.requestId ?? null,
        prevHash: last?.hash ?? AUDIT_GENESIS_HASH,
      };
      await db.insert(auditEvents).values({ ...row, hash: hashOf(row) });
    },
  };
}

export interface AuditFilter {
  type?: string;
  aggregateId?: string;
  actor?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export type AuditEventView = Omit<AuditRow, "prevHash">;

/** Read model for the audit page: newest first, filtered. */
export async function listAuditEvents(db: Executor, filter: AuditFilter): Promise<{ total: number; events: AuditEventView[] }> {
  const conditions: (SQL | undefined)[] = [];
  if (filter.type) conditions.push(like(auditEvents.type, `${escapeLike(filter.type)}%`));
  if (filter.aggregateId) conditions.push(eq(auditEvents.aggregateId, filter.aggregateId));
  if (filter.actor) conditions.push(ilike(auditEvents.actorLabel, `%${escapeLike(filter.actor)}%`));
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to) conditions.push(lt(auditEvents.occurredAt, filter.to));
  const where = and(...conditions);
  const [totalRow] = await db.select({ n: count() }).from(auditEvents).where(where);
  const rows = await db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.seq)).limit(filter.limit).offset(filter.offset);
  return {
    total: totalRow?.n ?? 0,
    events: rows.map(({ prevHash: _prev, ...rest }) => rest),
  };
}

/** Distinct event types, for the filter of the audit page. */
export async function listAuditEventTypes(db: Executor): Promise<string[]> {
  const rows = await db.selectDistinct({ type: auditEvents.type }).from(auditEvents).orderBy(asc(auditEvents.type));
  return rows.map((r) => r.type);
}

export type ChainBreak = {
  seq: number;
  id: string;
  reason: "prev-hash-mismatch" | "hash-mismatch";
  expected: string;
  found: string;
};

export interface ChainReport {
  ok: boolean;
  checked: number;
  lastHash: string;
  firstBreak: ChainBreak | null;
}

/** Walks the whole chain in order and reports the first event whose link or content does not match. */
export async function verifyAuditChain(db: Executor, batchSize = 1000): Promise<ChainReport> {
  let previous = AUDIT_GENESIS_HASH;
  let afterSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditEvents).where(gt(auditEvents.seq, afterSeq)).orderBy(asc(auditEvents.seq)).limit(batchSize);
    if (rows.length === 0) return { ok: true, checked, lastHash: previous, firstBreak: null };
    for (const row of rows) {
      if (row.prevHash !== previous) {
        return {
          ok: false,
          checked,
          lastHash: previous,
          firstBreak: { seq: row.seq, id: row.id, reason: "prev-hash-mismatch", expected: previous, found: row.prevHash },
        };
      }
      const recomputed = hashOf(row);
      if (recomputed !== row.hash) {
        return {
          ok: false,
          checked,
          lastHash: previous,
          firstBreak: { seq: row.seq, id: row.id, reason: "hash-mismatch", expected: recomputed, found: row.hash },
        };
      }
      previous = row.hash;
      checked++;
      afterSeq = row.seq;
    }
  }
}
