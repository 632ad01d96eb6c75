import { z } from "zod";
import { basisPointsToPercent, formatValeurSeuil, LIBELLES_CLES, SEUILS, setEcbRate } from "@achat-public/domain/regles";
import {
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
import { defineRoutes } from "../platform/routes";
import { regles } from "./regles.analyses";

const PUBLIC = "Information juridique publique : sans connexion ni jeton CSRF.";

export const reglesRoutes = defineRoutes("Règles de la commande publique", (r, ctx) => {
  // Pure computations: they change nothing, so they need no CSRF token (scripts call them with curl).
  const pure = { access: "public", csrf: false, method: "POST" } as const;

  r.read({
    ...pure,
    url: "/api/regles/analyse",
    summary: "Analyser un besoin : procédure, publicité, délais et obligations",
    description: `${PUBLIC} Les règles appliquées sont celles en vigueur à la date de lancement (CCP).`,
    body: ReglesAnalyseInput,
    response: ReglesAnalyseOutput,
    handler: ({ body }) => regles.analyse(body),
  });

  r.read({
    ...pure,
    url: "/api/regles/delais",
    summary: "Calendrier des dates légales : réception des offres, suspension, avis d'attribution, DECP",
    description: `${PUBLIC} Chaque date signale un samedi, un dimanche ou un jour férié.`,
    body: ReglesDelaisInput,
    response: ReglesDelaisOutput,
    handler: ({ body }) => regles.delais(body),
  });

  r.read({
    ...pure,
    url: "/api/regles/modification",
    summary: "Contrôler une modification de marché (avenant) et l'avis de la CAO",
    description: PUBLIC,
    body: ReglesModificationInput,
    response: ReglesModificationOutput,
    handler: ({ body }) => regles.modification(body),
  });

  r.read({
    ...pure,
    url: "/api/regles/paiement",
    summary: "Échéance de paiement, intérêts moratoires et indemnité forfaitaire",
    description: `${PUBLIC} Sans tauxBce, le taux de la BCE du semestre est lu dans la table administrée (GET /api/regles/taux-bce).`,
    body: ReglesPaiementInput,
    response: ReglesPaiementOutput,
    handler: async ({ body }) => regles.paiement(body, await ecbRateRepository(ctx.database.db).list()),
  });

  r.read({
    ...pure,
    url: "/api/regles/avance",
    summary: "Avance due et plafond de la retenue de garantie",
    description: `${PUBLIC} Avance obligatoire au-delà de 50 000 € HT et 2 mois, taux minimal majoré pour une PME ; retenue plafonnée à 5 % (3 % pour une PME).`,
    body: ReglesAvanceInput,
    response: ReglesAvanceOutput,
    handler: ({ body }) => regles.avance(body),
  });

  r.read({
    method: "GET",
    url: "/api/regles/seuils",
    access: "public",
    summary: "Table datée des seuils, avec leurs articles et leurs sources",
    description: PUBLIC,
    response: z.array(SeuilOutput),
    handler: () =>
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
  });

  r.read({
    method: "GET",
    url: "/api/regles/taux-bce",
    access: "public",
    summary: "Table administrée des taux de la BCE par semestre (intérêts moratoires)",
    description: PUBLIC,
    response: z.array(TauxBceOutput),
    handler: async () =>
      (await ecbRateRepository(ctx.database.db).list()).map((row) => ({
        debutSemestre: row.debutSemestre,
        tauxBce: basisPointsToPercent(row.tauxBcePointsDeBase),
        source: row.source,
        statut: row.statut,
      })),
  });

  r.write({
    method: "PUT",
    url: "/api/regles/taux-bce/:debutSemestre",
    access: "regles.manage",
    summary: "Définir le taux de la BCE d'un semestre (administrateur)",
    params: TauxBceParams,
    body: TauxBceInput,
    response: TauxBceOutput,
    example: { params: { debutSemestre: "2030-01-01" }, body: { tauxBce: 2.15, source: "BCE", statut: "a-confirmer" } },
    handler: async ({ actor, uow, params, body }) => {
      const row = await setEcbRate(uow, actor, {
        debutSemestre: params.debutSemestre,
        tauxBcePointsDeBase: Math.round(body.tauxBce * 100),
        source: body.source,
        statut: body.statut,
      });
      return {
        debutSemestre: row.debutSemestre,
        tauxBce: basisPointsToPercent(row.tauxBcePointsDeBase),
        source: row.source,
        statut: row.statut,
      };
    },
  });
});
