/** SPASER duty (L2111-3, D2111-3): a responsible-purchasing plan above a yearly amount of purchases. */
import type { DateLegale } from "../valeurs/date-legale";
import type { Cents } from "../valeurs/montant";
import { phraseComparaison } from "./commun";
import { nouvelleReponse, type ReponseExpliquee } from "./reponse";
import { assertDateCouverte } from "./seuils";
import { IssueCollector } from "./validation";

/** Result of `spaserObligatoire`. */
export interface SpaserResult extends ReponseExpliquee {
  obligatoire: boolean;
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
  c.throwIfAny();
  assertDateCouverte(date, "date", "de seuil du SPASER");
  const r = nouvelleReponse(date);
  const row = r.seuil("SPASER_THRESHOLD");
  const comparaison = phraseComparaison("Achats annuels", montantAnnuelAchatsHtCents, row, { nomSeuil: "seuil du SPASER" });
  r.explique(
    comparaison.met
      ? `${comparaison.phrase} : schéma de promotion des achats socialement et écologiquement responsables obligatoire, rendu public, avec des indicateurs publiés chaque année (L2111-3).`
      : `${comparaison.phrase} : SPASER non obligatoire.`,
    row.fondements,
  );
  return { obligatoire: comparaison.met, ...r.fin() };
}
