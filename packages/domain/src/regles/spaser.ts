/** SPASER duty (L2111-3, D2111-3), regles-commande-publique.md §6.1. */
import { invalidInput } from "../commun/errors";
import type { DateLegale } from "../valeurs/date-legale";
import type { Cents } from "../valeurs/montant";
import { phraseComparaison } from "./commun";
import { assertDateCouverte, regleAppliquee, seuilAt } from "./seuils";
import type { Fondement, RegleAppliquee } from "./types";
import { IssueCollector } from "./validation";

/** Result of `spaserObligatoire`. */
export interface SpaserResult {
  obligatoire: boolean;
  regleAppliquee: RegleAppliquee;
  fondements: Fondement[];
  explication: string;
}

/**
 * Whether the buyer must adopt and publish a SPASER: yearly purchases (cents HT, calendar year) above
 * 50 M€ since 2023-01-01, 100 M€ before (strict comparison).
 * @param date a day of the calendar year measured (e.g. "2026-01-01").
 * @throws DomainError `INVALID_INPUT` or `RULES_PERIOD_UNKNOWN`.
 */
export function spaserObligatoire(montantAnnuelAchatsHtCents: Cents, date: DateLegale): SpaserResult {
  const c = new IssueCollector();
  c.cents(montantAnnuelAchatsHtCents, ["montantAnnuelAchatsHtCents"]);
  c.date(date, ["date"]);
  if (c.issues.length > 0) throw invalidInput(c.issues);
  assertDateCouverte(date, "date");
  const row = seuilAt("SPASER_THRESHOLD", date);
  const comparaison = phraseComparaison("Achats annuels", montantAnnuelAchatsHtCents, row, { nomSeuil: "seuil du SPASER" });
  return {
    obligatoire: comparaison.met,
    regleAppliquee: regleAppliquee(row),
    fondements: [...row.fondements],
    explication: comparaison.met
      ? `${comparaison.phrase} : schéma de promotion des achats socialement et écologiquement responsables obligatoire, rendu public, avec des indicateurs publiés chaque année (L2111-3).`
      : `${comparaison.phrase} : SPASER non obligatoire.`,
  };
}
