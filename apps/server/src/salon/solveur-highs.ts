/**
 * The `SolveurLineaire` port implemented with HiGHS: the `highs` npm package, HiGHS compiled to WebAssembly
 * and shipped inside the package (nothing downloaded, no native add-on), single-threaded and deterministic.
 * The module is loaded once per process; the objectives are solved one after the other on one model, each
 * from the previous optimal basis (dual simplex after presolve, HiGHS's default choice for an LP).
 */
import type { ProblemeLineaire, SolutionLineaire, SolveurLineaire } from "@achat-public/domain/salon";
import loadHighs, { type Highs } from "highs";

let chargement: Promise<Highs> | undefined;
const highs = () => {
  chargement ??= loadHighs();
  return chargement;
};

export const solveurHighs: SolveurLineaire = {
  nom: "HiGHS 1.15 (WebAssembly, paquet npm « highs »)",
  async maximiser(probleme: ProblemeLineaire, objectifs: readonly Float64Array[]): Promise<SolutionLineaire[]> {
    const { lignes, nbVariables } = probleme;
    if (nbVariables === 0) return objectifs.map(() => ({ valeur: 0, x: new Float64Array(0) })); // HiGHS refuses an empty model
    const h = await highs();
    const nbLignes = lignes.max.length;
    const modele = h.createModel({
      numCols: nbVariables,
      numRows: nbLignes,
      sense: h.constants.objectiveSense.maximize,
      colCost: objectifs[0] ?? new Float64Array(nbVariables),
      colLower: new Float64Array(nbVariables),
      colUpper: probleme.borneSup,
      rowLower: new Float64Array(nbLignes).fill(-h.infinity),
      rowUpper: lignes.max,
      matrix: {
        format: "csr",
        numRows: nbLignes,
        numCols: nbVariables,
        starts: lignes.debuts,
        indices: lignes.colonnes,
        values: lignes.coefficients,
      },
    });
    try {
      modele.options.set({ output_flag: false });
      const solutions: SolutionLineaire[] = [];
      for (const [i, objectif] of objectifs.entries()) {
        if (i > 0 && nbVariables > 0) modele.changeColsCost({ kind: "range", from: 0, to: nbVariables - 1 }, objectif);
        modele.run();
        const statut = modele.getModelStatus();
        if (statut !== h.constants.modelStatus.optimal) throw new Error(`HiGHS : statut ${statut}, optimum attendu`);
        solutions.push({ valeur: modele.getObjectiveValue(), x: Float64Array.from(modele.getSolution().colValue) });
      }
      return solutions;
    } finally {
      modele.dispose();
    }
  },
};
