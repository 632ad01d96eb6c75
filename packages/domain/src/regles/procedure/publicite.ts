/** Step 3 of the procedure analysis: the publicity tier (R2131-12, R2131-16). */
import { phraseComparaison } from "../commun";
import { ccp } from "../fondement";
import { LECTURES } from "../parametres";
import type { Reponse } from "../reponse";
import { satisfait } from "../seuils";
import type { Publicite } from "../types";
import type { Besoin, Famille } from "./contexte";

/**
 * No publicity when dispensed; free below 90 000 € HT; BOAMP or a legal-notices journal below the EU
 * threshold; BOAMP and JOUE at or above it (for social and specific services: at or above 750 000 €,
 * a reading to confirm, see docs/regles-a-confirmer.md).
 */
export function etapePublicite(b: Besoin, r: Reponse, famille: Famille): Publicite {
  const freeRow = r.seuil("PUB_FREE_BELOW");
  const boampRow = r.seuil("PUB_BOAMP_OR_JAL");
  if (famille.procedure === "sans-publicite-ni-mise-en-concurrence") {
    r.explique(
      "Publicité : aucune n'est exigée. Si l'acheteur choisit malgré tout une procédure adaptée, la publicité suit les paliers de l'article R2131-12.",
    );
    return "aucune";
  }
  if (satisfait(freeRow, b.valeur)) {
    r.explique(
      `${phraseComparaison("Valeur estimée", b.valeur, freeRow, { nomSeuil: "seuil de publicité" }).phrase} : publicité librement adaptée au montant et à l'objet (R2131-12 1°).`,
      freeRow.fondements,
    );
    return "libre";
  }
  if (!famille.atOrAboveEu) {
    r.explique(
      `${phraseComparaison("Valeur estimée", b.valeur, boampRow, { nomSeuil: "seuil de publicité" }).phrase} et inférieure au seuil européen : ` +
        "avis au BOAMP ou dans un journal d'annonces légales, complété si nécessaire par la presse spécialisée ou le JOUE (R2131-12 2°).",
      boampRow.fondements,
    );
    return "boamp-ou-jal";
  }
  if (b.sss) {
    r.explique(
      "Services sociaux et autres services spécifiques d'au moins 750 000,00 € HT : avis au BOAMP et au JOUE (avis de marché ou avis de préinformation, régime allégé).",
      LECTURES.servicesSociauxPubliciteJoue.fondements,
    );
    r.vigilance(`Lecture à confirmer : ${LECTURES.servicesSociauxPubliciteJoue.libelle}.`, {
      niveau: "attention",
      fondements: LECTURES.servicesSociauxPubliciteJoue.fondements,
    });
  } else {
    r.explique(
      "Valeur au moins égale au seuil européen : avis au BOAMP et au JOUE (R2131-16).",
      ccp("R2131-16", "avis de marché au BOAMP et au JOUE pour les procédures formalisées"),
    );
  }
  return "boamp-et-joue";
}
