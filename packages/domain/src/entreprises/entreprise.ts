import { invalidInput, type Issue } from "../commun/errors";
import { verifierTexte } from "../commun/texte";
import { CodeCpv } from "../valeurs/code-cpv";
import { Siret } from "../valeurs/siret";

/** Size categories of the LME (décret 2008-1354): micro-entreprise, PME, ETI, grande entreprise. */
export const CATEGORIES_ENTREPRISE = ["micro", "pme", "eti", "ge"] as const;
export type CategorieEntreprise = (typeof CATEGORIES_ENTREPRISE)[number];
export const CATEGORIE_LIBELLES: Record<CategorieEntreprise, string> = {
  micro: "Micro-entreprise",
  pme: "Petite ou moyenne entreprise (PME)",
  eti: "Entreprise de taille intermédiaire (ETI)",
  ge: "Grande entreprise",
};

/** Inclusive status: structure d'insertion par l'activité économique, entreprise adaptée, ESAT (CCP L. 2113-12 et -13). */
export const STATUTS_INCLUSIFS = ["siae", "ea", "esat"] as const;
export type StatutInclusif = (typeof STATUTS_INCLUSIFS)[number];
export const STATUT_INCLUSIF_LIBELLES: Record<StatutInclusif, string> = {
  siae: "Structure d'insertion par l'activité économique (SIAE)",
  ea: "Entreprise adaptée (EA)",
  esat: "Établissement et service d'aide par le travail (ESAT)",
};

export const RAISON_SOCIALE_MAX = 200;
export const ACTIVITES_MAX = 50;
export const TERRITOIRES_MAX = 101;
export const CERTIFICATIONS_MAX = 20;
export const CERTIFICATION_LONGUEUR_MAX = 120;

/** A company with an account on the platform. Its profile is private unless `profilPublic`. */
export interface Entreprise {
  id: string;
  siret: string;
  raisonSociale: string;
  /** CPV codes (8 digits) of what it sells. */
  activites: string[];
  /** Départements served (codes: 94, 2A, 971…). */
  territoires: string[];
  categorie: CategorieEntreprise | null;
  statutInclusif: StatutInclusif | null;
  certifications: string[];
  profilPublic: boolean;
  version: number;
}

/** A company account's membership: the company and whether it administers the company's accounts. */
export interface Membre {
  utilisateurId: string;
  entrepriseId: string;
  administrateur: boolean;
}

export interface Collegue {
  utilisateurId: string;
  email: string;
  nomAffiche: string;
  administrateur: boolean;
  actif: boolean;
}

const DEPARTEMENT = /^(0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5]|2A|2B|97[1-6])$/;

export function validerRaisonSociale(brut: string, issues: Issue[], path = "raisonSociale"): string {
  const verifie = verifierTexte(brut, { compacter: true });
  if (!verifie.ok) {
    issues.push({ path: [path], message: verifie.message });
    return brut;
  }
  if (verifie.valeur.length < 2 || verifie.valeur.length > RAISON_SOCIALE_MAX) {
    issues.push({ path: [path], message: `La raison sociale doit contenir entre 2 et ${RAISON_SOCIALE_MAX} caractères.` });
  }
  return verifie.valeur;
}

export function validerSiret(brut: string, issues: Issue[], path = "siret"): string {
  try {
    return Siret.parse(brut, [path]).value;
  } catch (error) {
    issues.push({ path: [path], message: (error as Error).message });
    return brut;
  }
}

export interface ProfilInput {
  raisonSociale: string;
  activites: string[];
  territoires: string[];
  categorie: string | null;
  statutInclusif: string | null;
  certifications: string[];
  profilPublic: boolean;
}

/** Normalises and checks a company profile; every problem is reported with its field (and index). */
export function validerProfil(input: ProfilInput): Omit<Entreprise, "id" | "siret" | "version"> {
  const issues: Issue[] = [];
  const raisonSociale = validerRaisonSociale(input.raisonSociale, issues);
  const activites: string[] = [];
  if (input.activites.length > ACTIVITES_MAX) issues.push({ path: ["activites"], message: `${ACTIVITES_MAX} codes CPV au plus.` });
  input.activites.forEach((brut, i) => {
    try {
      const code = CodeCpv.parse(brut, ["activites", i]).code;
      if (!activites.includes(code)) activites.push(code);
    } catch (error) {
      issues.push({ path: ["activites", i], message: (error as Error).message });
    }
  });
  const territoires: string[] = [];
  if (input.territoires.length > TERRITOIRES_MAX)
    issues.push({ path: ["territoires"], message: `${TERRITOIRES_MAX} départements au plus.` });
  input.territoires.forEach((brut, i) => {
    const code = brut.trim().toUpperCase();
    if (!DEPARTEMENT.test(code)) {
      issues.push({ path: ["territoires", i], message: `« ${brut} » n'est pas un numéro de département (ex. 94, 2A, 974).` });
    } else if (!territoires.includes(code)) territoires.push(code);
  });
  let categorie: CategorieEntreprise | null = null;
  if (input.categorie !== null) {
    if ((CATEGORIES_ENTREPRISE as readonly string[]).includes(input.categorie)) categorie = input.categorie as CategorieEntreprise;
    else issues.push({ path: ["categorie"], message: `Catégorie inconnue : choisissez parmi ${CATEGORIES_ENTREPRISE.join(", ")}.` });
  }
  let statutInclusif: StatutInclusif | null = null;
  if (input.statutInclusif !== null) {
    if ((STATUTS_INCLUSIFS as readonly string[]).includes(input.statutInclusif)) statutInclusif = input.statutInclusif as StatutInclusif;
    else issues.push({ path: ["statutInclusif"], message: `Statut inconnu : choisissez parmi ${STATUTS_INCLUSIFS.join(", ")}.` });
  }
  const certifications: string[] = [];
  if (input.certifications.length > CERTIFICATIONS_MAX) {
    issues.push({ path: ["certifications"], message: `${CERTIFICATIONS_MAX} certifications au plus.` });
  }
  input.certifications.forEach((brut, i) => {
    const verifie = verifierTexte(brut, { compacter: true });
    if (!verifie.ok) issues.push({ path: ["certifications", i], message: verifie.message });
    else if (verifie.valeur.length < 2 || verifie.valeur.length > CERTIFICATION_LONGUEUR_MAX) {
      issues.push({
        path: ["certifications", i],
        message: `Une certification contient entre 2 et ${CERTIFICATION_LONGUEUR_MAX} caractères.`,
      });
    } else if (!certifications.includes(verifie.valeur)) certifications.push(verifie.valeur);
  });
  if (issues.length) throw invalidInput(issues);
  return { raisonSociale, activites, territoires, categorie, statutInclusif, certifications, profilPublic: input.profilPublic };
}
