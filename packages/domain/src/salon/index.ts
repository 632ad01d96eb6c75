/**
 * The procurement fair (salon de l'achat public): for now its meeting scheduler. Pure: the instance is
 * validated (`validerInstance`), indexed (`construireModele`), planned (`planifier`, or `planifierSalon`
 * with the LP bounds through the `SolveurLineaire` port), and re-planned after late changes (`replanifier`).
 * See docs/salon.md.
 */
export * from "./types";
export { validerInstance, LIMITES_INSTANCE, type Avertissement, type InstanceValidee } from "./validation";
export { construireModele, rendezVousDe, violations, bilanDe, cleDemande, type ModeleSalon } from "./modele";
export { relaxation, bornesLineaires, premieresVariables, poidsPonderation, valeurPonderee, type BornesLineaires } from "./lineaire";
export type { ProblemeLineaire, SolutionLineaire, SolveurLineaire } from "./ports";
export { planifier, comparerScores, type OptionsPlanification, type ResultatPlanification, type ScorePlan } from "./planificateur";
export { planGlouton } from "./glouton";
export { genererInstance, CRENEAUX_JOURNEE, type ParametresGeneration } from "./generateur";
export { aleatoire } from "./aleatoire";
export { SALON } from "./contexte";
export { planifierSalon, PONDERATION_PRIORITES, type OptionsPlanifierSalon, type PlanSalon } from "./planifier-salon";
export {
  replanifier,
  type ChangementsSalon,
  type Deplacement,
  type EntreeReplanification,
  type RendezVousPrecedent,
  type ResultatReplanification,
  type Retrait,
} from "./replanification";
export * from "./evenement";
export type * from "./evenement.ports";
export * from "./inscriptions.use-cases";
export * from "./rendez-vous";
export type * from "./rendez-vous.ports";
export * from "./rendez-vous.use-cases";
export * from "./entonnoir";
export * from "./satisfaction";
export * from "./satisfaction.use-cases";
