import { DomainError, invalidInput, type Issue } from "../commun/errors";
import { normaliserNom, verifierTexte } from "../commun/texte";
import { isRole, type Role } from "../acces/roles";

/** The buying organisation (pouvoir adjudicateur): the département. */
export interface Organisation {
  id: string;
  nom: string;
  siret: string;
}

/** A direction of the département (e.g. Direction des bâtiments); buyers work within one. */
export interface Direction {
  id: string;
  organisationId: string;
  nom: string;
  sigle: string;
  version: number;
}

/** A service inside a direction. */
export interface Service {
  id: string;
  directionId: string;
  nom: string;
  version: number;
}

/** An account. Its password hash never leaves the repository. */
export interface Utilisateur {
  id: string;
  organisationId: string;
  email: string;
  nomAffiche: string;
  role: Role;
  directionId: string | null;
  serviceId: string | null;
  actif: boolean;
  aUnMotDePasse: boolean;
  /** The password was generated or set by someone else: the account must choose its own at next login. */
  motDePasseAChanger: boolean;
  derniereConnexion: Date | null;
  version: number;
}

/** Length of every name of the organisation (direction, service, account), in characters. */
export const NOM_LONGUEUR_MIN = 2;
export const NOM_LONGUEUR_MAX = 120;
export const SIGLE_LONGUEUR_MAX = 12;
export const EMAIL_LONGUEUR_MAX = 254;

function checkName(raw: string, path: string, issues: Issue[], what = "Le nom"): string {
  const checked = verifierTexte(raw, { compacter: true });
  if (!checked.ok) {
    issues.push({ path: [path], message: checked.message });
    return raw;
  }
  const name = checked.valeur;
  if (name.length < NOM_LONGUEUR_MIN || name.length > NOM_LONGUEUR_MAX) {
    issues.push({ path: [path], message: `${what} doit contenir entre ${NOM_LONGUEUR_MIN} et ${NOM_LONGUEUR_MAX} caractères.` });
  }
  return name;
}

export type DirectionInput = {
  nom: string;
  sigle: string;
};

/** Normalises and checks a direction; throws INVALID_INPUT with every problem. */
export function validateDirection(input: DirectionInput): DirectionInput {
  const issues: Issue[] = [];
  const nom = checkName(input.nom, "nom", issues);
  const sigle = normaliserNom(input.sigle).toUpperCase();
  if (!new RegExp(`^[A-Z0-9ÉÈÀ-]{1,${SIGLE_LONGUEUR_MAX}}$`, "u").test(sigle)) {
    issues.push({
      path: ["sigle"],
      message: `Le sigle doit contenir de 1 à ${SIGLE_LONGUEUR_MAX} lettres majuscules, chiffres ou tirets (ex. DTVD).`,
    });
  }
  if (issues.length) throw invalidInput(issues);
  return { nom, sigle };
}

export function validateServiceName(raw: string): string {
  const issues: Issue[] = [];
  const nom = checkName(raw, "nom", issues);
  if (issues.length) throw invalidInput(issues);
  return nom;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

export function normaliseEmail(raw: string): string {
  return raw.normalize("NFC").trim().toLowerCase();
}

/** The problem with an e-mail address, or undefined when it is acceptable. */
export function emailProblem(raw: string): string | undefined {
  const checked = verifierTexte(raw, { sansBidi: true });
  if (!checked.ok) return checked.message;
  const email = normaliseEmail(checked.valeur);
  if (!EMAIL.test(email) || email.length > EMAIL_LONGUEUR_MAX)
    return "L'adresse électronique n'est pas valide (ex. prenom.nom@valdemarne.fr).";
  return undefined;
}

export interface UtilisateurInput {
  email: string;
  nomAffiche: string;
  role: string;
  directionId: string | null;
  serviceId: string | null;
}

/** Role/scope consistency: a direction buyer needs a direction; a service needs its direction; a company account has none. */
export function validateUtilisateur(input: UtilisateurInput): UtilisateurInput & { role: Role } {
  const issues: Issue[] = [];
  const emailIssue = emailProblem(input.email);
  if (emailIssue) issues.push({ path: ["email"], message: emailIssue });
  const nomAffiche = checkName(input.nomAffiche, "nomAffiche", issues, "Le nom affiché");
  if (!isRole(input.role)) {
    issues.push({ path: ["role"], message: "Rôle inconnu." });
  } else if (input.role === "acheteur" && !input.directionId) {
    issues.push({ path: ["directionId"], message: "Un acheteur de direction doit être rattaché à une direction." });
  } else if (input.role === "entreprise" && input.directionId) {
    issues.push({ path: ["directionId"], message: "Un compte entreprise ne peut pas être rattaché à une direction du Département." });
  }
  if (input.serviceId && !input.directionId) {
    issues.push({ path: ["serviceId"], message: "Un service ne peut être choisi qu'avec sa direction." });
  }
  if (issues.length) throw invalidInput(issues);
  return { ...input, email: normaliseEmail(input.email), nomAffiche, role: input.role as Role };
}

export function notFound(what: string): DomainError {
  return new DomainError("NOT_FOUND", `${what} introuvable.`, "not-found");
}

export function staleVersion(): DomainError {
  return new DomainError(
    "STALE_VERSION",
    "Cet élément a été modifié entre-temps par quelqu'un d'autre : rechargez la page puis recommencez.",
    "conflict",
  );
}
