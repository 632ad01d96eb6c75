import { invalidInput, type Issue } from "../commun/errors";
import { verifierTexte } from "../commun/texte";
import type { CategorieEntreprise, StatutInclusif } from "../entreprises/entreprise";
import { addDays, isDateLegale, type DateLegale } from "../valeurs/date-legale";

/** A company's interest in a published programme line (one per company and line). */
export interface SignalInteret {
  id: string;
  ligneId: string;
  entrepriseId: string;
  /** The account that signalled (or last changed the note). */
  utilisateurId: string;
  note: string | null;
  creeLe: Date;
  modifieLe: Date;
}

export const NOTE_MAX = 1_000;

/** The optional note of a signal: checked text, multiline, at most NOTE_MAX characters; empty means none. */
export function validerNote(brut: string | null | undefined, issues: Issue[], path = "note"): string | null {
  if (brut === null || brut === undefined) return null;
  const v = verifierTexte(brut, { multiligne: true });
  if (!v.ok) {
    issues.push({ path: [path], message: v.message });
    return null;
  }
  if (v.valeur.length > NOTE_MAX) issues.push({ path: [path], message: `La note contient ${NOTE_MAX} caractères au plus.` });
  return v.valeur === "" ? null : v.valeur;
}

/** Where a company is established, from the supplier directory (SIRET), and the départements it serves. */
export interface Localite {
  codeCommune: string | null;
  commune: string | null;
  departement: string | null;
  /** Established in the département of the platform. */
  locale: boolean;
}

/** A signal as the buyer sees it: the company's profile, shown to buyers only through its signal. */
export interface SignalVuParAcheteur {
  id: string;
  note: string | null;
  creeLe: Date;
  modifieLe: Date;
  entreprise: {
    id: string;
    raisonSociale: string;
    siret: string;
    categorie: CategorieEntreprise | null;
    statutInclusif: StatutInclusif | null;
    activites: string[];
    territoires: string[];
    certifications: string[];
  };
  localite: Localite;
}

// ------------------------------------------------------------------------------------------------ sourcing

export const TYPES_QUESTION = ["texte", "oui-non", "choix"] as const;
export type TypeQuestion = (typeof TYPES_QUESTION)[number];

export interface Question {
  /** Stable within the request: q1, q2… */
  id: string;
  libelle: string;
  type: TypeQuestion;
  /** The options of a `choix` question (2 to 10); empty otherwise. */
  choix: string[];
}

/** A sourcing questionnaire on a programme line: open to answers until `dateCloture` (included, Paris time). */
export interface DemandeSourcage {
  id: string;
  ligneId: string;
  organisationId: string;
  titre: string;
  introduction: string | null;
  questions: Question[];
  dateCloture: DateLegale;
  /** Closed early by the buyer (null: open until `dateCloture`). */
  closeLe: Date | null;
  creePar: string | null;
  creeLe: Date;
  version: number;
}

export type ValeurReponse = string | boolean;

/** A company's answers to a questionnaire, by question id (one answer per company, editable until closing). */
export interface ReponseSourcage {
  id: string;
  demandeId: string;
  entrepriseId: string;
  utilisateurId: string;
  reponses: Record<string, ValeurReponse>;
  creeLe: Date;
  modifieLe: Date;
  version: number;
}

export interface DemandeInput {
  titre: string;
  introduction?: string | null;
  questions: { libelle: string; type: string; choix?: string[] }[];
  dateCloture: string;
}

export const QUESTIONS_MAX = 10;
export const CHOIX_MAX = 10;
export const REPONSE_TEXTE_MAX = 2_000;
/** A questionnaire stays open one year at most. */
export const DUREE_MAX_JOURS = 365;

function texteCourt(brut: unknown, path: (string | number)[], min: number, max: number, nom: string, issues: Issue[]): string {
  if (typeof brut !== "string") {
    issues.push({ path, message: `${nom} : texte attendu.` });
    return "";
  }
  const v = verifierTexte(brut, { compacter: true });
  if (!v.ok) {
    issues.push({ path, message: v.message });
    return "";
  }
  if (v.valeur.length < min || v.valeur.length > max)
    issues.push({ path, message: `${nom} : entre ${min} et ${max} caractères (${v.valeur.length} reçus).` });
  return v.valeur;
}

