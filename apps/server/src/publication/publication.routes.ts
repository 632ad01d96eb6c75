import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { ChangementsQuery, ControlePublication, ControleQuery, PageChangements } from "@achat-public/contracts";
import { defineRoutes } from "../platform/routes";
import { exporterDecp, exporterOcds, lireEtControler, marquerPublies, organisationPubliee, sourceDe } from "./publication.service";
import { systemActor } from "@achat-public/domain";

const PUBLIC = "Donnée ouverte, sans connexion (Licence Ouverte 2.0).";

/** Sends a JSON document with a strong ETag (hash of its bytes); 304 when the client already has it. */
function envoyerAvecEtag(request: FastifyRequest, reply: FastifyReply, document: unknown, fichier: string) {
  const corps = JSON.stringify(document);
  const etag = `"${createHash("sha256").update(corps).digest("base64url").slice(0, 32)}"`;
  reply.header("ETag", etag);
  reply.header("Cache-Control", "public, max-age=300, must-revalidate");
  reply.header("Access-Control-Allow-Origin", "*");
  const attendu = request.headers["if-none-match"];
  if (attendu?.split(",").some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) return reply.status(304).send();
  reply.header("Content-Disposition", `inline; filename="${fichier}"`);
  return reply.type("application/json; charset=utf-8").send(corps);
}

export const publicationRoutes = defineRoutes("Données ouvertes", (r, ctx) => {
  r.raw({
    url: "/api/donnees-ouvertes/decp.json",
    access: "public",
    summary: `Données essentielles des marchés du département (DECP 2.0.3, arrêtés du 22 décembre 2022). ${PUBLIC} Seuls les marchés qui passent le contrôle qualité et le schéma officiel sont publiés. ETag / If-None-Match.`,
    handler: async ({ request, reply }) => {
      const resultat = await exporterDecp(ctx);
      // serving the document publishes it: the records out for the first time get today's date (same bytes: the
      // document already carried today's date for them)
      await marquerPublies(ctx, systemActor("publication des données ouvertes (decp.json)"), resultat, resultat.publies);
      return envoyerAvecEtag(request, reply, resultat.document, "decp.json");
    },
  });

  r.raw({
    url: "/api/donnees-ouvertes/ocds.json",
    access: "public",
    summary: `Paquet de publications OCDS 1.1.5 (une procédure, un ocid stable). ${PUBLIC} ETag / If-None-Match.`,
    handler: async ({ request, reply }) => {
      const resultat = await exporterOcds(ctx);
      return envoyerAvecEtag(request, reply, resultat.document, "ocds.json");
    },
  });

  r.read({
    method: "GET",
    url: "/api/donnees-ouvertes/changements",
    access: "public",
    summary: "Fil des changements des objets publics (marchés, procédures), paginé par curseur",
    description: `${PUBLIC} Passez « suivant » dans « depuis » pour lire la suite ; « suivant » reste le même tant que rien n'a changé.`,
    query: ChangementsQuery,
    response: PageChangements,
    example: { query: { limite: "10" } },
    handler: async ({ query }) => {
      const organisation = await organisationPubliee(ctx);
      const page = await sourceDe(ctx).changements(organisation.id, query.depuis ?? null, query.limite);
      const base = `${ctx.config.publicUrl}/api/donnees-ouvertes`;
      return {
        changements: page.changements.map((c) => ({
          ...c,
          url:
            c.type === "marche"
              ? `${base}/decp.json#${encodeURIComponent(c.reference)}`
              : `${base}/ocds.json#${ctx.config.ocdsPrefixe}-${c.id}`,
        })),
        suivant: page.suivant,
      };
    },
  });

  r.read({
    method: "GET",
    url: "/api/publication/controle",
    access: "publication.read",
    summary: "Contrôle qualité des données essentielles (DECP) et publications en retard",
    query: ControleQuery,
    response: ControlePublication,
    handler: async ({ query }) => {
      const { controle } = await lireEtControler(ctx);
      const problemes = [...controle.problemes].sort(
        (a, b) => a.numero.localeCompare(b.numero, "fr") || a.champ.localeCompare(b.champ, "fr"),
      );
      const debut = (query.page - 1) * query.parPage;
      return {
        total: problemes.length,
        page: query.page,
        parPage: query.parPage,
        problemes: problemes.slice(debut, debut + query.parPage),
        date: controle.date,
        conforme: controle.conforme,
        marchesExamines: controle.total,
        marchesPubliables: controle.publiables.length,
        marchesEnErreur: controle.enErreur.length,
        horsPerimetre: controle.horsPerimetre.length,
        aPublierEnRetard: controle.aPublierEnRetard.map(({ fondements: _f, ...r }) => r),
        publieesEnRetard: controle.publieesEnRetard,
      };
    },
  });
});
