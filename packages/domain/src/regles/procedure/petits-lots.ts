/** Step 10 of the procedure analysis: the small-lot options, each within 20 % of all lots (R2123-1 2°, R2122-8, R2122-9-1). */
import { compareRatioToBasisPoints, formatEuros, formatPourcentage, mulDivRoundHalfUp, type Cents } from "../../valeurs/montant";
import type { Reponse } from "../reponse";
import { formatValeurSeuil, type LigneSeuil, satisfait } from "../seuils";
import type { Besoin, Dispense, Famille } from "./contexte";
import type { LotInput, OptionPetitsLots, TypePetitsLots } from "./types";

/** Largest amount x with x / total ≤ bp / 10 000 (cents, rounded down). */
export function plafondPart(total: Cents, bp: number): Cents {
  const exact = mulDivRoundHalfUp(total, bp, 10_000);
  return compareRatioToBasisPoints(exact, total, bp) > 0 ? exact - 1 : exact;
}

function nomLot(lot: LotInput, index: number): string {
  return lot.intitule?.trim() ? `lot ${index + 1} (${lot.intitule.trim()})` : `lot ${index + 1}`;
}

/**
 * With at least two lots: MAPA small lots (only for a formalised-value operation), dispensed small lots
 * (unless the whole need is dispensed) and, for an innovative purchase, innovative small lots.
 */
export function etapePetitsLots(b: Besoin, r: Reponse, famille: Famille, dispense: Dispense): OptionPetitsLots[] {
  const { lots, valeur } = b;
  if (lots.length === 1) {
    r.explique("Un seul lot : les règles des petits lots ne s'appliquent pas.");
    return [];
  }
  if (lots.length === 0) return [];

  const shareRow = r.seuil("SMALL_LOTS_MAX_SHARE");
  const plafond = plafondPart(valeur, shareRow.valeur);
  const option = (
    type: TypePetitsLots,
    libelle: string,
    lotRow: LigneSeuil,
    applicable: boolean,
    motif: string | null,
  ): OptionPetitsLots => {
    const eligibles = lots.flatMap((lot, index) => (satisfait(lotRow, lot.valeurEstimeeHtCents) ? [index] : []));
    const cumul = eligibles.reduce((sum, index) => sum + (lots[index]?.valeurEstimeeHtCents ?? 0), 0);
    const within = compareRatioToBasisPoints(cumul, valeur, shareRow.valeur) <= 0;
    const names = eligibles.map((index) => nomLot(lots[index] as LotInput, index)).join(", ");
    const article = lotRow.fondements[0]?.article ?? "";
    let explication =
      `${libelle} (${article}) : lots de moins de ${formatValeurSeuil(lotRow)}, dans la limite de ${formatPourcentage(shareRow.valeur)} ` +
      `de la valeur totale des lots, soit ${formatEuros(plafond)} HT. `;
    if (!applicable) explication += `Non applicable : ${motif ?? ""}`;
    else if (eligibles.length === 0) explication += "Aucun lot n'est sous le seuil.";
    else if (within) explication += `Lots éligibles : ${names} ; cumul ${formatEuros(cumul)} HT, dans la limite.`;
    else explication += `Lots éligibles : ${names} ; cumul ${formatEuros(cumul)} HT, au-delà de la limite : n'en retenir qu'une partie.`;
    return {
      type,
      libelle,
      applicable,
      motifNonApplicable: applicable ? null : motif,
      seuilLotHtCents: lotRow.valeur,
      plafondCumuleHtCents: plafond,
      lotsEligibles: eligibles,
      montantCumuleEligiblesHtCents: cumul,
      toutesEligiblesDansLimite: within,
      fondements: [...lotRow.fondements, ...shareRow.fondements.filter((f) => f.article !== lotRow.fondements[0]?.article)],
      explication: explication.trim(),
    };
  };

  const dejaDispense = "le besoin entier est déjà dispensé de publicité et de mise en concurrence.";
  const options: OptionPetitsLots[] = [];
  const mapaRow = r.seuil(b.nature === "travaux" ? "MAPA_SMALL_LOT_WORKS" : "MAPA_SMALL_LOT_SUPPLIES_SERVICES");
  options.push(
    option(
      "mapa-petits-lots",
      "Petits lots en procédure adaptée",
      mapaRow,
      famille.procedure === "procedure-formalisee",
      "seulement pour les lots d'une opération dont la valeur totale atteint le seuil européen.",
    ),
  );
  options.push(
    option(
      "dispense-petits-lots",
      "Petits lots sans publicité ni mise en concurrence",
      dispense.row,
      famille.procedure !== "sans-publicite-ni-mise-en-concurrence",
      dejaDispense,
    ),
  );
  if (b.innovant) {
    const innovLotRow = r.seuil(b.nature === "travaux" ? "INNOVATIVE_SMALL_LOT_WORKS" : "INNOVATIVE_SMALL_LOT_SUPPLIES_SERVICES");
    options.push(
      option(
        "innovant-petits-lots",
        "Petits lots innovants sans publicité ni mise en concurrence",
        innovLotRow,
        famille.procedure !== "sans-publicite-ni-mise-en-concurrence",
        dejaDispense,
      ),
    );
  }
  for (const o of options) {
    if (o.applicable && o.lotsEligibles.length > 0) r.explique(o.explication, o.fondements);
    else r.explique(o.explication);
  }
  return options;
}
