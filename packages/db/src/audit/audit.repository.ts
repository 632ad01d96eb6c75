import { createHash } from "node:crypto";
import { and, asc, count, desc, eq, gt, gte, ilike, isNull, like, lt, or, sql, type SQL } from "drizzle-orm";
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
import { auditEvents } from "./audit.schema";

const AUDIT_CHAIN_LOCK = 7_294_002_881;

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

type AuditRow = typeof auditEvents.$inferSelect;

/** The hash of a stored event, recomputed from its columns. */
export function hashOf(
  row: Pick<
    AuditRow,
    "id" | "occurredAt" | "organisationId" | "actorId" | "actorLabel" | "type" | "aggregateType" | "aggregateId" | "payload" | "prevHash"
  >,
): string {
  return sha256Hex(
    auditHashMaterial({
      id: row.id,
      occurredAt: row.occurredAt.toISOString(),
      // covered when present (events written before the column existed keep their hash)
      ...(row.organisationId ? { organisationId: row.organisationId } : {}),
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
 * The organisation of the event is the actor's, or the one the event names (platform actors).
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
        organisationId: event.organisationId ?? (actor.kind === "user" ? actor.organisationId : null),
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
  /** Events of this organisation, and platform-wide ones (no organisation: reference data, start-up). */
  organisationId: string;
  type?: string;
  aggregateId?: string;
  actor?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export type AuditEventView = Omit<AuditRow, "prevHash">;

function auditWhere(filter: Omit<AuditFilter, "limit" | "offset">): SQL | undefined {
  const conditions: (SQL | undefined)[] = [or(eq(auditEvents.organisationId, filter.organisationId), isNull(auditEvents.organisationId))];
  if (filter.type) conditions.push(like(auditEvents.type, `${escapeLike(filter.type)}%`));
  if (filter.aggregateId) conditions.push(eq(auditEvents.aggregateId, filter.aggregateId));
  if (filter.actor) conditions.push(ilike(auditEvents.actorLabel, `%${escapeLike(filter.actor)}%`));
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to) conditions.push(lt(auditEvents.occurredAt, filter.to));
  return and(...conditions);
}

/** Read model for the audit page: newest first, filtered, scoped to the organisation. */
export async function listAuditEvents(db: Executor, filter: AuditFilter): Promise<{ total: number; events: AuditEventView[] }> {
  const where = auditWhere(filter);
  const [totalRow] = await db.select({ n: count() }).from(auditEvents).where(where);
  const rows = await db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.seq)).limit(filter.limit).offset(filter.offset);
  return { total: totalRow?.n ?? 0, events: rows.map(({ prevHash: _prev, ...rest }) => rest) };
}

/** Distinct event types of the organisation, for the filter of the audit page. */
export async function listAuditEventTypes(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ type: auditEvents.type })
    .from(auditEvents)
    .where(auditWhere({ organisationId }))
    .orderBy(asc(auditEvents.type));
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
  /** Sequence number and hash of the last event checked (the head of the chain when intact). */
  lastSeq: number;
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
    if (rows.length === 0) return { ok: true, checked, lastSeq: afterSeq, lastHash: previous, firstBreak: null };
    for (const row of rows) {
      const fail = (reason: ChainBreak["reason"], expected: string, found: string): ChainReport => ({
        ok: false,
        checked,
        lastSeq: afterSeq,
        lastHash: previous,
        firstBreak: { seq: row.seq, id: row.id, reason, expected, found },
      });
      if (row.prevHash !== previous) return fail("prev-hash-mismatch", previous, row.prevHash);
      const recomputed = hashOf(row);
      if (recomputed !== row.hash) return fail("hash-mismatch", recomputed, row.hash);
      previous = row.hash;
      checked++;
      afterSeq = row.seq;
    }
  }
}

/** The last event of the chain (sequence number and hash), or the genesis when empty. */
export async function auditChainHead(db: Executor): Promise<{ seq: number; hash: string }> {
  const [last] = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return last ?? { seq: 0, hash: AUDIT_GENESIS_HASH };
}

/** The stored hash of the event `seq`, or null if there is none. */
export async function auditHashAt(db: Executor, seq: number): Promise<string | null> {
  const [row] = await db.select({ hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.seq, seq));
  return row?.hash ?? null;
}
