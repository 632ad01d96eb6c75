/** Step 4 of the procedure analysis: the minimum receipt time limits of the procedure family (R2161-2 and following). */
import { ccp } from "../fondement";
import { DELAIS_RECEPTION } from "../parametres";
import type { Reponse } from "../reponse";
import type { Besoin, Famille } from "./contexte";
import type { DelaiReceptionMinimal } from "./types";

/**
 * Formalised procedure: every variant of the receipt table (sub-central ones only for a sub-central
 * buyer); adapted procedure: the MAPA row (no legal minimum); dispensed: none.
 */
export function etapeDelaisReception(b: Besoin, r: Reponse, famille: Famille): DelaiReceptionMinimal[] {
  const { procedure } = famille;
  const delais = DELAIS_RECEPTION.filter((row) => {
    if (procedure === "sans-publicite-ni-mise-en-concurrence") return false;
    if (procedure === "procedure-adaptee") return row.variante === "mapa";
    return row.variante !== "mapa" && (!row.sousCentralSeulement || b.acheteur.sousCentral);
  }).map((row) => ({
    variante: row.variante,
    procedure: row.procedure,
    etape: row.etape,
    libelle: row.libelle,
    joursMinimum: row.joursMinimum,
    pointDeDepart: row.pointDeDepart,
    accordPossible: row.accordPossible,
    fondements: [...row.fondements],
  }));
  if (procedure === "procedure-formalisee") {
    r.explique(
      "Délais minimaux de réception : appel d'offres ouvert 35 jours, ramenés à 30 jours puisque la transmission électronique est obligatoire (R2132-7), " +
        "15 jours avec un avis de préinformation ou en cas d'urgence ; voir la liste des variantes.",
      ccp("R2161-2", "délai minimal de 35 jours en appel d'offres ouvert"),
      ccp("R2161-3", "réductions du délai"),
    );
  } else if (procedure === "procedure-adaptee") {
    r.explique(
      "Procédure adaptée : pas de délai minimal légal de réception ; le délai doit être raisonnable et adapté à la complexité (R2143-1, R2151-1).",
    );
  }
  return delais;
}
