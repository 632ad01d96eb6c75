import { DomainError, invalidInput, type Issue } from "../commun/errors";
import { verifierTexte } from "../commun/texte";
import type { Salon } from "./evenement";

/**
 * The satisfaction survey after a held fair (issue 13): each company checked in present and each attending buyer
 * answers once (overall satisfaction and usefulness of the meetings from 1 to 5, would come again, an optional
 * comment), and may change its answer until the survey closes. Results are aggregated per side; who answered what
 * is never shown (the author is kept only to allow one answer and its modification). Pure.
 */
export const COTES_SATISFACTION = ["entreprise", "acheteur"] as const;
export type CoteSatisfaction = (typeof COTES_SATISFACTION)[number];
export const COTE_SATISFACTION_LIBELLES: Record<CoteSatisfaction, string> = { entreprise: "Entreprises", acheteur: "Acheteurs" };

/** Days after the fair during which answers are taken and can be changed (the closing day included). */
export const SATISFACTION_JOURS = 30;
export const LIMITES_SATISFACTION = { commentaireMax: 1000 };
/**
 * Below this many answers on a side, its means, distributions and comments are not published (nor the overall ones,
 * which would give them back by difference): with one or two answers, a result says what someone answered.
 */
export const SEUIL_ANONYMAT = 3;

export interface ReponseSatisfaction {
  satisfaction: number;
  utilite: number;
  reviendrait: boolean;
  commentaire: string | null;
}

export interface ReponseSatisfactionEnregistree extends ReponseSatisfaction {
  id: string;
  salonId: string;
  cote: CoteSatisfaction;
  entrepriseId: string | null;
  utilisateurId: string | null;
  reponduLe: Date;
  modifieLe: Date;
}

export interface SatisfactionInput {
  satisfaction: number;
  utilite: number;
  reviendrait: boolean;
  commentaire?: string | null;
}

const note = (valeur: number, path: string, quoi: string, issues: Issue[]) => {
  if (!Number.isInteger(valeur) || valeur < 1 || valeur > 5) issues.push({ path: [path], message: `${quoi} : une note entière de 1 à 5.` });
};

/** Checks an answer; every problem named with its field. */
export function validerReponseSatisfaction(input: SatisfactionInput): ReponseSatisfaction {
  const issues: Issue[] = [];
  note(input.satisfaction, "satisfaction", "La satisfaction générale", issues);
  note(input.utilite, "utilite", "L'utilité des rendez-vous", issues);
  if (typeof input.reviendrait !== "boolean") issues.push({ path: ["reviendrait"], message: "Reviendriez-vous : oui ou non." });
  let commentaire: string | null = null;
  if (input.commentaire !== undefined && input.commentaire !== null && input.commentaire !== "") {
    const v = verifierTexte(input.commentaire, { multiligne: true });
    if (!v.ok) issues.push({ path: ["commentaire"], message: v.message });
    else if (v.valeur.length > LIMITES_SATISFACTION.commentaireMax)
      issues.push({ path: ["commentaire"], message: `Le commentaire : ${LIMITES_SATISFACTION.commentaireMax} caractères au plus.` });
    else commentaire = v.valeur.trim() || null;
  }
  if (issues.length) throw invalidInput(issues);
  return { satisfaction: input.satisfaction, utilite: input.utilite, reviendrait: input.reviendrait, commentaire };
}

