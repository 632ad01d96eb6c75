/** Seeded randomness for the property-like tests (reproducible: a failing seed fails again). */

/** mulberry32: a small, good enough PRNG returning numbers in [0, 1). */
export function aleatoire(graine: number): () => number {
  let etat = graine >>> 0;
  return () => {
    etat = (etat + 0x6d2b79f5) >>> 0;
    let t = etat;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A random string of at most `longueurMax` characters: printable ASCII, the characters of `speciaux` (favoured,
 * they are the interesting ones) and, one time in ten, any BMP code unit (lone surrogates included).
 */
export function texteAleatoire(hasard: () => number, longueurMax: number, speciaux = ""): string {
  const longueur = Math.floor(hasard() * (longueurMax + 1));
  const alphabet = [...speciaux];
  let texte = "";
  for (let i = 0; i < longueur; i++) {
    const tirage = hasard();
    if (alphabet.length > 0 && tirage < 0.4) texte += alphabet[Math.floor(hasard() * alphabet.length)];
    else if (tirage < 0.9 || speciaux === "") texte += String.fromCharCode(32 + Math.floor(hasard() * 95));
    else texte += String.fromCharCode(Math.floor(hasard() * 0x10000));
  }
  return texte;
}
