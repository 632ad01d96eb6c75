/**
 * @achat-public/tableur — the one spreadsheet helper of the product (CSV and XLSX): columns declared as data,
 * templates, imports with a report before writing, streamed exports. Generic: no business rule lives here.
 * See docs/tableur.md.
 */
export {
  type Colonne,
  type ColonneBooleen,
  type ColonneDate,
  type ColonneEntier,
  type ColonneEuros,
  type ColonneListe,
  type ColonneTexte,
  type Colonnes,
  type CleDe,
  type LigneDe,
  type TypeColonne,
  type ValeurColonne,
  type ValeurListe,
  decrireFormat,
  defineColonnes,
  lettreColonne,
  normaliserEntete,
} from "./colonnes";
export { neutraliserFormule } from "./conversion";
export type { Encodage, Separateur } from "./csv";
export { type CodeErreurTableur, type DetailsErreurTableur, ErreurTableur, isErreurTableur } from "./erreurs";
export { exporterListe, type OptionsExport } from "./export";
export {
  type AnalyseImport,
  analyserImport,
  confirmerImport,
  type OptionsAnalyse,
  type PolitiqueImport,
  type RapportImport,
} from "./import";
export {
  type FormatTableur,
  LIMITES_PAR_DEFAUT,
  type LigneLue,
  lireTableur,
  type OptionsLecture,
  type Probleme,
  type ProblemeLigne,
  type Progression,
  type ResultatLecture,
  type SourceTableur,
} from "./lecture";
export { modeleCsv, modeleXlsx, type OptionsModele } from "./modele";
