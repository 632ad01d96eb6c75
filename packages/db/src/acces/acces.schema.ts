import { index, integer, jsonb, pgTable, text, uuid, bigint } from "drizzle-orm/pg-core";
import { instant } from "../commun/colonnes";
import { utilisateurs } from "../organisation/organisation.schema";

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: instant("created_at").notNull(),
    lastSeenAt: instant("last_seen_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Login attempt counters per account, (account, address) pair and address (shared by all instances). */
export const loginThrottles = pgTable("login_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: instant("window_started_at").notNull(),
  blockedUntil: instant("blocked_until"),
});

/**
 * Security events (failed logins, lockouts, refused accesses, CSRF rejections): who, from where, what.
 * Kept for a retention period (SECURITY_EVENTS_RETENTION_DAYS), then purged by a daily job.
 */
export const securityEvents = pgTable(
  "security_events",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: instant("occurred_at").notNull(),
    type: text("type").notNull(),
    organisationId: uuid("organisation_id"),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label"),
    clientAddress: text("client_address"),
    route: text("route"),
    details: jsonb("details").notNull(),
  },
  (t) => [index("security_events_occurred_idx").on(t.occurredAt), index("security_events_organisation_idx").on(t.organisationId, t.seq)],
);
