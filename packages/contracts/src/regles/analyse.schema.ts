/** POST /api/regles/analyse: the need to analyse (euros HT) and its procedure analysis. */
import {
  centsToEuros,
  eurosToCents,
  MESSAGE_BESOIN_NUL,
  MESSAGE_LOT_NUL,
  VARIANTES_DELAI_RECEPTION,
  type AnalyseProcedureInput,
  type AnalyseProcedureResult,
} from "@achat-public/domain/regles";
import { z } from "zod";
import { text } from "../common.schema";
import {
  dateIso,
  FamilleProcedureSchema,
  FondementSchema,
  fromReponseExpliquee,
  montantEuros,
  NatureSchema,
  ProcedureDecpSchema,
  PubliciteSchema,
  ReponseExpliquee,
} from "./commun.schema";

export const ReglesAnalyseInput = z
  .strictObject({
    nature: NatureSchema,
    valeurEstimeeHt: montantEuros("Valeur estimée du besoin en euros HT : tous les lots, options, reconductions et primes (plus de 0 €)", {
      nonNul: true,
      messageNul: MESSAGE_BESOIN_NUL,
    }),
    dateLancement: dateIso("Date de lancement de la consultation ou d'envoi de l'avis (AAAA-MM-JJ)"),
    innovant: z.boolean().optional().describe("Achat innovant (R2122-9-1) ; faux par défaut"),
    servicesSociauxSpecifiques: z
      .boolean()
      .optional()
      .describe("Services sociaux et autres services spécifiques de l'annexe XIV ; faux par défaut"),
    lots: z
      .array(
        z.strictObject({
          intitule: text(200).optional().describe("Intitulé du lot"),
          valeurEstimeeHt: montantEuros("Valeur estimée du lot en euros HT (plus de 0 €)", { nonNul: true, messageNul: MESSAGE_LOT_NUL }),
        }),
      )
      .max(500, { error: "500 lots au plus." })
      .optional()
      .describe("Lots, dont la somme doit égaler la valeur estimée du besoin"),
  })
  .meta({ id: "ReglesAnalyseInput", description: "Besoin à analyser : nature, valeur estimée HT, date de lancement" });
export type ReglesAnalyseInput = z.infer<typeof ReglesAnalyseInput>;

const OptionPetitsLotsSchema = z.object({
  type: z.enum(["mapa-petits-lots", "dispense-petits-lots", "innovant-petits-lots"]),
  libelle: z.string(),
  applicable: z.boolean(),
  motifNonApplicable: z.string().nullable(),
  seuilLotHt: z.number().describe("Un lot doit être inférieur à ce montant (euros HT)"),
  plafondCumuleHt: z.number().describe("20 % de la valeur de tous les lots (euros HT)"),
  lotsEligibles: z.array(z.number().int()).describe("Indices (à partir de 0) des lots sous le seuil"),
  montantCumuleEligiblesHt: z.number(),
  toutesEligiblesDansLimite: z.boolean(),
  fondements: z.array(FondementSchema),
  explication: z.string(),
});

