/**
 * HTTP / CLI contracts of the rule book (moteur de règles): analyse, délais, modification, paiement.
 *
 * Inputs use euros (numbers with at most two decimals) and dates `YYYY-MM-DD`, as the issue fixes them;
 * the domain works in integer cents and basis points. The `toXxxDomainInput` / `fromXxxResult` mappers
 * are the one place where euros and cents are converted, shared by the server route and the CLI.
 * Shape and format are checked here; business rules (lots adding up, chronology…) stay in the domain.
 */
import {
  basisPointsToPercent,
  centsToEuros,
  eurosIssue,
  eurosToCents,
  EXEMPTIONS_STANDSTILL,
  FAMILLES_PROCEDURE,
  FONDEMENTS_MODIFICATION,
  isDateLegale,
  NATURES,
  PROCEDURES_DECP,
  PUBLICITES,
  VARIANTES_DELAI_RECEPTION,
  type AnalyseProcedureInput,
  type AnalyseProcedureResult,
  type CalendrierInput,
  type CalendrierResult,
  type ModificationInput,
  type ModificationResult,
  type PaiementInput,
  type PaiementResult,
  type AvanceInput,
  type AvanceResult,
  type RetenueInput,
  type RetenueResult,
} from "@achat-public/domain/regles";
import { z } from "zod";
import { text } from "./common.schema";

/** Largest euro amount accepted in an input (100 billion €): well above any need, far below float limits. */
export const MONTANT_MAX_EUROS = 100_000_000_000;

// ------------------------------------------------------------------------------------------------ building blocks

const hasAtMostTwoDecimals = (value: number): boolean => eurosIssue(value, { allowNegative: true }) === undefined;

/** A euro amount: finite, at most two decimals, within ± MONTANT_MAX_EUROS (≥ 0 unless `negatif`). */
function montantEuros(description: string, options: { negatif?: boolean; strictementPositif?: boolean } = {}) {
  let schema = z.number();
  schema = options.negatif
    ? schema.min(-MONTANT_MAX_EUROS, { error: "Le montant est trop petit.", abort: true })
    : options.strictementPositif
      ? schema.gt(0, { error: "Le montant doit être strictement positif.", abort: true })
      : schema.min(0, { error: "Le montant ne peut pas être négatif.", abort: true });
  return schema
    .max(MONTANT_MAX_EUROS, { error: `Le montant ne peut pas dépasser ${MONTANT_MAX_EUROS.toLocaleString("fr-FR")} €.`, abort: true })
    .refine(hasAtMostTwoDecimals, { error: "Le montant ne peut pas avoir plus de deux décimales (centimes)." })
    .describe(description);
}

/** A real calendar date written `YYYY-MM-DD`. */
function dateIso(description: string) {
  return z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Date attendue au format AAAA-MM-JJ.", abort: true })
    .refine(isDateLegale, { error: "Cette date n'existe pas dans le calendrier." })
    .describe(description);
}

export const NatureSchema = z.enum(NATURES).describe("Nature du marché : travaux, fournitures ou services");
export const FamilleProcedureSchema = z.enum(FAMILLES_PROCEDURE).describe("Famille de procédure");
export const PubliciteSchema = z.enum(PUBLICITES).describe("Publicité exigée");
export const ProcedureDecpSchema = z.enum(PROCEDURES_DECP).describe("Libellé de procédure du schéma DECP");

export const FondementSchema = z
  .object({
    texte: z.string().describe("Texte : CCP, CGCT, décret…"),
    article: z.string().describe("Article, ex. R2122-8"),
    objet: z.string().describe("Ce que dit l'article ici"),
  })
  .meta({ id: "FondementJuridique", description: "Fondement juridique d'une réponse du moteur de règles" });
export type FondementOutput = z.infer<typeof FondementSchema>;

export const RegleAppliqueeSchema = z
  .object({
    id: z.string().describe("Identifiant stable de la ligne de la table des seuils"),
    cle: z.string(),
    libelle: z.string(),
    valeur: z.string().describe("Valeur affichée, ex. « 60 000,00 € HT »"),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    statut: z.enum(["confirme", "a-confirmer"]),
  })
  .meta({ id: "RegleAppliquee", description: "Ligne de la table des seuils utilisée par une analyse" });

const Explications = z.array(z.string()).describe("Explications en français, chiffres cités");
const Vigilance = z.array(z.string()).describe("Points à vérifier par l'acheteur");

// ------------------------------------------------------------------------------------------------ analyse

