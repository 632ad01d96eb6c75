/** Types of the procedure analysis (`analyserProcedure`): its input, its result and their parts. */
import type { DateLegale } from "../../valeurs/date-legale";
import type { Cents } from "../../valeurs/montant";
import type { LigneDelaiReception } from "../parametres";
import type { ReponseExpliquee } from "../reponse";
import type { FamilleProcedure, Fondement, Nature, ProcedureDecp, Publicite } from "../types";

/** A lot of the need. */
export interface LotInput {
  intitule?: string;
  /** Estimated value of the lot, cents HT, options and renewals included. */
  valeurEstimeeHtCents: Cents;
}

/** Input of `analyserProcedure`. */
export interface AnalyseProcedureInput {
  nature: Nature;
  /** Estimated value of the whole need, cents HT: all lots, options, renewals and bonuses (R2121-1). */
  valeurEstimeeHtCents: Cents;
  /** Launch date of the consultation, or dispatch date of the notice (YYYY-MM-DD). */
  dateLancement: DateLegale;
  /** Innovative works, supplies or services (R2122-9-1). Default false. */
  innovant?: boolean;
  /** Social and other specific services of Annex XIV (R2123-1 3°). Services only. Default false. */
  servicesSociauxSpecifiques?: boolean;
  /** Lots, when the need is divided; their values must add up to `valeurEstimeeHtCents`. */
  lots?: LotInput[];
}

/** Kinds of small-lot options. */
export type TypePetitsLots = "mapa-petits-lots" | "dispense-petits-lots" | "innovant-petits-lots";

/** One small-lot option (each with the 20 % rule). */
export interface OptionPetitsLots {
  type: TypePetitsLots;
  libelle: string;
  applicable: boolean;
  /** Why it does not apply, when `applicable` is false. */
  motifNonApplicable: string | null;
  /** A lot must be below this value (cents HT). */
  seuilLotHtCents: Cents;
  /** Largest cumulated value of such lots: 20 % of the value of all lots, rounded down (cents HT). */
  plafondCumuleHtCents: Cents;
  /** Indexes (0-based) of the lots below `seuilLotHtCents`. */
  lotsEligibles: number[];
  montantCumuleEligiblesHtCents: Cents;
  /** Whether all eligible lots together stay within 20 %; otherwise choose some of them. */
  toutesEligiblesDansLimite: boolean;
  fondements: Fondement[];
  explication: string;
}

/** A minimum receipt time limit relevant to the procedure family. */
export interface DelaiReceptionMinimal {
  variante: LigneDelaiReception["variante"];
  procedure: ProcedureDecp;
  etape: LigneDelaiReception["etape"];
  libelle: string;
  /** Days; null for MAPA (no legal minimum). */
  joursMinimum: number | null;
  pointDeDepart: string;
  accordPossible: boolean;
  fondements: Fondement[];
}

/** A procedure allowed only if a legal case applies. */
export interface ProcedureSousCondition {
  procedure: ProcedureDecp;
  condition: string;
  fondements: Fondement[];
}

/** Climat et Résilience duties (consultations launched from 2026-08-21). */
export interface ObligationsClimat {
  applicable: boolean;
  critereEnvironnementalObligatoire: boolean;
  conditionExecutionEnvironnementaleObligatoire: boolean;
  conditionSocialeObligatoire: boolean;
  /** Price alone can no longer be the single award criterion. */
  prixSeulCritereInterdit: boolean;
}

/** Result of `analyserProcedure`; amounts in cents HT. */
export interface AnalyseProcedureResult extends ReponseExpliquee {
  nature: Nature;
  valeurEstimeeHtCents: Cents;
  dateLancement: DateLegale;
  innovant: boolean;
  servicesSociauxSpecifiques: boolean;
  procedure: FamilleProcedure;
  /** Why no publicity is needed, when `procedure` is "sans-publicite-ni-mise-en-concurrence". */
  motifDispense: "montant" | "achat-innovant" | null;
  /** DECP labels of the procedures the buyer may use without further condition. */
  proceduresAutorisees: ProcedureDecp[];
  /** Procedures allowed only in the cases of the CCP (R2124-3, R2122-1 to R2122-11). */
  proceduresSousCondition: ProcedureSousCondition[];
  publicite: Publicite;
  /** EU threshold applying to this need (750 000 € for social and specific services). */
  seuilEuropeenHtCents: Cents;
  seuilDispenseHtCents: Cents;
  delaisMinimauxReception: DelaiReceptionMinimal[];
  standstillApplicable: boolean;
  avisAttributionObligatoire: boolean;
  decpObligatoire: boolean;
  /** 25 000 to 40 000 € HT: a yearly list may replace the DECP (from 2024). */
  decpListeAnnuellePossible: boolean;
  /** The consultation documents must be free on the buyer profile (notice mandatory and value ≥ threshold). */
  dceGratuitSurProfilAcheteur: boolean;
  /** Same duty if the buyer publishes a notice although it does not have to. */
  dceGratuitSiAvisPublie: boolean;
  controleLegalite: boolean;
  seuilControleLegaliteHtCents: Cents;
  /** Most a buyer may ask as minimum yearly turnover without justification (R2142-7), cents HT. */
  plafondChiffreAffairesMinimumHtCents: Cents;
  petitsLots: OptionPetitsLots[];
  climatResilience: ObligationsClimat;
  considerationEnvironnementaleObligatoire: boolean;
  conditionSocialeObligatoire: boolean;
}
