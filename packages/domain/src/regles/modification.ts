/**
 * Contract modification check (L2194-1, R2194-1 to R2194-9; CGCT L1414-4).
 *
 * Says whether a modification is allowed on the legal basis invoked, its percentage and the cumulated
 * percentage of all modifications, whether the CAO must give its opinion first, and what to check.
 * Going past a cap of a basis does not make a modification automatically unlawful: another basis
 * (typically a non-substantial change, R2194-7) may still apply, which the vigilance points say.
 */
import { formatDateFr, type DateLegale } from "../valeurs/date-legale";
import {
  compareRatioToBasisPoints,
  formatEuros,
  formatRatioPourcentage,
  ratioToBasisPoints,
  type Cents,
  type PointsDeBase,
} from "../valeurs/montant";
import { montantMaximal, phraseComparaison } from "./commun";
import { ccp } from "./fondement";
import { ACHETEUR_PAR_DEFAUT, LECTURES, type ProfilAcheteur } from "./parametres";
import { nouvelleReponse, type ReponseExpliquee } from "./reponse";
import { assertDateCouverte, cleSeuilEuropeen, formatValeurSeuil, satisfait } from "./seuils";
import { NATURES, type Fondement, type Nature } from "./types";
import { IssueCollector } from "./validation";

/** Legal basis invoked for a modification (L2194-1 cases). */
export type FondementModification =
  | "clause-reexamen"
  | "prestations-supplementaires"
  | "circonstances-imprevues"
  | "changement-titulaire"
  | "non-substantielle"
  | "faible-montant";

/** The bases, for validation and enums. */
export const FONDEMENTS_MODIFICATION: readonly FondementModification[] = [
  "clause-reexamen",
  "prestations-supplementaires",
  "circonstances-imprevues",
  "changement-titulaire",
  "non-substantielle",
  "faible-montant",
];

/** A modification: its amount HT in cents (negative for a decrease) and its legal basis. */
export interface ModificationMontant {
  montantHtCents: Cents;
  fondement: FondementModification;
}

/** Input of `verifierModification`. */
export interface ModificationInput {
  /** Initial amount of the contract, cents HT (> 0). */
  montantInitialHtCents: Cents;
  nature: Nature;
  /** Launch date of the initial consultation: selects the EU threshold (R2194-8). */
  dateLancement: DateLegale;
  /** Earlier modifications, in order. Default []. */
  modificationsAnterieures?: ModificationMontant[];
  modification: ModificationMontant;
  /** The contract was awarded by the CAO (formalised procedure of a local authority). */
  attribueParCao: boolean;
}

/** Result of `verifierModification`; amounts in cents HT, percentages in basis points of the initial amount. */
export interface ModificationResult extends ReponseExpliquee {
  /** Allowed on the basis invoked (see `pointsDeVigilance` for the conditions that cannot be computed). */
  autorisee: boolean;
  fondementInvoque: FondementModification;
  montantInitialHtCents: Cents;
  montantModificationHtCents: Cents;
  /** Algebraic sum of all modifications, this one included. */
  montantCumuleModificationsHtCents: Cents;
  nouveauMontantHtCents: Cents;
  /** This modification / initial amount, rounded to the basis point (signed). */
  pourcentageCetteModificationPointsDeBase: PointsDeBase;
  /** All modifications / initial amount, rounded to the basis point (signed). */
  pourcentageCumulePointsDeBase: PointsDeBase;
  /** For the "faible-montant" basis: cumulated amount of such modifications and its percentage. */
  faibleMontant: {
    montantCumuleHtCents: Cents;
    pourcentagePointsDeBase: PointsDeBase;
    seuilEuropeenHtCents: Cents;
    plafondPourcentagePointsDeBase: PointsDeBase;
  } | null;
  avisCaoRequis: boolean;
}

const L2194_1 = ccp("L2194-1", "cas de modification sans nouvelle procédure ; la nature globale du marché ne peut être modifiée");
const R2194_7 = ccp("R2194-7", "modification non substantielle, quel que soit son montant");

