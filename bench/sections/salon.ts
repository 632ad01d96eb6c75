import { benchSalon } from "../salon";
import type { SectionBanc } from "./section";

/** The fair's meeting scheduler against its LP bounds and a greedy, 50 to 1,000 companies (bench/salon.ts). */
export const salon: SectionBanc = {
  nom: "salon",
  titre: "Salon : planning des rendez-vous, entreprises servies et rendez-vous rapportés aux bornes linéaires",
  run: benchSalon,
};
