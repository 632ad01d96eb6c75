import { z } from "zod";
import { EMAIL_LONGUEUR_MAX, PASSWORD_MAX_LENGTH, ROLES, type Utilisateur } from "@achat-public/domain";
import { BORNE_TEXTE_COURT, pageDe, Pagination, texte, Uuid, Version } from "./common.schema";
import { nomOrganisation } from "./organisation.schema";

export const UtilisateurOutput = z.object({
  id: z.string(),
  email: z.string(),
  nomAffiche: z.string(),
  role: z.enum(ROLES),
  directionId: z.string().nullable(),
  serviceId: z.string().nullable(),
  actif: z.boolean(),
  aUnMotDePasse: z.boolean(),
  motDePasseAChanger: z.boolean().describe("Le compte devra choisir son mot de passe à sa prochaine connexion"),
  derniereConnexion: z.string().nullable().describe("Instant ISO 8601"),
  version: z.number().int(),
});
export type UtilisateurOutput = z.infer<typeof UtilisateurOutput>;

export const UtilisateursPage = pageDe("utilisateurs", UtilisateurOutput);
export type UtilisateursPage = z.infer<typeof UtilisateursPage>;

/** A password as typed: bounded, never normalised (the bytes typed are the password). */
export const motDePasse = (description: string) =>
  z
    .string()
    .max(PASSWORD_MAX_LENGTH * 4, { error: "Ce mot de passe est trop long." })
    .describe(description);

const fields = {
  email: texte(BORNE_TEXTE_COURT).describe(`Adresse électronique (identifiant de connexion, ${EMAIL_LONGUEUR_MAX} caractères au plus)`),
  nomAffiche: nomOrganisation("Prénom et nom"),
  role: z.enum(ROLES, { error: `Rôle inconnu : choisissez parmi ${ROLES.join(", ")}.` }),
  directionId: Uuid.nullable(),
  serviceId: Uuid.nullable(),
};

export const UtilisateurCreate = z.strictObject({
  ...fields,
  motDePasse: motDePasse(
    "Mot de passe initial, à changer par le titulaire à sa première connexion ; null : le compte ne peut pas encore se connecter",
  ).nullable(),
});
export type UtilisateurCreate = z.infer<typeof UtilisateurCreate>;

export const UtilisateurUpdate = z.strictObject({ ...fields, actif: z.boolean(), version: Version });
export type UtilisateurUpdate = z.infer<typeof UtilisateurUpdate>;

export const MotDePasseInput = z.strictObject({
  motDePasse: motDePasse("Nouveau mot de passe du compte"),
  motDePasseActuel: motDePasse("Votre mot de passe actuel, exigé quand vous redéfinissez le vôtre").optional(),
});
export type MotDePasseInput = z.infer<typeof MotDePasseInput>;

export const UtilisateursQuery = z.strictObject({
  recherche: texte(200, { compacter: true }).optional(),
  role: z.enum(ROLES).optional(),
  directionId: Uuid.optional(),
  ...Pagination,
});
export type UtilisateursQuery = z.infer<typeof UtilisateursQuery>;

export const presentUtilisateur = (u: Utilisateur): UtilisateurOutput => ({
  id: u.id,
  email: u.email,
  nomAffiche: u.nomAffiche,
  role: u.role,
  directionId: u.directionId,
  serviceId: u.serviceId,
  actif: u.actif,
  aUnMotDePasse: u.aUnMotDePasse,
  motDePasseAChanger: u.motDePasseAChanger,
  derniereConnexion: u.derniereConnexion ? u.derniereConnexion.toISOString() : null,
  version: u.version,
});