const FONDEMENTS_PAR_CAS: Record<FondementModification, Fondement[]> = {
  "clause-reexamen": [ccp("R2194-1", "modification prévue par une clause de réexamen ou une option claire, précise et sans équivoque")],
  "prestations-supplementaires": [
    ccp("R2194-2", "prestations supplémentaires devenues nécessaires, changement de titulaire impossible"),
    ccp("R2194-3", "chaque modification limitée à 50 % du montant initial"),
  ],
  "circonstances-imprevues": [
    ccp("R2194-5", "modification rendue nécessaire par des circonstances imprévisibles"),
    ccp("R2194-3", "chaque modification limitée à 50 % du montant initial"),
  ],
  "changement-titulaire": [ccp("R2194-6", "nouveau titulaire par clause ou par succession (restructuration, fusion, insolvabilité)")],
  "non-substantielle": [R2194_7],
  "faible-montant": [
    ccp("R2194-8", "modification inférieure aux seuils européens et à 10 % (fournitures, services) ou 15 % (travaux) du montant initial"),
    ccp("R2194-9", "montant cumulé des modifications successives"),
  ],
};

function validate(input: unknown): void {
  const c = new IssueCollector();
  if (!c.object(input)) throw c.refus();
  const initialOk = c.cents(input.montantInitialHtCents, ["montantInitialHtCents"], { positive: true });
  c.oneOf(input.nature, NATURES, ["nature"]);
  c.date(input.dateLancement, ["dateLancement"]);
  c.boolean(input.attribueParCao, ["attribueParCao"]);
  let sum = 0;
  let amountsOk = true;
  const checkModification = (value: unknown, path: (string | number)[]): void => {
    if (!c.object(value, path)) {
      amountsOk = false;
      return;
    }
    if (c.cents(value.montantHtCents, [...path, "montantHtCents"], { allowNegative: true })) sum += value.montantHtCents;
    else amountsOk = false;
    if (c.oneOf(value.fondement, FONDEMENTS_MODIFICATION, [...path, "fondement"])) {
      if (value.fondement === "prestations-supplementaires" && typeof value.montantHtCents === "number" && value.montantHtCents <= 0) {
        c.add(
          [...path, "montantHtCents"],
          "Des prestations supplémentaires augmentent le montant du marché : un montant positif est attendu.",
        );
      }
    }
  };
  if (input.modificationsAnterieures !== undefined) {
    if (!Array.isArray(input.modificationsAnterieures)) c.add(["modificationsAnterieures"], "Une liste de modifications est attendue.");
    else {
      for (const [i, m] of (input.modificationsAnterieures as unknown[]).entries()) checkModification(m, ["modificationsAnterieures", i]);
    }
  }
  checkModification(input.modification, ["modification"]);
  if (initialOk && amountsOk && (input.montantInitialHtCents as number) + sum <= 0) {
    c.add(["modification", "montantHtCents"], "Après modification, le montant du marché doit rester strictement positif.");
  }
  c.throwIfAny();
}

/**
 * Checks a contract modification (avenant) against the case invoked (L2194-1, R2194-1 to R2194-9) and
 * the CAO opinion rule (CGCT L1414-4: increase > 5 % of a contract awarded by the CAO; decreases are
 * out of scope). Amounts in cents HT; the EU threshold is the one in force at `dateLancement`.
 * @throws DomainError `INVALID_INPUT` (every problem with its path) or `RULES_PERIOD_UNKNOWN`.
 */
