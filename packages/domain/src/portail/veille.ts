/**
 * Saved searches of a company (recherches enregistrées) and what they match: the published programme lines and
 * the open consultations, reduced to one shape (`ElementVeille`). Pure: the same matching serves the digests,
 * the public feed and the private feeds.
 */
import { invalidInput, type Issue } from "../commun/errors";
import { isCents } from "../valeurs/montant";
import type { Fourchette } from "../programme/programme";

export type Frequence = "quotidienne" | "hebdomadaire";
export const FREQUENCES: readonly Frequence[] = ["quotidienne", "hebdomadaire"];

/** What a search looks for; every criterion left empty matches everything. */
export interface CriteresVeille {
  /** CPV prefixes (2 to 8 digits): an item matches when one of its codes starts with one of them. */
  prefixesCpv: string[];
  /** Keywords: every one must appear in the object (accents and case ignored). */
  motsCles: string[];
  /** Département of execution (`94`, `2A`, `974`); null: any. */
  departement: string | null;
  montantMinHtCents: number | null;
  montantMaxHtCents: number | null;
}

export interface RechercheEnregistree extends CriteresVeille {
  id: string;
  entrepriseId: string;
  /** The account that receives the digests (its creator). */
  utilisateurId: string;
  nom: string;
  frequence: Frequence;
  /** False once unsubscribed (the search and its feed remain). */
  alertesActives: boolean;
  /** Generation of the private feed address: renewing it revokes the previous address. */
  fluxGeneration: number;
  /** False: the private feed is revoked (no address works). */
  fluxActif: boolean;
  creeLe: Date;
  version: number;
}

/** A programme line or an open consultation, as a feed, a digest or the calendar shows it. */
export interface ElementVeille {
  type: "ligne" | "consultation";
  id: string;
  titre: string;
  description: string;
  /** CPV codes of the item (the consultation's and its lots'). */
  cpv: string[];
  /**
   * The public range of the estimated value (programme line: never the exact amount, as on the public programme);
   * null when unknown (consultation).
   */
  fourchette: Fourchette | null;
  departement: string | null;
  /** When the item became public (feed date). */
  publieLe: Date;
  /** Tender deadline (consultation). */
  dateLimite: Date | null;
  /** Absolute or site-relative link. */
  lien: string;
}

/** Lower case, accents removed: the form keywords are compared in. */
export function plier(texte: string): string {
  return texte
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/**
 * Does the item match the criteria? The amount range is compared with the item's public range (overlap), never
 * its exact value (which a series of filters would otherwise reveal); it only excludes items whose range is known
 * (a consultation has none in the portal: it is kept, better one item too many than a missed tender).
 */
export function correspond(element: ElementVeille, c: CriteresVeille): boolean {
  if (c.prefixesCpv.length > 0) {
    const codes = element.cpv.map((code) => code.replace(/\D/g, ""));
    if (!c.prefixesCpv.some((p) => codes.some((code) => code.startsWith(p)))) return false;
  }
  if (c.motsCles.length > 0) {
    const texte = plier(`${element.titre} ${element.description}`);
    if (!c.motsCles.every((m) => texte.includes(plier(m)))) return false;
  }
  if (c.departement !== null && element.departement !== null && element.departement !== c.departement) return false;
  const f = element.fourchette;
  if (f !== null) {
    if (c.montantMinHtCents !== null && f.maxHtCents !== null && f.maxHtCents <= c.montantMinHtCents) return false;
    if (c.montantMaxHtCents !== null && f.minHtCents > c.montantMaxHtCents) return false;
  }
  return true;
}

export interface CriteresInput {
  prefixesCpv?: string[];
  /** Keywords as typed (one string, split on spaces) or as a list. */
  motsCles?: string | string[];
  departement?: string | null;
  montantMinHtCents?: number | null;
  montantMaxHtCents?: number | null;
}

export interface RechercheInput extends CriteresInput {
  nom: string;
  frequence: string;
}

const DEPARTEMENT = /^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/;

/** Validates criteria (feed query or saved search): every problem named by its field. */
export function validerCriteres(input: CriteresInput, issues: Issue[] = []): CriteresVeille {
  const prefixes = [...new Set((input.prefixesCpv ?? []).map((p) => p.replace(/[\s-]/g, "")).filter((p) => p !== ""))];
  if (prefixes.length > 20) issues.push({ path: ["prefixesCpv"], message: "20 préfixes CPV au plus." });
  prefixes.forEach((p, i) => {
    if (!/^\d{2,8}$/.test(p)) issues.push({ path: ["prefixesCpv", i], message: `« ${p} » : un préfixe CPV compte de 2 à 8 chiffres.` });
  });
  const brut = typeof input.motsCles === "string" ? input.motsCles.split(/\s+/) : (input.motsCles ?? []);
  const motsCles = [...new Set(brut.map((m) => m.trim()).filter((m) => m.length > 0))];
  if (motsCles.length > 10) issues.push({ path: ["motsCles"], message: "10 mots-clés au plus." });
  if (motsCles.some((m) => m.length > 50)) issues.push({ path: ["motsCles"], message: "Un mot-clé compte 50 caractères au plus." });
  const departement = input.departement ? input.departement.trim().toUpperCase() : null;
  if (departement !== null && !DEPARTEMENT.test(departement))
    issues.push({ path: ["departement"], message: `« ${departement} » n'est pas un numéro de département (94, 2A, 974…).` });
  const min = input.montantMinHtCents ?? null;
  const max = input.montantMaxHtCents ?? null;
  if (min !== null && (!isCents(min) || min < 0)) issues.push({ path: ["montantMinHtCents"], message: "Montant minimum positif attendu." });
  if (max !== null && (!isCents(max) || max < 0)) issues.push({ path: ["montantMaxHtCents"], message: "Montant maximum positif attendu." });
  if (min !== null && max !== null && min > max)
    issues.push({ path: ["montantMaxHtCents"], message: "Le montant maximum doit être supérieur ou égal au minimum." });
  return { prefixesCpv: prefixes, motsCles, departement, montantMinHtCents: min, montantMaxHtCents: max };
}

export function validerRecherche(input: RechercheInput): CriteresVeille & { nom: string; frequence: Frequence } {
  const issues: Issue[] = [];
  const nom = input.nom.trim();
  if (nom.length < 2 || nom.length > 100) issues.push({ path: ["nom"], message: "Nom de 2 à 100 caractères." });
  if (!(FREQUENCES as readonly string[]).includes(input.frequence))
    issues.push({ path: ["frequence"], message: "Fréquence attendue : quotidienne ou hebdomadaire." });
  const criteres = validerCriteres(input, issues);
  if (issues.length > 0) throw invalidInput(issues);
  return { ...criteres, nom, frequence: input.frequence as Frequence };
}

/** Newest first, then by identifier (stable order for feeds and digests). */
export function trierRecents(elements: ElementVeille[]): ElementVeille[] {
  return [...elements].sort((a, b) => b.publieLe.getTime() - a.publieLe.getTime() || a.id.localeCompare(b.id));
}

/** Constant-time comparison of two tokens (no early exit on the first difference). */
export function egaliteConstante(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
