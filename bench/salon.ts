/**
 * Benchmark of the fair's meeting scheduler (`npm run bench`, section « salon » : `BENCH_SECTIONS=salon npm run bench`,
 * or alone: `npx tsx bench/salon.ts`): generated
 * fairs from 50 to 1,000 companies (40 buyers for 300, in proportion; 16 slots; about 5.3 requests per
 * company, skewed toward a few popular buyers; partial availabilities). Per size: companies served and meetings
 * placed, each with its LP bound and ratio, meetings of priority 1, seconds (LP bounds + plan, in this process),
 * beside a priority-first greedy and the local search alone (no LP guide, 3,000 iterations).
 * Options: BENCH_SALON_TAILLES (default "50,100,300,600,1000"), BENCH_SALON_GRAINES (default "1"),
 * BENCH_SALON_EXPOSANT (popularity exponent of the buyers, default 1: Zipf).
 */
import {
  bilanDe,
  bornesLineaires,
  construireModele,
  genererInstance,
  planGlouton,
  planifier,
  planifierSalon,
  validerInstance,
} from "@achat-public/domain/salon";
import { solveurHighs } from "../apps/server/src/salon/solveur-highs";

const TAILLES = (process.env.BENCH_SALON_TAILLES ?? "50,100,300,600,1000").split(",").map(Number);
const GRAINES = (process.env.BENCH_SALON_GRAINES ?? "1").split(",").map(Number);
const EXPOSANT = Number(process.env.BENCH_SALON_EXPOSANT ?? 1);

const pc = (valeur: number, borne: number) => `${borne > 0 ? ((100 * valeur) / borne).toFixed(1) : "100.0"} %`;
const col = (texte: string | number, largeur: number) => String(texte).padStart(largeur);

export async function benchSalon(): Promise<void> {
  console.log("   Bornes : relaxations linéaires résolues par HiGHS ; secondes : bornes et plan, dans ce processus.");
  console.log(
    `   ${col("entr.", 5)} ${col("ach.", 4)} ${col("dem.", 5)} │ ${col("servies / borne", 16)} ${col("ratio", 7)} │ ${col("rdv / borne", 12)} ${col("ratio", 7)} │ ${col("prio 1", 6)} ${col("s", 5)} ${col("prouvé", 6)} │ glouton : ${col("servies", 7)} ${col("rdv", 5)} ${col("prio 1", 6)} │ sans guide LP : ${col("servies", 7)} ${col("rdv", 5)} ${col("prio 1", 6)} ${col("s", 5)}`,
  );
  await planifierSalon(genererInstance({ entreprises: 20, graine: 99 }), solveurHighs); // loads and warms up the WebAssembly module
  for (const entreprises of TAILLES) {
    for (const graine of GRAINES) {
      const instance = genererInstance({ entreprises, graine, exposantPopularite: EXPOSANT });
      const debut = performance.now();
      const plan = await planifierSalon(instance, solveurHighs);
      const secondes = (performance.now() - debut) / 1000;

      const modele = construireModele(validerInstance(instance).instance);
      const glouton = bilanDe(modele, planGlouton(modele));
      const bornes = await bornesLineaires(modele, solveurHighs);
      const debutSeul = performance.now();
      const seul = bilanDe(modele, planifier(modele, { iterations: 3_000, bornes }).creneauDe);
      const secondesSeul = (performance.now() - debutSeul) / 1000;

      console.log(
        `   ${col(entreprises, 5)} ${col(instance.acheteurs.length, 4)} ${col(instance.demandes.length, 5)} │ ` +
          `${col(`${plan.entreprisesServies} / ${plan.borneEntreprisesServies}`, 16)} ${col(pc(plan.entreprisesServies, plan.borneEntreprisesServies), 7)} │ ` +
          `${col(`${plan.places} / ${plan.borneSuperieure}`, 12)} ${col(pc(plan.places, plan.borneSuperieure), 7)} │ ` +
          `${col(plan.priorites.places[1], 6)} ${col(secondes.toFixed(2), 5)} ${col(plan.optimumProuve ? "oui" : "non", 6)} │ ` +
          `glouton : ${col(`${pc(glouton.entreprisesServies, plan.borneEntreprisesServies)}`, 7)} ${col(pc(glouton.places, plan.borneSuperieure), 5)} ${col(glouton.parPriorite[1], 6)} │ ` +
          `sans guide LP : ${col(pc(seul.entreprisesServies, plan.borneEntreprisesServies), 7)} ${col(pc(seul.places, plan.borneSuperieure), 5)} ${col(seul.parPriorite[1], 6)} ${col(secondesSeul.toFixed(2), 5)}` +
          (GRAINES.length > 1 ? `   (graine ${graine})` : ""),
      );
    }
  }
  console.log("   (glouton : par priorité puis ordre d'arrivée, premier créneau libre des deux côtés ; ratios rapportés aux mêmes bornes)");
}

if (process.argv[1]?.endsWith("salon.ts")) {
  benchSalon().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
