/**
 * Contracts of the rule book (moteur de règles), by analysis: inputs in euros and `YYYY-MM-DD` dates,
 * outputs in euros and percentages, each extending `ReponseExpliquee`; the `toXxxDomainInput` /
 * `fromXxxResult` mappers are the one place where euros and cents are converted, shared by the HTTP
 * routes and the CLI. `REGLES_ANALYSES` lists the five pure analyses for the adapters that register them.
 */
import { ReglesAnalyseInput, ReglesAnalyseOutput } from "./analyse.schema";
import { ReglesAvanceInput, ReglesAvanceOutput } from "./avance.schema";
import { ReglesDelaisInput, ReglesDelaisOutput } from "./delais.schema";
import { ReglesModificationInput, ReglesModificationOutput } from "./modification.schema";
import { ReglesPaiementInput, ReglesPaiementOutput } from "./paiement.schema";

export * from "./commun.schema";
export * from "./analyse.schema";
export * from "./delais.schema";
export * from "./modification.schema";
export * from "./paiement.schema";
export * from "./avance.schema";
export * from "./admin.schema";
export * from "./erreurs";

/**
 * The five pure analyses of the rule book: HTTP path (POST, public, no CSRF token), CLI command, French
 * summary and description for the OpenAPI document, input and output schemas.
 */
export const REGLES_ANALYSES = {
  analyse: {
    chemin: "/api/regles/analyse",
    commande: "regles analyse",
    resume: "Analyser un besoin : procédure, publicité, délais et obligations",
    description: "Les règles appliquées sont celles en vigueur à la date de lancement (CCP).",
    input: ReglesAnalyseInput,
    output: ReglesAnalyseOutput,
  },
  delais: {
    chemin: "/api/regles/delais",
    commande: "regles delais",
    resume: "Calendrier des dates légales : réception des offres, suspension, avis d'attribution, DECP",
    description: "Chaque date signale un samedi, un dimanche ou un jour férié et le premier jour ouvré.",
    input: ReglesDelaisInput,
    output: ReglesDelaisOutput,
  },
  modification: {
    chemin: "/api/regles/modification",
    commande: "regles modification",
    resume: "Contrôler une modification de marché (avenant) et l'avis de la CAO",
    description: "Cas de modification de L2194-1, plafonds, pourcentages et avis de la CAO (CGCT L1414-4).",
    input: ReglesModificationInput,
    output: ReglesModificationOutput,
  },
  paiement: {
    chemin: "/api/regles/paiement",
    commande: "regles paiement",
    resume: "Échéance de paiement, intérêts moratoires et indemnité forfaitaire",
    description: "Sans tauxBce, le taux de la BCE du semestre est lu dans la table administrée (GET /api/regles/taux-bce).",
    input: ReglesPaiementInput,
    output: ReglesPaiementOutput,
  },
  avance: {
    chemin: "/api/regles/avance",
    commande: "regles avance",
    resume: "Avance due et plafond de la retenue de garantie",
    description:
      "Avance obligatoire au-delà de 50 000 € HT et 2 mois, taux minimal majoré pour une PME ; retenue plafonnée à 5 % (3 % pour une PME).",
    input: ReglesAvanceInput,
    output: ReglesAvanceOutput,
  },
} as const;

/** Name of a pure analysis of the rule book ("analyse", "delais", "modification", "paiement", "avance"). */
export type NomAnalyseRegles = keyof typeof REGLES_ANALYSES;
