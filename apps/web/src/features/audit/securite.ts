/**
 * The types of security events, in French, for the filter of the page. The same list as the API's
 * (`SecuriteQuery`, `LIBELLES_SECURITE` in packages/contracts), kept here so that the page does not load the
 * validation library for six labels; a test checks both agree.
 */
export const TYPES_SECURITE = [
  { type: "login.failed", libelle: "Connexion refusée (identifiants incorrects)" },
  { type: "login.blocked", libelle: "Connexion bloquée (trop de tentatives)" },
  { type: "access.denied", libelle: "Accès refusé" },
  { type: "csrf.rejected", libelle: "Requête refusée (jeton anti-falsification)" },
  { type: "session.invalid", libelle: "Session invalide ou expirée" },
  { type: "password.change-required", libelle: "Changement de mot de passe exigé" },
] as const;
