import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { Health, Theme } from "@achat-public/contracts";
import { ping } from "@achat-public/db";
import { LOGO_TYPES } from "../config";
import { problem, sendProblem } from "../platform/problem";
import { defineRoutes } from "../platform/routes";

/** The default logo: the organisation's initials on its primary colour (replace it with THEME_LOGO_FILE). */
export function defaultLogoSvg(name: string, color: string): string {
  const initials = name
    .replace(/^(Département|Departement)\s+(du|de la|de l'|des|de)\s*/i, "")
    .split(/[\s-]+/)
    .filter((w) => /^[A-ZÀ-Ý]/.test(w))
    .map((w) => w[0])
    .join("")
    .slice(0, 3);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="${name.replace(/"/g, "")}"><rect width="64" height="64" rx="14" fill="${color}"/><path d="M8 46 Q20 36 32 46 T56 46" stroke="#fff" stroke-width="4" fill="none" stroke-linecap="round"/><text x="32" y="33" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-size="20" font-weight="700" fill="#fff">${initials}</text></svg>`;
}

/** How long a successful database check answers for the health route (a flood of probes costs one query). */
export const HEALTH_CACHE_MS = 1_000;

export const systemeRoutes = defineRoutes("Système", (r, ctx) => {
  let lastHealthy = 0;
  let pending: Promise<void> | null = null;
  const checkDatabase = async (): Promise<void> => {
    if (Date.now() - lastHealthy < HEALTH_CACHE_MS) return;
    // one query in flight at a time, shared by concurrent probes
    pending ??= ping(ctx.database)
      .then(() => {
        lastHealthy = Date.now();
      })
      .finally(() => {
        pending = null;
      });
    await pending;
  };

  r.read({
    method: "GET",
    url: "/api/health",
    access: "public",
    summary: "État du service et de sa base de données",
    description: "La base est interrogée au plus une fois par seconde ; 503 si elle ne répond pas.",
    response: Health,
    handler: async ({ request, reply }) => {
      try {
        await checkDatabase();
      } catch (error) {
        request.log.error({ err: error }, "base de données injoignable");
        reply.header("Retry-After", "5");
        return sendProblem(
          reply,
          problem(503, "DATABASE_UNAVAILABLE", "La base de données ne répond pas : le service est indisponible.", request.id),
        ) as never;
      }
      return { status: "ok" as const, database: ctx.database.kind };
    },
  });

  r.read({
    method: "GET",
    url: "/api/theme",
    access: "public",
    summary: "Nom, couleurs et logo de la collectivité",
    response: Theme,
    handler: async ({ reply }) => {
      reply.header("Cache-Control", "public, max-age=300");
      return {
        nomOrganisation: ctx.config.organisation.name,
        couleurPrincipale: ctx.config.theme.primaryColor,
        logoUrl: "/api/theme/logo",
        demo: ctx.config.demoMode,
      };
    },
  });

  r.raw({
    url: "/api/theme/logo",
    access: "public",
    handler: async ({ reply }) => {
      reply.header("Cache-Control", "public, max-age=300");
      const file = ctx.config.theme.logoFile;
      if (file) return reply.type(LOGO_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream").send(await readFile(file));
      return reply.type("image/svg+xml").send(defaultLogoSvg(ctx.config.organisation.name, ctx.config.theme.primaryColor));
    },
  });
});
