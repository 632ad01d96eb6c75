import { z } from "zod";
import { ROLES } from "@achat-public/domain";
import { text, Uuid, Version } from "./common.schema";

export const UtilisateurOutput = z.object({
  id: z.string(),
  email: z.string(),
  nomAffiche: z.string(),
  role: z.enum(ROLES),
  directionId: z.string().nullable(),
  serviceId: z.string().nullable(),
  actif: z.boolean(),
  aUnMotDePasse: z.boolean(),
  derniereConnexion: z.string().nullable().describe("Instant ISO 8601"),
  version: z.number().int(),
});
export type UtilisateurOutput = z.infer<typeof UtilisateurOutput>;

const fields = {
  email: text(254).describe("Adresse électronique (identifiant de connexion)"),
  nomAffiche: text(200).describe("Prénom et nom"),
  role: z.enum(ROLES, { error: `Rôle inconnu : choisissez parmi ${ROLES.join(", ")}.` }),
  directionId: Uuid.nullable(),
  serviceId: Uuid.nullable(),
};

export const UtilisateurCreate = z.strictObject({
  ...fields,
  motDePasse: text(1024).nullable().describe("Mot de passe initial ; null : le compte ne peut pas encore se connecter"),
});
export type UtilisateurCreate = z.infer<typeof UtilisateurCreate>;

export const UtilisateurUpdate = z.strictObject({ ...fields, actif: z.boolean(), version: Version });
export type UtilisateurUpdate = z.infer<typeof UtilisateurUpdate>;

export const MotDePasseInput = z.strictObject({ motDePasse: text(1024) });
export type MotDePasseInput = z.infer<typeof MotDePasseInput>;

export const UtilisateursQuery = z.strictObject({
  recherche: text(200).optional(),
  role: z.enum(ROLES).optional(),
  directionId: Uuid.optional(),
});
export type UtilisateursQuery = z.infer<typeof UtilisateursQuery>;
