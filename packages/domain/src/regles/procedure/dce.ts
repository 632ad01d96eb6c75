/** Step 7 of the procedure analysis: consultation documents free on the buyer profile (R2132-2). */
import { phraseComparaison } from "../commun";
import type { Reponse } from "../reponse";
import type { Publicite } from "../types";
import type { Besoin } from "./contexte";

/** Mandatory when a notice is required and the value reaches the dated threshold; the same if a notice is published anyway. */
export function etapeDce(
  b: Besoin,
  r: Reponse,
  publicite: Publicite,
): { dceGratuitSurProfilAcheteur: boolean; dceGratuitSiAvisPublie: boolean } {
  const dceRow = r.seuil("DCE_ON_PROFILE");
  const dce = phraseComparaison("Valeur estimée", b.valeur, dceRow, { nomSeuil: "seuil des documents gratuits sur le profil d'acheteur" });
  const avisObligatoire = publicite === "boamp-ou-jal" || publicite === "boamp-et-joue";
  const dceGratuitSurProfilAcheteur = avisObligatoire && dce.met;
  if (dceGratuitSurProfilAcheteur) {
    r.explique(
      `${dce.phrase} et avis de marché publié : documents de la consultation gratuits sur le profil d'acheteur dès la publication (R2132-2).`,
    );
  } else if (dce.met) {
    r.explique(
      `${dce.phrase} : si un avis est publié, les documents de la consultation doivent être gratuits sur le profil d'acheteur (R2132-2).`,
    );
  } else {
    r.explique(`${dce.phrase} : pas d'obligation de mise à disposition sur le profil d'acheteur.`);
  }
  if (dce.met) r.fondement(dceRow.fondements);
  return { dceGratuitSurProfilAcheteur, dceGratuitSiAvisPublie: dce.met };
}