/** The last day (YYYY-MM-DD, included) when answers are taken: `SATISFACTION_JOURS` days after the fair. */
export function clotureSatisfaction(salon: Pick<Salon, "date">): string {
  const d = new Date(`${salon.date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + SATISFACTION_JOURS);
  return d.toISOString().slice(0, 10);
}

export type EtatSatisfaction = "a-venir" | "ouvert" | "clos";

/** Before the fair is held the survey is not open; after the closing day (Paris), it is closed. */
export function etatSatisfaction(salon: Pick<Salon, "date" | "statut">, aujourdhui: string): EtatSatisfaction {
  if (salon.statut !== "tenu") return "a-venir";
  return aujourdhui > clotureSatisfaction(salon) ? "clos" : "ouvert";
}

export function satisfactionFermee(salon: Pick<Salon, "date" | "statut">, etat: EtatSatisfaction): DomainError {
  return etat === "a-venir"
    ? new DomainError("SURVEY_NOT_OPEN", "Le questionnaire de satisfaction s'ouvre quand le salon a eu lieu.", "conflict")
    : new DomainError(
        "SURVEY_CLOSED",
        `Le questionnaire de satisfaction de ce salon est clos depuis le ${clotureSatisfaction(salon)} : les réponses ne changent plus.`,
        "conflict",
      );
}

export function pasParticipant(cote: CoteSatisfaction): DomainError {
  return new DomainError(
    "NOT_ATTENDED",
    cote === "entreprise"
      ? "Seules les entreprises pointées présentes au salon répondent au questionnaire de satisfaction."
      : "Seuls les acheteurs qui tenaient une table au salon répondent au questionnaire de satisfaction.",
    "conflict",
  );
}

export interface ResultatCote {
  cote: CoteSatisfaction;
  libelle: string;
  reponses: number;
  /** Fewer than `SEUIL_ANONYMAT` answers (but some): the means, shares and distributions are withheld (null). */
  masque: boolean;
  /** Present companies, or attending buyers. */
  participants: number;
  /** reponses / participants (null: no participant). */
  tauxReponse: number | null;
  /** Means from 1 to 5, two decimals (null: no answer). */
  moyenneSatisfaction: number | null;
  moyenneUtilite: number | null;
  /** Answers saying they would come again, and their share of the answers. */
  reviendraient: number | null;
  tauxRetour: number | null;
  /** Number of answers giving 1, 2, 3, 4, 5. */
  distributionSatisfaction: Distribution | null;
  distributionUtilite: Distribution | null;
}
type Distribution = [number, number, number, number, number];

export interface ResultatsSatisfaction {
  cotes: ResultatCote[];
  total: Omit<ResultatCote, "cote" | "libelle">;
}

const arrondi = (x: number, chiffres: number) => Math.round(x * 10 ** chiffres) / 10 ** chiffres;

function resultat(reponses: readonly ReponseSatisfaction[], participants: number, masque: boolean): Omit<ResultatCote, "cote" | "libelle"> {
  const n = reponses.length;
  const tauxReponse = participants === 0 ? null : arrondi(n / participants, 4);
  if (masque)
    return {
      reponses: n,
      masque,
      participants,
      tauxReponse,
      moyenneSatisfaction: null,
      moyenneUtilite: null,
      reviendraient: null,
      tauxRetour: null,
      distributionSatisfaction: null,
      distributionUtilite: null,
    };
  const distribution = (cle: "satisfaction" | "utilite") => {
    const d: Distribution = [0, 0, 0, 0, 0];
    for (const r of reponses) d[r[cle] - 1] = (d[r[cle] - 1] ?? 0) + 1;
    return d;
  };
  const moyenne = (cle: "satisfaction" | "utilite") => (n === 0 ? null : arrondi(reponses.reduce((s, r) => s + r[cle], 0) / n, 2));
  const reviendraient = reponses.filter((r) => r.reviendrait).length;
  return {
    reponses: n,
    masque,
    participants,
    tauxReponse,
    moyenneSatisfaction: moyenne("satisfaction"),
    moyenneUtilite: moyenne("utilite"),
    reviendraient,
    tauxRetour: n === 0 ? null : arrondi(reviendraient / n, 4),
    distributionSatisfaction: distribution("satisfaction"),
    distributionUtilite: distribution("utilite"),
  };
}

/** Too few answers to publish what they say (some, but fewer than `SEUIL_ANONYMAT`). */
export const tropPeu = (n: number) => n > 0 && n < SEUIL_ANONYMAT;

/**
 * Aggregates the answers per side and overall, against the participants of each side. A side with too few answers
 * is withheld, and so is the total then (it would give the side back by difference).
 */
export function agregerSatisfaction(
  reponses: readonly (ReponseSatisfaction & { cote: CoteSatisfaction })[],
  participants: Record<CoteSatisfaction, number>,
): ResultatsSatisfaction {
  const parCote = COTES_SATISFACTION.map((cote) => reponses.filter((r) => r.cote === cote));
  const unMasque = parCote.some((rs) => tropPeu(rs.length));
  return {
    cotes: COTES_SATISFACTION.map((cote, i) => {
      const rs = parCote[i] ?? [];
      return { cote, libelle: COTE_SATISFACTION_LIBELLES[cote], ...resultat(rs, participants[cote], tropPeu(rs.length)) };
    }),
    total: resultat(reponses, participants.entreprise + participants.acheteur, unMasque || tropPeu(reponses.length)),
  };
}
