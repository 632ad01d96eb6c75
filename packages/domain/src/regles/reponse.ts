/**
 * The explained answer (réponse expliquée): what every analysis of the rule book returns besides its
 * result, built in one way by one builder.
 *
 * - `reglesAppliquees`: the dated rows of the rule book the answer relied on (traceability);
 * - `fondements`: its legal bases, each with its article, cited once;
 * - `explications`: French sentences, in reasoning order, that quote the figures;
 * - `alertes`: what the buyer must check or do, ranked: `bloquant` (the act would be unlawful or the
 *   date cannot be kept), then `attention` (a condition to verify, a value not yet confirmed), then
 *   `information` (a reminder, a date that falls on a non-working day);
 * - `pointsDeVigilance`: the messages of `alertes` in the same order (kept for the clients that read
 *   plain strings).
 *
 * The builder is not tied to the procedure analyses: any context that explains a decision (purchase
 * programme, split-purchase alerts, integrity flags) can build its answer with it.
 */
import type { DateLegale } from "../valeurs/date-legale";
import { ajouterFondements } from "./fondement";
import { formatValeurSeuil, regleAppliquee, seuilAt, trouverSeuil, type CleSeuil, type LigneSeuil } from "./seuils";
import type { Fondement, RegleAppliquee } from "./types";

/** Rank of an alert: blocking first, then attention, then information. */
export type NiveauAlerte = "bloquant" | "attention" | "information";

/** The three ranks, in display order. */
export const NIVEAUX_ALERTE: readonly NiveauAlerte[] = ["bloquant", "attention", "information"];

/** Something the buyer must check or do, with its rank and its legal bases. */
export interface Alerte {
  niveau: NiveauAlerte;
  /** French sentence for buyers (no internal note, no code name). */
  message: string;
  fondements: Fondement[];
}

/** The explained part shared by every answer of the rule book. */
export interface ReponseExpliquee {
  reglesAppliquees: RegleAppliquee[];
  fondements: Fondement[];
  explications: string[];
  /** The messages of `alertes`, in the same order (blocking first). */
  pointsDeVigilance: string[];
  alertes: Alerte[];
}

/** Options of `Reponse.vigilance`. */
export interface OptionsVigilance {
  /** Default "attention". */
  niveau?: NiveauAlerte;
  fondements?: readonly Fondement[];
}

/** Builder of an explained answer; see `nouvelleReponse`. */
export interface Reponse {
  /** The date that selects the rules (launch of the consultation, dispatch of the notice…), if any. */
  readonly date: DateLegale | undefined;
  /**
   * The row of `cle` in force on `date` (default: the answer's date), recorded in `reglesAppliquees`.
   * @throws DomainError `RULES_PERIOD_UNKNOWN` when no row covers the date.
   */
  seuil(cle: CleSeuil, date?: DateLegale): LigneSeuil;
  /** The row of `cle` in force on `date`, or undefined; NOT recorded (call `retient` if it is used). */
  seuilSiConnu(cle: CleSeuil, date?: DateLegale): LigneSeuil | undefined;
  /** Records a row the answer relied on (once). */
  retient(row: LigneSeuil): LigneSeuil;
  /** Adds an explanation, and its legal bases to the answer's. */
  explique(texte: string, ...fondements: readonly (readonly Fondement[] | Fondement)[]): void;
  /** Adds a ranked alert (default rank "attention"); an identical alert is kept once. */
  vigilance(texte: string, options?: OptionsVigilance): void;
  /** Adds legal bases to the answer (each cited once). */
  fondement(...fondements: readonly (readonly Fondement[] | Fondement)[]): void;
  /** Takes in another explained answer (a sub-computation): rows, bases, explanations and alerts. */
  integre(autre: Partial<ReponseExpliquee>, options?: { alertes?: boolean }): void;
  /**
   * The explained answer: rows used, legal bases, explanations, ranked alerts (plus an "attention" alert
   * for each row used whose value is not yet confirmed). May be called more than once.
   */
  fin(): ReponseExpliquee;
}

function missingDate(): never {
  throw new TypeError("Réponse sans date : indiquer la date qui choisit la règle.");
}

/**
 * A new explained answer. `date` selects the dated rows read with `seuil(cle)` (the launch date of the
 * consultation or the dispatch date of the notice, never the notification date).
 *
 * ```ts
 * const r = nouvelleReponse(input.dateLancement);
 * const row = r.seuil("DECP_THRESHOLD");
 * r.explique(`Valeur ≥ ${formatValeurSeuil(row)} : données essentielles à publier.`, row.fondements);
 * r.vigilance("Signature avant la fin du délai de suspension.", { niveau: "bloquant", fondements: [ccp("R2182-1", "…")] });
 * return { ...result, ...r.fin() };
 * ```
 */
export function nouvelleReponse(date?: DateLegale): Reponse {
  const rows: LigneSeuil[] = [];
  const extraRows: RegleAppliquee[] = [];
  const fondements: Fondement[] = [];
  const explications: string[] = [];
  const alertes: Alerte[] = [];

  const addAlert = (alerte: Alerte) => {
    if (!alertes.some((a) => a.niveau === alerte.niveau && a.message === alerte.message)) alertes.push(alerte);
  };

  const reponse: Reponse = {
    date,
    seuil(cle, at = date ?? missingDate()) {
      return reponse.retient(seuilAt(cle, at));
    },
    seuilSiConnu(cle, at = date ?? missingDate()) {
      return trouverSeuil(cle, at);
    },
    retient(row) {
      if (!rows.includes(row)) rows.push(row);
      return row;
    },
    explique(texte, ...sources) {
      explications.push(texte);
      ajouterFondements(fondements, ...sources);
    },
    vigilance(texte, options = {}) {
      addAlert({ niveau: options.niveau ?? "attention", message: texte, fondements: (options.fondements ?? []).map((f) => ({ ...f })) });
    },
    fondement(...sources) {
      ajouterFondements(fondements, ...sources);
    },
    integre(autre, options = {}) {
      for (const regle of autre.reglesAppliquees ?? []) {
        if (!extraRows.some((r) => r.id === regle.id) && !rows.some((r) => r.id === regle.id)) extraRows.push({ ...regle });
      }
      ajouterFondements(fondements, autre.fondements ?? []);
      explications.push(...(autre.explications ?? []));
      if (options.alertes !== false) for (const alerte of autre.alertes ?? []) addAlert({ ...alerte, fondements: [...alerte.fondements] });
    },
    fin() {
      const all: Alerte[] = [...alertes];
      for (const row of rows) {
        if (row.statut !== "a-confirmer") continue;
        const message = `Valeur à confirmer utilisée : ${regleAppliquee(row).libelle} = ${formatValeurSeuil(row)} ; elle n'a pas encore été vérifiée dans un texte officiel.`;
        if (!all.some((a) => a.message === message)) all.push({ niveau: "attention", message, fondements: [...row.fondements] });
      }
      const ranked = all
        .map((alerte, index) => ({ alerte, index }))
        .sort((a, b) => NIVEAUX_ALERTE.indexOf(a.alerte.niveau) - NIVEAUX_ALERTE.indexOf(b.alerte.niveau) || a.index - b.index)
        .map(({ alerte }) => alerte);
      const used = [...rows.map(regleAppliquee), ...extraRows.filter((r) => !rows.some((row) => row.id === r.id))];
      return {
        reglesAppliquees: used,
        fondements: fondements.map((f) => ({ ...f })),
        explications: [...explications],
        pointsDeVigilance: ranked.map((a) => a.message),
        alertes: ranked,
      };
    },
  };
  return reponse;
}
