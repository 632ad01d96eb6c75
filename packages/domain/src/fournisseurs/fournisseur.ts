/**
 * A supplier (fournisseur): one establishment, identified by its SIRET (checked, La Poste exception included),
 * grouped by company (SIREN). Its size category follows the EU definition (Recommendation 2003/361/EC, and
 * décret n° 2008-1354 for the ETI): micro, PME (SME), ETI (mid-cap), GE (large). Its inclusive status, when
 * it has one: SIAE (structure d'insertion par l'activité économique), EA (entreprise adaptée), ESAT.
 * Local = established in the Val-de-Marne (commune code 94xxx); Île-de-France is shown too.
 */
import { invalidInput, type Issue } from "../commun/errors";
import { verifierTexte } from "../commun/texte";
import { communeParCodeInsee } from "../valeurs/communes-94";
import { isValidSiret } from "../valeurs/siret";

export const CATEGORIES_ENTREPRISE = ["micro", "pme", "eti", "ge"] as const;
export type CategorieEntreprise = (typeof CATEGORIES_ENTREPRISE)[number];
export const LIBELLES_CATEGORIE: Record<CategorieEntreprise, string> = {
  micro: "Microentreprise",
  pme: "Petite ou moyenne entreprise (PME)",
  eti: "Entreprise de taille intermédiaire (ETI)",
  ge: "Grande entreprise",
};

export const STATUTS_INCLUSIFS = ["siae", "ea", "esat"] as const;
export type StatutInclusif = (typeof STATUTS_INCLUSIFS)[number];
export const LIBELLES_STATUT_INCLUSIF: Record<StatutInclusif, string> = {
  siae: "Structure d'insertion par l'activité économique (SIAE)",
  ea: "Entreprise adaptée (EA)",
  esat: "Établissement et service d'aide par le travail (ESAT)",
};

/** Départements of Île-de-France (INSEE codes). */
export const DEPARTEMENTS_IDF: readonly string[] = ["75", "77", "78", "91", "92", "93", "94", "95"];

export type Localisation = "val-de-marne" | "ile-de-france" | "hors-ile-de-france" | "inconnue";

export interface Fournisseur {
  id: string;
  organisationId: string;
  siret: string;
  siren: string;
  nom: string;
  adresse: string | null;
  /** INSEE code of the commune (5 characters, 2A/2B for Corsica). */
  codeCommune: string | null;
  /** Département code derived from the commune (2 characters, 3 overseas). */
  departement: string | null;
  categorie: CategorieEntreprise | null;
  statutInclusif: StatutInclusif | null;
  version: number;
}

export interface FournisseurInput {
  siret: string;
  nom: string;
  adresse?: string | null;
  codeCommune?: string | null;
  categorie?: CategorieEntreprise | null;
  statutInclusif?: StatutInclusif | null;
}

export const NOM_FOURNISSEUR_MAX = 200;
export const ADRESSE_MAX = 300;

/** The département of an INSEE commune code: "94028" → "94", "97411" → "974", "2A004" → "2A". */
export function departementDeCommune(code: string): string {
  return code.startsWith("97") || code.startsWith("98") ? code.slice(0, 3) : code.slice(0, 2);
}

/** Where the supplier is established, from its département. */
export function localisation(departement: string | null): Localisation {
  if (!departement) return "inconnue";
  if (departement === "94") return "val-de-marne";
  return DEPARTEMENTS_IDF.includes(departement) ? "ile-de-france" : "hors-ile-de-france";
}

const CODE_COMMUNE = /^(\d{5}|2[AB]\d{3})$/u;

/** Normalises and checks a supplier; throws INVALID_INPUT with every problem (paths as the API names them). */
export function validerFournisseur(
  input: FournisseurInput,
  prefixe: (string | number)[] = [],
): Omit<Fournisseur, "id" | "organisationId" | "version"> {
  const issues: Issue[] = [];
  const siret = typeof input.siret === "string" ? input.siret.replace(/[\s.]/gu, "") : "";
  if (!/^\d{14}$/u.test(siret)) issues.push({ path: [...prefixe, "siret"], message: "Un SIRET comporte exactement 14 chiffres." });
  else if (!isValidSiret(siret)) issues.push({ path: [...prefixe, "siret"], message: `Le SIRET ${siret} a une clé de contrôle invalide.` });
  const nomVerifie = verifierTexte(input.nom ?? "", { compacter: true });
  let nom = "";
  if (!nomVerifie.ok) issues.push({ path: [...prefixe, "nom"], message: nomVerifie.message });
  else {
    nom = nomVerifie.valeur;
    if (nom.length < 2 || nom.length > NOM_FOURNISSEUR_MAX)
      issues.push({ path: [...prefixe, "nom"], message: `Le nom doit contenir entre 2 et ${NOM_FOURNISSEUR_MAX} caractères.` });
  }
  let adresse: string | null = null;
  if (input.adresse) {
    const a = verifierTexte(input.adresse, { compacter: true });
    if (!a.ok) issues.push({ path: [...prefixe, "adresse"], message: a.message });
    else if (a.valeur.length > ADRESSE_MAX)
      issues.push({ path: [...prefixe, "adresse"], message: `L'adresse ne doit pas dépasser ${ADRESSE_MAX} caractères.` });
    else adresse = a.valeur || null;
  }
  let codeCommune: string | null = null;
  if (input.codeCommune) {
    const code = input.codeCommune.trim().toUpperCase();
    if (!CODE_COMMUNE.test(code))
      issues.push({ path: [...prefixe, "codeCommune"], message: "Le code commune INSEE comporte 5 caractères (ex. 94028 pour Créteil)." });
    else if (code.startsWith("94") && !communeParCodeInsee(code))
      issues.push({ path: [...prefixe, "codeCommune"], message: `Le code ${code} n'est pas celui d'une commune du Val-de-Marne.` });
    else codeCommune = code;
  }
  if (input.categorie != null && !CATEGORIES_ENTREPRISE.includes(input.categorie))
    issues.push({ path: [...prefixe, "categorie"], message: `Catégorie inconnue : choisissez parmi ${CATEGORIES_ENTREPRISE.join(", ")}.` });
  if (input.statutInclusif != null && !STATUTS_INCLUSIFS.includes(input.statutInclusif))
    issues.push({ path: [...prefixe, "statutInclusif"], message: `Statut inconnu : choisissez parmi ${STATUTS_INCLUSIFS.join(", ")}.` });
  if (issues.length) throw invalidInput(issues);
  return {
    siret,
    siren: siret.slice(0, 9),
    nom,
    adresse,
    codeCommune,
    departement: codeCommune ? departementDeCommune(codeCommune) : null,
    categorie: input.categorie ?? null,
    statutInclusif: input.statutInclusif ?? null,
  };
}
