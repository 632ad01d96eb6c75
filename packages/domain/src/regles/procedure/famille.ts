/** Step 2 of the procedure analysis: EU threshold, procedure family and the procedures allowed (R2123-1, R2124-1 to R2124-5). */
import { phraseComparaison } from "../commun";
import { ccp } from "../fondement";
import type { Reponse } from "../reponse";
import { cleSeuilEuropeen } from "../seuils";
import type { FamilleProcedure, ProcedureDecp } from "../types";
import { AOO, AOR, type Besoin, type Dispense, type Famille, libelleNatureSeuil, MAPA, SANS_PUBLICITE } from "./contexte";
import type { ProcedureSousCondition } from "./types";

const R2124_3 = ccp("R2124-3", "cas de recours à la procédure avec négociation et au dialogue compétitif");

/**
 * The family: dispensed (step 1), else adapted procedure below the EU threshold or for social and
 * specific services whatever their value (R2123-1 3°), else formalised (value ≥ EU threshold, R2124-1).
 */
export function etapeFamille(b: Besoin, r: Reponse, dispense: Dispense): Famille {
  const euRow = r.seuil(cleSeuilEuropeen(b.nature, b.sss));
  const eu = phraseComparaison(b.sss ? "valeur estimée" : "Valeur estimée", b.valeur, euRow, {
    nomSeuil: b.sss ? "seuil européen des services sociaux et autres services spécifiques" : "seuil européen",
    precision: b.sss ? "annexe XIV" : libelleNatureSeuil(b.nature),
  });
  const atOrAboveEu = eu.met; // operator ">="
  let procedure: FamilleProcedure;
  if (dispense.motif !== null) procedure = "sans-publicite-ni-mise-en-concurrence";
  else if (b.sss || !atOrAboveEu) procedure = "procedure-adaptee";
  else procedure = "procedure-formalisee";

  if (b.sss) {
    r.explique(
      `Services sociaux et autres services spécifiques (annexe XIV) : procédure adaptée quelle que soit la valeur (R2123-1 3°) ; ${eu.phrase}.`,
      ccp("R2123-1 3°", "services sociaux et autres services spécifiques en procédure adaptée"),
    );
  } else if (atOrAboveEu) {
    r.explique(
      `${eu.phrase} : procédure formalisée obligatoire (R2124-1).`,
      euRow.fondements,
      ccp("R2124-2", "appel d'offres ouvert ou restreint"),
      R2124_3,
    );
  } else {
    r.explique(
      `${eu.phrase} : procédure adaptée possible (R2123-1 1°) ; l'acheteur peut aussi choisir une procédure formalisée.`,
      ccp("R2123-1 1°", "procédure adaptée en dessous des seuils européens"),
    );
  }
  return { procedure, atOrAboveEu, euRow };
}

/** DECP labels of the procedures the buyer may use without further condition. */
export function proceduresAutorisees(procedure: FamilleProcedure): ProcedureDecp[] {
  const list: ProcedureDecp[] = [];
  if (procedure === "sans-publicite-ni-mise-en-concurrence") list.push(SANS_PUBLICITE);
  if (procedure !== "procedure-formalisee") list.push(MAPA);
  list.push(AOO, AOR);
  return list;
}

/** Procedures allowed only in the cases of the CCP (R2124-3, R2124-5, R2122-1 to R2122-11). */
export function proceduresSousCondition(procedure: FamilleProcedure): ProcedureSousCondition[] {
  const list: ProcedureSousCondition[] = [
    {
      procedure: "Procédure avec négociation",
      condition:
        "Seulement dans un cas de l'article R2124-3 : solution à adapter, solution innovante, conception, circonstances particulières, " +
        "spécifications impossibles à définir, ou appel d'offres n'ayant reçu que des offres irrégulières ou inacceptables.",
      fondements: [R2124_3],
    },
    {
      procedure: "Dialogue compétitif",
      condition: "Seulement dans les cas 1° à 5° de l'article R2124-3 (renvoi de R2124-5).",
      fondements: [R2124_3, ccp("R2124-5", "dialogue compétitif")],
    },
  ];
  if (procedure !== "sans-publicite-ni-mise-en-concurrence") {
    list.push({
      procedure: SANS_PUBLICITE,
      condition:
        "Seulement dans un cas des articles R2122-1 à R2122-11 : urgence impérieuse, procédure infructueuse, opérateur unique (exclusivité), " +
        "prestations similaires, etc.",
      fondements: [ccp("R2122-1", "urgence impérieuse"), ccp("R2122-3", "un seul opérateur économique")],
    });
  }
  return list;
}
