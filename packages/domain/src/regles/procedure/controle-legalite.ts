/** Step 8 of the procedure analysis: transmission to the prefect (CGCT L3131-2, D2131-5-1). */
import { phraseComparaison } from "../commun";
import type { Reponse } from "../reponse";
import type { Cents } from "../../valeurs/montant";
import type { Besoin } from "./contexte";

/**
 * A local authority sends the contract and its amendments to the prefect before notification when the
 * estimated value reaches the EU supplies and services threshold (judged on the whole need).
 */
export function etapeControleLegalite(b: Besoin, r: Reponse): { controleLegalite: boolean; seuilControleLegaliteHtCents: Cents } {
  const row = r.seuil("LEGALITY_CONTROL");
  const legalite = phraseComparaison("Valeur estimée", b.valeur, row, { nomSeuil: "seuil du contrôle de légalité" });
  if (b.acheteur.collectiviteTerritoriale) {
    if (legalite.met) {
      r.explique(
        `${legalite.phrase} : le marché et ses avenants sont transmis au préfet avant notification (contrôle de légalité).`,
        row.fondements,
      );
    } else {
      r.explique(`${legalite.phrase} : pas de transmission obligatoire au contrôle de légalité.`);
    }
  }
  return { controleLegalite: b.acheteur.collectiviteTerritoriale && legalite.met, seuilControleLegaliteHtCents: row.valeur };
}
