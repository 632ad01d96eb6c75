/** POST /api/regles/modification: a contract modification (avenant) to check, and the answer. */
import {
  basisPointsToPercent,
  centsToEuros,
  eurosToCents,
  FONDEMENTS_MODIFICATION,
  type ModificationInput,
  type ModificationResult,
} from "@achat-public/domain/regles";
import { z } from "zod";
import { dateIso, fromReponseExpliquee, montantEuros, NatureSchema, ReponseExpliquee } from "./commun.schema";

const FondementModificationSchema = z.enum(FONDEMENTS_MODIFICATION).describe("Cas de modification invoqué (L2194-1)");

const ModificationMontantSchema = z.strictObject({
  montantHt: montantEuros("Montant de la modification en euros HT ; négatif pour une diminution", { negatif: true }),
  fondement: FondementModificationSchema,
});

export const ReglesModificationInput = z
  .strictObject({
    montantInitialHt: montantEuros("Montant initial du marché en euros HT", { strictementPositif: true }),
    nature: NatureSchema,
    dateLancement: dateIso("Date de lancement de la consultation initiale (AAAA-MM-JJ)"),
    attribueParCao: z.boolean().describe("Marché attribué par la commission d'appel d'offres"),
    modificationsAnterieures: z.array(ModificationMontantSchema).max(200).optional().describe("Modifications déjà notifiées, dans l'ordre"),
    modification: ModificationMontantSchema.describe("Modification examinée"),
  })
  .meta({ id: "ReglesModificationInput", description: "Modification (avenant) à vérifier" });
export type ReglesModificationInput = z.infer<typeof ReglesModificationInput>;

export const ReglesModificationOutput = ReponseExpliquee.extend({
  autorisee: z.boolean().describe("Autorisée sur le fondement invoqué"),
  fondementInvoque: FondementModificationSchema,
  montantInitialHt: z.number(),
  montantModificationHt: z.number(),
  montantCumuleModificationsHt: z.number(),
  nouveauMontantHt: z.number(),
  pourcentageCetteModification: z
    .number()
    .describe("En pourcentage du montant initial, deux décimales (voir les explications pour la comparaison exacte)"),
  pourcentageCumule: z.number().describe("Toutes modifications comprises, en pourcentage du montant initial"),
  faibleMontant: z
    .object({
      montantCumuleHt: z.number(),
      pourcentage: z.number(),
      seuilEuropeenHt: z.number(),
      plafondPourcentage: z.number(),
    })
    .nullable(),
  avisCaoRequis: z.boolean(),
}).meta({ id: "ReglesModificationOutput", description: "Résultat de la vérification d'une modification (montants en euros HT)" });
export type ReglesModificationOutput = z.infer<typeof ReglesModificationOutput>;

/** Euros → cents for `verifierModification`. */
export function toReglesModificationDomainInput(input: ReglesModificationInput): ModificationInput {
  const toDomain = (m: { montantHt: number; fondement: ModificationInput["modification"]["fondement"] }, path: (string | number)[]) => ({
    montantHtCents: eurosToCents(m.montantHt, { allowNegative: true, path: [...path, "montantHt"] }),
    fondement: m.fondement,
  });
  return {
    montantInitialHtCents: eurosToCents(input.montantInitialHt, { path: ["montantInitialHt"] }),
    nature: input.nature,
    dateLancement: input.dateLancement,
    attribueParCao: input.attribueParCao,
    modificationsAnterieures: (input.modificationsAnterieures ?? []).map((m, i) => toDomain(m, ["modificationsAnterieures", i])),
    modification: toDomain(input.modification, ["modification"]),
  };
}

/** Cents and basis points → euros and percentages for the answer of `verifierModification`. */
export function fromReglesModificationResult(result: ModificationResult): ReglesModificationOutput {
  return {
    autorisee: result.autorisee,
    fondementInvoque: result.fondementInvoque,
    montantInitialHt: centsToEuros(result.montantInitialHtCents),
    montantModificationHt: centsToEuros(result.montantModificationHtCents),
    montantCumuleModificationsHt: centsToEuros(result.montantCumuleModificationsHtCents),
    nouveauMontantHt: centsToEuros(result.nouveauMontantHtCents),
    pourcentageCetteModification: basisPointsToPercent(result.pourcentageCetteModificationPointsDeBase),
    pourcentageCumule: basisPointsToPercent(result.pourcentageCumulePointsDeBase),
    faibleMontant:
      result.faibleMontant === null
        ? null
        : {
            montantCumuleHt: centsToEuros(result.faibleMontant.montantCumuleHtCents),
            pourcentage: basisPointsToPercent(result.faibleMontant.pourcentagePointsDeBase),
            seuilEuropeenHt: centsToEuros(result.faibleMontant.seuilEuropeenHtCents),
            plafondPourcentage: basisPointsToPercent(result.faibleMontant.plafondPourcentagePointsDeBase),
          },
    avisCaoRequis: result.avisCaoRequis,
    ...fromReponseExpliquee(result),
  };
}
