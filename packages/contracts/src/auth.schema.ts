import { z } from "zod";
import { EMAIL_LONGUEUR_MAX, ROLES } from "@achat-public/domain";
import { texte } from "./common.schema";
import { motDePasse } from "./utilisateurs.schema";

export const ConnexionInput = z.strictObject({
  email: texte(EMAIL_LONGUEUR_MAX, { sansBidi: true, min: 1, messageVide: "Saisissez votre adresse électronique." }),
  motDePasse: motDePasse("Mot de passe").min(1, { error: "Saisissez votre mot de passe." }),
});
export type ConnexionInput = z.infer<typeof ConnexionInput>;

export const ChangementMotDePasseInput = z.strictObject({
  motDePasseActuel: motDePasse("Mot de passe actuel").min(1, { error: "Saisissez votre mot de passe actuel." }),
  nouveauMotDePasse: motDePasse("Nouveau mot de passe : au moins 12 caractères, difficile à deviner"),
});
export type ChangementMotDePasseInput = z.infer<typeof ChangementMotDePasseInput>;

export const Moi = z.object({
  id: z.string(),
  email: z.string(),
  nomAffiche: z.string(),
  role: z.enum(ROLES),
  roleLibelle: z.string(),
  direction: z.object({ id: z.string(), nom: z.string(), sigle: z.string() }).nullable(),
  motDePasseAChanger: z.boolean().describe("Vrai : seules la page de changement de mot de passe et la déconnexion sont permises"),
  permissions: z.array(z.object({ code: z.string(), libelle: z.string() })),
});
export type Moi = z.infer<typeof Moi>;

export const SessionOutput = z.object({
  utilisateur: Moi.nullable(),
  csrfToken: z.string().describe("À renvoyer dans l'en-tête X-CSRF-Token de chaque requête qui modifie"),
});
export type SessionOutput = z.infer<typeof SessionOutput>;
