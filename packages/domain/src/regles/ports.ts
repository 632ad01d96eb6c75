import type { LigneTauxBce } from "./parametres";

/** The administrable ECB rate table (one row per half-year). */
export interface EcbRateRepository {
  list(): Promise<LigneTauxBce[]>;
  get(debutSemestre: string): Promise<LigneTauxBce | null>;
  upsert(row: LigneTauxBce): Promise<void>;
}