export const ReglesAnalyseInput = z
  .strictObject({
    nature: NatureSchema,
    valeurEstimeeHt: montantEuros("Valeur estimée du besoin en euros HT : tous les lots, options, reconductions et primes"),
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
          valeurEstimeeHt: montantEuros("Valeur estimée du lot en euros HT"),
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

export const ReglesAnalyseOutput = z
  .object({
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
    reglesAppliquees: z.array(RegleAppliqueeSchema),
    fondements: z.array(FondementSchema),
    explications: Explications,
    pointsDeVigilance: Vigilance,
  })
  .meta({
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
  };
}

// ------------------------------------------------------------------------------------------------ délais

export const ReglesDelaisInput = z
  .strictObject({
    procedure: FamilleProcedureSchema.optional().describe("Famille de procédure ; procédure formalisée par défaut"),
    dateEnvoiAvis: dateIso("Date d'envoi de l'avis (ou de l'invitation)").optional(),
    variante: z.enum(VARIANTES_DELAI_RECEPTION).optional().describe("Variante du délai de réception ; AOO électronique par défaut"),
    dateConvenue: dateIso("Date limite convenue avec tous les candidats (acheteur sous-central)").optional(),
    dateEnvoiNotificationRejet: dateIso("Date d'envoi des notifications de rejet").optional(),
    notificationElectronique: z.boolean().optional().describe("Rejets notifiés par voie électronique ; vrai par défaut"),
    exemptionStandstill: z.enum(EXEMPTIONS_STANDSTILL).optional().describe("Cas sans délai de suspension"),
    dateSignature: dateIso("Date de signature du marché").optional(),
    dateNotification: dateIso("Date de notification du marché").optional(),
    datesNotificationModifications: z.array(dateIso("Date de notification d'une modification")).max(100).optional(),
    decpObligatoire: z.boolean().optional().describe("Données essentielles à publier ; vrai par défaut"),
    avisAttributionObligatoire: z.boolean().optional().describe("Avis d'attribution requis ; vrai par défaut en procédure formalisée"),
  })
  .meta({ id: "ReglesDelaisInput", description: "Dates connues d'une procédure, pour calculer le calendrier des dates légales" });
export type ReglesDelaisInput = z.infer<typeof ReglesDelaisInput>;

export const ReglesDelaisOutput = z
  .object({
    dateReference: z.string().describe("Date dont les règles ont été appliquées"),
    etapes: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        libelle: z.string(),
        date: z.string(),
        origine: z.enum(["connue", "calculee"]),
        jourSemaine: z.string(),
        avertissements: z.array(z.string()).describe("Samedi, dimanche ou jour férié"),
        fondements: z.array(FondementSchema),
      }),
    ),
    fondements: z.array(FondementSchema),
    explications: Explications,
    pointsDeVigilance: Vigilance,
  })
  .meta({ id: "ReglesDelaisOutput", description: "Calendrier des dates légales, dans l'ordre chronologique" });
export type ReglesDelaisOutput = z.infer<typeof ReglesDelaisOutput>;

/** Input of `construireCalendrier` (no money: only optional keys are dropped). */
export function toReglesDelaisDomainInput(input: ReglesDelaisInput): CalendrierInput {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as CalendrierInput;
}

/** Answer of `construireCalendrier`. */
export function fromReglesDelaisResult(result: CalendrierResult): ReglesDelaisOutput {
  return { ...result, etapes: result.etapes.map((etape) => ({ ...etape })) };
}

// ------------------------------------------------------------------------------------------------ modification

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

export const ReglesModificationOutput = z
  .object({
    autorisee: z.boolean().describe("Autorisée sur le fondement invoqué"),
    fondementInvoque: FondementModificationSchema,
    montantInitialHt: z.number(),
    montantModificationHt: z.number(),
    montantCumuleModificationsHt: z.number(),
    nouveauMontantHt: z.number(),
    pourcentageCetteModification: z.number().describe("En pourcentage du montant initial, deux décimales"),
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
    reglesAppliquees: z.array(RegleAppliqueeSchema),
    fondements: z.array(FondementSchema),
    explications: Explications,
    pointsDeVigilance: Vigilance,
  })
  .meta({ id: "ReglesModificationOutput", description: "Résultat de la vérification d'une modification (montants en euros HT)" });
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
            plafondPourcentage: basisPointsToPercent(result.faibleMontant.plafondPointsDeBase),
          },
    avisCaoRequis: result.avisCaoRequis,
    reglesAppliquees: result.reglesAppliquees,
    fondements: result.fondements,
    explications: result.explications,
    pointsDeVigilance: result.pointsDeVigilance,
  };
}

// ------------------------------------------------------------------------------------------------ paiement

export const ReglesPaiementInput = z
  .strictObject({
    montantTtc: montantEuros("Montant payé en retard, en euros TTC (net de la retenue de garantie)"),
    dateReception: dateIso("Date de réception de la demande de paiement (AAAA-MM-JJ)"),
    datePaiement: dateIso("Date de mise en paiement (AAAA-MM-JJ)"),
    tauxBce: z
      .number()
      .min(-10, { error: "Le taux de la BCE doit être compris entre -10 et 100 %.", abort: true })
      .max(100, { error: "Le taux de la BCE doit être compris entre -10 et 100 %.", abort: true })
      .refine(hasAtMostTwoDecimals, { error: "Le taux de la BCE s'exprime en pourcentage avec au plus deux décimales (ex. 2.15)." })
      .optional()
      .describe("Taux de la BCE en pourcentage (ex. 2.15) ; à défaut, le taux administré du semestre"),
    delaiPaiementJours: z
      .number()
      .int({ error: "Un nombre entier de jours est attendu." })
      .min(1, { error: "Le délai de paiement est d'au moins 1 jour." })
      .max(30, { error: "Un marché ne peut pas prévoir un délai de paiement supérieur à 30 jours (L2192-10)." })
      .optional()
      .describe("Délai de paiement contractuel s'il est plus court que 30 jours"),
  })
  .meta({ id: "ReglesPaiementInput", description: "Paiement à contrôler : montant TTC, dates de réception et de paiement" });
