/**
 * Execution of a contract: amendments (modifications), purchase orders against a framework agreement,
 * invoices and their payment, insertion hours achieved. Legal figures come from the rules engine.
 */
import type { FondementModification } from "../regles/modification";
import type { DateLegale } from "../valeurs/date-legale";

export interface Modification {
  id: string;
  marcheId: string;
  /** 1, 2, … in the order they were signed. */
  numero: number;
  objet: string;
  /** Legal basis invoked (L2194-1 cases), the engine's vocabulary. */
  fondement: FondementModification;
  /** Signed amount, cents HT (negative for a decrease). */
  montantHtCents: number;
  nouvelleDateFin: DateLegale | null;
  dateSignature: DateLegale;
  /** The engine's answer when it was saved. */
  autorisee: boolean;
  avisCaoRequis: boolean;
  pourcentageCumulePointsDeBase: number;
  /** Legal ground recorded when the engine refused the basis invoked and the buyer saved it anyway. */
  motifJuridique: string | null;
  /** The engine's explanation, kept with the amendment. */
  explications: string[];
}

export interface BonCommande {
  id: string;
  marcheId: string;
  numero: string;
  objet: string | null;
  dateEmission: DateLegale;
  montantHtCents: number;
}

export interface Facture {
  id: string;
  marcheId: string;
  numero: string;
  montantTtcCents: number;
  dateReception: DateLegale;
  datePaiement: DateLegale | null;
  /** From the engine once paid (R2192-10): reception + 30 days. */
  dateEcheance: DateLegale;
  /** Days from reception to payment; null while unpaid. */
  delaiPaiementJours: number | null;
  joursRetard: number;
  tauxInteretsPointsDeBase: number | null;
  interetsMoratoiresCents: number;
  indemniteForfaitaireCents: number;
}

export interface HeuresInsertion {
  id: string;
  marcheId: string;
  periodeDebut: DateLegale;
  periodeFin: DateLegale;
  heures: number;
}

/** Consumption of a framework agreement: sum of its purchase orders against its maximum (amendments included). */
export interface Consommation {
  consommeHtCents: number;
  maximumHtCents: number;
  /** Consumed / maximum, basis points (10 000 = 100 %). */
  tauxPointsDeBase: number;
  alerte: "aucune" | "80" | "100";
}

/** Alert thresholds of a framework agreement's consumption (a management rule of the département, not a legal one). */
export const SEUIL_ALERTE_CONSOMMATION_BP = 8_000;
export const SEUIL_CONSOMME_BP = 10_000;

export function consommation(consommeHtCents: number, maximumHtCents: number): Consommation {
  const taux = maximumHtCents > 0 ? Math.floor((consommeHtCents * 10_000) / maximumHtCents) : 0;
  return {
    consommeHtCents,
    maximumHtCents,
    tauxPointsDeBase: taux,
    alerte: taux >= SEUIL_CONSOMME_BP ? "100" : taux >= SEUIL_ALERTE_CONSOMMATION_BP ? "80" : "aucune",
  };
}
