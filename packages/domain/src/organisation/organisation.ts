import { DomainError, invalidInput, type Issue } from "../errors";
import { isRole, type Role } from "../acces/roles";

/** The buying organisation (pouvoir adjudicateur): the département. */
export interface Organisation {
  id: string;
  name: string;
  siret: string;
}

/** A direction of the département (e.g. Direction des bâtiments); buyers work within one. */
export interface Direction {
  id: string;
  organisationId: string;
  name: string;
  acronym: string;
  version: number;
}

/** A service inside a direction. */
export interface Service {
  id: string;
  directionId: string;
  name: string;
  version: number;
}

/** An account. `passwordHash` never leaves the server. */
export interface User {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  role: Role;
  directionId: string | null;
  serviceId: string | null;
  active: boolean;
  hasPassword: boolean;
  lastLoginAt: Date | null;
  version: number;
}

/** Collapses internal whitespace and trims: "  Direction   des  routes " → "Direction des routes". */
export function normaliseName(raw: string): string {
  return raw.normalize("NFC").replace(/\s+/g, " ").trim();
}

function checkName(raw: string, path: string, issues: Issue[]): string {
  const name = normaliseName(raw);
  if (name.length < 2 || name.length > 120) {
    issues.push({ path: [path], message: "Le nom doit contenir entre 2 et 120 caractères." });
  }
  return name;
}

export type DirectionInput = {
  name: string;
  acronym: string;
};

/** Normalises and checks a direction; throws INVALID_INPUT with every problem. */
export function validateDirection(input: DirectionInput): DirectionInput {
  const issues: Issue[] = [];
  const name = checkName(input.name, "name", issues);
  const acronym = normaliseName(input.acronym).toUpperCase();
  if (!/^[A-Z0-9ÉÈÀ-]{1,12}$/u.test(acronym)) {
    issues.push({
      path: ["acronym"],
      message: "Le sigle doit contenir de 1 à 12 lettres majuscules, chiffres ou tirets (ex. DTVD).",
    });
  }
  if (issues.length) throw invalidInput(issues);
  return { name, acronym };
}

export function validateServiceName(raw: string): string {
  const issues: Issue[] = [];
  const name = checkName(raw, "name", issues);
  if (issues.length) throw invalidInput(issues);
  return name;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export interface UserInput {
  email: string;
  displayName: string;
  role: string;
  directionId: string | null;
  serviceId: string | null;
}

/** Role/scope consistency: a direction buyer needs a direction; a service needs its direction. */
export function validateUser(input: UserInput): UserInput & { role: Role } {
  const issues: Issue[] = [];
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email) || email.length > 254) {
    issues.push({ path: ["email"], message: "L'adresse électronique n'est pas valide (ex. prenom.nom@valdemarne.fr)." });
  }
  const displayName = normaliseName(input.displayName);
  if (displayName.length < 2 || displayName.length > 120) {
    issues.push({ path: ["displayName"], message: "Le nom affiché doit contenir entre 2 et 120 caractères." });
  }
  if (!isRole(input.role)) {
    issues.push({ path: ["role"], message: "Rôle inconnu." });
  } else if (input.role === "acheteur" && !input.directionId) {
    issues.push({ path: ["directionId"], message: "Un acheteur de direction doit être rattaché à une direction." });
  }
  if (input.serviceId && !input.directionId) {
    issues.push({ path: ["serviceId"], message: "Un service ne peut être choisi qu'avec sa direction." });
  }
  if (issues.length) throw invalidInput(issues);
  return { ...input, email, displayName, role: input.role as Role };
}

/** Passwords that are refused whatever their length (most common French and English choices). */
const COMMON_PASSWORDS = new Set([
  "123456789012",
  "azertyuiopqs",
  "azerty123456",
  "motdepasse123",
  "motdepasse1234",
  "password1234",
  "password12345",
  "qwertyuiop12",
  "administrateur",
  "marchespublics",
  "commandepublique",
  "valdemarne2026",
  "bonjour123456",
  "soleil123456",
  "000000000000",
  "111111111111",
  "aaaaaaaaaaaa",
]);

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Password policy (ANSSI / CNIL 2022-100 with throttling): at least 12 characters, no composition rule,
 * long passphrases accepted, the most common passwords and the account's own e-mail refused.
 */
export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push(`Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push(`Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`);
  }
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered) || /^(.)\1+$/.test(password)) {
    problems.push("Ce mot de passe est trop courant : choisissez-en un autre, par exemple une phrase.");
  }
  if (email && lowered === normaliseEmail(email)) {
    problems.push("Le mot de passe ne doit pas être l'adresse électronique.");
  }
  return problems;
}

export function assertPasswordAcceptable(password: string, email?: string, path = "password"): void {
  const problems = passwordProblems(password, email);
  if (problems.length) throw invalidInput(problems.map((message) => ({ path: [path], message })));
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
