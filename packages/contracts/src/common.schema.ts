import { z } from "zod";

// French messages for every generic zod check, on the server and in the browser alike; a missing field
// gets a plain "Champ obligatoire." rather than a type mismatch.
z.config(z.locales.fr());
z.config({
  customError: (issue) => (issue.code === "invalid_type" && issue.input === undefined ? "Champ obligatoire." : undefined),
});

export const Uuid = z.uuid({ error: "Identifiant invalide (UUID attendu)." });

export const IdParams = z.strictObject({ id: Uuid });
export type IdParams = z.infer<typeof IdParams>;

export const IssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])).describe("Chemin du champ en cause, ex. [\"lots\", 0, \"montant\"]"),
  message: z.string().describe("Message en français"),
});

/** RFC 9457 problem details, as every error of the API is answered. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe("Explication en français"),
    code: z.string().describe("Code stable, ex. DIRECTION_NAME_TAKEN"),
    issues: z.array(IssueSchema),
    requestId: z.string(),
  })
  .meta({ id: "Probleme", description: "Erreur au format application/problem+json" });
export type Problem = z.infer<typeof Problem>;

export const Health = z.object({
  status: z.literal("ok"),
  database: z.enum(["pglite", "postgresql"]),
});
export type Health = z.infer<typeof Health>;

export const Theme = z.object({
  nomOrganisation: z.string(),
  couleurPrincipale: z.string().describe("Couleur principale, hexadécimale (#rrggbb)"),
  logoUrl: z.string(),
  demo: z.boolean().describe("Vrai si l'instance tourne avec les données de démonstration"),
});
export type Theme = z.infer<typeof Theme>;

/** A version number for optimistic locking: the one read, sent back with the change. */
export const Version = z.number().int().min(1).describe("Version lue, pour détecter les modifications concurrentes");

/** Free text from a form: bounded, so oversized input is refused before any work. */
export const text = (max: number) => z.string().max(max, { error: `Ce champ ne doit pas dépasser ${max} caractères.` });
