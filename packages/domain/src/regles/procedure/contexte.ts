/** What every step of the procedure analysis reads: the validated need, the buyer, and the steps' shared facts. */
import type { DateLegale } from "../../valeurs/date-legale";
import type { Cents } from "../../valeurs/montant";
import type { ProfilAcheteur } from "../parametres";
import type { LigneSeuil } from "../seuils";
import type { FamilleProcedure, Nature, ProcedureDecp } from "../types";
import type { AnalyseProcedureInput, LotInput } from "./types";

/** The need once validated, with its defaults applied. */
export interface Besoin {
  nature: Nature;
  /** Estimated value of the whole need, cents HT. */
  valeur: Cents;
  /** Launch date: selects every rule. */
  date: DateLegale;
  innovant: boolean;
  /** Social and other specific services (Annex XIV). */
  sss: boolean;
  lots: LotInput[];
  acheteur: ProfilAcheteur;
}

/** The need with its defaults (innovant, sss and lots default to false / none). */
export function besoin(input: AnalyseProcedureInput, acheteur: ProfilAcheteur): Besoin {
  return {
    nature: input.nature,
    valeur: input.valeurEstimeeHtCents,
    date: input.dateLancement,
    innovant: input.innovant ?? false,
    sss: input.servicesSociauxSpecifiques ?? false,
    lots: input.lots ?? [],
    acheteur,
  };
}

/** Outcome of the dispense step (R2122-8, R2122-9-1). */
export interface Dispense {
  motif: "montant" | "achat-innovant" | null;
  /** The dispense row of the need's nature (also the threshold of dispensed small lots). */
  row: LigneSeuil;
  /** The innovative-purchase row (R2122-9-1), for an innovative purchase only. */
  rowInnovant: LigneSeuil | null;
}

/** Outcome of the procedure-family step (R2123-1, R2124-1). */
export interface Famille {
  procedure: FamilleProcedure;
  /** Value at or above the EU threshold that applies (750 000 € for social and specific services). */
  atOrAboveEu: boolean;
  euRow: LigneSeuil;
}

export const MAPA: ProcedureDecp = "Procédure adaptée";
export const SANS_PUBLICITE: ProcedureDecp = "Marché passé sans publicité ni mise en concurrence préalable";
export const AOO: ProcedureDecp = "Appel d'offres ouvert";
export const AOR: ProcedureDecp = "Appel d'offres restreint";

/** "fournitures et services" or "travaux" (the split used by the thresholds). */
export function libelleNatureSeuil(nature: Nature): string {
  return nature === "travaux" ? "travaux" : "fournitures et services";
}
