import { existsSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { isValidSiret } from "@achat-public/domain/valeurs";
import { z } from "zod";

/**
 * Every environment variable of the server and the CLI, parsed once at start-up. A bad value stops the
 * start with a French message naming each bad variable. `.env.example` documents them.
 */
const booleanText = z
  .enum(["true", "false", "1", "0", "oui", "non"], { error: "valeur attendue : true ou false" })
  .transform((v) => ["true", "1", "oui"].includes(v));

const positiveInt = (min: number, max: number) =>
  z.coerce
    .number({ error: "nombre entier attendu" })
    .int({ error: "nombre entier attendu" })
    .min(min, { error: `au moins ${min}` })
    .max(max, { error: `au plus ${max}` });

const EnvSchema = z.object({
  PORT: positiveInt(1, 65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, { error: "URL attendue de la forme postgres://utilisateur@hôte:5432/base" })
    .optional(),
  DATABASE_POOL_MAX: positiveInt(1, 100).default(10),
  DEMO_MODE: booleanText.optional(),
  PUBLIC_URL: z.url({ error: "URL attendue, ex. https://achats.valdemarne.fr" }).optional(),
  TRUST_PROXY: booleanText.default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_IDLE_MINUTES: positiveInt(1, 24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: positiveInt(1, 24 * 7).default(12),
  ORG_NAME: z.string().min(2).max(120).default("Département du Val-de-Marne"),
  ORG_SIRET: z
    .string()
    .regex(/^\d{14}$/, { error: "SIRET attendu (14 chiffres)" })
    .default("22940028800010"),
  /** ocid prefix of the OCDS export: "ocds-" + 6 characters, assigned by the Open Contracting Partnership on registration. */
  OCDS_PREFIXE: z
    .string()
    .regex(/^ocds-[a-z0-9]{6}$/, { error: "préfixe OCDS attendu : « ocds- » suivi de 6 caractères (lettres minuscules ou chiffres)" })
    .default("ocds-vdm94x"),
  THEME_PRIMARY_COLOR: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: "couleur attendue au format #rrggbb" })
    .default("#005a9c"),
  THEME_LOGO_FILE: z.string().min(1).optional(),
  WEB_DIST_DIR: z.string().min(1).optional(),
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, { error: "URL attendue de la forme postgres://proprietaire@hôte:5432/base" })
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, { error: "URL attendue de la forme smtp://utilisateur:motdepasse@hôte:587 ou smtps://…:465" })
    .optional(),
  MAIL_FROM: z.string().min(3).max(200).default("achat-public <ne-pas-repondre@achat-public.local>"),
  JOBS_WORKERS: booleanText.default(true),
  JOBS_POLLING_SECONDS: z.coerce.number({ error: "nombre attendu" }).min(0.5, { error: "au moins 0.5" }).max(60).default(2),
  JOBS_MAINTENANCE_SECONDS: positiveInt(1, 3600).default(30),
  JOBS_EXPIRE_SECONDS: positiveInt(1, 24 * 3600).optional(),
  JOBS_RETRY_DELAY_SECONDS: positiveInt(1, 24 * 3600).optional(),
  AUDIT_KEY_FILE: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_MINUTES: positiveInt(1, 24 * 60).default(15),
  SECURITY_EVENTS_RETENTION_DAYS: positiveInt(30, 3 * 365).default(365),
});