export type ReglesPaiementInput = z.infer<typeof ReglesPaiementInput>;

export const ReglesPaiementOutput = z
  .object({
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
    origineTauxBce: z.enum(["saisi", "table"]).nullable(),
    statutTauxBce: z.enum(["confirme", "a-confirmer"]).nullable(),
    tauxInterets: z.number().nullable().describe("Taux de la BCE + 8 points, en pourcentage"),
    interetsMoratoires: z.number().describe("Euros, arrondis au centime"),
    indemniteForfaitaire: z.number().describe("40 € en cas de retard, sinon 0"),
    dateLimiteVersementInterets: z.string().nullable(),
    fondements: z.array(FondementSchema),
    explications: Explications,
    pointsDeVigilance: Vigilance,
  })
  .meta({ id: "ReglesPaiementOutput", description: "Échéance, retard, intérêts moratoires et indemnité forfaitaire" });
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
    fondements: result.fondements,
    explications: result.explications,
    pointsDeVigilance: result.pointsDeVigilance,
  };
}

// ------------------------------------------------------------------------------------------------ avance et retenue

export const ReglesAvanceInput = z
  .strictObject({
    montantInitialHt: montantEuros("Montant initial du marché en euros HT (comparé au seuil de 50 000 € HT)", { strictementPositif: true }),
    montantInitialTtc: montantEuros("Montant initial du marché en euros TTC (assiette de l'avance)", { strictementPositif: true }),
    dureeExecutionMois: z
      .number()
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

export const ReglesAvanceOutput = z
  .object({
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
    reglesAppliquees: z.array(RegleAppliqueeSchema),
    fondements: z.array(FondementSchema),
    explications: Explications,
    pointsDeVigilance: Vigilance,
  })
  .meta({ id: "ReglesAvanceOutput", description: "Avance due (R2191-3, R2191-7) et plafond de la retenue de garantie (R2191-32)" });
export type ReglesAvanceOutput = z.infer<typeof ReglesAvanceOutput>;

/** Euros → cents for `analyserAvance` and `plafondRetenueGarantie` (retention base: initial + modifications TTC). */
export function toReglesAvanceDomainInput(input: ReglesAvanceInput): { avance: AvanceInput; retenue: RetenueInput } {
  const initialTtcCents = eurosToCents(input.montantInitialTtc, { path: ["montantInitialTtc"] });
  const modificationsCents =
    input.montantModificationsTtc === undefined
      ? 0
      : eurosToCents(input.montantModificationsTtc, { allowNegative: true, path: ["montantModificationsTtc"] });
  return {
    avance: {
      montantInitialHtCents: eurosToCents(input.montantInitialHt, { path: ["montantInitialHt"] }),
      montantInitialTtcCents: initialTtcCents,
      dureeExecutionMois: input.dureeExecutionMois,
      dateLancement: input.dateLancement,
      titulairePme: input.titulairePme,
    },
    retenue: {
      montantMarcheTtcCents: Math.max(0, initialTtcCents + modificationsCents),
      dateLancement: input.dateLancement,
      titulairePme: input.titulairePme,
    },
  };
}

/** Cents → euros, the advance and the retention in one answer, their references merged without duplicates. */
export function fromReglesAvanceResult(avance: AvanceResult, retenue: RetenueResult, retenueBaseCents: number): ReglesAvanceOutput {
  const seen = new Set<string>();
  const fondements = [...avance.fondements, ...retenue.fondements].filter((f) => {
    const key = `${f.texte} ${f.article}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const rules = new Map([...avance.reglesAppliquees, ...retenue.reglesAppliquees].map((r) => [r.id, r]));
  return {
    avance: {
      obligatoire: avance.avanceObligatoire,
      montantSuperieurAuSeuil: avance.montantSuperieurAuSeuil,
      dureeSuperieureAuSeuil: avance.dureeSuperieureAuSeuil,
      tauxMinimum: basisPointsToPercent(avance.tauxMinimumPointsDeBase),
      tauxPmeApplique: avance.tauxPmeApplique,
      assietteTtc: centsToEuros(avance.assietteTtcCents),
      montantMinimumTtc: centsToEuros(avance.montantMinimumAvanceTtcCents),
    },
    retenue: {
      tauxMaximum: basisPointsToPercent(retenue.tauxMaximumPointsDeBase),
      tauxPmeApplique: retenue.tauxPmeApplique,
      assietteTtc: centsToEuros(retenueBaseCents),
      plafondTtc: centsToEuros(retenue.plafondRetenueCents),
    },
    reglesAppliquees: [...rules.values()],
    fondements,
    explications: [...avance.explications, ...retenue.explications],
    pointsDeVigilance: avance.pointsDeVigilance,
  };
}
