/** Step 1 of the procedure analysis: may the need be passed without publicity or competition (R2122-8, R2122-9-1)? */
import { phraseComparaison } from "../commun";
import type { Reponse } from "../reponse";
import type { LigneSeuil } from "../seuils";
import { type Besoin, type Dispense, libelleNatureSeuil } from "./contexte";

/**
 * Dispense by amount (value below the dated dispense threshold of the nature, R2122-8) or, for an
 * innovative purchase, below the innovative threshold (R2122-9-1). The amount wins when both apply.
 */
export function etapeDispense(b: Besoin, r: Reponse): Dispense {
  const row = r.seuil(b.nature === "travaux" ? "DISPENSE_WORKS" : "DISPENSE_SUPPLIES_SERVICES");
  const montant = phraseComparaison("Valeur estimée", b.valeur, row, {
    nomSeuil: "seuil de dispense",
    precision: libelleNatureSeuil(b.nature),
  });
  let motif: Dispense["motif"] = null;
  if (montant.met) {
    r.explique(`${montant.phrase} : marché possible sans publicité ni mise en concurrence préalables (R2122-8).`, row.fondements);
    motif = "montant";
  } else {
    r.explique(`${montant.phrase} : pas de dispense au titre du montant.`);
  }

  let innovRow: LigneSeuil | null = null;
  if (b.innovant) {
    innovRow = r.seuil("INNOVATIVE_DISPENSE");
    const innov = phraseComparaison("Achat innovant : valeur estimée", b.valeur, innovRow, { nomSeuil: "seuil des achats innovants" });
    if (innov.met) {
      r.explique(`${innov.phrase} : marché possible sans publicité ni mise en concurrence préalables (R2122-9-1).`, innovRow.fondements);
      motif ??= "achat-innovant";
    } else {
      r.explique(`${innov.phrase} : pas de dispense au titre de l'innovation.`);
    }
  }
  return { motif, row, rowInnovant: innovRow };
}
