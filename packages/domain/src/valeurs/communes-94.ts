/**
 * The 47 communes of the Val-de-Marne (INSEE code, postcodes, EPT), to tell whether a supplier is local.
 *
 * Data: packages/domain/data/communes-94.json (COG 2026, see data/README.md). Postcodes are those of
 * La Poste's official base for the communes; CEDEX codes are not listed, so a CEDEX address must be
 * matched on its INSEE code. A postcode may serve several communes (94440, 94520).
 */
import communesData from "../../data/communes-94.json" with { type: "json" };

/** Public territorial establishment (EPT) of the Métropole du Grand Paris. */
export interface Ept {
  siren: string;
  nom: string;
  /** INSEE codes of its communes located in the Val-de-Marne. */
  communes94: readonly string[];
}

/** A commune of the Val-de-Marne. */
export interface Commune94 {
  codeInsee: string;
  nom: string;
  siren: string;
  codesPostaux: readonly string[];
  eptSiren: string;
  eptNom: string;
}

/** All communes of the Val-de-Marne, in INSEE code order. */
export const COMMUNES_94: readonly Commune94[] = communesData.communes;

/** The 3 EPT covering the Val-de-Marne. */
export const EPT_94: readonly Ept[] = communesData.ept;

const BY_INSEE = new Map(COMMUNES_94.map((c) => [c.codeInsee, c]));
const BY_POSTCODE = new Map<string, Commune94[]>();
for (const commune of COMMUNES_94) {
  for (const postcode of commune.codesPostaux) {
    BY_POSTCODE.set(postcode, [...(BY_POSTCODE.get(postcode) ?? []), commune]);
  }
}

/** The commune with this INSEE code (e.g. "94028" Créteil), or `undefined` outside the Val-de-Marne. */
export function communeParCodeInsee(codeInsee: string): Commune94 | undefined {
  return BY_INSEE.get(codeInsee.trim());
}

/** The communes served by this postcode (empty outside the Val-de-Marne or for a CEDEX code). */
export function communesParCodePostal(codePostal: string): readonly Commune94[] {
  return BY_POSTCODE.get(codePostal.trim()) ?? [];
}

/** The EPT of a commune given by its INSEE code, or `undefined`. */
export function eptDeCommune(codeInsee: string): Ept | undefined {
  const commune = communeParCodeInsee(codeInsee);
  return commune ? EPT_94.find((e) => e.siren === commune.eptSiren) : undefined;
}

/**
 * Whether an address lies in the Val-de-Marne, from its INSEE code or, failing that, its postcode.
 * When both are given the INSEE code decides (it is unambiguous).
 */
export function isLocalVdm(adresse: { codeInsee?: string | null; codePostal?: string | null }): boolean {
  if (adresse.codeInsee) return communeParCodeInsee(adresse.codeInsee) !== undefined;
  if (adresse.codePostal) return communesParCodePostal(adresse.codePostal).length > 0;
  return false;
}
