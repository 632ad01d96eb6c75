/**
 * The yearly purchase programme (programmation des achats): homogeneous families of the nomenclature
 * the administrator keeps, the lines each direction declares, their workflow, and what the public sees.
 */
import { DomainError, invalidInput, type Issue } from "../commun/errors";
import type { FamilleProcedure, Nature } from "../regles/types";
import { NATURES } from "../regles/types";
import { CodeCpv } from "../valeurs/code-cpv";
import { isCents, type Cents } from "../valeurs/montant";

// ------------------------------------------------------------------------------------------------ families

/** A homogeneous family of supplies or services (R2121-6), mapped to CPV prefixes. */
export interface FamilleAchat {
  id: string;
  organisationId: string;
  /** Short code of the nomenclature ("F-INFO-01"). */
  code: string;
  libelle: string;
  nature: "fournitures" | "services";
  /** CPV prefixes (2 to 8 digits) whose codes belong to the family. */
  prefixesCpv: string[];
  actif: boolean;
  version: number;
}

export interface FamilleAchatInput {
  code: string;
  libelle: string;
  nature: string;
  prefixesCpv: string[];
  actif: boolean;
}

export function validerFamille(input: FamilleAchatInput): Omit<FamilleAchat, "id" | "organisationId" | "version"> {
  const issues: Issue[] = [];
  const code = input.code.trim().toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9-]{0,19}$/.test(code))
    issues.push({ path: ["code"], message: "Code de 1 à 20 caractères : lettres, chiffres et tirets." });
  const libelle = input.libelle.trim();
  if (libelle.length < 3 || libelle.length > 200) issues.push({ path: ["libelle"], message: "Libellé de 3 à 200 caractères." });
  if (input.nature !== "fournitures" && input.nature !== "services")
    issues.push({
      path: ["nature"],
      message: "Une famille homogène regroupe des fournitures ou des services (les travaux se regroupent par opération).",
    });
  const prefixes = [...new Set(input.prefixesCpv.map((p) => p.trim()))];
  if (prefixes.length === 0 || prefixes.length > 50) issues.push({ path: ["prefixesCpv"], message: "De 1 à 50 préfixes CPV." });
  prefixes.forEach((p, i) => {
    if (!/^\d{2,8}$/.test(p)) issues.push({ path: ["prefixesCpv", i], message: `« ${p} » : un préfixe CPV compte de 2 à 8 chiffres.` });
  });
  if (issues.length > 0) throw invalidInput(issues);
  return { code, libelle, nature: input.nature as "fournitures" | "services", prefixesCpv: prefixes, actif: input.actif };
}

/** The active family of the nature whose longest CPV prefix matches the code, if any. */
export function familleDuCpv(familles: readonly FamilleAchat[], nature: Nature, cpv8: string): FamilleAchat | undefined {
  let best: { famille: FamilleAchat; longueur: number } | undefined;
  for (const famille of familles) {
    if (!famille.actif || famille.nature !== nature) continue;
    for (const prefixe of famille.prefixesCpv) {
      if (cpv8.startsWith(prefixe) && (best === undefined || prefixe.length > best.longueur)) best = { famille, longueur: prefixe.length };
    }
  }
  return best?.famille;
}

// ------------------------------------------------------------------------------------------------ lines

/** Workflow of a line: draft (direction) → submitted → validated or sent back (procurement directorate) → published. */
export type StatutLigne = "brouillon" | "soumise" | "renvoyee" | "validee" | "publiee";
export const STATUTS_LIGNE: readonly StatutLigne[] = ["brouillon", "soumise", "renvoyee", "validee", "publiee"];
export const LIBELLES_STATUT_LIGNE: Record<StatutLigne, string> = {
  brouillon: "Brouillon",
  soumise: "Soumise",
  renvoyee: "Renvoyée à la direction",
  validee: "Validée",
  publiee: "Publiée",
};

export type ActionLigne = "soumettre" | "valider" | "renvoyer" | "publier" | "reviser";
export const ACTIONS_LIGNE: readonly ActionLigne[] = ["soumettre", "valider", "renvoyer", "publier", "reviser"];

/** The transitions: from which states an action is allowed, and to which state it leads. */
export const TRANSITIONS_LIGNE: Record<ActionLigne, { depuis: readonly StatutLigne[]; vers: StatutLigne; evenement: string }> = {
  soumettre: { depuis: ["brouillon", "renvoyee"], vers: "soumise", evenement: "ligne-programme.submitted" },
  valider: { depuis: ["soumise"], vers: "validee", evenement: "ligne-programme.validated" },
  renvoyer: { depuis: ["soumise"], vers: "renvoyee", evenement: "ligne-programme.sent-back" },
  publier: { depuis: ["validee"], vers: "publiee", evenement: "ligne-programme.published" },
  reviser: { depuis: ["validee", "publiee"], vers: "brouillon", evenement: "ligne-programme.revised" },
};

