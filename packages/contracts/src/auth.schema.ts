import { z } from "zod";
import { ROLES } from "@achat-public/domain";
import { text } from "./common.schema";

export const ConnexionInput = z.strictObject({
  email: text(254).min(1, { error: "Saisissez votre adresse électronique." }),
  motDePasse: text(1024).min(1, { error: "Saisissez votre mot de passe." }),
});
export type ConnexionInput = z.infer<typeof ConnexionInput>;

export const Moi = z.object({
  id: z.string(),
  email: z.string(),
  nomAffiche: z.string(),
  role: z.enum(ROLES),
  roleLibelle: z.string(),
  direction: z.object({ id: z.string(), nom: z.string(), sigle: z.string() }).nullable(),
  permissions: z.array(z.object({ code: z.string(), libelle: z.string() })),
});
export type Moi = z.infer<typeof Moi>;

export const SessionOutput = z.object({
  utilisateur: Moi.nullable(),
  csrfToken: z.string().describe("À renvoyer dans l'en-tête X-CSRF-Token de chaque requête qui modifie"),
});
export type SessionOutput = z.infer<typeof SessionOutput>;
