import type { APIRequestContext, Page } from "playwright-core";

/** The demo accounts, one per role (README). */
export const DEMO = {
  admin: { email: "admin@demo.achat-public.fr", password: "demo-admin-2026" },
  "acheteur-central": { email: "central@demo.achat-public.fr", password: "demo-central-2026" },
  acheteur: { email: "acheteur@demo.achat-public.fr", password: "demo-acheteur-2026" },
  lecteur: { email: "lecteur@demo.achat-public.fr", password: "demo-lecteur-2026" },
  entreprise: { email: "entreprise@demo.achat-public.fr", password: "demo-entreprise-2026" },
} as const;

/** Fills and sends the login form (the page must show it). */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel(/^Mot de passe/).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/** Logs in through the login page and waits for the start page. */
export async function login(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/connexion`);
  await submitLogin(page, email, password);
  await page.getByRole("heading", { level: 1, name: /^Bonjour/ }).waitFor();
}

export interface ApiClient {
  call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

/** An API client logged in as `email`, sharing the cookies of `request` (a browser context's, or a new one). */
export async function apiLogin(request: APIRequestContext, url: string, email: string, password: string): Promise<ApiClient> {
  const session = await (await request.get(`${url}/api/auth/session`)).json();
  const connexion = await request.post(`${url}/api/auth/connexion`, {
    headers: { "X-CSRF-Token": session.csrfToken },
    data: { email, motDePasse: password },
  });
  if (!connexion.ok()) throw new Error(`connexion refusée : ${connexion.status()} ${await connexion.text()}`);
  const csrfToken: string = (await connexion.json()).csrfToken;
  return {
    async call(method, path, body) {
      const response = await request.fetch(`${url}${path}`, {
        method,
        headers: { "X-CSRF-Token": csrfToken, Accept: "application/json" },
        ...(body !== undefined ? { data: body } : {}),
      });
      const text = await response.text();
      return { status: response.status(), body: (text ? JSON.parse(text) : null) as never };
    },
  };
}
