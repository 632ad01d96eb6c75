/**
 * The portfolio watch (veille du portefeuille): what ends soon with nothing planned to replace it, renewal
 * decisions due, frameworks nearly consumed, amendment drift, late payments. The repository selects the
 * candidates in SQL; this use case applies the successor check (programme port) and the thresholds.
 */
import { assertCan, directionScope } from "../acces/policies";
import type { Actor } from "../acces/roles";
import { seuilAt } from "../regles/seuils";
import { addMonths, type DateLegale } from "../valeurs/date-legale";
import { consommation, SEUIL_ALERTE_CONSOMMATION_BP } from "./execution";
import type { LigneVeille, MarcheRepository, SuccesseursProgramme } from "./ports";

export const HORIZONS_FIN_MOIS = [3, 6, 12] as const;
/** Renewal decisions are listed this many months before the current end date. */
export const PREAVIS_RECONDUCTION_MOIS = 4;

export interface ElementVeille extends LigneVeille {
  /** 3, 6 or 12: the first horizon the end date falls in (ending contracts only). */
  horizonMois?: number;
  tauxConsommationPointsDeBase?: number;
}

export interface Veille {
  aujourdhui: DateLegale;
  /** Ending within 12 months (each with its horizon 3/6/12), no renewal left and no successor line. */
  finSansSuccesseur: ElementVeille[];
  reconductionsADecider: ElementVeille[];
  accordsCadresConsommes: ElementVeille[];
  /** Cumulated amendments above the CAO threshold (5 % of the initial amount) or saved against the engine. */
  derivesAvenants: ElementVeille[];
  retardsPaiement: ElementVeille[];
}

export function compterVeille(v: Veille): Record<Exclude<keyof Veille, "aujourdhui">, number> {
  return {
    finSansSuccesseur: v.finSansSuccesseur.length,
    reconductionsADecider: v.reconductionsADecider.length,
    accordsCadresConsommes: v.accordsCadresConsommes.length,
    derivesAvenants: v.derivesAvenants.length,
    retardsPaiement: v.retardsPaiement.length,
  };
}

export async function veillePortefeuille(
  deps: { marches: MarcheRepository; successeurs: SuccesseursProgramme },
  actor: Actor,
  organisationId: string,
  aujourdhui: DateLegale,
  directionId?: string,
): Promise<Veille> {
  assertCan(actor, "marches.read");
  const horizon = addMonths(aujourdhui, 12);
  let lignes = await deps.marches.veille(organisationId, directionScope(actor), aujourdhui, horizon);
  if (directionId) lignes = lignes.filter((l) => l.directionId === directionId);
  const finissants = lignes.filter((l) => l.dateFin >= aujourdhui && l.dateFin <= horizon && l.reconductionsRestantes === 0);
  const avecSuccesseur = await deps.successeurs.avecSuccesseur(
    organisationId,
    finissants.map((l) => l.marcheId),
  );
  const seuilCao = seuilAt("CAO_AVENANT_5PCT", aujourdhui).valeur;
  const preavis = addMonths(aujourdhui, PREAVIS_RECONDUCTION_MOIS);
  const parFin = (a: LigneVeille, b: LigneVeille) =>
    a.dateFin < b.dateFin ? -1 : a.dateFin > b.dateFin ? 1 : a.numero.localeCompare(b.numero);
  return {
    aujourdhui,
    finSansSuccesseur: finissants
      .filter((l) => !avecSuccesseur.has(l.marcheId))
      .map((l) => ({ ...l, horizonMois: l.dateFin <= addMonths(aujourdhui, 3) ? 3 : l.dateFin <= addMonths(aujourdhui, 6) ? 6 : 12 }))
      .sort(parFin),
    reconductionsADecider: lignes
      .filter((l) => l.reconductionsRestantes > 0 && l.dateFin >= aujourdhui && l.dateFin <= preavis)
      .sort(parFin),
    accordsCadresConsommes: lignes
      .filter((l) => l.maximumHtCents !== null && l.maximumHtCents > 0)
      .map((l) => ({ ...l, tauxConsommationPointsDeBase: consommation(l.consommeHtCents, l.maximumHtCents ?? 0).tauxPointsDeBase }))
      .filter((l) => (l.tauxConsommationPointsDeBase ?? 0) >= SEUIL_ALERTE_CONSOMMATION_BP)
      .sort((a, b) => (b.tauxConsommationPointsDeBase ?? 0) - (a.tauxConsommationPointsDeBase ?? 0)),
    derivesAvenants: lignes
      .filter((l) => l.pourcentageCumulePointsDeBase > seuilCao || l.modificationsHorsMoteur > 0)
      .sort((a, b) => b.pourcentageCumulePointsDeBase - a.pourcentageCumulePointsDeBase),
    retardsPaiement: lignes
      .filter((l) => l.facturesImpayeesEchues > 0 || l.facturesEnRetard > 0)
      .sort((a, b) => b.facturesImpayeesEchues - a.facturesImpayeesEchues || b.interetsMoratoiresCents - a.interetsMoratoiresCents),
  };
}
