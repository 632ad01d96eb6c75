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
  path: z.array(z.union([z.string(), z.number()])).describe('Chemin du champ en cause, ex. ["lots", 0, "montant"]'),
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

export interface ApiIssue {
  path: (string | number)[];
  message: string;
}

/**
 * One zod problem as the API reports it: an unknown field becomes one issue per field, on its own path.
 * Shared by the HTTP error handler and the CLI so both answer the same problems.
 */
export function toApiIssues(issue: { path: readonly PropertyKey[]; code: string; message: string; keys?: readonly string[] }): ApiIssue[] {
  const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
  if (issue.code === "unrecognized_keys" && issue.keys?.length) {
    return issue.keys.map((key) => ({ path: [...path, key], message: `Champ inconnu : « ${key} ».` }));
  }
  return [{ path, message: issue.message }];
}

/** The `detail` of an INVALID_INPUT problem: every issue, with its path. */
export function invalidInputDetail(issues: ApiIssue[]): string {
  const n = issues.length;
  return `La requête contient ${n} erreur${n > 1 ? "s" : ""} : ${issues.map((i) => `${i.path.join(".") || "(racine)"} : ${i.message}`).join(" ; ")}`;
}

/**
 * A domain issue path as the API names it: the domain works in cents and basis points, the API in euros
 * and percent, under the same name minus the unit (`montantHtCents` ↔ `montantHt`, `tauxBcePointsDeBase`
 * ↔ `tauxBce`). Strips a trailing `Cents` or `PointsDeBase` from each string segment; one rule, no table.
 */
export function apiPath(path: readonly (string | number)[]): (string | number)[] {
  return path.map((segment) => (typeof segment === "string" ? segment.replace(/(Cents|PointsDeBase)$/, "") : segment));
}
