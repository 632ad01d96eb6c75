/** Step 5 of the procedure analysis: standstill before signature (R2182-1) and award notice (R2183-1). */
import { ccp } from "../fondement";
import type { Reponse } from "../reponse";
import type { Besoin, Famille } from "./contexte";

/** Standstill for formalised procedures only; award notice for them and for social services ≥ 750 000 €. */
export function etapeStandstillEtAttribution(
  b: Besoin,
  r: Reponse,
  famille: Famille,
): { standstillApplicable: boolean; avisAttributionObligatoire: boolean } {
  const standstillApplicable = famille.procedure === "procedure-formalisee";
  if (standstillApplicable) {
    r.explique(
      "Délai de suspension (standstill) : au moins 11 jours entre l'envoi de la notification du rejet et la signature (16 jours sans voie électronique) (R2182-1).",
      ccp("R2182-1", "délai de suspension avant la signature"),
    );
  } else {
    r.explique("Délai de suspension (standstill) : non applicable hors procédure formalisée (R2182-1).");
  }
  const avisAttributionObligatoire = famille.procedure === "procedure-formalisee" || (b.sss && famille.atOrAboveEu);
  if (avisAttributionObligatoire) {
    r.explique(
      b.sss
        ? "Avis d'attribution dans les 30 jours suivant la signature ; pour les services sociaux et spécifiques, les avis peuvent être regroupés par trimestre (R2183-1, R2183-4)."
        : "Avis d'attribution au BOAMP et au JOUE dans les 30 jours suivant la signature (R2183-1).",
      ccp("R2183-1", "avis d'attribution dans les 30 jours suivant la signature"),
    );
  }
  return { standstillApplicable, avisAttributionObligatoire };
}
