/**
 * Deterministic JSON: object keys sorted, no whitespace. The audit hash chain is computed over it, so the
 * same event always gives the same bytes whatever the key order of the stored `jsonb`.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error("Non-finite number in audit payload");
    if (value === undefined) return "null";
    return JSON.stringify(value);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The fields of an audit event covered by its hash, in the order of the chain. */
export interface AuditHashInput {
  id: string;
  occurredAt: string;
  /** Present on events written since the organisation scope was added to the trail. */
  organisationId?: string;
  actorId: string | null;
  actorLabel: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: unknown;
  prevHash: string;
}

/** The text hashed for one event: canonical JSON of every covered field, the previous hash included. */
export function auditHashMaterial(event: AuditHashInput): string {
  return canonicalJson(event);
}

/** The `prev_hash` of the very first event. */
export const AUDIT_GENESIS_HASH = "0".repeat(64);
