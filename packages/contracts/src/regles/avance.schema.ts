/** POST /api/regles/avance: the advance owed (R2191-3, R2191-7) and the retention cap (R2191-32). */
import {
  basisPointsToPercent,
  centsToEuros,
  eurosToCents,
  type AvanceEtRetenueInput,
  type AvanceEtRetenueResult,
} from "@achat-public/domain/regles";
import { z } from "zod";
import { dateIso, fromReponseExpliquee, montantEuros, nombre, ReponseExpliquee } from "./commun.schema";

export const ReglesAvanceInput = z
  .strictObject({
    montantInitialHt: montantEuros("Montant initial du marché en euros HT (comparé au seuil de 50 000 € HT)", { strictementPositif: true }),
    montantInitialTtc: montantEuros("Montant initial du marché en euros TTC (assiette de l'avance)", { strictementPositif: true }),
    dureeExecutionMois: nombre()
      .gt(0, { error: "La durée d'exécution doit être strictement positive.", abort: true })
      .max(600, { error: "La durée d'exécution ne peut pas dépasser 600 mois.", abort: true })
      .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-9, { error: "La durée s'exprime en mois, avec deux décimales au plus." })
      .describe("Durée d'exécution en mois (2,5 = deux mois et demi)"),
    dateLancement: dateIso("Date de lancement de la consultation (AAAA-MM-JJ)"),
    titulairePme: z.boolean().describe("Le titulaire (ou un sous-traitant payé directement) est une PME"),
    montantModificationsTtc: montantEuros("Montant des modifications en euros TTC, ajouté au montant initial pour la retenue", {
      negatif: true,
    })
      .optional()
      .describe("Modifications déjà notifiées (assiette de la retenue de garantie) ; 0 par défaut"),
  })
  .meta({ id: "ReglesAvanceInput", description: "Marché dont on veut connaître l'avance due et le plafond de la retenue de garantie" });
export type ReglesAvanceInput = z.infer<typeof ReglesAvanceInput>;

export const ReglesAvanceOutput = ReponseExpliquee.extend({
  avance: z.object({
    obligatoire: z.boolean().describe("Montant > 50 000 € HT et durée > 2 mois"),
    montantSuperieurAuSeuil: z.boolean(),
    dureeSuperieureAuSeuil: z.boolean(),
    tauxMinimum: z.number().describe("Taux minimal de l'avance, en pourcentage"),
    tauxPmeApplique: z.boolean(),
    assietteTtc: z.number().describe("Montant TTC sur lequel le taux s'applique (euros)"),
    montantMinimumTtc: z.number().describe("Avance minimale en euros TTC"),
  }),
  retenue: z.object({
    tauxMaximum: z.number().describe("Taux maximal de la retenue de garantie, en pourcentage"),
    tauxPmeApplique: z.boolean(),
    assietteTtc: z.number(),
    plafondTtc: z.number().describe("Retenue de garantie maximale en euros TTC"),
  }),
}).meta({ id: "ReglesAvanceOutput", description: "Avance due (R2191-3, R2191-7) et plafond de la retenue de garantie (R2191-32)" });
export type ReglesAvanceOutput = z.infer<typeof ReglesAvanceOutput>;

/** Euros → cents for `analyserAvanceEtRetenue` (same names plus `Cents`). */
export function toReglesAvanceDomainInput(input: ReglesAvanceInput): AvanceEtRetenueInput {
  return {
    montantInitialHtCents: eurosToCents(input.montantInitialHt, { path: ["montantInitialHt"] }),
    montantInitialTtcCents: eurosToCents(input.montantInitialTtc, { path: ["montantInitialTtc"] }),
    dureeExecutionMois: input.dureeExecutionMois,
    dateLancement: input.dateLancement,
    titulairePme: input.titulairePme,
    ...(input.montantModificationsTtc !== undefined
      ? {
          montantModificationsTtcCents: eurosToCents(input.montantModificationsTtc, {
            allowNegative: true,
            path: ["montantModificationsTtc"],
          }),
        }
      : {}),
  };
}

/** Cents and basis points → euros and percentages for the answer of `analyserAvanceEtRetenue`. */
export function fromReglesAvanceResult(result: AvanceEtRetenueResult): ReglesAvanceOutput {
  const { avance, retenue } = result;
  return {
    avance: {
      obligatoire: avance.obligatoire,
      montantSuperieurAuSeuil: avance.montantSuperieurAuSeuil,
      dureeSuperieureAuSeuil: avance.dureeSuperieureAuSeuil,
      tauxMinimum: basisPointsToPercent(avance.tauxMinimumPointsDeBase),
      tauxPmeApplique: avance.tauxPmeApplique,
      assietteTtc: centsToEuros(avance.assietteTtcCents),
      montantMinimumTtc: centsToEuros(avance.montantMinimumTtcCents),
    },
    retenue: {
      tauxMaximum: basisPointsToPercent(retenue.tauxMaximumPointsDeBase),
      tauxPmeApplique: retenue.tauxPmeApplique,
      assietteTtc: centsToEuros(retenue.assietteTtcCents),
      plafondTtc: centsToEuros(retenue.plafondTtcCents),
    },
    ...fromReponseExpliquee(result),
  };
}
