import { z } from "zod";
import { PAR_PAGE_MAX, verifierTexte, type OptionsTexte } from "@achat-public/domain";

// French messages for every generic zod check, on the server and in the browser alike; a missing field
// gets a plain "Champ obligatoire." rather than a type mismatch, and a non-finite number (1e400 parses to
// Infinity) is named as such.
z.config(z.locales.fr());
z.config({
  customError: (issue) => {
    if (issue.code === "invalid_type" && issue.input === undefined) return "Champ obligatoire.";
    if (issue.code === "invalid_type" && issue.expected === "number" && typeof issue.input === "number") {
      return "Nombre trop grand : un nombre fini est attendu.";
    }
    return undefined;
  },
});

export const Uuid = z.uuid({ error: "Identifiant invalide (UUID attendu)." });

export const IdParams = z.strictObject({ id: Uuid });
export type IdParams = z.infer<typeof IdParams>;

export const IssueSchema = z.object({
  path: z
    .array(z.union([z.string(), z.number()]))
    .describe('Chemin du champ en cause, tel que le client l\'a envoyé, ex. ["lots", 0, "montantHt"]'),
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

/** Largest integer accepted anywhere an integer is not otherwise bounded (PostgreSQL `integer`). */
export const ENTIER_MAX = 2_000_000_000;

/**
 * Anti-abuse bound of a short text (names, titles, e-mails): refused by the schema beyond it, before any work.
 * The business limits, shorter, are checked by the domain with all the other rules of the form.
 */
export const BORNE_TEXTE_COURT = 1_000;

/** A version number for optimistic locking: the one read, sent back with the change. */
export const Version = z
  .number()
  .int({ error: "Nombre entier attendu." })
  .min(1)
  .max(ENTIER_MAX)
  .describe("Version lue, pour détecter les modifications concurrentes");

/**
 * The one text type of the API (body, query string, CLI arguments): bounded before any work, then checked and
 * normalised by the domain's `verifierTexte` (NFC, no control character, no lone surrogate, not only invisible
 * characters). `min` counts after trimming.
 */
export function texte(max: number, options: OptionsTexte & { min?: number; messageVide?: string } = {}) {
  const { min, messageVide, ...verification } = options;
  return z
    .string()
    .max(max, { error: `Ce champ ne doit pas dépasser ${max} caractères.` })
    .transform((brut, ctx) => {
      const verifie = verifierTexte(brut, verification);
      if (!verifie.ok) {
        ctx.addIssue({ code: "custom", message: verifie.message });
        return z.NEVER;
      }
      if (min !== undefined && verifie.valeur.length < min) {
        ctx.addIssue({
          code: "custom",
          message: messageVide ?? (min === 1 ? "Ce champ ne peut pas être vide." : `Au moins ${min} caractères.`),
        });
        return z.NEVER;
      }
      return verifie.valeur;
    });
}

/** `text(max)` of the first version; kept for the rule-book contracts. */
export const text = (max: number) => texte(max);

/** A calendar day written `YYYY-MM-DD`, between 1900 and 2200 (filters, dates of records). */
export const jour = (description: string) =>
  z.iso
    .date({ error: "Date attendue au format AAAA-MM-JJ." })
    .refine((d) => d >= "1900-01-01" && d <= "2200-12-31", { error: "Date hors des limites (1900 à 2200)." })
    .describe(description);

/** Paging of a list query: `page` from 1, `parPage` up to PAR_PAGE_MAX. */
export const Pagination = {
  page: z.coerce.number({ error: "Nombre entier attendu." }).int({ error: "Nombre entier attendu." }).min(1).max(1_000_000).default(1),
  parPage: z.coerce
    .number({ error: "Nombre entier attendu." })
    .int({ error: "Nombre entier attendu." })
    .min(1)
    .max(PAR_PAGE_MAX)
    .default(50),
};

/** The SQL bounds of a requested page. */
export const bornes = (q: { page: number; parPage: number }) => ({ limit: q.parPage, offset: (q.page - 1) * q.parPage });

/** A page as the API answers it: `{ total, page, parPage, <cle>: [...] }`. */
export function page<K extends string, T>(q: { page: number; parPage: number }, total: number, cle: K, elements: T[]) {
  return { total, page: q.page, parPage: q.parPage, ...({ [cle]: elements } as { [P in K]: T[] }) };
}

/** A page of a list: `{ total, page, parPage, <cle>: [...] }` (the list under its own French name). */
export function pageDe<K extends string, T extends z.ZodType>(cle: K, element: T) {
  return z.object({
    total: z.number().int().describe("Nombre total d'éléments correspondant aux filtres"),
    page: z.number().int(),
    parPage: z.number().int(),
    ...({ [cle]: z.array(element) } as { [P in K]: z.ZodArray<T> }),
  });
}

export interface ApiIssue {
  path: (string | number)[];
  message: string;
}

/**
 * The API name of a domain path: the one naming rule between the two is the unit suffix of money and
 * rates (`montantHtCents` in the domain is `montantHt` in euros in the API; `tauxBcePointsDeBase` is
 * `tauxBce` in percent). See docs/glossaire.md, « Un nom par champ ».
 */
export function apiPath(path: readonly (string | number)[]): (string | number)[] {
  return path.map((segment) => (typeof segment === "string" ? segment.replace(/(?<=.)(Cents|PointsDeBase)$/u, "") : segment));
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

/** The `detail` of an INVALID_INPUT problem: every issue, with its path as the client sent it. */
export function invalidInputDetail(issues: ApiIssue[]): string {
  const n = issues.length;
  return `La requête contient ${n} erreur${n > 1 ? "s" : ""} : ${issues.map((i) => `${i.path.join(".") || "(racine)"} : ${i.message}`).join(" ; ")}`;
}

/**
 * A domain value as the API answers it, by the same naming rule as `apiPath`: `xxxCents` (integer cents) →
 * `xxx` in euros, `xxxPointsDeBase` → `xxx` in percent, `Date` → ISO 8601 instant; everything else as is.
 * Presenters use it, then the response schema keeps only the published fields.
 */
export function versApi(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(versApi);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key.length > 5 && key.endsWith("Cents") && (typeof v === "number" || v === null))
      out[key.slice(0, -5)] = v === null ? null : v / 100;
    else if (key.length > 12 && key.endsWith("PointsDeBase") && (typeof v === "number" || v === null)) {
      out[key.slice(0, -12)] = v === null ? null : v / 100;
    } else out[key] = versApi(v);
  }
  return out;
}

/**
 * An API input as the domain takes it, by the inverse of `versApi`: every number field named `…Ht` or `…Ttc`
 * (euros, validated to two decimals by `montantEuros`) becomes `…HtCents` / `…TtcCents` in integer cents; the
 * rest is copied (arrays and objects recursively). The type says it too (`EnCentimes<T>`).
 */
export function versDomaine<T>(value: T): EnCentimes<T> {
  if (Array.isArray(value)) return value.map(versDomaine) as EnCentimes<T>;
  if (value === null || typeof value !== "object" || value instanceof Date) return value as EnCentimes<T>;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (/(Ht|Ttc)$/.test(key) && typeof v === "number") out[`${key}Cents`] = Math.round(v * 100);
    else if (/(Ht|Ttc)$/.test(key) && v === null) out[`${key}Cents`] = null;
    else out[key] = versDomaine(v);
  }
  return out as EnCentimes<T>;
}

/** The type of `versDomaine(T)`: money fields renamed with their `Cents` suffix. */
export type EnCentimes<T> = T extends readonly (infer U)[]
  ? EnCentimes<U>[]
  : T extends Date
    ? T
    : T extends object
      ? {
          [K in keyof T as K extends `${string}${"Ht" | "Ttc"}`
            ? T[K] extends number | null | undefined
              ? `${K & string}Cents`
              : K
            : K]: EnCentimes<T[K]>;
        }
      : T;
