/** POST /api/regles/paiement: a payment to check (euros TTC) and its late-payment interest and indemnity. */
import { basisPointsToPercent, centsToEuros, eurosToCents, type PaiementInput, type PaiementResult } from "@achat-public/domain/regles";
import { z } from "zod";
import {
  dateIso,
  fromReponseExpliquee,
  hasAtMostTwoDecimals,
  montantEuros,
  nombre,
  ReponseExpliquee,
  StatutRegleSchema,
} from "./commun.schema";

export const ReglesPaiementInput = z
  .strictObject({
    montantTtc: montantEuros("Montant payé en retard, en euros TTC (net de la retenue de garantie)"),
    dateReception: dateIso("Date de réception de la demande de paiement (AAAA-MM-JJ)"),
    datePaiement: dateIso("Date de mise en paiement (AAAA-MM-JJ)"),
    tauxBce: nombre()
      .min(-10, { error: "Le taux de la BCE doit être compris entre -10 et 100 %.", abort: true })
      .max(100, { error: "Le taux de la BCE doit être compris entre -10 et 100 %.", abort: true })
      .refine(hasAtMostTwoDecimals, { error: "Le taux de la BCE s'exprime en pourcentage avec au plus deux décimales (ex. 2.15)." })
      .optional()
      .describe("Taux de la BCE en pourcentage (ex. 2.15) ; à défaut, le taux administré du semestre"),
    delaiPaiementJours: nombre()
      .int({ error: "Un nombre entier de jours est attendu." })
      .min(1, { error: "Le délai de paiement est d'au moins 1 jour." })
      .max(30, { error: "Un marché ne peut pas prévoir un délai de paiement supérieur à 30 jours (L2192-10)." })
      .optional()
      .describe("Délai de paiement contractuel s'il est plus court que 30 jours"),
  })
  .meta({ id: "ReglesPaiementInput", description: "Paiement à contrôler : montant TTC, dates de réception et de paiement" });
export type ReglesPaiementInput = z.infer<typeof ReglesPaiementInput>;

export const ReglesPaiementOutput = ReponseExpliquee.extend({
  montantTtc: z.number(),
  dateReception: z.string(),
  datePaiement: z.string(),
  delaiPaiementJours: z.number().int(),
  dateEcheance: z.string().describe("Réception + délai de paiement (AAAA-MM-JJ)"),
  avertissementsDateEcheance: z.array(z.string()).describe("Échéance un samedi, un dimanche ou un jour férié"),
  joursRetard: z.number().int().describe("0 si le paiement est à l'heure"),
  debutInterets: z.string().nullable(),
  semestreReference: z.string().nullable().describe("Semestre dont le taux de la BCE s'applique"),
  tauxBce: z.number().nullable().describe("Taux de la BCE retenu, en pourcentage"),
  origineTauxBce: z
    .enum(["saisi", "table"])
    .nullable()
    .describe("« saisi » : taux indiqué dans la demande ; « table » : taux administré du semestre"),
  statutTauxBce: StatutRegleSchema.nullable().describe(
    "Statut du taux lu dans la table : « confirme » ou « a-confirmer » ; null quand le taux a été saisi dans la demande (origineTauxBce = « saisi » : la plateforme ne l'a pas vérifié) ou quand aucun taux n'est nécessaire",
  ),
  tauxInterets: z.number().nullable().describe("Taux de la BCE + 8 points, en pourcentage"),
  interetsMoratoires: z.number().describe("Euros, arrondis au centime"),
  indemniteForfaitaire: z.number().describe("40 € en cas de retard de paiement d'une somme, sinon 0 (rien n'est dû pour un montant nul)"),
  dateLimiteVersementInterets: z.string().nullable(),
}).meta({ id: "ReglesPaiementOutput", description: "Échéance, retard, intérêts moratoires et indemnité forfaitaire" });
export type ReglesPaiementOutput = z.infer<typeof ReglesPaiementOutput>;

/** Euros and percent → cents and basis points for `calculerPaiement`. */
export function toReglesPaiementDomainInput(input: ReglesPaiementInput): PaiementInput {
  return {
    montantTtcCents: eurosToCents(input.montantTtc, { path: ["montantTtc"] }),
    dateReception: input.dateReception,
    datePaiement: input.datePaiement,
    ...(input.tauxBce !== undefined
      ? { tauxBcePointsDeBase: eurosToCents(input.tauxBce, { allowNegative: true, path: ["tauxBce"] }) }
      : {}),
    ...(input.delaiPaiementJours !== undefined ? { delaiPaiementJours: input.delaiPaiementJours } : {}),
  };
}

/** Cents and basis points → euros and percentages for the answer of `calculerPaiement`. */
export function fromReglesPaiementResult(result: PaiementResult): ReglesPaiementOutput {
  const percent = (bp: number | null) => (bp === null ? null : basisPointsToPercent(bp));
  return {
    montantTtc: centsToEuros(result.montantTtcCents),
    dateReception: result.dateReception,
    datePaiement: result.datePaiement,
    delaiPaiementJours: result.delaiPaiementJours,
    dateEcheance: result.dateEcheance.date,
    avertissementsDateEcheance: result.dateEcheance.avertissements,
    joursRetard: result.joursRetard,
    debutInterets: result.debutInterets,
    semestreReference: result.semestreReference,
    tauxBce: percent(result.tauxBcePointsDeBase),
    origineTauxBce: result.origineTauxBce,
    statutTauxBce: result.statutTauxBce,
    tauxInterets: percent(result.tauxInteretsPointsDeBase),
    interetsMoratoires: centsToEuros(result.interetsMoratoiresCents),
    indemniteForfaitaire: centsToEuros(result.indemniteForfaitaireCents),
    dateLimiteVersementInterets: result.dateLimiteVersementInterets,
    ...fromReponseExpliquee(result),
  };
}
