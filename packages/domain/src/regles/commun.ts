/** Helpers shared by the analyses: comparison wording and computed dates. */
import { phraseJourNonOuvre, weekdayFr, type DateLegale } from "../valeurs/date-legale";
import { compareRatioToBasisPoints, formatEuros, mulDivFloor, type Cents, type PointsDeBase } from "../valeurs/montant";
import { formatPeriode, formatValeurSeuil, LIBELLES_CLES, satisfait, type LigneSeuil } from "./seuils";
import type { DateCalculee } from "./types";

/** The sign to print between a value and a threshold: the operator when met, its negation otherwise. */
export function signe(row: LigneSeuil, met: boolean): string {
  const table = { "<": ["<", "≥"], "<=": ["≤", ">"], ">": [">", "≤"], ">=": ["≥", "<"] } as const;
  if (row.operateur === null) return "";
  return table[row.operateur][met ? 0 : 1];
}

/**
 * "Valeur estimée 59 999,99 € HT < seuil de dispense 60 000,00 € HT (fournitures et services, en vigueur
 * depuis le 1er avril 2026)". `nomSeuil` defaults to the key's French name.
 */
export function phraseComparaison(
  sujet: string,
  valeurCents: number,
  row: LigneSeuil,
  options: { nomSeuil?: string; precision?: string } = {},
): { met: boolean; phrase: string } {
  const met = satisfait(row, valeurCents);
  const nom = options.nomSeuil ?? LIBELLES_CLES[row.cle];
  const details = [options.precision, formatPeriode(row)].filter(Boolean).join(", ");
  return {
    met,
    phrase: `${sujet} ${formatEuros(valeurCents)} HT ${signe(row, met)} ${nom} ${formatValeurSeuil(row)} (${details})`,
  };
}

/**
 * A computed date with its weekday and, when it is not a working day, one warning that says so once and
 * gives the next working day ("Le 1er mai 2026 est un jour férié (Fête du Travail) ; premier jour ouvré :
 * lundi 4 mai 2026.").
 */
export function dateCalculee(date: DateLegale): DateCalculee {
  const phrase = phraseJourNonOuvre(date);
  return { date, jourSemaine: weekdayFr(date), avertissements: phrase ? [`${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}.`] : [] };
}

/**
 * Largest amount (cents, ≥ 0) whose share of `total` still meets "share OPERATOR bp": for "<=" the
 * amount rounded down, for "<" one cent less when the amount is exact. Used to show a cap as an amount
 * ("au plus 50 000,00 € HT") next to its percentage.
 */
export function montantMaximal(total: Cents, bp: PointsDeBase, operateur: "<" | "<="): Cents {
  const floor = mulDivFloor(total, bp, 10_000);
  return operateur === "<" && compareRatioToBasisPoints(floor, total, bp) === 0 ? floor - 1 : floor;
}