export const ReglesAnalyseOutput = ReponseExpliquee.extend({
  nature: NatureSchema,
  valeurEstimeeHt: z.number(),
  dateLancement: z.string(),
  innovant: z.boolean(),
  servicesSociauxSpecifiques: z.boolean(),
  procedure: FamilleProcedureSchema,
  motifDispense: z.enum(["montant", "achat-innovant"]).nullable(),
  proceduresAutorisees: z.array(ProcedureDecpSchema),
  proceduresSousCondition: z.array(
    z.object({ procedure: ProcedureDecpSchema, condition: z.string(), fondements: z.array(FondementSchema) }),
  ),
  publicite: PubliciteSchema,
  seuilEuropeenHt: z.number().describe("Seuil européen applicable, en euros HT"),
  seuilDispenseHt: z.number().describe("Seuil de dispense applicable, en euros HT"),
  delaisMinimauxReception: z.array(
    z.object({
      variante: z.enum(VARIANTES_DELAI_RECEPTION),
      procedure: ProcedureDecpSchema,
      etape: z.string(),
      libelle: z.string(),
      joursMinimum: z.number().int().nullable().describe("Jours ; null en procédure adaptée (pas de minimum légal)"),
      pointDeDepart: z.string(),
      accordPossible: z.boolean(),
      fondements: z.array(FondementSchema),
    }),
  ),
  standstillApplicable: z.boolean(),
  avisAttributionObligatoire: z.boolean(),
  decpObligatoire: z.boolean(),
  decpListeAnnuellePossible: z.boolean(),
  dceGratuitSurProfilAcheteur: z.boolean(),
  dceGratuitSiAvisPublie: z.boolean(),
  controleLegalite: z.boolean(),
  seuilControleLegaliteHt: z.number(),
  plafondChiffreAffairesMinimumHt: z.number(),
  petitsLots: z.array(OptionPetitsLotsSchema),
  climatResilience: z.object({
    applicable: z.boolean(),
    critereEnvironnementalObligatoire: z.boolean(),
    conditionExecutionEnvironnementaleObligatoire: z.boolean(),
    conditionSocialeObligatoire: z.boolean(),
    prixSeulCritereInterdit: z.boolean(),
  }),
  considerationEnvironnementaleObligatoire: z.boolean(),
  conditionSocialeObligatoire: z.boolean(),
}).meta({
  id: "ReglesAnalyseOutput",
  description: "Procédure, publicité, délais et obligations applicables au besoin (montants en euros HT)",
});
export type ReglesAnalyseOutput = z.infer<typeof ReglesAnalyseOutput>;

/** Euros → cents for `analyserProcedure`. */
export function toReglesAnalyseDomainInput(input: ReglesAnalyseInput): AnalyseProcedureInput {
  return {
    nature: input.nature,
    valeurEstimeeHtCents: eurosToCents(input.valeurEstimeeHt, { path: ["valeurEstimeeHt"] }),
    dateLancement: input.dateLancement,
    ...(input.innovant !== undefined ? { innovant: input.innovant } : {}),
    ...(input.servicesSociauxSpecifiques !== undefined ? { servicesSociauxSpecifiques: input.servicesSociauxSpecifiques } : {}),
    ...(input.lots !== undefined
      ? {
          lots: input.lots.map((lot, index) => ({
            ...(lot.intitule !== undefined ? { intitule: lot.intitule } : {}),
            valeurEstimeeHtCents: eurosToCents(lot.valeurEstimeeHt, { path: ["lots", index, "valeurEstimeeHt"] }),
          })),
        }
      : {}),
  };
}

/** Cents → euros for the answer of `analyserProcedure`. */
export function fromReglesAnalyseResult(result: AnalyseProcedureResult): ReglesAnalyseOutput {
  const {
    valeurEstimeeHtCents,
    seuilEuropeenHtCents,
    seuilDispenseHtCents,
    seuilControleLegaliteHtCents,
    plafondChiffreAffairesMinimumHtCents,
    petitsLots,
    reglesAppliquees,
    fondements,
    explications,
    pointsDeVigilance,
    alertes,
    ...rest
  } = result;
  return {
    ...rest,
    valeurEstimeeHt: centsToEuros(valeurEstimeeHtCents),
    seuilEuropeenHt: centsToEuros(seuilEuropeenHtCents),
    seuilDispenseHt: centsToEuros(seuilDispenseHtCents),
    seuilControleLegaliteHt: centsToEuros(seuilControleLegaliteHtCents),
    plafondChiffreAffairesMinimumHt: centsToEuros(plafondChiffreAffairesMinimumHtCents),
    petitsLots: petitsLots.map(({ seuilLotHtCents, plafondCumuleHtCents, montantCumuleEligiblesHtCents, ...option }) => ({
      ...option,
      seuilLotHt: centsToEuros(seuilLotHtCents),
      plafondCumuleHt: centsToEuros(plafondCumuleHtCents),
      montantCumuleEligiblesHt: centsToEuros(montantCumuleEligiblesHtCents),
    })),
    ...fromReponseExpliquee({ reglesAppliquees, fondements, explications, pointsDeVigilance, alertes }),
  };
}
