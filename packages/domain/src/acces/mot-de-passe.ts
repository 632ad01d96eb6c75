import { invalidInput } from "../commun/errors";

/**
 * Strength estimation of a password (zxcvbn-like): a score from 0 (guessed at once) to 4 (very hard), with
 * a French hint. The server implements it with zxcvbn-ts and its French and common dictionaries.
 */
export interface PasswordStrength {
  estimate(password: string, userInputs: readonly string[]): { score: 0 | 1 | 2 | 3 | 4; suggestion: string | null };
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** Lowest zxcvbn score accepted: "safely unguessable" (about 10^8 guesses and more) with throttled logins. */
export const PASSWORD_MIN_SCORE = 3;

/**
 * Password policy (ANSSI / CNIL 2022-100 with throttling, OWASP ASVS 6.2): at least 12 characters, no
 * composition rule, long passphrases accepted, guessable passwords refused by a strength estimator with
 * French dictionaries, and the account's own e-mail or name refused.
 */
export function passwordProblems(password: string, account: { email?: string; nomAffiche?: string }, strength: PasswordStrength): string[] {
  if (password.length < PASSWORD_MIN_LENGTH) return [`Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`];
  if (password.length > PASSWORD_MAX_LENGTH) return [`Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`];
  const lowered = password.toLowerCase();
  if (account.email && lowered === account.email.trim().toLowerCase()) return ["Le mot de passe ne doit pas être l'adresse électronique."];
  const inputs = [account.email, account.nomAffiche, ...(account.email?.split(/[@.]/) ?? []), ...(account.nomAffiche?.split(/\s+/) ?? [])];
  const { score, suggestion } = strength.estimate(
    password,
    inputs.filter((x): x is string => !!x && x.length > 2),
  );
  if (score < PASSWORD_MIN_SCORE) {
    return [
      `Ce mot de passe est trop facile à deviner${suggestion ? ` : ${suggestion}` : ""}. Une phrase de quelques mots sans lien entre eux est plus sûre.`,
    ];
  }
  return [];
}

export function assertPasswordAcceptable(
  password: string,
  account: { email?: string; nomAffiche?: string },
  strength: PasswordStrength,
  path = "motDePasse",
): void {
  const problems = passwordProblems(password, account, strength);
  if (problems.length) throw invalidInput(problems.map((message) => ({ path: [path], message })));
}
