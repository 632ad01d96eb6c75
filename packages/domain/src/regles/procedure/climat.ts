/** Step 11 of the procedure analysis: the Climat et Résilience duties, by launch date (L2152-7, L2112-2, L2112-2-1). */
import { LECTURES } from "../parametres";
import type { Reponse } from "../reponse";
import { obligationActive } from "../seuils";
import type { Besoin, Famille } from "./contexte";
import type { ObligationsClimat } from "./types";

/**
 * From 21 August 2026: an environmental consideration in the performance conditions (every contract),
 * an environmental award criterion and no price-only award (when there are award criteria), and a
 * social condition at or above the EU threshold that applies.
 */
export function etapeClimat(_b: Besoin, r: Reponse, famille: Famille): ObligationsClimat {
  const envRow = r.seuil("CLIMAT_ENVIRONMENTAL_DUTY");
  const socRow = r.seuil("CLIMAT_SOCIAL_CONDITION_DUTY");
  const applicable = obligationActive(envRow);
  const critere =
    applicable && (famille.procedure !== "sans-publicite-ni-mise-en-concurrence" || LECTURES.climatCritereSansMiseEnConcurrence.valeur);
  const conditionSociale = obligationActive(socRow) && famille.atOrAboveEu;
  if (applicable) {
    r.explique(
      "Consultation lancée à partir du 21 août 2026 (loi Climat et résilience) : les conditions d'exécution prennent en compte des considérations environnementales (L2112-2)" +
        (critere
          ? " et au moins un critère d'attribution porte sur les caractéristiques environnementales de l'offre ; le prix ne peut plus être le critère unique (L2152-7)."
          : " ; sans mise en concurrence, il n'y a pas de critères d'attribution."),
      envRow.fondements,
    );
    if (conditionSociale) {
      r.explique(
        "Valeur au moins égale au seuil européen : les conditions d'exécution comportent une considération sociale ou relative à l'emploi, sauf exception réglementaire (L2112-2-1).",
        socRow.fondements,
      );
      r.vigilance(
        "La liste réglementaire des exceptions à la condition sociale (L2112-2-1) n'a pas été vérifiée : documenter toute exception invoquée.",
        { niveau: "attention", fondements: socRow.fondements },
      );
    }
  } else {
    r.explique(
      "Consultation lancée avant le 21 août 2026 : les obligations environnementales et sociales de la loi Climat et résilience ne s'appliquent pas encore (décret n° 2022-767).",
    );
  }
  return {
    applicable,
    critereEnvironnementalObligatoire: critere,
    conditionExecutionEnvironnementaleObligatoire: applicable,
    conditionSocialeObligatoire: conditionSociale,
    prixSeulCritereInterdit: critere,
  };
}
