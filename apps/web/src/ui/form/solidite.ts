/**
 * A rough estimate of a password's strength, shown while typing. The server decides (it also recognises
 * common words, keyboard runs and the account's own name with French dictionaries): this hint only says
 * what it is sure of, length and variety.
 */
export const LONGUEUR_MIN = 12;

export interface Solidite {
  niveau: 0 | 1 | 2 | 3;
  texte: string;
}

export function estimerSolidite(motDePasse: string): Solidite {
  const longueur = [...motDePasse].length;
  if (longueur === 0) return { niveau: 0, texte: `Au moins ${LONGUEUR_MIN} caractères, difficile à deviner.` };
  if (longueur < LONGUEUR_MIN) {
    const manque = LONGUEUR_MIN - longueur;
    return { niveau: 0, texte: `Trop court : encore ${manque} caractère${manque > 1 ? "s" : ""} au moins.` };
  }
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((r) => r.test(motDePasse)).length;
  const distincts = new Set(motDePasse).size;
  if (distincts < 5) return { niveau: 1, texte: "Trop répétitif : variez les caractères." };
  if (longueur >= 20 || (longueur >= 16 && classes >= 3)) {
    return { niveau: 3, texte: "Longueur et variété solides ; le serveur vérifie encore qu'il n'est pas facile à deviner." };
  }
  if (longueur >= 14 || classes >= 3) return { niveau: 2, texte: "Correct ; une phrase de plusieurs mots serait plus sûre." };
  return { niveau: 1, texte: "Faible : allongez-le, par exemple avec une phrase de plusieurs mots." };
}