/** Logo formats the server can serve, with their media type. */
export const LOGO_TYPES: Record<string, string> = {
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
};
const LOGO_EXTENSIONS = Object.keys(LOGO_TYPES);

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  trustProxy: boolean;
  logLevel: string;
  database: { kind: "pglite"; dataDir: string } | { kind: "postgresql"; url: string; poolMax: number };
  demoMode: boolean;
  session: { idleMs: number; absoluteMs: number; secureCookie: boolean };
  organisation: { name: string; siret: string };
  /** ocid prefix of the OCDS export (OCDS_PREFIXE; to register with the Open Contracting Partnership). */
  ocdsPrefixe: string;
  theme: { primaryColor: string; logoFile: string | null };
  webDistDir: string | null;
  /** The owner role that applies the migrations, when the runtime role of DATABASE_URL is a lesser one. */
  migrationDatabaseUrl: string | null;
  mail: { smtpUrl: string | null; from: string };
  jobs: {
    workers: boolean;
    pollingIntervalSeconds: number;
    maintenanceIntervalSeconds: number;
    expireInSeconds?: number;
    retryDelaySeconds?: number;
  };
  audit: { keyFile: string; checkpointDir: string; checkpointMinutes: number };
  securityEventsRetentionDays: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Reads `.env` of the working directory (variables already set in the environment win), as `.env.example`
 * suggests. Not in tests, which give their whole environment.
 */
export function loadDotEnv(file = ".env"): void {
  if (process.env.NODE_ENV === "test" || !existsSync(file)) return;
  process.loadEnvFile(file);
}

/** Parses the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join(".")} : ${issue.message} (valeur reçue : ${JSON.stringify(present[String(issue.path[0])] ?? null)})`,
      ),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (!isValidSiret(e.ORG_SIRET)) problems.push(`ORG_SIRET : clé de contrôle invalide (valeur reçue : "${e.ORG_SIRET}")`);
  if (e.THEME_LOGO_FILE) {
    if (!existsSync(resolve(e.THEME_LOGO_FILE)))
      problems.push(`THEME_LOGO_FILE : fichier introuvable (valeur reçue : "${e.THEME_LOGO_FILE}")`);
    else if (!LOGO_EXTENSIONS.includes(extname(e.THEME_LOGO_FILE).toLowerCase())) {
      problems.push(`THEME_LOGO_FILE : format attendu ${LOGO_EXTENSIONS.join(", ")} (valeur reçue : "${e.THEME_LOGO_FILE}")`);
    }
  }
  if (e.MIGRATION_DATABASE_URL && !e.DATABASE_URL)
    problems.push("MIGRATION_DATABASE_URL : n'a de sens qu'avec DATABASE_URL (serveur PostgreSQL).");
  if (problems.length) throw new ConfigError(problems);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    database: e.DATABASE_URL ? { kind: "postgresql", url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX } : { kind: "pglite", dataDir },
    // Demo data and demo accounts only on the embedded default, unless explicitly asked for.
    demoMode: e.DEMO_MODE ?? !e.DATABASE_URL,
    session: {
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
      secureCookie: publicUrl.startsWith("https://"),
    },
    organisation: { name: e.ORG_NAME, siret: e.ORG_SIRET },
    ocdsPrefixe: e.OCDS_PREFIXE,
    theme: { primaryColor: e.THEME_PRIMARY_COLOR.toLowerCase(), logoFile: e.THEME_LOGO_FILE ? resolve(e.THEME_LOGO_FILE) : null },
    webDistDir: e.WEB_DIST_DIR ? resolve(e.WEB_DIST_DIR) : null,
    migrationDatabaseUrl: e.MIGRATION_DATABASE_URL ?? null,
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM },
    jobs: {
      workers: e.JOBS_WORKERS,
      pollingIntervalSeconds: e.JOBS_POLLING_SECONDS,
      maintenanceIntervalSeconds: e.JOBS_MAINTENANCE_SECONDS,
      ...(e.JOBS_EXPIRE_SECONDS ? { expireInSeconds: e.JOBS_EXPIRE_SECONDS } : {}),
      ...(e.JOBS_RETRY_DELAY_SECONDS ? { retryDelaySeconds: e.JOBS_RETRY_DELAY_SECONDS } : {}),
    },
    audit: {
      keyFile: resolve(e.AUDIT_KEY_FILE ?? join(dataDir, "audit", "cle-de-signature.pem")),
      checkpointDir: resolve(e.AUDIT_CHECKPOINT_DIR ?? join(dataDir, "audit")),
      checkpointMinutes: e.AUDIT_CHECKPOINT_MINUTES,
    },
    securityEventsRetentionDays: e.SECURITY_EVENTS_RETENTION_DAYS,
  };
}
