/**
 * Coming back after login to the page that was asked for (a bookmark, a link in a mail): the login page
 * carries it as `?retour=/audit`. Only a path of this site is followed, never another origin.
 */
export const CHEMIN_CONNEXION = "/connexion";
export const CHEMIN_MOT_DE_PASSE = "/mon-mot-de-passe";

/** The path itself when it is a same-origin path worth coming back to, otherwise null. */
export function retourSur(valeur: string | null | undefined): string | null {
  if (!valeur?.startsWith("/") || valeur.length > 2000) return null;
  // "//host" and "/\host" are other origins for the browser; control characters are never in our paths
  if (valeur.startsWith("//") || valeur.includes("\\") || [...valeur].some((c) => c.charCodeAt(0) < 0x20)) return null;
  let url: URL;
  try {
    url = new URL(valeur, "https://origine.invalid");
  } catch {
    return null;
  }
  if (url.origin !== "https://origine.invalid") return null;
  const chemin = url.pathname + url.search + url.hash;
  if (chemin === "/" || url.pathname === CHEMIN_CONNEXION) return null;
  return chemin;
}

/** The login page's address, with the page to come back to. */
export function lienConnexion(depuis: string): string {
  const retour = retourSur(depuis);
  return retour ? `${CHEMIN_CONNEXION}?retour=${encodeURIComponent(retour)}` : CHEMIN_CONNEXION;
}

/** Where to go after login: the password page first when it must change, then the page asked for. */
export function apresConnexion(retour: string | null, motDePasseAChanger: boolean): string {
  if (motDePasseAChanger) return retour ? `${CHEMIN_MOT_DE_PASSE}?retour=${encodeURIComponent(retour)}` : CHEMIN_MOT_DE_PASSE;
  return retour ?? "/";
}