/** Checks a new questionnaire; every problem is named by its field. `aujourdhui` is the day in Paris. */
export function validerDemande(
  input: DemandeInput,
  aujourdhui: DateLegale,
): Pick<DemandeSourcage, "titre" | "introduction" | "questions" | "dateCloture"> {
  const issues: Issue[] = [];
  const titre = texteCourt(input.titre, ["titre"], 3, 200, "Le titre", issues);
  let introduction: string | null = null;
  if (input.introduction !== null && input.introduction !== undefined) {
    const v = verifierTexte(input.introduction, { multiligne: true });
    if (!v.ok) issues.push({ path: ["introduction"], message: v.message });
    else if (v.valeur.length > 2_000) issues.push({ path: ["introduction"], message: "L'introduction contient 2 000 caractères au plus." });
    else introduction = v.valeur || null;
  }
  const questions: Question[] = [];
  if (!Array.isArray(input.questions) || input.questions.length === 0 || input.questions.length > QUESTIONS_MAX) {
    issues.push({ path: ["questions"], message: `Posez entre 1 et ${QUESTIONS_MAX} questions.` });
  } else {
    input.questions.forEach((q, i) => {
      const libelle = texteCourt(q.libelle, ["questions", i, "libelle"], 3, 300, "La question", issues);
      const type = (TYPES_QUESTION as readonly string[]).includes(q.type) ? (q.type as TypeQuestion) : null;
      if (!type)
        issues.push({ path: ["questions", i, "type"], message: `Type de question inconnu : « ${q.type} » (texte, oui-non ou choix).` });
      let choix: string[] = [];
      if (type === "choix") {
        const brut = q.choix ?? [];
        if (brut.length < 2 || brut.length > CHOIX_MAX)
          issues.push({ path: ["questions", i, "choix"], message: `Une question à choix propose entre 2 et ${CHOIX_MAX} réponses.` });
        choix = brut.map((c, j) => texteCourt(c, ["questions", i, "choix", j], 1, 100, "Le choix", issues));
        if (new Set(choix).size !== choix.length) issues.push({ path: ["questions", i, "choix"], message: "Deux choix sont identiques." });
      } else if (q.choix && q.choix.length > 0) {
        issues.push({ path: ["questions", i, "choix"], message: "Seule une question de type « choix » propose des choix." });
      }
      questions.push({ id: `q${i + 1}`, libelle, type: type ?? "texte", choix });
    });
  }
  let dateCloture = input.dateCloture as DateLegale;
  if (!isDateLegale(input.dateCloture)) {
    issues.push({ path: ["dateCloture"], message: `« ${String(input.dateCloture)} » : date AAAA-MM-JJ attendue.` });
  } else if (input.dateCloture < aujourdhui) {
    issues.push({ path: ["dateCloture"], message: "La date de clôture est passée." });
  } else if (input.dateCloture > addDays(aujourdhui, DUREE_MAX_JOURS)) {
    issues.push({ path: ["dateCloture"], message: `Un questionnaire reste ouvert ${DUREE_MAX_JOURS} jours au plus.` });
  } else dateCloture = input.dateCloture;
  if (issues.length) throw invalidInput(issues);
  return { titre, introduction, questions, dateCloture };
}

/** Whether a questionnaire accepts answers on `aujourdhui` (Paris day). */
export function demandeOuverte(d: Pick<DemandeSourcage, "dateCloture" | "closeLe">, aujourdhui: DateLegale): boolean {
  return d.closeLe === null && aujourdhui <= d.dateCloture;
}

/**
 * Checks a company's answers against the questions: unknown question ids refused, a yes/no is a boolean, a choice
 * one of the options, a text at most REPONSE_TEXTE_MAX characters; at least one answer. Blank answers are dropped.
 */
export function validerReponses(questions: readonly Question[], brut: Record<string, unknown>): Record<string, ValeurReponse> {
  const issues: Issue[] = [];
  const out: Record<string, ValeurReponse> = {};
  const parId = new Map(questions.map((q) => [q.id, q]));
  for (const [id, valeur] of Object.entries(brut ?? {})) {
    const q = parId.get(id);
    const path = ["reponses", id];
    if (!q) {
      issues.push({ path, message: `Question inconnue : « ${id} ».` });
      continue;
    }
    if (valeur === null || valeur === undefined) continue;
    if (q.type === "oui-non") {
      if (typeof valeur !== "boolean") issues.push({ path, message: "Répondez par oui (true) ou non (false)." });
      else out[id] = valeur;
    } else if (typeof valeur !== "string") {
      issues.push({ path, message: "Texte attendu." });
    } else {
      const v = verifierTexte(valeur, { multiligne: q.type === "texte" });
      if (!v.ok) issues.push({ path, message: v.message });
      else if (v.valeur === "") continue;
      else if (q.type === "choix" && !q.choix.includes(v.valeur))
        issues.push({ path, message: `« ${v.valeur} » n'est pas un des choix proposés (${q.choix.join(", ")}).` });
      else if (v.valeur.length > REPONSE_TEXTE_MAX) issues.push({ path, message: `${REPONSE_TEXTE_MAX} caractères au plus.` });
      else out[id] = v.valeur;
    }
  }
  if (issues.length === 0 && Object.keys(out).length === 0)
    issues.push({ path: ["reponses"], message: "Répondez au moins à une question." });
  if (issues.length) throw invalidInput(issues);
  return out;
}
