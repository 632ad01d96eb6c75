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
export { type CodeErreurTableur, type DetailsErreurTableur, ErreurTableur, isErreurTableur } from "./erreurs";
