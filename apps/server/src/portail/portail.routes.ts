import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  DesabonnementOutput,
  FluxInput,
  FluxQuery,
  IdParams,
  presentRecherche,
  RechercheInput,
  RechercheOutput,
  RecherchesOutput,
  RechercheUpdateInput,
  versDomaine,
} from "@achat-public/contracts";
import { invalidInput, type Issue } from "@achat-public/domain";
import { salonsAnnonces } from "@achat-public/db";
import {
  creerRecherche,
  desabonner,
  elementDeConsultation,
  elementsCorrespondants,
  jetonFlux,
  listerRecherches,
  modifierRecherche,
  rechercheDuFlux,
  renouvelerFlux,
  supprimerRecherche,
  validerCriteres,
  type CriteresVeille,
  type RechercheEnregistree,
} from "@achat-public/domain/portail";
import { readOnly, type AppContext } from "../context";
import { aujourdhuiParis } from "../marches/aujourdhui";
import { defineRoutes } from "../platform/routes";
import { calendrier, rss, type Evenement } from "./flux";
import { signataire, sourcesVeille, urlPublique } from "./portail.service";

export const FLUX_MAX = 100;

const CHAMPS_API: Record<string, string> = {
  prefixesCpv: "cpv",
  motsCles: "q",
  montantMinHtCents: "montantMin",
  montantMaxHtCents: "montantMax",
};

/** The criteria of a feed query (amounts in euros), every problem named by its query parameter. */
export function criteresDeRequete(q: FluxQuery): CriteresVeille {
  const issues: Issue[] = [];
  const euros = (v: string | undefined, champ: string): number | null => {
    if (v === undefined || v.trim() === "") return null;
    const n = Number(v.replace(",", ".").replace(/\s/g, ""));
    if (!Number.isFinite(n) || n < 0) {
      issues.push({ path: [champ], message: `« ${v} » : montant en euros attendu.` });
      return null;
    }
    return Math.round(n * 100);
  };
  const min = euros(q.montantMin, "montantMin");
  const max = euros(q.montantMax, "montantMax");
  const domaine: Issue[] = [];
  const criteres = validerCriteres(
    {
      prefixesCpv: (q.cpv ?? "").split(",").filter((p) => p.trim() !== ""),
      motsCles: q.q ?? "",
      departement: q.departement ?? null,
      montantMinHtCents: min,
      montantMaxHtCents: max,
    },
    domaine,
  );
  for (const i of domaine) issues.push({ ...i, path: [CHAMPS_API[String(i.path[0])] ?? String(i.path[0]), ...i.path.slice(1)] });
  if (issues.length) throw invalidInput(issues);
  return criteres;
}

/** Sends a text with a strong ETag; answers 304 when the client has it. */
export function envoyerCacheable(
  request: FastifyRequest,
  reply: FastifyReply,
  corps: string,
  type: string,
  cacheControl = "public, max-age=300, must-revalidate",
) {
  const etag = `"${createHash("sha256").update(corps).digest("base64url").slice(0, 32)}"`;
  reply.header("ETag", etag);
  reply.header("Cache-Control", cacheControl);
  const attendu = request.headers["if-none-match"];
  if (attendu?.split(",").some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) return reply.status(304).send();
  return reply.type(type).send(corps);
}

async function presenter(ctx: AppContext, executeSql: Parameters<typeof signataire>[1], r: RechercheEnregistree) {
  const jeton = await jetonFlux(signataire(ctx, executeSql), r);
  return presentRecherche(r, `${urlPublique(ctx)}/api/public/recherches/${encodeURIComponent(jeton)}/flux.rss`);
}

const EXEMPLE: z.input<typeof RechercheInput> = {
  nom: "Espaces verts des collèges",
  frequence: "hebdomadaire",
  prefixesCpv: ["7731"],
  motsCles: ["entretien"],
  departement: "94",
  montantMinHt: 10_000,
  montantMaxHt: null,
};

