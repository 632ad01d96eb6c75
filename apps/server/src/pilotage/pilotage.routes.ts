import { z } from "zod";
import { fixerCible, lireIndicateurs, marchesDerriere, repartirIndicateurs, type CleIndicateur } from "@achat-public/domain/pilotage";
import {
  bornes,
  CibleInput,
  demandeIndicateurs,
  IndicateursOutput,
  IndicateursQuery,
  MarchesDerriereOutput,
  MarchesDerriereQuery,
  presentIndicateurs,
  presentMarchesDerriere,
  presentRepartition,
  RepartitionOutput,
  RepartitionQuery,
} from "@achat-public/contracts";
import { readOnly } from "../context";
import { sendExport, sendFile } from "../platform/files";
import { defineRoutes, unauthenticated } from "../platform/routes";
import {
  COLONNES_INDICATEURS,
  COLONNES_MARCHES_DERRIERE,
  COLONNES_REPARTITION,
  lignesIndicateurs,
  lignesRepartition,
} from "./pilotage.export";
import { construireRapport, rapportHtml, rapportPdf } from "./rapport";

const FormatExport = z.strictObject({ format: z.enum(["csv", "xlsx"], { error: "Format attendu : csv ou xlsx." }).default("xlsx") });
const FormatRapport = z.strictObject({
  annee: IndicateursQuery.shape.annee.unwrap(),
  format: z.enum(["pdf", "html"], { error: "Format attendu : pdf ou html." }).default("pdf"),
});

export const pilotageRoutes = defineRoutes("Pilotage", (r) => {
  r.read({
    method: "GET",
    url: "/api/indicateurs",
    access: "pilotage.read",
    summary: "Les indicateurs de la politique d'achat et du SPASER, avec leur définition, leur formule et leur objectif",
    description:
      "Population : les marchés notifiés dans la période (`annee`, ou `du` et `au`), d'une direction ou de toutes, d'au moins " +
      "`montantMinHt` euros HT (40000 : exactement la population publiée dans les DECP). Les parts sont entre 0 et 1.",
    query: IndicateursQuery,
    response: IndicateursOutput,
    example: { query: { annee: "2026" } },
    handler: async ({ actor, uow, query }) =>
      presentIndicateurs(await lireIndicateurs(uow, actor, actor.organisationId, demandeIndicateurs(query))),
  });

  r.read({
    method: "GET",
    url: "/api/indicateurs/repartition",
    access: "pilotage.read",
    summary: "Les indicateurs répartis par direction, par famille d'achat (division CPV) ou par mois",
    query: RepartitionQuery,
    response: RepartitionOutput,
    example: { query: { annee: "2026", axe: "direction" } },
    handler: async ({ actor, uow, query }) =>
      presentRepartition(await repartirIndicateurs(uow, actor, actor.organisationId, demandeIndicateurs(query), query.axe)),
  });

  r.read({
    method: "GET",
    url: "/api/indicateurs/marches",
    access: "pilotage.read",
    summary: "Les marchés derrière un chiffre : ceux que compte le numérateur de l'indicateur",
    query: MarchesDerriereQuery,
    response: MarchesDerriereOutput,
    example: { query: { annee: "2026", indicateur: "partPmeNombre" } },
    handler: async ({ actor, uow, query }) =>
      presentMarchesDerriere(
        query,
        await marchesDerriere(uow, actor, actor.organisationId, demandeIndicateurs(query), query.indicateur, bornes(query)),
      ),
  });

  r.write({
    method: "PUT",
    url: "/api/indicateurs/cibles",
    access: "pilotage.cibles",
    summary: "Fixer l'objectif du SPASER d'un indicateur pour une année",
    body: CibleInput,
    response: z.null(),
    status: 204,
    example: { body: { indicateur: "partConsiderationSociale", annee: 2026, valeur: 0.3 } },
    handler: async ({ actor, uow, body }) => {
      await fixerCible(uow, actor, actor.organisationId, body);
      return null;
    },
  });

  r.raw({
    url: "/api/indicateurs/export",
    access: "pilotage.read",
    summary: "Exporter le tableau des indicateurs (XLSX ou CSV)",
    query: IndicateursQuery.extend(FormatExport.shape),
    handler: async ({ request, reply, ctx, session }) => {
      const q = IndicateursQuery.extend(FormatExport.shape).parse(request.query);
      if (!session) throw unauthenticated();
      const t = await lireIndicateurs(readOnly(ctx), session.actor, session.actor.organisationId, demandeIndicateurs(q));
      return sendExport(
        reply,
        lignesIndicateurs(t.indicateurs),
        COLONNES_INDICATEURS,
        q.format,
        `indicateurs-${t.filtre.du}-${t.filtre.au}`,
      );
    },
  });

  r.raw({
    url: "/api/indicateurs/repartition/export",
    access: "pilotage.read",
    summary: "Exporter le tableau d'un graphique : les indicateurs par direction, famille d'achat ou mois (XLSX ou CSV)",
    query: RepartitionQuery.extend(FormatExport.shape),
    handler: async ({ request, reply, ctx, session }) => {
      const q = RepartitionQuery.extend(FormatExport.shape).parse(request.query);
      if (!session) throw unauthenticated();
      const r = await repartirIndicateurs(readOnly(ctx), session.actor, session.actor.organisationId, demandeIndicateurs(q), q.axe);
      return sendExport(
        reply,
        lignesRepartition(r.series),
        COLONNES_REPARTITION,
        q.format,
        `indicateurs-par-${q.axe}-${r.filtre.du}-${r.filtre.au}`,
      );
    },
  });

  r.raw({
    url: "/api/indicateurs/marches/export",
    access: "pilotage.read",
    summary: "Exporter les marchés derrière un chiffre (XLSX ou CSV)",
    query: MarchesDerriereQuery.omit({ page: true, parPage: true }).extend(FormatExport.shape),
    handler: async ({ request, reply, ctx, session }) => {
      const q = MarchesDerriereQuery.omit({ page: true, parPage: true }).extend(FormatExport.shape).parse(request.query);
      if (!session) throw unauthenticated();
      const actor = session.actor;
      const indicateur: CleIndicateur = q.indicateur;
      async function* lignes() {
        for (let offset = 0; ; offset += 1000) {
          const p = await marchesDerriere(readOnly(ctx), actor, actor.organisationId, demandeIndicateurs(q), indicateur, {
            limit: 1000,
            offset,
          });
          for (const m of p.marches) yield { ...m, montantHt: m.montantHtCents };
          if (p.marches.length < 1000) return;
        }
      }
      return sendExport(reply, lignes(), COLONNES_MARCHES_DERRIERE, q.format, `marches-${indicateur}`);
    },
  });

  r.raw({
    url: "/api/spaser/rapport",
    access: "pilotage.read",
    summary: "Le rapport annuel du SPASER (PDF ou HTML) : indicateurs, objectifs, graphiques, méthode",
    query: FormatRapport,
    handler: async ({ request, reply, ctx, session }) => {
      const q = FormatRapport.parse(request.query);
      if (!session) throw unauthenticated();
      const rapport = await construireRapport(readOnly(ctx), session.actor, session.actor.organisationId, q.annee);
      if (q.format === "html") return sendFile(reply, Buffer.from(rapportHtml(rapport)), `rapport-spaser-${q.annee}.html`, "html");
      return sendFile(reply, await rapportPdf(rapport), `rapport-spaser-${q.annee}.pdf`, "pdf");
    },
  });
});
