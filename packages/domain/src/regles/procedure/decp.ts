/** Step 6 of the procedure analysis: publication of the essential data (DECP, R2196-1) or the yearly list. */
import { phraseComparaison } from "../commun";
import type { Reponse } from "../reponse";
import { formatValeurSeuil, satisfait } from "../seuils";
import type { Besoin } from "./contexte";

/** DECP from 40 000 € HT; from 2024, 25 000 to 40 000 € HT may go in a yearly list instead. */
export function etapeDecp(b: Besoin, r: Reponse): { decpObligatoire: boolean; decpListeAnnuellePossible: boolean } {
  const decpRow = r.seuil("DECP_THRESHOLD");
  const decp = phraseComparaison("Valeur estimée", b.valeur, decpRow, { nomSeuil: "seuil des données essentielles" });
  if (decp.met) {
    r.explique(
      `${decp.phrase} : données essentielles à publier sur data.gouv.fr dans les 2 mois suivant la notification (R2196-1).`,
      decpRow.fondements,
    );
    return { decpObligatoire: true, decpListeAnnuellePossible: false };
  }
  const listRow = r.seuilSiConnu("DECP_OPTIONAL_LIST");
  if (listRow && satisfait(listRow, b.valeur)) {
    r.retient(listRow);
    r.explique(
      `${decp.phrase} : pas de publication individuelle obligatoire ; entre ${formatValeurSeuil(listRow)} et ${formatValeurSeuil(decpRow)}, ` +
        "les données essentielles peuvent être remplacées par une liste annuelle publiée au premier trimestre.",
      listRow.fondements,
    );
    return { decpObligatoire: false, decpListeAnnuellePossible: true };
  }
  r.explique(`${decp.phrase} : pas de publication des données essentielles obligatoire.`);
  return { decpObligatoire: false, decpListeAnnuellePossible: false };
}
