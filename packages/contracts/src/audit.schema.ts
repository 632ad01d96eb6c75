import { z } from "zod";
import { text } from "./common.schema";

const isoDate = z.iso.date({ error: "Date attendue au format AAAA-MM-JJ." });

export const AuditQuery = z.strictObject({
  type: text(100).optional().describe("Début du type, ex. « direction. » ou « user.created »"),
  agregatId: text(100).optional(),
  acteur: text(254).optional().describe("Partie de l'adresse de l'acteur"),
  du: isoDate.optional().describe("Premier jour inclus"),
  au: isoDate.optional().describe("Dernier jour inclus"),
  page: z.coerce.number().int().min(1).default(1),
  parPage: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEvenement = z.object({
  seq: z.number().int(),
  id: z.string(),
  date: z.string().describe("Instant ISO 8601"),
  acteur: z.string(),
  acteurId: z.string().nullable(),
  type: z.string(),
  agregatType: z.string(),
  agregatId: z.string(),
  donnees: z.unknown(),
  requestId: z.string().nullable(),
  empreinte: z.string().describe("SHA-256 de l'événement, chaîné au précédent"),
});
export type AuditEvenement = z.infer<typeof AuditEvenement>;

export const AuditPage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  parPage: z.number().int(),
  types: z.array(z.string()),
  evenements: z.array(AuditEvenement),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  evenementsVerifies: z.number().int(),
  premiereRupture: z
    .object({
      seq: z.number().int(),
      id: z.string(),
      raison: z.enum(["prev-hash-mismatch", "hash-mismatch"]),
      attendu: z.string(),
      trouve: z.string(),
    })
    .nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
