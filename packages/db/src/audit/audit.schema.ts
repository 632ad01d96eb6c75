import { bigint, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { instant } from "../commun/colonnes";

/**
 * Append-only, hash-chained audit trail. Each row stores the hash of the previous row (`prev_hash`) and its
 * own hash over its content; a trigger forbids UPDATE, DELETE and TRUNCATE, and on a server with a separate
 * migration role the runtime role may only INSERT and SELECT (docs/exploitation.md).
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    id: uuid("id").notNull().unique(),
    occurredAt: instant("occurred_at").notNull(),
    organisationId: uuid("organisation_id"),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label").notNull(),
    type: text("type").notNull(),
    aggregateType: text("aggregate_type").notNull(),
    aggregateId: text("aggregate_id").notNull(),
    payload: jsonb("payload").notNull(),
    requestId: text("request_id"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull().unique(),
  },
  (t) => [
    index("audit_events_type_idx").on(t.type),
    index("audit_events_aggregate_idx").on(t.aggregateId),
    index("audit_events_occurred_idx").on(t.occurredAt),
    index("audit_events_organisation_idx").on(t.organisationId, t.seq),
  ],
);
