import { z } from "zod";
import { LIBELLES_EVENEMENTS } from "@achat-public/domain";
import { jour, pageDe, Pagination, texte } from "./common.schema";

export const AuditQuery = z.strictObject({
  type: texte(100).optional().describe("Début du type, ex. « direction. » ou « user.created »"),
  agregatId: texte(100).optional(),
  acteur: texte(254).optional().describe("Partie de l'adresse de l'acteur"),
  du: jour("Premier jour inclus").optional(),
  au: jour("Dernier jour inclus").optional(),
  ...Pagination,
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEvenement = z.object({
  seq: z.number().int(),
  id: z.string(),
  date: z.string().describe("Instant ISO 8601"),
  acteur: z.string(),
  acteurId: z.string().nullable(),
  type: z.string(),
  libelle: z.string().describe("Le type en français, ex. « Direction créée »"),
  agregatType: z.string(),
  agregatId: z.string(),
  donnees: z.unknown(),
  requestId: z.string().nullable(),
  empreinte: z.string().describe("SHA-256 de l'événement, chaîné au précédent"),
});
export type AuditEvenement = z.infer<typeof AuditEvenement>;

export const AuditPage = pageDe("evenements", AuditEvenement).extend({
  types: z.array(z.object({ type: z.string(), libelle: z.string() })),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  evenementsVerifies: z.number().int(),
  premiereRupture: z
    .object({
      seq: z.number().int(),
      id: z.string(),
      raison: z.enum(["prev-hash-mismatch", "hash-mismatch", "checkpoint-mismatch", "tail-truncated", "checkpoint-signature"]),
      attendu: z.string(),
      trouve: z.string(),
    })
    .nullable(),
  dernierAncrage: z
    .object({ seq: z.number().int(), date: z.string(), verifie: z.boolean() })
    .nullable()
    .describe("Dernier point d'ancrage signé, écrit hors de la base"),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

export const SecuriteQuery = z.strictObject({
  type: z
    .enum(["login.failed", "login.blocked", "access.denied", "csrf.rejected", "session.invalid", "password.change-required"])
    .optional(),
  du: jour("Premier jour inclus").optional(),
  au: jour("Dernier jour inclus").optional(),
  ...Pagination,
});
export type SecuriteQuery = z.infer<typeof SecuriteQuery>;

export const LIBELLES_SECURITE: Record<string, string> = {
  "login.failed": "Connexion refusée (identifiants incorrects)",
  "login.blocked": "Connexion bloquée (trop de tentatives)",
  "access.denied": "Accès refusé",
  "csrf.rejected": "Requête refusée (jeton anti-falsification)",
  "session.invalid": "Session invalide ou expirée",
  "password.change-required": "Changement de mot de passe exigé",
};

export const EvenementSecurite = z.object({
  seq: z.number().int(),
  date: z.string(),
  type: z.string(),
  libelle: z.string(),
  acteur: z.string().nullable(),
  adresse: z.string().nullable(),
  route: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const SecuritePage = pageDe("evenements", EvenementSecurite).extend({
  conservationJours: z.number().int().describe("Durée de conservation des événements de sécurité"),
});
export type SecuritePage = z.infer<typeof SecuritePage>;

/** The French label of an audit event type (the type itself when it has none, which a test forbids). */
export const libelleEvenement = (type: string): string => LIBELLES_EVENEMENTS[type] ?? type;
