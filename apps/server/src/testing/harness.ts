import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Role, Utilisateur } from "@achat-public/domain";
import { sql, type Database } from "@achat-public/db";
import { luhnIsValid } from "@achat-public/domain/valeurs";
import { insertDirection, insertOrganisation, insertUtilisateur, type TestTarget } from "@achat-public/db/testing";
import { buildApp } from "../app";
import { createContext, loadReferenceData, prepareData } from "../bootstrap";
import type { Config } from "../config";
import type { AppContext } from "../context";

/** A configuration for tests: no environment read, demo mode on unless overridden, no background workers. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const auditDir = mkdtempSync(join(tmpdir(), "achat-audit-"));
  return {
    port: 0,
    host: "127.0.0.1",
    publicUrl: "http://localhost:3000",
    trustProxy: false,
    logLevel: "silent",
    database: { kind: "pglite", dataDir: "(mémoire)" },
    demoMode: true,
    session: { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000, secureCookie: false },
    organisation: { name: "Département du Val-de-Marne", siret: "22940028800010" },
    ocdsPrefixe: "ocds-vdm94x",
    theme: { primaryColor: "#005a9c", logoFile: null },
    webDistDir: "/nonexistent",
    migrationDatabaseUrl: null,
    mail: { smtpUrl: null, from: "achat-public <test@achat-public.local>" },
    jobs: { workers: false, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 },
    audit: { keyFile: join(auditDir, "cle.pem"), checkpointDir: auditDir, checkpointMinutes: 15 },
    securityEventsRetentionDays: 365,
    ...overrides,
  };
}

/** The application on a given test database, with the demo département loaded (or the bare organisation). */
export async function testApp(database: Database, overrides: Partial<Config> = {}): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  await loadReferenceData(database);
  const ctx = await createContext(testConfig(overrides), database, { log: silentLogger });
  await prepareData(ctx);
  const app = await buildApp(ctx, { logger: false });
  app.addHook("onClose", async () => ctx.jobs.stop());
  return { app, ctx };
}

const silentLogger = { info: () => {}, warn: () => {}, error: () => {} };

export interface TestResponse<T = any> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
}

/**
 * A browser-like client over `app.inject`: keeps cookies, fetches the CSRF token like the web app does and
 * sends it with every change.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  async request<T = any>(
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    body?: unknown,
    options: { headers?: Record<string, string>; csrf?: boolean; rawBody?: string; remoteAddress?: string } = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (method !== "GET" && options.csrf !== false) {
      if (!this.csrfToken) await this.refreshCsrf();
      headers["x-csrf-token"] = this.csrfToken ?? "";
    }
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const payload = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
    const response = await this.app.inject({
      method,
      url,
      headers,
      ...(payload !== undefined ? { payload } : {}),
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    });
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = cookie.value === "" || (cookie.expires && cookie.expires.getTime() < Date.now());
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const text = response.body;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: response.statusCode, headers: response.headers, body: parsed as T };
  }

  async refreshCsrf(): Promise<void> {
    const session = await this.request<{ csrfToken: string }>("GET", "/api/auth/session");
    this.csrfToken = session.body.csrfToken;
  }

  async login(email: string, password: string, remoteAddress?: string): Promise<TestResponse> {
    const response = await this.request(
      "POST",
      "/api/auth/connexion",
      { email, motDePasse: password },
      remoteAddress ? { remoteAddress } : {},
    );
    if (response.status === 200) this.csrfToken = response.body.csrfToken;
    return response;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }
}

export const DEMO = {
  admin: ["admin@demo.achat-public.fr", "demo-admin-2026"],
  central: ["central@demo.achat-public.fr", "demo-central-2026"],
  acheteur: ["acheteur@demo.achat-public.fr", "demo-acheteur-2026"],
  lecteur: ["lecteur@demo.achat-public.fr", "demo-lecteur-2026"],
  entreprise: ["entreprise@demo.achat-public.fr", "demo-entreprise-2026"],
} as const;

export async function loggedIn(app: FastifyInstance, account: readonly [string, string]): Promise<TestClient> {
  const client = new TestClient(app);
  const response = await client.login(account[0], account[1]);
  if (response.status !== 200) throw new Error(`login ${account[0]} failed: ${JSON.stringify(response.body)}`);
  return client;
}

/**
 * The API test kit: an application on a fresh test database, WITHOUT demo data, with its own organisation and
 * one direction; `as(role)` creates an account of that role (factories) and logs it in. Tests state the data
 * they need with the insert factories instead of relying on the demo.
 */
export interface ApiTest {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  organisationId: string;
  directionId: string;
  anonymous(): TestClient;
  /** Logs in a new account of the role (its direction: the kit's, for a direction buyer). */
  as(role: Role, overrides?: Partial<Utilisateur>): Promise<TestClient & { utilisateur: Utilisateur }>;
  close(): Promise<void>;
}

const TEST_PASSWORD = "mot de passe des tests automatiques";
let cachedHash: Promise<string> | null = null;

export async function apiTest(target: TestTarget, overrides: Partial<Config> = {}): Promise<ApiTest> {
  const database = await target.open();
  const { app, ctx } = await testApp(database, { demoMode: false, ...overrides });
  const organisation = await insertOrganisation(database.db);
  const direction = await insertDirection(database.db, { organisationId: organisation.id });
  cachedHash ??= ctx.hasher.hash(TEST_PASSWORD);
  let n = 0;
  return {
    app,
    ctx,
    database,
    organisationId: organisation.id,
    directionId: direction.id,
    anonymous: () => new TestClient(app),
    async as(role, userOverrides = {}) {
      const utilisateur = await insertUtilisateur(
        database.db,
        {
          organisationId: organisation.id,
          role,
          email: `${role}.${++n}.${organisation.id.slice(-6)}@test.achat-public.fr`,
          directionId: role === "acheteur" ? direction.id : null,
          ...userOverrides,
        },
        await (cachedHash as Promise<string>),
      );
      if (role === "entreprise") {
        // a company account belongs to a company (of which it is the administrator), as after self-registration
        const entrepriseId = randomUUID();
        const siret = `9${String(n).padStart(12, "0")}`;
        const cle = [...Array(10).keys()].find((d) => luhnIsValid(`${siret}${d}`));
        await database.db.execute(
          sql`insert into entreprises (id, siret, raison_sociale) values (${entrepriseId}, ${`${siret}${cle}`}, ${`Entreprise de test ${n}`})`,
        );
        await database.db.execute(
          sql`insert into entreprise_membres (utilisateur_id, entreprise_id, administrateur) values (${utilisateur.id}, ${entrepriseId}, true)`,
        );
      }
      const client = new TestClient(app);
      const response = await client.login(utilisateur.email, TEST_PASSWORD);
      if (response.status !== 200) throw new Error(`login ${utilisateur.email} failed: ${JSON.stringify(response.body)}`);
      return Object.assign(client, { utilisateur });
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
