/**
 * Benchmarks (`npm run bench`), measured in one run on this machine, section by section. Targets live here, never
 * in unit tests. `BENCH_SECTIONS=demarrage,tableur` runs only the named sections; each section prints its own
 * figures and ratios (measured in the same run as their reference).
 */
import { SECTIONS } from "./sections/index";

async function main(): Promise<void> {
  const wanted = process.env.BENCH_SECTIONS?.split(",").map((s) => s.trim());
  const chosen = SECTIONS.filter((s) => !wanted || wanted.includes(s.nom));
  console.log(`achat-public — bancs d'essai (${chosen.map((s) => s.nom).join(", ")})\n`);
  for (const section of chosen) {
    const started = performance.now();
    console.log(`== ${section.titre} ==`);
    await section.run();
    console.log(`   (section mesurée en ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
