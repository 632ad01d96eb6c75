import { z } from "zod";
import { FondementSchema, StatutRegleSchema } from "./commun.schema";
import { text } from "../common.schema";

/** One half-year of the administrable ECB rate table (late-payment interest, CCP R2192-31). */
export const TauxBceOutput = z
  .object({
    debutSemestre: z.string().describe("1er janvier ou 1er juillet (AAAA-MM-JJ)"),
    tauxBce: z.number().describe("Taux principal de refinancement de la BCE ce jour-là, en pourcentage"),
    source: z.string(),
    statut: StatutRegleSchema,
  })
  .meta({ id: "TauxBce" });
export type TauxBceOutput = z.infer<typeof TauxBceOutput>;

export const TauxBceParams = z.strictObject({
  debutSemestre: z.string().regex(/^\d{4}-(01|07)-01$/, { error: "Semestre attendu : AAAA-01-01 ou AAAA-07-01." }),
});

export const TauxBceInput = z.strictObject({
  tauxBce: z
    .number()
    .min(-10, { error: "Le taux doit être d'au moins -10 %." })
    .max(30, { error: "Le taux doit être d'au plus 30 %." })
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-9, { error: "Le taux s'exprime au centième de point près (ex. 2,15)." })
    .describe("Taux en pourcentage, ex. 2.15"),
  source: text(300).describe("Décision de la BCE ou publication officielle"),
  statut: StatutRegleSchema.describe("« confirme » quand la source officielle a été vérifiée"),
});
export type TauxBceInput = z.infer<typeof TauxBceInput>;

/** A row of the dated threshold table, as published by GET /api/regles/seuils. */
export const SeuilOutput = z
  .object({
    id: z.string(),
    cle: z.string(),
    libelle: z.string(),
    valeur: z.string().describe("Valeur affichée, ex. « 60 000,00 € HT »"),
    operateur: z.string().nullable().describe("Comparaison exacte : <, <=, >, >="),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    statut: StatutRegleSchema,
    sources: z.array(z.string()),
    fondements: z.array(FondementSchema),
  })
  .meta({ id: "Seuil" });
export type SeuilOutput = z.infer<typeof SeuilOutput>;
