import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { basisPointsToPercent, formatValeurSeuil, LIBELLES_CLES, SEUILS, setEcbRate } from "@achat-public/domain/regles";
import {
  Problem,
  ReglesAnalyseInput,
  ReglesAnalyseOutput,
  ReglesAvanceInput,
  ReglesAvanceOutput,
  ReglesDelaisInput,
  ReglesDelaisOutput,
  ReglesModificationInput,
  ReglesModificationOutput,
  ReglesPaiementInput,
  ReglesPaiementOutput,
  SeuilOutput,
  TauxBceInput,
  TauxBceOutput,
  TauxBceParams,
} from "@achat-public/contracts";
import { ecbRateRepository } from "@achat-public/db";
import { unitOfWork, type AppContext } from "../context";
import { requireActor } from "../http/security";
import { regles } from "../regles";

const tags = ["Règles de la commande publique"];
const errors = { 400: Problem, 422: Problem };
const PUBLIC = "Information juridique publique : sans connexion ni jeton CSRF.";

export const reglesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // Pure computations: they change nothing, so they need no CSRF token (scripts call them with curl).
    const pure = { csrf: false } as const;

    app.post(
      "/api/regles/analyse",
      {
        config: pure,
        schema: {
          tags,
          summary: "Analyser un besoin : procédure, publicité, délais et obligations",
          description: `${PUBLIC} Les règles appliquées sont celles en vigueur à la date de lancement (CCP).`,
          body: ReglesAnalyseInput,
          response: { 200: ReglesAnalyseOutput, ...errors },
        },
      },
      async (request) => regles.analyse(request.body),
    );

    app.post(
      "/api/regles/delais",
      {
        config: pure,
        schema: {
          tags,
          summary: "Calendrier des dates légales : réception des offres, suspension, avis d'attribution, DECP",
          description: `${PUBLIC} Chaque date signale un samedi, un dimanche ou un jour férié.`,
          body: ReglesDelaisInput,
          response: { 200: ReglesDelaisOutput, ...errors },
        },
      },
      async (request) => regles.delais(request.body),
    );

    app.post(
      "/api/regles/modification",
      {
        config: pure,
        schema: {
          tags,
          summary: "Contrôler une modification de marché (avenant) et l'avis de la CAO",
          description: PUBLIC,
          body: ReglesModificationInput,
          response: { 200: ReglesModificationOutput, ...errors },
        },
      },
      async (request) => regles.modification(request.body),
    );

    app.post(
      "/api/regles/paiement",
      {
        config: pure,
        schema: {
          tags,
          summary: "Échéance de paiement, intérêts moratoires et indemnité forfaitaire",
          description: `${PUBLIC} Sans tauxBce, le taux de la BCE du semestre est lu dans la table administrée (GET /api/regles/taux-bce).`,
          body: ReglesPaiementInput,
          response: { 200: ReglesPaiementOutput, ...errors },
        },
      },
      async (request) => regles.paiement(request.body, await ecbRateRepository(ctx.database.db).list()),
    );

    app.post(
      "/api/regles/avance",
      {
        config: pure,
        schema: {
          tags,
          summary: "Avance due et plafond de la retenue de garantie",
          description: `${PUBLIC} Avance obligatoire au-delà de 50 000 € HT et 2 mois, taux minimal majoré pour une PME ; retenue plafonnée à 5 % (3 % pour une PME).`,
          body: ReglesAvanceInput,
          response: { 200: ReglesAvanceOutput, ...errors },
        },
      },
      async (request) => regles.avance(request.body),
    );

    app.get(
      "/api/regles/seuils",
      {
        schema: {
          tags,
          summary: "Table datée des seuils, avec leurs articles et leurs sources",
          description: PUBLIC,
          response: { 200: z.array(SeuilOutput) },
        },
      },
      async () =>
        SEUILS.map((row) => ({
          id: row.id,
          cle: row.cle,
          libelle: LIBELLES_CLES[row.cle],
          valeur: formatValeurSeuil(row),
          operateur: row.operateur,
          effectiveFrom: row.effectiveFrom,
          effectiveTo: row.effectiveTo,
          statut: row.statut,
          sources: [...row.sources],
          fondements: row.fondements.map((f) => ({ ...f })),
        })),
    );

    app.get(
      "/api/regles/taux-bce",
      {
        schema: {
          tags,
          summary: "Table administrée des taux de la BCE par semestre (intérêts moratoires)",
          description: PUBLIC,
          response: { 200: z.array(TauxBceOutput) },
        },
      },
      async () =>
        (await ecbRateRepository(ctx.database.db).list()).map((row) => ({
          debutSemestre: row.debutSemestre,
          tauxBce: basisPointsToPercent(row.tauxBcePointsDeBase),
          source: row.source,
          statut: row.statut,
        })),
    );

    app.put(
      "/api/regles/taux-bce/:debutSemestre",
      {
        schema: {
          tags,
          summary: "Définir le taux de la BCE d'un semestre (administrateur)",
          params: TauxBceParams,
          body: TauxBceInput,
          response: { 200: TauxBceOutput, 400: Problem, 401: Problem, 403: Problem },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const row = await unitOfWork(
          ctx,
          (repos) =>
            setEcbRate(repos, actor, {
              debutSemestre: request.params.debutSemestre,
              tauxBcePointsDeBase: Math.round(request.body.tauxBce * 100),
              source: request.body.source,
              statut: request.body.statut,
            }),
          request.id,
        );
        return {
          debutSemestre: row.debutSemestre,
          tauxBce: basisPointsToPercent(row.tauxBcePointsDeBase),
          source: row.source,
          statut: row.statut,
        };
      },
    );
  };
