/**
 * The use case behind `salon planifier`: validate an untrusted instance, compute the LP bounds through the
 * solver port, plan, and answer the plan with its counts, its bounds and its ratios. Pure apart from the port
 * (the caller measures time and may stop the search through `doitArreter`).
 */
import { bornesLineaires } from "./lineaire";
import { bilanDe, construireModele, type ModeleSalon } from "./modele";
import { planifier } from "./planificateur";
import type { SolveurLineaire } from "./ports";
import type { Priorite, RendezVous } from "./types";
import { validerInstance, type Avertissement } from "./validation";

export interface OptionsPlanifierSalon {
  graine?: number;
  iterations?: number;
  doitArreter?: () => boolean;
}

export interface PlanSalon {
  rendezVous: RendezVous[];
  /** Requests of the instance. */
  demandes: number;
  /** Meetings placed. */
  places: number;
  entreprisesServies: number;
  /** LP bound of meetings placed (relaxation (2)). */
  borneSuperieure: number;
  /** LP bound of companies served (relaxation (1)). */
  borneEntreprisesServies: number;
  /** places / borneSuperieure and entreprisesServies / borneEntreprisesServies (1 when the bound is 0). */
  ratioRendezVous: number;
  ratioEntreprisesServies: number;
  /** Meetings placed by priority, and how priorities are weighed. */
  priorites: { places: Record<Priorite, number>; demandees: Record<Priorite, number>; ponderation: string };
  /** The plan reaches both bounds and the weighted LP optimum: no plan is better in the lexicographic order. */
  optimumProuve: boolean;
  /** Companies that asked for meetings but cannot have any (no request with a slot in common with its buyer). */
  entreprisesSansPossibilite: number;
  avertissements: Avertissement[];
  solveur: string;
  iterations: number;
}

export const PONDERATION_PRIORITES =
  "Ordre lexicographique : entreprises servies, puis rendez-vous placés, puis rendez-vous de priorité 1, puis de priorité 2 " +
  "(la priorité ne départage que des plans de même nombre de rendez-vous). Relaxation pondérée qui guide et prouve : " +
  "8 par entreprise servie, 1 + 1/64 par rendez-vous de priorité 1, 1 + ε de priorité 2, 1 de priorité 3.";

/** Meetings in chronological order, then by buyer and company as listed in the instance. */
function ordonner(modele: ModeleSalon, creneauDe: Int32Array): RendezVous[] {
  const { instance } = modele;
  const demandes = Array.from({ length: modele.R }, (_, r) => r).filter((r) => (creneauDe[r] as number) >= 0);
  demandes.sort(
    (x, y) =>
      (creneauDe[x] as number) - (creneauDe[y] as number) ||
      (modele.acheteurDe[x] as number) - (modele.acheteurDe[y] as number) ||
      (modele.entrepriseDe[x] as number) - (modele.entrepriseDe[y] as number),
  );
  return demandes.map((r) => {
    const d = instance.demandes[r] as { entreprise: string; acheteur: string };
    return { entreprise: d.entreprise, acheteur: d.acheteur, creneau: instance.creneaux[creneauDe[r] as number] as string };
  });
}

const ratio = (valeur: number, borne: number) => (borne <= 0 ? 1 : Math.round((valeur / borne) * 1e6) / 1e6);

export async function planifierSalon(entree: unknown, solveur: SolveurLineaire, options: OptionsPlanifierSalon = {}): Promise<PlanSalon> {
  const { instance, avertissements } = validerInstance(entree);
  const modele = construireModele(instance);
  const bornes = await bornesLineaires(modele, solveur);
  const resultat = planifier(modele, { ...options, bornes, suggestion: bornes.suggestion });
  const bilan = bilanDe(modele, resultat.creneauDe);
  const demandees: Record<Priorite, number> = { 1: 0, 2: 0, 3: 0 };
  for (const d of instance.demandes) demandees[d.priorite]++;
  const sansPossibilite = modele.demandesEntreprise.filter(
    (rs) => rs.length > 0 && rs.every((r) => (modele.creneauxPossibles[r] as Int32Array).length === 0),
  ).length;
  return {
    rendezVous: ordonner(modele, resultat.creneauDe),
    demandes: bilan.demandes,
    places: bilan.places,
    entreprisesServies: bilan.entreprisesServies,
    borneSuperieure: bornes.rendezVous,
    borneEntreprisesServies: bornes.entreprisesServies,
    ratioRendezVous: ratio(bilan.places, bornes.rendezVous),
    ratioEntreprisesServies: ratio(bilan.entreprisesServies, bornes.entreprisesServies),
    priorites: { places: bilan.parPriorite, demandees, ponderation: PONDERATION_PRIORITES },
    optimumProuve: resultat.optimumProuve,
    entreprisesSansPossibilite: sansPossibilite,
    avertissements,
    solveur: solveur.nom,
    iterations: resultat.iterations,
  };
}
