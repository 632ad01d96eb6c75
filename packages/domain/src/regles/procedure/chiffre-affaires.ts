/** Step 9 of the procedure analysis: cap of the minimum yearly turnover asked of candidates (R2142-7). */
import { formatEuros, formatPourcentage, plafondBasisPoints, type Cents } from "../../valeurs/montant";
import type { Reponse } from "../reponse";
import { formatPeriode } from "../seuils";
import type { Besoin } from "./contexte";

/**
 * At most 2 × (until 2025-12-31) or 1.5 × (from 2026-01-01) the estimated value, unless justified. The
 * cap is rounded down to the cent: rounding half a cent up would allow more than R2142-7 does.
 */
export function etapeChiffreAffaires(b: Besoin, r: Reponse): Cents {
  const row = r.seuil("MIN_TURNOVER_CAP");
  const plafond = plafondBasisPoints(b.valeur, row.valeur);
  r.explique(
    `Chiffre d'affaires annuel minimal exigible des candidats : au plus ${formatPourcentage(row.valeur)} de la valeur estimée du marché ou du lot ` +
      `(soit ${formatEuros(plafond)} HT pour l'ensemble), sauf justification (R2142-7, ${formatPeriode(row)}).`,
  );
  return plafond;
}
