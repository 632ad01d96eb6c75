/**
 * The figures of the companies' guides (payment period, late interest and indemnity, advance, climate-law clauses),
 * all asked of the rule book: nothing here restates a threshold, a rate or a period.
 */
import { calculerPaiement, type PaiementResult } from "../regles/paiement";
import { TAUX_BCE_PAR_DEFAUT } from "../regles/parametres";
import { SEUILS, trouverSeuil, type CleSeuil } from "../regles/seuils";
import type { Fondement } from "../regles/types";
import { addDays, type DateLegale } from "../valeurs/date-legale";

export interface GuidesEntreprises {
  paiement: {
    delaiJours: number;
    indemniteForfaitaireCents: number;
    /** A worked example: an invoice of `montantTtcCents` paid `joursRetard` days late. */
    exemple: {
      montantTtcCents: number;
      dateReception: DateLegale;
      datePaiement: DateLegale;
      joursRetard: number;
      tauxInteretsPointsDeBase: number | null;
      tauxBcePointsDeBase: number | null;
      interetsMoratoiresCents: number;
      dateLimiteVersementInterets: DateLegale | null;
    };
    fondements: Fondement[];
  } | null;
  avance: {
    montantMinimumHtCents: number;
    dureeMinimumMois: number;
    tauxMinimumPointsDeBase: number | null;
    tauxMinimumPmePointsDeBase: number | null;
    fondements: Fondement[];
  } | null;
  clauses: { cle: CleSeuil; applicableDepuis: DateLegale; fondements: Fondement[] }[];
}

const EXEMPLE_TTC_CENTS = 1_200_000;
const EXEMPLE_RETARD_JOURS = 20;

function exemplePaiement(aujourdhui: DateLegale): PaiementResult | null {
  // an invoice received long enough ago to be paid 20 days late by today; if the rate table does not cover that
  // half-year (a demo loaded after the table's last row), the example moves to the table's last half-year
  const essais: DateLegale[] = [addDays(aujourdhui, -60)];
  const dernier = [...TAUX_BCE_PAR_DEFAUT]
    .map((r) => r.debutSemestre)
    .sort()
    .at(-1);
  if (dernier) essais.push(dernier);
  for (const reception of essais) {
    try {
      const sansRetard = calculerPaiement({ montantTtcCents: EXEMPLE_TTC_CENTS, dateReception: reception, datePaiement: reception });
      const echeance = sansRetard.dateEcheance.date;
      return calculerPaiement({
        montantTtcCents: EXEMPLE_TTC_CENTS,
        dateReception: reception,
        datePaiement: addDays(echeance, EXEMPLE_RETARD_JOURS),
      });
    } catch {
      // outside the engine's coverage: try the next date
    }
  }
  return null;
}

export function guidesEntreprises(aujourdhui: DateLegale): GuidesEntreprises {
  const p = exemplePaiement(aujourdhui);
  const seuil = (cle: CleSeuil) => trouverSeuil(cle, aujourdhui);
  const avance = seuil("AVANCE_MANDATORY");
  const duree = seuil("AVANCE_MIN_DURATION");
  const taux = seuil("AVANCE_MIN_RATE");
  const tauxPme = seuil("AVANCE_MIN_RATE_SME_LOCAL_AUTHORITY");
  const clauses = (["CLIMAT_ENVIRONMENTAL_DUTY", "CLIMAT_SOCIAL_CONDITION_DUTY"] as const).flatMap((cle) => {
    const ligne = SEUILS.find((s) => s.cle === cle && s.valeur === 1);
    return ligne ? [{ cle, applicableDepuis: ligne.effectiveFrom, fondements: [...ligne.fondements] }] : [];
  });
  return {
    paiement: p
      ? {
          delaiJours: p.delaiPaiementJours,
          indemniteForfaitaireCents: p.indemniteForfaitaireCents,
          exemple: {
            montantTtcCents: p.montantTtcCents,
            dateReception: p.dateReception,
            datePaiement: p.datePaiement,
            joursRetard: p.joursRetard,
            tauxInteretsPointsDeBase: p.tauxInteretsPointsDeBase,
            tauxBcePointsDeBase: p.tauxBcePointsDeBase,
            interetsMoratoiresCents: p.interetsMoratoiresCents,
            dateLimiteVersementInterets: p.dateLimiteVersementInterets,
          },
          fondements: p.fondements,
        }
      : null,
    avance:
      avance && duree
        ? {
            montantMinimumHtCents: avance.valeur,
            dureeMinimumMois: duree.valeur,
            tauxMinimumPointsDeBase: taux?.valeur ?? null,
            tauxMinimumPmePointsDeBase: tauxPme?.valeur ?? null,
            fondements: [...avance.fondements, ...(taux?.fondements ?? []), ...(tauxPme?.fondements ?? [])].filter(
              (f, i, all) => all.findIndex((g) => g.texte === f.texte && g.article === f.article) === i,
            ),
          }
        : null,
    clauses,
  };
}
