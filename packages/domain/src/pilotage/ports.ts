import type { AgregatsMarches, CleIndicateur, Cible } from "./indicateurs";

/** The population of contracts an indicator is computed over. */
export interface FiltreIndicateurs {
  /** Notification dates from `du` to `au` included (ISO `YYYY-MM-DD`). */
  du: string;
  au: string;
  /** One direction, or every direction (null). */
  directionId: string | null;
  /** Contracts of at least this amount HT (cents); 4 000 000 gives exactly the DECP population. */
  montantMinHtCents: number;
  /** One purchase family (CPV division, 2 digits: drill-down from the chart by family), or every one (null). */
  divisionCpv: string | null;
}

/** A contract behind a figure (drill-down from the cockpit). */
export interface MarcheDerriere {
  id: string;
  numero: string;
  objet: string;
  directionId: string;
  dateNotification: string;
  montantHtCents: number;
  titulaire: string | null;
}

/** The indicator's population split by a dimension (by direction, by CPV division, by month). */
export type AxeRepartition = "direction" | "famille" | "mois" | "annee";

export interface Repartition {
  cle: string;
  libelle: string;
  agregats: AgregatsMarches;
}

export interface PilotageRepository {
  /** Counts of the population (one aggregate query over contracts, lots, invoices and clauses). */
  agreger(organisationId: string, filtre: FiltreIndicateurs): Promise<AgregatsMarches>;
  /** The same counts split along one axis. */
  repartir(organisationId: string, filtre: FiltreIndicateurs, axe: AxeRepartition): Promise<Repartition[]>;
  /** The contracts counted in an indicator's numerator (or its whole population), paged. */
  marchesDerriere(
    organisationId: string,
    filtre: FiltreIndicateurs,
    indicateur: CleIndicateur,
    page: { limit: number; offset: number },
  ): Promise<{ total: number; marches: MarcheDerriere[] }>;
  cibles(organisationId: string, annee: number): Promise<Cible[]>;
  /** Sets (or replaces) the target of an indicator for a year. */
  fixerCible(organisationId: string, cible: Cible): Promise<void>;
}
