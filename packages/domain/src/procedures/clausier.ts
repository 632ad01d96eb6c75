/**
 * The clause library (clausier) kept by the procurement directorate: model social clauses (the insertion
 * clause with its hours formula), environmental clauses and criteria, innovation clauses. A buyer picks
 * clauses into a procedure; the pick is recorded with the procedure.
 */
import { invalidInput, type Issue } from "../commun/errors";
import { TYPES_CLAUSE, type TypeClause } from "./procedure";

/** How a clause is used in the consultation. */
export type UsageClause = "condition-execution" | "critere-attribution" | "specification";
export const USAGES_CLAUSE: readonly UsageClause[] = ["condition-execution", "critere-attribution", "specification"];

/**
 * Insertion hours of a social clause: estimated value HT × labour share × insertion rate ÷ hourly cost
 * (the usual facilitators' formula), rounded down to the hour.
 */
export interface FormuleHeuresInsertion {
  /** Share of labour in the price, percent (e.g. 40 for works). */
  partMainOeuvrePct: number;
  /** Share of that labour reserved to insertion, percent (e.g. 5). */
  tauxInsertionPct: number;
  /** Average hourly cost, cents HT (e.g. 3 500 = 35 €). */
  coutHoraireCents: number;
}

export interface Clause {
  id: string;
  organisationId: string;
  type: TypeClause;
  usage: UsageClause;
  titre: string;
  texte: string;
  formuleHeures: FormuleHeuresInsertion | null;
  actif: boolean;
  version: number;
}

export type ClauseInput = Omit<Clause, "id" | "organisationId" | "version">;

/** Insertion hours for a value (cents HT), by the clause's formula. */
export function heuresInsertion(valeurHtCents: number, f: FormuleHeuresInsertion): number {
  return Math.floor((valeurHtCents * f.partMainOeuvrePct * f.tauxInsertionPct) / (100 * 100 * f.coutHoraireCents));
}

export function validerClause(input: ClauseInput): ClauseInput {
  const issues: Issue[] = [];
  if (!TYPES_CLAUSE.includes(input.type))
    issues.push({ path: ["type"], message: "Type attendu : sociale, environnementale ou innovation." });
  if (!USAGES_CLAUSE.includes(input.usage))
    issues.push({ path: ["usage"], message: "Usage attendu : condition-execution, critere-attribution ou specification." });
  const titre = typeof input.titre === "string" ? input.titre.trim() : "";
  if (titre.length < 3 || titre.length > 200) issues.push({ path: ["titre"], message: "Titre : 3 à 200 caractères." });
  const texte = typeof input.texte === "string" ? input.texte.trim() : "";
  if (texte.length < 10 || texte.length > 10_000) issues.push({ path: ["texte"], message: "Texte de la clause : 10 à 10 000 caractères." });
  const f = input.formuleHeures;
  if (f) {
    if (input.type !== "sociale")
      issues.push({ path: ["formuleHeures"], message: "Une formule d'heures d'insertion est propre aux clauses sociales." });
    const pct = (v: number, nom: keyof FormuleHeuresInsertion) => {
      if (!Number.isFinite(v) || v <= 0 || v > 100)
        issues.push({ path: ["formuleHeures", nom], message: "Un pourcentage de 0 à 100 est attendu." });
    };
    pct(f.partMainOeuvrePct, "partMainOeuvrePct");
    pct(f.tauxInsertionPct, "tauxInsertionPct");
    if (!Number.isSafeInteger(f.coutHoraireCents) || f.coutHoraireCents <= 0)
      issues.push({ path: ["formuleHeures", "coutHoraireCents"], message: "Coût horaire positif en centimes attendu." });
  }
  if (issues.length > 0) throw invalidInput(issues);
  return { ...input, titre, texte, formuleHeures: f ?? null, actif: input.actif !== false };
}
