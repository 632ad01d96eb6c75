import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const timestamps = {
  createdAt: instant("created_at").notNull().defaultNow(),
  updatedAt: instant("updated_at").notNull().defaultNow(),
  /** Optimistic-locking counter, incremented by every update. */
  version: integer("version").notNull().default(1),
};

/** The buying organisation (the département). One row in practice; the model allows more. */
export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey(),
  name: text("name").notNull(),
  siret: text("siret").notNull().unique(),
  createdAt: instant("created_at").notNull().defaultNow(),
});

export const directions = pgTable(
  "directions",
  {
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    acronym: text("acronym").notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("directions_name_unique").on(t.organisationId, sql`lower(${t.name})`),
    uniqueIndex("directions_acronym_unique").on(t.organisationId, sql`upper(${t.acronym})`),
    check("directions_name_length", sql`char_length(${t.name}) between 2 and 120`),
    check("directions_acronym_length", sql`char_length(${t.acronym}) between 1 and 12`),
  ],
);

export const services = pgTable(
  "services",
  {
    id: uuid("id").primaryKey(),
    directionId: uuid("direction_id")
      .notNull()
      .references(() => directions.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("services_name_unique").on(t.directionId, sql`lower(${t.name})`),
    check("services_name_length", sql`char_length(${t.name}) between 2 and 120`),
  ],
);

export const ROLES = ["admin", "acheteur-central", "acheteur", "lecteur", "entreprise"] as const;

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    /** Stored lower-cased; unique. */
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role").notNull(),
    directionId: uuid("direction_id").references(() => directions.id, { onDelete: "restrict" }),
    serviceId: uuid("service_id").references(() => services.id, { onDelete: "restrict" }),
    /** argon2id PHC string; null for accounts that cannot log in locally (e.g. future OIDC-only accounts). */
    passwordHash: text("password_hash"),
    active: boolean("active").notNull().default(true),
    lastLoginAt: instant("last_login_at"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    index("users_direction_idx").on(t.directionId),
    check("users_role_valid", sql`${t.role} in ('admin', 'acheteur-central', 'acheteur', 'lecteur', 'entreprise')`),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
    check("users_acheteur_has_direction", sql`${t.role} <> 'acheteur' or ${t.directionId} is not null`),
    check("users_service_needs_direction", sql`${t.serviceId} is null or ${t.directionId} is not null`),
  ],
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: instant("created_at").notNull(),
    lastSeenAt: instant("last_seen_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Failed-login counters per account and per client address (throttling shared by all instances). */
export const loginThrottles = pgTable("login_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: instant("window_started_at").notNull(),
  blockedUntil: instant("blocked_until"),
});

/**
 * Append-only, hash-chained audit trail. Each row stores the hash of the previous row (`prev_hash`) and its
 * own hash over its content; a trigger forbids UPDATE and DELETE.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    id: uuid("id").notNull().unique(),
    occurredAt: instant("occurred_at").notNull(),
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
  ],
);

/**
 * ECB main refinancing rate on the first day of each half-year (CCP R2192-31), administrable data used
 * to compute late-payment interest. Rate in basis points (2.15 % = 215).
 */
export const ecbRates = pgTable(
  "ecb_rates",
  {
    semesterStart: date("semester_start", { mode: "string" }).primaryKey(),
    rateBasisPoints: integer("rate_basis_points").notNull(),
    source: text("source").notNull(),
    confirmed: boolean("confirmed").notNull(),
    ...timestamps,
  },
  (t) => [
    check("ecb_rates_semester_start", sql`extract(day from ${t.semesterStart}) = 1 and extract(month from ${t.semesterStart}) in (1, 7)`),
    check("ecb_rates_range", sql`${t.rateBasisPoints} between -1000 and 3000`),
  ],
);