export const portailRoutes = defineRoutes("Portail des entreprises", (r, ctx) => {
  r.read({
    method: "GET",
    url: "/api/entreprise/recherches",
    access: "entreprise.self",
    summary: "Les recherches enregistrées de son entreprise",
    response: RecherchesOutput,
    handler: async ({ uow, actor }) => {
      const recherches = await listerRecherches(uow, actor);
      return { recherches: await Promise.all(recherches.map((x) => presenter(ctx, uow.executeSql, x))) };
    },
  });

  r.write({
    method: "POST",
    url: "/api/entreprise/recherches",
    access: "entreprise.self",
    status: 201,
    summary: "Enregistrer une recherche (alertes par courriel et flux privé)",
    description:
      "Préfixes CPV, mots-clés (tous requis), département, fourchette de montants ; synthèse quotidienne ou hebdomadaire (le lundi) " +
      "des nouvelles lignes du programme publié et des nouvelles consultations, chaque élément envoyé une seule fois.",
    body: RechercheInput,
    response: RechercheOutput,
    example: { body: EXEMPLE },
    handler: async ({ uow, actor, body }) => presenter(ctx, uow.executeSql, await creerRecherche(uow, actor, versDomaine(body))),
  });

  r.write({
    method: "PUT",
    url: "/api/entreprise/recherches/:id",
    access: "entreprise.self",
    summary: "Modifier une recherche enregistrée (ou couper ses alertes)",
    params: IdParams,
    body: RechercheUpdateInput,
    response: RechercheOutput,
    example: { body: { ...EXEMPLE, alertesActives: true, version: 1 } },
    handler: async ({ uow, actor, params, body }) =>
      presenter(ctx, uow.executeSql, await modifierRecherche(uow, actor, params.id, versDomaine(body))),
  });

  r.write({
    method: "DELETE",
    url: "/api/entreprise/recherches/:id",
    access: "entreprise.self",
    status: 204,
    summary: "Supprimer une recherche enregistrée (son flux privé cesse)",
    params: IdParams,
    response: z.null(),
    handler: async ({ uow, actor, params }) => {
      await supprimerRecherche(uow, actor, params.id);
      return null;
    },
  });

  r.write({
    method: "POST",
    url: "/api/entreprise/recherches/:id/flux",
    access: "entreprise.self",
    summary: "Renouveler l'adresse du flux privé (l'ancienne est révoquée) ou révoquer le flux",
    params: IdParams,
    body: FluxInput,
    response: RechercheOutput,
    example: { body: { actif: true } },
    handler: async ({ uow, actor, params, body }) =>
      presenter(ctx, uow.executeSql, await renouvelerFlux(uow, actor, params.id, body.actif)),
  });

  r.write({
    method: "POST",
    url: "/api/public/desabonnement",
    access: "public",
    summary: "Couper les alertes d'une recherche par le lien du courriel (sans connexion)",
    body: z.strictObject({ jeton: z.string().min(1).max(200) }),
    response: DesabonnementOutput,
    example: { body: { jeton: "jeton-du-lien" } },
    handler: async ({ uow, body }) => {
      const { nom } = await desabonner({ ...uow, signataire: signataire(ctx, uow.executeSql) }, body.jeton);
      return { nom, message: `Vous ne recevrez plus les alertes de la recherche « ${nom} ».` };
    },
  });

  r.raw({
    url: "/api/public/flux.rss",
    access: "public",
    summary:
      "Flux RSS 2.0 des nouvelles lignes du programme publié et des nouvelles consultations (filtres : cpv, q, departement, montantMin, montantMax)",
    query: FluxQuery,
    handler: async ({ request, reply }) => {
      const query = request.query as FluxQuery;
      const criteres = criteresDeRequete(query);
      const elements = await elementsCorrespondants(sourcesVeille(ctx, ctx.database.db), criteres, FLUX_MAX);
      const base = urlPublique(ctx);
      const qs = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === "string")).toString();
      const corps = rss(
        {
          titre: `Achats à venir — ${ctx.config.organisation.name}`,
          lien: `${base}/portail`,
          description: "Nouvelles lignes du programme des achats publié et nouvelles consultations ouvertes.",
          self: `${base}/api/public/flux.rss${qs ? `?${qs}` : ""}`,
        },
        elements,
        base,
      );
      return envoyerCacheable(request, reply, corps, "application/rss+xml; charset=utf-8");
    },
  });

  r.raw({
    url: "/api/public/recherches/:jeton/flux.rss",
    access: "public",
    summary: "Flux RSS privé d'une recherche enregistrée (adresse secrète, révocable)",
    handler: async ({ request, reply }) => {
      const { jeton } = request.params as { jeton: string };
      const db = ctx.database.db;
      const lecture = readOnly(ctx);
      const recherche = await rechercheDuFlux({ recherches: lecture.recherches, signataire: signataire(ctx, lecture.executeSql) }, jeton);
      const elements = await elementsCorrespondants(sourcesVeille(ctx, db), recherche, FLUX_MAX);
      const base = urlPublique(ctx);
      const corps = rss(
        {
          titre: `${recherche.nom} — achats à venir, ${ctx.config.organisation.name}`,
          lien: `${base}/entreprise/recherches`,
          description: `Recherche enregistrée « ${recherche.nom} » : lignes du programme publié et consultations qui y répondent.`,
          self: `${base}/api/public/recherches/${encodeURIComponent(jeton)}/flux.rss`,
        },
        elements,
        base,
      );
      reply.header("X-Robots-Tag", "noindex");
      return envoyerCacheable(request, reply, corps, "application/rss+xml; charset=utf-8", "private, max-age=300");
    },
  });

  r.raw({
    url: "/api/public/calendrier.ics",
    access: "public",
    summary: "Calendrier iCalendar des dates limites de remise des offres et des salons de l'achat public",
    handler: async ({ request, reply }) => {
      const sources = sourcesVeille(ctx, ctx.database.db);
      const now = ctx.clock.now();
      const [consultations, salons] = await Promise.all([
        sources.consultations.lister(),
        salonsAnnonces(ctx.database.db, aujourdhuiParis(now)),
      ]);
      const base = urlPublique(ctx);
      const hote = new URL(base).hostname;
      const evenements: Evenement[] = [
        ...consultations.map((c): Evenement => {
          const e = elementDeConsultation(c, sources.departement);
          const limite = new Date(c.dateLimiteReception);
          return {
            uid: `consultation-${c.id}@${hote}`,
            titre: `Date limite : ${c.objet}`,
            description: `${e.description}\nDocuments de la consultation : ${e.lien.startsWith("/") ? `${base}${e.lien}` : e.lien}`,
            url: e.lien.startsWith("/") ? `${base}${e.lien}` : e.lien,
            // a deadline is a day (the procedures context keeps a date): a whole-day event
            ...(/^\d{4}-\d{2}-\d{2}$/.test(c.dateLimiteReception) ? { debut: c.dateLimiteReception } : { debut: limite, fin: limite }),
            modifieLe: e.publieLe,
          };
        }),
        ...salons.map(
          (s): Evenement => ({
            uid: `salon-${s.id}@${hote}`,
            titre: `Salon de l'achat public : ${s.nom}`,
            description: `${s.nom}, de ${s.heureOuverture} à ${s.heureFermeture}. Inscription sur ${base}/salon`,
            lieu: s.lieu,
            url: `${base}/salon`,
            debut: s.date,
            modifieLe: new Date(`${s.date}T00:00:00Z`),
          }),
        ),
      ];
      const corps = calendrier(`Achat public — ${ctx.config.organisation.name}`, evenements);
      return envoyerCacheable(request, reply, corps, "text/calendar; charset=utf-8");
    },
  });
});
