import { z } from "zod";
import {
  CLES_INDICATEURS,
  type CleIndicateur,
  type FiltreIndicateurs,
  type IndicateurCible,
  type MarcheDerriere,
  type TableauIndicateurs,
} from "@achat-public/domain/pilotage";
import { jour, page, pageDe, Pagination, Uuid, versApi } from "./common.schema";

const ANNEE = z.coerce
  .number({ error: "Année attendue (AAAA)." })
  .int({ error: "Année attendue (AAAA)." })
  .min(2000, { error: "Année entre 2000 et 2100." })
  .max(2100, { error: "Année entre 2000 et 2100." });

export const CleIndicateurSchema = z.enum(CLES_INDICATEURS as [CleIndicateur, ...CleIndicateur[]], {
  error: "Indicateur inconnu.",
});

/** The population asked for: a year or dates, a direction or all, a minimum amount HT in euros. */
export const IndicateursQuery = z.strictObject({
  annee: ANNEE.optional().describe("Année de notification (AAAA) ; à défaut, du et au"),
  du: jour("Premier jour de la période (AAAA-MM-JJ)").optional(),
  au: jour("Dernier jour de la période (AAAA-MM-JJ)").optional(),
  direction: Uuid.optional().describe("Une direction ; toutes par défaut (la sienne pour un acheteur de direction)"),
  montantMinHt: z.coerce
    .number({ error: "Montant en euros attendu." })
    .min(0, { error: "Le montant ne peut pas être négatif." })
    .max(1_000_000_000, { error: "Montant trop grand." })
    .optional()
    .describe("Montant HT minimal des marchés retenus, en euros ; 40000 donne exactement la population publiée dans les DECP"),
  famille: z
    .string()
    .regex(/^\d{2}$/, { error: "Famille d'achat : une division CPV de deux chiffres (ex. 45)." })
    .optional()
    .describe("Une famille d'achat (division CPV, deux chiffres) ; toutes par défaut"),
});
export type IndicateursQuery = z.infer<typeof IndicateursQuery>;

/** The request as the use case takes it (euros → cents, `direction` → `directionId`). */
export function demandeIndicateurs(q: IndicateursQuery) {
  return {
    annee: q.annee,
    du: q.du,
    au: q.au,
    directionId: q.direction ?? null,
    montantMinHtCents: q.montantMinHt === undefined ? 0 : Math.round(q.montantMinHt * 100),
    divisionCpv: q.famille ?? null,
  };
}

const Filtre = z.object({
  du: z.string(),
  au: z.string(),
  directionId: z.string().nullable(),
  montantMinHt: z.number(),
  divisionCpv: z.string().nullable(),
});

const IndicateurOutput = z.object({
  valeur: z.number().nullable().describe("Valeur ; euros en euros, parts entre 0 et 1 ; null si la population est vide"),
  unite: z.enum(["nombre", "euros", "part", "jours", "heures"]),
  libelle: z.string(),
  definition: z.string().describe("Définition en français"),
  formule: z.string().describe("Formule de calcul"),
  cible: z.number().nullable().describe("Objectif du SPASER pour l'année, s'il est fixé"),
  etatCible: z.enum(["atteinte", "non-atteinte", "non-calculable"]).nullable(),
});

export const IndicateursOutput = z
  .object({
    filtre: Filtre,
    indicateurs: z.record(CleIndicateurSchema, IndicateurOutput),
  })
  .meta({ id: "Indicateurs" });
export type IndicateursOutput = z.infer<typeof IndicateursOutput>;

const presentFiltre = (f: FiltreIndicateurs) => versApi(f) as z.infer<typeof Filtre>;

export function presentIndicateurs(t: TableauIndicateurs): IndicateursOutput {
  return { filtre: presentFiltre(t.filtre), indicateurs: t.indicateurs as Record<CleIndicateur, IndicateurCible> };
}

export const RepartitionQuery = IndicateursQuery.extend({
  axe: z.enum(["direction", "famille", "mois", "annee"], { error: "Axe attendu : direction, famille, mois ou annee." }),
});

export const RepartitionOutput = z.object({
  filtre: Filtre,
  axe: z.enum(["direction", "famille", "mois", "annee"]),
  series: z.array(
    z.object({
      cle: z.string(),
      libelle: z.string(),
      indicateurs: z.record(CleIndicateurSchema, IndicateurOutput.omit({ cible: true, etatCible: true })),
    }),
  ),
});
export type RepartitionOutput = z.infer<typeof RepartitionOutput>;

export function presentRepartition(r: {
  filtre: FiltreIndicateurs;
  axe: "direction" | "famille" | "mois" | "annee";
  series: RepartitionOutput["series"];
}): RepartitionOutput {
  return { filtre: presentFiltre(r.filtre), axe: r.axe, series: r.series };
}

export const MarchesDerriereQuery = IndicateursQuery.extend({
  indicateur: CleIndicateurSchema,
  ...Pagination,
});
export type MarchesDerriereQuery = z.infer<typeof MarchesDerriereQuery>;

const MarcheDerriereOutput = z.object({
  id: z.string(),
  numero: z.string(),
  objet: z.string(),
  directionId: z.string(),
  dateNotification: z.string(),
  montantHt: z.number(),
  titulaire: z.string().nullable(),
});
export const MarchesDerriereOutput = pageDe("marches", MarcheDerriereOutput).extend({ filtre: Filtre });
export type MarchesDerriereOutput = z.infer<typeof MarchesDerriereOutput>;

export function presentMarchesDerriere(
  q: { page: number; parPage: number },
  r: { filtre: FiltreIndicateurs; total: number; marches: MarcheDerriere[] },
): MarchesDerriereOutput {
  return {
    ...page(q, r.total, "marches", versApi(r.marches) as z.infer<typeof MarcheDerriereOutput>[]),
    filtre: presentFiltre(r.filtre),
  };
}

export const CibleInput = z.strictObject({
  indicateur: CleIndicateurSchema,
  annee: ANNEE,
  valeur: z
    .number({ error: "Nombre attendu." })
    .min(-1_000_000_000)
    .max(1_000_000_000)
    .describe("Objectif : une part entre 0 et 1, un délai en jours, un nombre, des euros selon l'indicateur"),
});
export type CibleInput = z.infer<typeof CibleInput>;