export function verifierModification(input: ModificationInput, acheteur: ProfilAcheteur = ACHETEUR_PAR_DEFAUT): ModificationResult {
  validate(input);
  assertDateCouverte(input.dateLancement, "dateLancement");
  const { montantInitialHtCents: initial, nature, dateLancement: date, modification, attribueParCao } = input;
  const anterieures = input.modificationsAnterieures ?? [];
  const toutes = [...anterieures, modification];

  const r = nouvelleReponse(date);
  r.fondement(L2194_1);
  const montant = modification.montantHtCents;
  const cumul = toutes.reduce((sum, m) => sum + m.montantHtCents, 0);
  const pctThis = ratioToBasisPoints(montant, initial);
  const pctCumul = ratioToBasisPoints(cumul, initial);
  r.fondement(FONDEMENTS_PAR_CAS[modification.fondement]);
  // Percentages in sentences carry enough decimals never to read equal to a cap they exceed (50,00001 %).
  const caps = (
    ["CAO_AVENANT_5PCT", "MODIFICATION_MAX_SHARE", nature === "travaux" ? "DE_MINIMIS_WORKS" : "DE_MINIMIS_SUPPLIES_SERVICES"] as const
  )
    .map((cle) => r.seuilSiConnu(cle)?.valeur)
    .filter((bp): bp is number => bp !== undefined);
  const pct = (part: Cents) => formatRatioPourcentage(part, initial, caps);

  r.explique(
    `Montant initial ${formatEuros(initial)} HT ; cette modification ${formatEuros(montant)} HT (${pct(montant)} du montant initial) ; ` +
      `cumul des modifications ${formatEuros(cumul)} HT (${pct(cumul)}) ; nouveau montant ${formatEuros(initial + cumul)} HT.`,
  );

  let autorisee = true;
  let faibleMontant: ModificationResult["faibleMontant"] = null;
  switch (modification.fondement) {
    case "clause-reexamen":
      r.explique(
        "Modification prévue par une clause de réexamen ou une option du marché : autorisée dans les limites de la clause (R2194-1).",
      );
      r.vigilance(
        "Vérifier que la clause est claire, précise et sans équivoque, et qu'elle prévoit le champ, la nature et les conditions de la modification.",
        { niveau: "attention", fondements: FONDEMENTS_PAR_CAS["clause-reexamen"] },
      );
      break;
    case "prestations-supplementaires":
    case "circonstances-imprevues": {
      const capRow = r.seuil("MODIFICATION_MAX_SHARE");
      const withinCap = compareRatioToBasisPoints(montant, initial, capRow.valeur) <= 0;
      autorisee = withinCap;
      const maximum = montantMaximal(initial, capRow.valeur, "<=");
      r.explique(
        `Cette modification de ${formatEuros(montant)} HT représente ${pct(montant)} du montant initial, ${withinCap ? "≤" : ">"} plafond de ${formatValeurSeuil(capRow)} ` +
          `par modification, soit au plus ${formatEuros(maximum)} HT (R2194-3) : ${withinCap ? "autorisée" : "non autorisée"} sur ce fondement.`,
      );
      if (!withinCap) {
        r.vigilance(
          `Cette modification dépasse de ${formatEuros(montant - maximum)} HT le plafond de ${formatValeurSeuil(capRow)} du montant initial (${formatEuros(maximum)} HT) : ` +
            "elle ne peut pas être passée sur ce fondement (R2194-3) ; vérifier si elle relève d'un autre cas (R2194-1, R2194-7) ou engager une nouvelle procédure.",
          { niveau: "bloquant", fondements: capRow.fondements },
        );
      }
      r.vigilance(
        modification.fondement === "prestations-supplementaires"
          ? "Vérifier que le changement de titulaire est impossible pour des raisons économiques ou techniques (interchangeabilité, interopérabilité) et qu'il entraînerait un inconvénient majeur ou des coûts dupliqués (R2194-2)."
          : "Vérifier que les circonstances étaient imprévisibles pour un acheteur diligent (R2194-5).",
        { niveau: "attention", fondements: FONDEMENTS_PAR_CAS[modification.fondement] },
      );
      r.vigilance(
        "Des modifications successives ne doivent pas servir à contourner les obligations de publicité et de mise en concurrence (R2194-3).",
        { niveau: "attention", fondements: capRow.fondements },
      );
      if (modification.fondement === "circonstances-imprevues") {
        r.vigilance(
          "L'application du plafond de 50 % aux circonstances imprévues (renvoi de R2194-5 à R2194-3) reste à vérifier dans le texte officiel.",
          { niveau: "attention", fondements: FONDEMENTS_PAR_CAS["circonstances-imprevues"] },
        );
      }
      break;
    }
    case "changement-titulaire":
      r.explique(
        "Remplacement du titulaire par une clause de réexamen ou par succession à la suite d'une restructuration : autorisé (R2194-6).",
      );
      r.vigilance(
        "Le nouveau titulaire doit remplir les conditions de participation initiales et la succession ne doit pas entraîner d'autres modifications substantielles.",
        { niveau: "attention", fondements: FONDEMENTS_PAR_CAS["changement-titulaire"] },
      );
      if (montant !== 0) {
        r.vigilance("Un changement de titulaire ne modifie normalement pas le prix : vérifier le fondement du montant indiqué.", {
          niveau: "attention",
        });
      }
      break;
    case "non-substantielle":
      r.explique(
        "Modification non substantielle : autorisée quel que soit son montant (R2194-7), si aucun critère de modification substantielle n'est rempli.",
      );
      r.vigilance(
        "Une modification est substantielle si elle aurait permis d'autres candidats ou une autre offre retenue, modifie l'équilibre économique en faveur du titulaire " +
          "de façon non prévue, étend considérablement l'objet du marché, ou remplace le titulaire hors des cas de R2194-6 (R2194-7).",
        { niveau: "attention", fondements: [R2194_7] },
      );
      break;
    case "faible-montant": {
      const euRow = r.seuil(cleSeuilEuropeen(nature));
      const capRow = r.seuil(nature === "travaux" ? "DE_MINIMIS_WORKS" : "DE_MINIMIS_SUPPLIES_SERVICES");
      const concernees = toutes.filter((m) => m.fondement === "faible-montant");
      const cumulFaible = concernees.reduce(
        (sum, m) => sum + (LECTURES.cumulFaibleMontant.valeur === "valeurs-absolues" ? Math.abs(m.montantHtCents) : m.montantHtCents),
        0,
      );
      const pctFaible = ratioToBasisPoints(cumulFaible, initial);
      const sousSeuilEu = !satisfait(euRow, cumulFaible); // EU row operator ">=": below means not met
      const sousPlafond = compareRatioToBasisPoints(cumulFaible, initial, capRow.valeur) < 0;
      autorisee = sousSeuilEu && sousPlafond;
      faibleMontant = {
        montantCumuleHtCents: cumulFaible,
        pourcentagePointsDeBase: pctFaible,
        seuilEuropeenHtCents: euRow.valeur,
        plafondPourcentagePointsDeBase: capRow.valeur,
      };
      r.explique(
        `${phraseComparaison("Cumul des modifications de faible montant", cumulFaible, euRow, { nomSeuil: "seuil européen", precision: nature }).phrase}` +
          ` ; ${pct(cumulFaible)} du montant initial ${sousPlafond ? "<" : "≥"} plafond de ${formatValeurSeuil(capRow)} (${nature === "travaux" ? "travaux" : "fournitures et services"}), ` +
          `soit au plus ${formatEuros(montantMaximal(initial, capRow.valeur, "<"))} HT : ` +
          `${autorisee ? "autorisée sans examen du caractère substantiel (R2194-8)" : "plafonds de l'article R2194-8 dépassés"}.`,
      );
      if (LECTURES.cumulFaibleMontant.valeur === "valeurs-absolues" && concernees.some((m) => m.montantHtCents < 0)) {
        r.vigilance(
          "Les diminutions sont comptées en valeur absolue dans le cumul des modifications de faible montant (lecture prudente, à confirmer).",
          { niveau: "information", fondements: LECTURES.cumulFaibleMontant.fondements },
        );
      }
      if (!autorisee) {
        r.vigilance(
          "Plafonds de la modification de faible montant dépassés : elle ne peut pas être passée sur ce fondement (R2194-8). Elle n'est pas illégale pour autant : " +
            "vérifier si elle est non substantielle (R2194-7) ou relève d'un autre cas (R2194-1, R2194-2, R2194-5). Un cumul supérieur à 15 % sur des travaux " +
            "n'est pas nécessairement substantiel.",
          { niveau: "bloquant", fondements: [...capRow.fondements, R2194_7] },
        );
        r.fondement(R2194_7);
      }
      break;
    }
  }
  r.vigilance("Quelle que soit la base invoquée, la modification ne peut pas changer la nature globale du marché (L2194-1).", {
    niveau: "information",
    fondements: [L2194_1],
  });

  // CAO opinion (CGCT L1414-4): increase of this avenant > 5 % of the initial amount.
  const caoRow = r.seuil("CAO_AVENANT_5PCT");
  const augmentationCetteModification = montant > 0 && compareRatioToBasisPoints(montant, initial, caoRow.valeur) > 0;
  const augmentationCumulee = cumul > 0 && compareRatioToBasisPoints(cumul, initial, caoRow.valeur) > 0;
  const depasse = LECTURES.avisCaoSurCetteModification.valeur ? augmentationCetteModification : augmentationCumulee;
  const avisCaoRequis = acheteur.collectiviteTerritoriale && attribueParCao && depasse;
  if (!attribueParCao) {
    r.explique("Marché non attribué par la commission d'appel d'offres : pas d'avis préalable de la CAO (CGCT L1414-4).");
  } else if (montant <= 0) {
    r.explique("Modification sans augmentation du montant : hors du champ de l'avis préalable de la CAO (CGCT L1414-4).");
  } else {
    const sansAvis = montantMaximal(initial, caoRow.valeur, "<=");
    r.explique(
      `Augmentation de ${formatEuros(montant)} HT, soit ${pct(montant)} du montant initial, ${augmentationCetteModification ? ">" : "≤"} ${formatValeurSeuil(caoRow)} ` +
        `(avis requis au-delà de ${formatEuros(sansAvis)} HT) sur un marché attribué par la CAO : ` +
        `${avisCaoRequis ? "avis préalable de la CAO requis, transmis à l'assemblée délibérante" : "pas d'avis préalable de la CAO"} (CGCT L1414-4).`,
    );
    if (avisCaoRequis) {
      r.vigilance(
        "Recueillir l'avis préalable de la commission d'appel d'offres avant de signer l'avenant ; il est transmis à l'assemblée délibérante.",
        {
          niveau: "attention",
          fondements: caoRow.fondements,
        },
      );
    }
    if (!avisCaoRequis && augmentationCumulee) {
      r.vigilance(
        `Le cumul des avenants atteint ${pct(cumul)} du montant initial (${formatEuros(cumul)} HT) : au-delà de 5 % en cumul, une lecture prudente de L1414-4 consulte la CAO.`,
        { niveau: "attention", fondements: caoRow.fondements },
      );
    }
  }
  if (attribueParCao) r.fondement(caoRow.fondements);

  // Other duties triggered by the modification.
  const decpRow = r.seuil("DECP_THRESHOLD");
  if (satisfait(decpRow, initial)) {
    r.vigilance(
      `Marché d'au moins ${formatValeurSeuil(decpRow)} : publier les données essentielles de la modification dans les 2 mois suivant sa notification (R2196-1).`,
      { niveau: "information", fondements: decpRow.fondements },
    );
  }
  const legaliteRow = r.seuil("LEGALITY_CONTROL");
  if (acheteur.collectiviteTerritoriale && satisfait(legaliteRow, initial)) {
    r.vigilance(
      `Marché transmis au contrôle de légalité (au moins ${formatValeurSeuil(legaliteRow)} au ${formatDateFr(date)}) : transmettre aussi l'avenant au préfet.`,
      { niveau: "information", fondements: legaliteRow.fondements },
    );
  }

  return {
    autorisee,
    fondementInvoque: modification.fondement,
    montantInitialHtCents: initial,
    montantModificationHtCents: montant,
    montantCumuleModificationsHtCents: cumul,
    nouveauMontantHtCents: initial + cumul,
    pourcentageCetteModificationPointsDeBase: pctThis,
    pourcentageCumulePointsDeBase: pctCumul,
    faibleMontant,
    avisCaoRequis,
    ...r.fin(),
  };
}
