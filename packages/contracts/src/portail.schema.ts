import { z } from "zod";
import { FREQUENCES, type RechercheEnregistree } from "@achat-public/domain/portail";
import { texte, Version, versApi } from "./common.schema";
import { montantEuros } from "./regles/commun.schema";

/** A saved search of a company account (the criteria of the feeds, plus a name and a digest frequency). */
export const RechercheInput = z.strictObject({
  nom: texte(100).describe("Nom de la recherche"),
  frequence: texte(20).describe("Fréquence de la synthèse : quotidienne, ou hebdomadaire (le lundi)"),
  prefixesCpv: z.array(texte(20)).max(20, { error: "20 préfixes CPV au plus." }).default([]).describe("Préfixes CPV (2 à 8 chiffres)"),
  motsCles: z.array(texte(50)).max(10, { error: "10 mots-clés au plus." }).default([]).describe("Mots-clés, tous requis"),
  departement: texte(3).nullable().default(null).describe("Département d'exécution (94, 2A, 974) ; null : tous"),
  montantMinHt: montantEuros("Montant minimum en euros HT").nullable().default(null),
  montantMaxHt: montantEuros("Montant maximum en euros HT").nullable().default(null),
});
export type RechercheInput = z.input<typeof RechercheInput>;

export const RechercheUpdateInput = RechercheInput.extend({
  alertesActives: z.boolean().describe("Synthèses par courriel actives"),
  version: Version,
});

export const FluxInput = z.strictObject({
  actif: z.boolean().describe("true : nouvelle adresse (l'ancienne est révoquée) ; false : flux révoqué"),
});

export const RechercheOutput = z.object({
  id: z.string(),
  nom: z.string(),
  frequence: z.enum(FREQUENCES),
  prefixesCpv: z.array(z.string()),
  motsCles: z.array(z.string()),
  departement: z.string().nullable(),
  montantMinHt: z.number().nullable(),
  montantMaxHt: z.number().nullable(),
  alertesActives: z.boolean(),
  fluxActif: z.boolean(),
  fluxUrl: z.string().nullable().describe("Adresse privée du flux RSS de la recherche (null : révoqué)"),
  creeLe: z.string(),
  version: z.number().int(),
});
export const RecherchesOutput = z.object({ recherches: z.array(RechercheOutput) });

export function presentRecherche(r: RechercheEnregistree, fluxUrl: string | null): z.infer<typeof RechercheOutput> {
  const { entrepriseId: _e, utilisateurId: _u, fluxGeneration: _g, ...reste } = r;
  return { ...(versApi(reste) as Omit<z.infer<typeof RechercheOutput>, "fluxUrl">), fluxUrl: r.fluxActif ? fluxUrl : null };
}

export const DesabonnementOutput = z.object({ nom: z.string(), message: z.string() });

/** Filters of the public feed (the same as the public pages). Amounts in euros HT. */
export const FluxQuery = z.object({
  cpv: texte(100).optional().describe("Préfixes CPV séparés par des virgules (2 à 8 chiffres)"),
  q: texte(200).optional().describe("Mots-clés (tous requis, accents ignorés)"),
  departement: texte(3).optional().describe("Département d'exécution"),
  montantMin: texte(20).optional().describe("Montant minimum en euros HT"),
  montantMax: texte(20).optional().describe("Montant maximum en euros HT"),
});
export type FluxQuery = z.infer<typeof FluxQuery>;
export type RechercheOutput = z.infer<typeof RechercheOutput>;
