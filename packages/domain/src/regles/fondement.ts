/**
 * Legal bases (fondements) of the rule book's answers: the one place where a `Fondement` is built, so
 * that every answer cites its texts the same way (`{ texte: "CCP", article: "R2122-8", objet: "…" }`).
 */
import type { Fondement } from "./types";

/** An article of the Code de la commande publique: `ccp("R2122-8", "marché sans publicité…")`. */
export function ccp(article: string, objet: string): Fondement {
  return { texte: "CCP", article, objet };
}

/** An article of the Code général des collectivités territoriales. */
export function cgct(article: string, objet: string): Fondement {
  return { texte: "CGCT", article, objet };
}

/** Any other text: a law, a decree, an order, a court decision ("Décret n° 2025-1386", "art. 1", …). */
export function texteJuridique(nom: string, article: string, objet: string): Fondement {
  return { texte: nom, article, objet };
}

/** Same text and same article: the key under which a legal basis is cited only once in an answer. */
export function cleFondement(fondement: Fondement): string {
  return `${fondement.texte}\u0000${fondement.article}`;
}

/** Adds legal bases to a list, once each (same text and article), keeping the first wording. */
export function ajouterFondements(target: Fondement[], ...sources: readonly (readonly Fondement[] | Fondement)[]): void {
  for (const source of sources) {
    const list: readonly Fondement[] = Array.isArray(source) ? source : [source as Fondement];
    for (const fondement of list) {
      if (!target.some((f) => cleFondement(f) === cleFondement(fondement))) target.push({ ...fondement });
    }
  }
}
