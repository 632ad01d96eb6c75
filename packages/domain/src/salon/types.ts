/**
 * The procurement fair's meeting scheduler: the instance as organisers send it (slots, companies, buyers,
 * meeting requests) and the plan it answers (one meeting = a company, a buyer, a slot). Field names are the
 * JSON names of `salon planifier`.
 */

/** 1 = highest. */
export type Priorite = 1 | 2 | 3;

export const PRIORITES: readonly Priorite[] = [1, 2, 3];

/** A company or a buyer, with the slots (ids) where it is present. */
export interface Participant {
  id: string;
  disponibilites: string[];
}

/** A company asks to meet a buyer, with a priority. */
export interface Demande {
  entreprise: string;
  acheteur: string;
  priorite: Priorite;
}

export interface InstanceSalon {
  /** Slot ids, in chronological order (e.g. "09h00", "09h20"…). */
  creneaux: string[];
  entreprises: Participant[];
  acheteurs: Participant[];
  demandes: Demande[];
}

export interface RendezVous {
  entreprise: string;
  acheteur: string;
  creneau: string;
}

/** Counts of a plan, by lexicographic importance (see `ScorePlan` for the order). */
export interface Bilan {
  /** Requests of the instance. */
  demandes: number;
  /** Meetings placed. */
  places: number;
  /** Companies with at least one meeting. */
  entreprisesServies: number;
  /** Meetings placed by priority: `{ "1": n1, "2": n2, "3": n3 }`. */
  parPriorite: Record<Priorite, number>;
}