/** States in which the content of a line may be edited; a validated line only changes through a new version. */
export const STATUTS_MODIFIABLES: readonly StatutLigne[] = ["brouillon", "renvoyee"];

/** The content of a line (what a direction declares). */
export interface ContenuLigne {
  annee: number;
  directionId: string;
  serviceId: string | null;
  objet: string;
  nature: Nature;
  /** CPV code with its check digit ("30213000-5"). */
  cpv: string;
  /** Homogeneous family (supplies, services); null for works. */
  familleId: string | null;
  /** Operation (works): the unit of aggregation of R2121-5; null otherwise. */
  operation: string | null;
  valeurEstimeeHtCents: Cents;
  /** Planned launch quarter, 1 to 4. */
  trimestre: number;
  dureeMois: number;
  /** Renewal of an expiring contract (true) or new need (false). */
  renouvellement: boolean;
  clauseSociale: boolean;
  lotReserve: boolean;
  critereEnvironnemental: boolean;
  innovation: boolean;
}

export interface LigneProgramme extends ContenuLigne {
  id: string;
  organisationId: string;
  statut: StatutLigne;
  /** Comment of the procurement directorate when sent back. */
  commentaire: string | null;
  /** Content version: 1, then +1 at each revision of a validated line (history kept). */
  numeroVersion: number;
  /** Procedure family of the family's aggregate, fixed at publication. */
  familleProcedure: FamilleProcedure | null;
  version: number;
}

/** A past version of a line, kept when a validated line is revised. */
export interface VersionLigne {
  ligneId: string;
  numeroVersion: number;
  statut: StatutLigne;
  contenu: ContenuLigne;
  creeLe: Date;
}

export interface LigneInput {
  annee: number;
  /** The direction of the need; a direction buyer may leave it out (its own). */
  directionId?: string | null;
  serviceId?: string | null;
  objet: string;
  nature: string;
  cpv: string;
  familleId?: string | null;
  operation?: string | null;
  valeurEstimeeHtCents: number;
  trimestre: number;
  dureeMois: number;
  renouvellement: boolean;
  clauseSociale?: boolean;
  lotReserve?: boolean;
  critereEnvironnemental?: boolean;
  innovation?: boolean;
}

export const ANNEE_MIN = 2000;
export const ANNEE_MAX = 2100;
export const OBJET_LONGUEUR_MAX = 300;
export const DUREE_MOIS_MAX = 240;

/**
 * Validates a line against the families of the organisation: every problem at once. The family of a
 * supply or service is deduced from the CPV code when not given; a family given must match the CPV.
 */
export function validerLigne(input: LigneInput, familles: readonly FamilleAchat[]): ContenuLigne {
  const issues: Issue[] = [];
  if (!Number.isInteger(input.annee) || input.annee < ANNEE_MIN || input.annee > ANNEE_MAX)
    issues.push({ path: ["annee"], message: `Année entre ${ANNEE_MIN} et ${ANNEE_MAX}.` });
  const objet = input.objet.trim();
  if (objet.length < 3 || objet.length > OBJET_LONGUEUR_MAX)
    issues.push({ path: ["objet"], message: `L'objet compte de 3 à ${OBJET_LONGUEUR_MAX} caractères.` });
  const natureOk = (NATURES as readonly string[]).includes(input.nature);
  if (!natureOk) issues.push({ path: ["nature"], message: "Nature attendue : travaux, fournitures ou services." });
  const nature = input.nature as Nature;
  const cpv = CodeCpv.tryParse(input.cpv);
  if (!cpv) {
    try {
      CodeCpv.parse(input.cpv, ["cpv"]);
    } catch (e) {
      if (e instanceof DomainError) issues.push(...e.issues);
    }
  } else if (natureOk && (cpv.division === "45") !== (nature === "travaux")) {
    issues.push({
      path: ["cpv"],
      message:
        nature === "travaux"
          ? "Un marché de travaux a un code CPV de la division 45."
          : "Les codes de la division 45 désignent des travaux.",
    });
  }
  if (!isCents(input.valeurEstimeeHtCents) || input.valeurEstimeeHtCents <= 0)
    issues.push({ path: ["valeurEstimeeHtCents"], message: "La valeur estimée doit être supérieure à 0 €." });
  if (!Number.isInteger(input.trimestre) || input.trimestre < 1 || input.trimestre > 4)
    issues.push({ path: ["trimestre"], message: "Trimestre de lancement : 1, 2, 3 ou 4." });
  if (!Number.isInteger(input.dureeMois) || input.dureeMois < 1 || input.dureeMois > DUREE_MOIS_MAX)
    issues.push({ path: ["dureeMois"], message: `Durée de 1 à ${DUREE_MOIS_MAX} mois.` });

  let familleId: string | null = null;
  let operation: string | null = null;
  if (natureOk && nature === "travaux") {
    operation = (input.operation ?? "").trim();
    if (operation.length < 2 || operation.length > 120)
      issues.push({
        path: ["operation"],
        message: "Les travaux se regroupent par opération (R2121-5) : nommez l'opération (2 à 120 caractères).",
      });
    if (input.familleId) issues.push({ path: ["familleId"], message: "Pas de famille homogène pour des travaux : indiquez l'opération." });
  } else if (natureOk) {
    if (input.operation) issues.push({ path: ["operation"], message: "L'opération ne concerne que les travaux." });
    if (input.familleId) {
      const famille = familles.find((f) => f.id === input.familleId);
      if (!famille) issues.push({ path: ["familleId"], message: "Famille d'achat inconnue." });
      else if (famille.nature !== nature)
        issues.push({ path: ["familleId"], message: `La famille « ${famille.libelle} » regroupe des ${famille.nature}.` });
      else if (cpv && !famille.prefixesCpv.some((p) => cpv.code8.startsWith(p)))
        issues.push({ path: ["cpv"], message: `Le code ${cpv.code} ne relève pas de la famille « ${famille.libelle} ».` });
      else familleId = famille.id;
    } else if (cpv) {
      const famille = familleDuCpv(familles, nature, cpv.code8);
      if (famille) familleId = famille.id;
      else
        issues.push({
          path: ["familleId"],
          message: `Aucune famille d'achat de la nomenclature ne couvre le code ${cpv.code} : choisissez-en une.`,
        });
    }
  }
  if (issues.length > 0) throw invalidInput(issues);
  return {
    annee: input.annee,
    directionId: input.directionId ?? "",
    serviceId: input.serviceId ?? null,
    objet,
    nature,
    cpv: cpv?.code ?? "",
    familleId,
    operation,
    valeurEstimeeHtCents: input.valeurEstimeeHtCents,
    trimestre: input.trimestre,
    dureeMois: input.dureeMois,
    renouvellement: input.renouvellement,
    clauseSociale: input.clauseSociale ?? false,
    lotReserve: input.lotReserve ?? false,
    critereEnvironnemental: input.critereEnvironnemental ?? false,
    innovation: input.innovation ?? false,
  };
}

