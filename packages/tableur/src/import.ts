/**
 * Import in two steps, without any database here:
 * 1. `analyserImport` reads the file and returns a report (counts, problems, preview) to show to the user, and the
 *    valid rows kept aside;
 * 2. once the user has confirmed, `confirmerImport` checks the policy and calls the caller's `ecrire` ONCE with the
 *    rows to write. The caller runs `ecrire` in ONE transaction (its `unitOfWork`): it writes all the rows or, by
 *    throwing, none of them.
 *
 * Contract for the caller:
 * - `ecrire` receives the valid rows in file order, with their row numbers (to cite them in an audit event or an
 *   error); it maps them to domain inputs and writes them, all or nothing;
 * - a business refusal discovered while writing (duplicate in the database…) should throw a `DomainError` naming
 *   the row number: the transaction is rolled back and nothing is written;
 * - between the two steps, the caller keeps either the analysis (same process) or the file and its `empreinte`;
 *   when the user confirms a re-sent file, compare `empreinte` with the one of the report the user saw
 *   (`confirmerImport` does it when `empreinteConfirmee` is given).
 */
import type { Colonnes, LigneDe } from "./colonnes";
import { ErreurTableur, formatEntier } from "./erreurs";
import { type LigneLue, lireTableur, type OptionsLecture, type Probleme, type SourceTableur } from "./lecture";

/**
 * `toutOuRien`: one bad row blocks the whole import (the user fixes the file and sends it again).
 * `lignesValides`: the valid rows may be written, the others are left out, if the user confirms.
 */
export type PolitiqueImport = "toutOuRien" | "lignesValides";

export interface OptionsAnalyse<C extends Colonnes> extends OptionsLecture<C> {
  /** Default: `toutOuRien`. */
  politique?: PolitiqueImport;
  /** Valid rows shown before confirmation. Default: 10. */
  tailleApercu?: number;
}

/** What the user sees before confirming (serialisable as JSON). */
export interface RapportImport<L> {
  /** Non-empty rows under the header. */
  total: number;
  valides: number;
  enErreur: number;
  problemes: Probleme[];
  problemesOmis: number;
  /** First valid rows, as they will be written. */
  apercu: LigneLue<L>[];
  entetesInconnus: string[];
  entetesManquants: string[];
  /** SHA-256 of the file: record it with the import, compare it when a re-sent file is confirmed. */
  empreinte: string;
  politique: PolitiqueImport;
  /** Whether a confirmation would write something under the policy. */
  ecriturePossible: boolean;
  /** One French sentence summing the analysis up (for the page and the command line). */
  resume: string;
}

export interface AnalyseImport<L> {
  rapport: RapportImport<L>;
  /** The rows `confirmerImport` hands to `ecrire`. */
  lignesValides: LigneLue<L>[];
}

/** Reads the file and prepares the report of the "confirm before writing" step. Throws like `lireTableur`. */
export async function analyserImport<const C extends Colonnes>(
  source: SourceTableur,
  options: OptionsAnalyse<C>,
): Promise<AnalyseImport<LigneDe<C>>> {
  const politique = options.politique ?? "toutOuRien";
  const lecture = await lireTableur(source, options);
  const valides = lecture.lignes.length;
  const enErreur = lecture.lignesEnErreur.length;
  const ecriturePossible = valides > 0 && (politique === "lignesValides" || enErreur === 0);
  return {
    rapport: {
      total: lecture.total,
      valides,
      enErreur,
      problemes: lecture.problemes,
      problemesOmis: lecture.problemesOmis,
      apercu: lecture.lignes.slice(0, options.tailleApercu ?? 10),
      entetesInconnus: lecture.entetesInconnus,
      entetesManquants: lecture.entetesManquants,
      empreinte: lecture.empreinte,
      politique,
      ecriturePossible,
      resume: resumer(lecture.total, valides, enErreur, lecture.problemes.length + lecture.problemesOmis, politique),
    },
    lignesValides: lecture.lignes,
  };
}

function pluriel(n: number, singulier: string, plurielForme = `${singulier}s`): string {
  return `${formatEntier(n)} ${n > 1 ? plurielForme : singulier}`;
}

function resumer(total: number, valides: number, enErreur: number, problemes: number, politique: PolitiqueImport): string {
  if (total === 0) return "Le fichier ne contient aucune ligne sous l'en-tête.";
  const lues = `${pluriel(total, "ligne lue", "lignes lues")} : ${pluriel(valides, "valide")}, ${formatEntier(enErreur)} en erreur`;
  if (enErreur === 0) return `${lues}. Tout peut être importé.`;
  const detail = `${lues} (${pluriel(problemes, "problème")}).`;
  if (politique === "toutOuRien")
    return `${detail} Corrigez le fichier puis envoyez-le de nouveau : rien ne sera importé tant qu'une ligne est en erreur.`;
  return valides > 0
    ? `${detail} Vous pouvez importer les ${pluriel(valides, "ligne valide", "lignes valides")} seulement.`
    : `${detail} Aucune ligne ne peut être importée.`;
}

/**
 * Writes a confirmed import: checks the policy (and the fingerprint of a re-sent file), then calls `ecrire`
 * exactly once with every valid row. Run it inside the caller's transaction, or let `ecrire` open it.
 * @throws ErreurTableur IMPORT_INVALIDE (policy `toutOuRien` with rows in error, or a re-sent file that differs
 *   from the analysed one), AUCUNE_LIGNE_VALIDE (nothing to write); whatever `ecrire` throws.
 */
export async function confirmerImport<L, R>(
  analyse: AnalyseImport<L>,
  ecrire: (lignes: readonly LigneLue<L>[]) => Promise<R>,
  options: { empreinteConfirmee?: string } = {},
): Promise<R> {
  const { rapport, lignesValides } = analyse;
  if (options.empreinteConfirmee !== undefined && options.empreinteConfirmee !== rapport.empreinte) {
    throw new ErreurTableur(
      "IMPORT_INVALIDE",
      "Le fichier a changé depuis son analyse : analysez-le de nouveau avant de confirmer l'import.",
    );
  }
  if (rapport.politique === "toutOuRien" && rapport.enErreur > 0) {
    throw new ErreurTableur(
      "IMPORT_INVALIDE",
      `Import refusé : ${pluriel(rapport.enErreur, "ligne est", "lignes sont")} en erreur. Corrigez le fichier puis envoyez-le de nouveau ; rien n'a été importé.`,
      { lignesEnErreur: rapport.enErreur },
    );
  }
  if (lignesValides.length === 0) throw new ErreurTableur("AUCUNE_LIGNE_VALIDE", "Aucune ligne valide à importer : rien n'a été importé.");
  return ecrire(lignesValides);
}
