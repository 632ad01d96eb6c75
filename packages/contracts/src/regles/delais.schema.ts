/** POST /api/regles/delais: the dates known of a procedure and its timeline of legal dates. */
import { EXEMPTIONS_STANDSTILL, VARIANTES_DELAI_RECEPTION, type CalendrierInput, type CalendrierResult } from "@achat-public/domain/regles";
import { z } from "zod";
import { dateIso, FamilleProcedureSchema, FondementSchema, fromReponseExpliquee, ReponseExpliquee } from "./commun.schema";

export const ReglesDelaisInput = z
  .strictObject({
    procedure: FamilleProcedureSchema.optional().describe("Famille de procédure ; procédure formalisée par défaut"),
    dateEnvoiAvis: dateIso("Date d'envoi de l'avis (ou de l'invitation)").optional(),
    variante: z.enum(VARIANTES_DELAI_RECEPTION).optional().describe("Variante du délai de réception ; AOO électronique par défaut"),
    dateConvenue: dateIso("Date limite convenue avec tous les candidats (acheteur sous-central)").optional(),
    dateLimiteReception: dateIso(
      "Date limite de réception fixée par l'acheteur : une alerte « bloquant » la signale si elle précède le minimum légal",
    ).optional(),
    dateEnvoiNotificationRejet: dateIso("Date d'envoi des notifications de rejet").optional(),
    notificationElectronique: z.boolean().optional().describe("Rejets notifiés par voie électronique ; vrai par défaut"),
    exemptionStandstill: z.enum(EXEMPTIONS_STANDSTILL).optional().describe("Cas sans délai de suspension"),
    dateSignature: dateIso("Date de signature du marché").optional(),
    dateNotification: dateIso("Date de notification du marché").optional(),
    datesNotificationModifications: z.array(dateIso("Date de notification d'une modification")).max(100).optional(),
    decpObligatoire: z.boolean().optional().describe("Données essentielles à publier ; vrai par défaut"),
    avisAttributionObligatoire: z.boolean().optional().describe("Avis d'attribution requis ; vrai par défaut en procédure formalisée"),
  })
  .meta({ id: "ReglesDelaisInput", description: "Dates connues d'une procédure, pour calculer le calendrier des dates légales" });
export type ReglesDelaisInput = z.infer<typeof ReglesDelaisInput>;

export const ReglesDelaisOutput = ReponseExpliquee.extend({
  dateReference: z.string().describe("Date dont les règles ont été appliquées"),
  etapes: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      libelle: z.string(),
      date: z.string(),
      origine: z.enum(["connue", "calculee"]),
      jourSemaine: z.string(),
      avertissements: z.array(z.string()).describe("Samedi, dimanche ou jour férié"),
      fondements: z.array(FondementSchema),
    }),
  ),
}).meta({ id: "ReglesDelaisOutput", description: "Calendrier des dates légales, dans l'ordre chronologique" });
export type ReglesDelaisOutput = z.infer<typeof ReglesDelaisOutput>;

/** Input of `construireCalendrier` (no money: only optional keys are dropped). */
export function toReglesDelaisDomainInput(input: ReglesDelaisInput): CalendrierInput {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as CalendrierInput;
}

/** Answer of `construireCalendrier`. */
export function fromReglesDelaisResult(result: CalendrierResult): ReglesDelaisOutput {
  return {
    dateReference: result.dateReference,
    etapes: result.etapes.map((etape) => ({ ...etape, avertissements: [...etape.avertissements], fondements: [...etape.fondements] })),
    ...fromReponseExpliquee(result),
  };
}
