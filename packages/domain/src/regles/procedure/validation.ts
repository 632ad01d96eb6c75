/** Input checks of the procedure analysis: every problem at once, each on its field. */
import { formatEuros } from "../../valeurs/montant";
import { NATURES } from "../types";
import { IssueCollector } from "../validation";

/** A need of 0 € has no procedure to determine (and would be a small lot of every kind). */
export const MESSAGE_BESOIN_NUL =
  "La valeur estimée du besoin doit être supérieure à 0 € : indiquez le montant HT de tous les lots, options, reconductions et primes.";
export const MESSAGE_LOT_NUL = "La valeur estimée d'un lot doit être supérieure à 0 € : indiquez sa valeur ou retirez le lot.";

/** @throws DomainError `INVALID_INPUT` listing every problem with its path. */
export function validerBesoin(input: unknown): void {
  const c = new IssueCollector();
  if (!c.object(input)) throw c.refus();
  c.oneOf(input.nature, NATURES, ["nature"]);
  const valueOk = c.cents(input.valeurEstimeeHtCents, ["valeurEstimeeHtCents"], { positive: true, messageNul: MESSAGE_BESOIN_NUL });
  c.date(input.dateLancement, ["dateLancement"]);
  c.optionalBoolean(input.innovant, ["innovant"]);
  c.optionalBoolean(input.servicesSociauxSpecifiques, ["servicesSociauxSpecifiques"]);
  if (input.servicesSociauxSpecifiques === true && input.nature !== "services") {
    c.add(
      ["servicesSociauxSpecifiques"],
      "Les services sociaux et autres services spécifiques (annexe XIV) sont des services : la nature doit être « services ».",
    );
  }
  if (input.lots !== undefined) {
    if (!Array.isArray(input.lots)) c.add(["lots"], "Une liste de lots est attendue.");
    else {
      let total = 0;
      let allOk = true;
      input.lots.forEach((lot: unknown, index: number) => {
        if (!c.object(lot, ["lots", index])) {
          allOk = false;
          return;
        }
        if (lot.intitule !== undefined && typeof lot.intitule !== "string") c.add(["lots", index, "intitule"], "Un texte est attendu.");
        if (c.cents(lot.valeurEstimeeHtCents, ["lots", index, "valeurEstimeeHtCents"], { positive: true, messageNul: MESSAGE_LOT_NUL })) {
          total += lot.valeurEstimeeHtCents;
        } else allOk = false;
      });
      if (allOk && valueOk && input.lots.length > 0 && total !== input.valeurEstimeeHtCents) {
        c.add(
          ["lots"],
          `La somme des lots (${formatEuros(total)} HT) doit être égale à la valeur estimée du besoin ` +
            `(${formatEuros(input.valeurEstimeeHtCents as number)} HT), qui inclut tous les lots (R2121-1).`,
        );
      }
    }
  }
  c.throwIfAny();
}
