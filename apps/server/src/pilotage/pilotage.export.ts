import { defineColonnes } from "@achat-public/tableur";
import {
  CLES_INDICATEURS,
  type CleIndicateur,
  DEFINITIONS_INDICATEURS,
  formaterValeur,
  type IndicateurCible,
} from "@achat-public/domain/pilotage";

const ETATS: Record<string, string> = { atteinte: "atteint", "non-atteinte": "non atteint", "non-calculable": "non calculable" };

/** The indicator table as exported (XLSX, CSV): one row per indicator, values written in French. */
export const COLONNES_INDICATEURS = defineColonnes([
  { cle: "libelle", entete: "Indicateur", type: "texte", largeur: 45 },
  { cle: "valeur", entete: "Valeur", type: "texte", largeur: 18 },
  { cle: "cible", entete: "Objectif", type: "texte", largeur: 18 },
  { cle: "etat", entete: "Objectif atteint ?", type: "texte", largeur: 16 },
  { cle: "definition", entete: "Définition", type: "texte", largeur: 80 },
  { cle: "formule", entete: "Formule", type: "texte", largeur: 60 },
  { cle: "code", entete: "Code", type: "texte", largeur: 32 },
] as const);

export function lignesIndicateurs(indicateurs: Record<CleIndicateur, IndicateurCible>): Record<string, unknown>[] {
  return CLES_INDICATEURS.map((cle) => {
    const i = indicateurs[cle];
    return {
      libelle: i.libelle,
      valeur: formaterValeur(i.unite, i.valeur),
      cible: i.cible === null ? null : formaterValeur(i.unite, i.cible),
      etat: i.etatCible ? ETATS[i.etatCible] : null,
      definition: i.definition,
      formule: i.formule,
      code: cle,
    };
  });
}

/** The contracts behind a figure, as exported. */
export const COLONNES_MARCHES_DERRIERE = defineColonnes([
  { cle: "numero", entete: "Numéro", type: "texte", largeur: 18 },
  { cle: "objet", entete: "Objet", type: "texte", largeur: 60 },
  { cle: "dateNotification", entete: "Date de notification", type: "date" },
  { cle: "montantHt", entete: "Montant HT (€)", type: "euros" },
  { cle: "titulaire", entete: "Titulaire", type: "texte", largeur: 40 },
] as const);

/**
 * A split of the indicators (by direction, CPV division or month) as exported: one row per key, one column per
 * indicator, the values written in French as in the chart's table twin.
 */
export const COLONNES_REPARTITION = defineColonnes([
  { cle: "libelle", entete: "Catégorie", type: "texte", largeur: 45 },
  ...CLES_INDICATEURS.map((cle) => ({ cle, entete: DEFINITIONS_INDICATEURS[cle].libelle, type: "texte" as const, largeur: 20 })),
]);

export function lignesRepartition(
  series: readonly { libelle: string; indicateurs: Record<CleIndicateur, Pick<IndicateurCible, "unite" | "valeur">> }[],
): Record<string, unknown>[] {
  return series.map((s) => ({
    libelle: s.libelle,
    ...Object.fromEntries(CLES_INDICATEURS.map((cle) => [cle, formaterValeur(s.indicateurs[cle].unite, s.indicateurs[cle].valeur)])),
  }));
}