/** The refusal of an action the workflow does not allow from the line's state (coded, naming the state). */
export function transitionRefusee(action: ActionLigne, statut: StatutLigne): DomainError {
  return new DomainError(
    "TRANSITION_REFUSED",
    `Action « ${action} » impossible : la ligne est à l'état « ${LIBELLES_STATUT_LIGNE[statut]} ».`,
    "conflict",
    [],
    { action, statut },
  );
}

export function ligneScellee(statut: StatutLigne): DomainError {
  return new DomainError(
    "LINE_SEALED",
    `Ligne à l'état « ${LIBELLES_STATUT_LIGNE[statut]} » : elle ne se modifie plus qu'en créant une nouvelle version (action « reviser »).`,
    "conflict",
    [],
    { statut },
  );
}

// ------------------------------------------------------------------------------------------------ public

/** The estimated range shown to the public instead of the exact amount. */
export interface Fourchette {
  minHtCents: Cents;
  /** null: open-ended. */
  maxHtCents: Cents | null;
  libelle: string;
}

const BORNES_FOURCHETTES: readonly [min: number, max: number | null, libelle: string][] = [
  [0, 4_000_000, "moins de 40 000 € HT"],
  [4_000_000, 9_000_000, "de 40 000 à 90 000 € HT"],
  [9_000_000, 25_000_000, "de 90 000 à 250 000 € HT"],
  [25_000_000, 100_000_000, "de 250 000 € à 1 M€ HT"],
  [100_000_000, 500_000_000, "de 1 à 5 M€ HT"],
  [500_000_000, null, "5 M€ HT et plus"],
];

/** The public range of an estimated value (min inclusive, max exclusive). */
export function fourchetteValeur(valeurHtCents: Cents): Fourchette {
  for (const [min, max, libelle] of BORNES_FOURCHETTES) {
    if (valeurHtCents >= min && (max === null || valeurHtCents < max)) return { minHtCents: min, maxHtCents: max, libelle };
  }
  return { minHtCents: 0, maxHtCents: 4_000_000, libelle: "moins de 40 000 € HT" };
}

/** Key of aggregation of a line: its family (supplies, services) or its operation (works). */
export function cleAgregation(
  ligne: Pick<ContenuLigne, "nature" | "familleId" | "operation">,
  familles: ReadonlyMap<string, FamilleAchat>,
): string {
  if (ligne.nature === "travaux") return `Opération ${ligne.operation ?? ""}`.trim();
  const famille = ligne.familleId ? familles.get(ligne.familleId) : undefined;
  return famille ? `${famille.code} ${famille.libelle}` : "Sans famille";
}

/** The natures with their French labels (import lists, forms). */
export const NATURES_LIGNE_LIBELLES: readonly (readonly [Nature, string])[] = [
  ["travaux", "Travaux"],
  ["fournitures", "Fournitures"],
  ["services", "Services"],
];
