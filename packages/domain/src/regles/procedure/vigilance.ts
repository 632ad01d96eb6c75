/** Step 12 of the procedure analysis: what the buyer must keep in mind whatever the outcome. */
import { ccp } from "../fondement";
import type { Reponse } from "../reponse";
import type { Besoin, Dispense, Famille } from "./contexte";

const R2121_1 = ccp("R2121-1", "valeur estimée : tous les lots, options, reconductions et primes");

/** Estimated value, choice of the operator without competition, electronic exchanges of social services. */
export function etapeVigilance(b: Besoin, r: Reponse, famille: Famille, dispense: Dispense): void {
  r.vigilance(
    "La valeur estimée doit inclure tous les lots, options, reconductions et primes (R2121-1) ; découper artificiellement un besoin pour rester sous un seuil est interdit.",
    { niveau: "attention", fondements: [R2121_1] },
  );
  if (famille.procedure === "sans-publicite-ni-mise-en-concurrence") {
    // The same duty is written in R2122-8 (low value) and R2122-9-1 (innovative purchase): cite the one invoked.
    const innovant = dispense.motif === "achat-innovant" && dispense.rowInnovant !== null;
    r.vigilance(
      "Sans mise en concurrence, l'acheteur choisit une offre pertinente, fait une bonne utilisation des deniers publics et ne contracte pas " +
        `systématiquement avec le même opérateur lorsque plusieurs peuvent répondre (${innovant ? "R2122-9-1" : "R2122-8"}).`,
      { niveau: "attention", fondements: innovant && dispense.rowInnovant ? dispense.rowInnovant.fondements : dispense.row.fondements },
    );
  }
  if (b.sss) {
    r.vigilance(
      "Services sociaux et spécifiques : les échanges peuvent déroger à la voie électronique ; justifier la dérogation dans l'avis et le rapport (R2132-12, R2132-13).",
      {
        niveau: "information",
        fondements: [ccp("R2132-12", "dérogations à la voie électronique"), ccp("R2132-13", "justification des dérogations")],
      },
    );
  }
}
