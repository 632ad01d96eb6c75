import { z } from "zod";
import {
  creneauxDuSalon,
  PRESENCES,
  STATUT_SALON_LIBELLES,
  STATUTS_INSCRIPTION,
  STATUTS_SALON,
  type InscriptionAvecEntreprise,
  type Salon,
} from "@achat-public/domain/salon";
import { BORNE_TEXTE_COURT, jour, pageDe, Pagination, texte, Uuid, Version } from "./common.schema";

const heure = (description: string) => z.string().max(10).describe(`${description} (HH:MM)`);
const entier = (description: string) =>
  z.number({ error: "Nombre entier attendu." }).int({ error: "Nombre entier attendu." }).min(0).max(1_000_000).describe(description);

export const SalonInput = z.strictObject({
  nom: texte(BORNE_TEXTE_COURT),
  date: jour("Jour du salon"),
  lieu: texte(BORNE_TEXTE_COURT),
  heureOuverture: heure("Ouverture"),
  heureFermeture: heure("Fermeture"),
  dureeCreneauMinutes: entier("Durée d'un rendez-vous, en minutes"),
  pauses: z.array(z.strictObject({ debut: heure("Début"), fin: heure("Fin") })).max(20),
  tables: entier("Nombre de tables de rendez-vous"),
  capaciteEntreprises: entier("Nombre d'entreprises admises"),
  personnesParEntreprise: entier("Personnes par entreprise"),
  statut: z.enum(STATUTS_SALON, { error: `Statut inconnu : ${STATUTS_SALON.join(", ")}.` }),
});
export type SalonInput = z.infer<typeof SalonInput>;
export const SalonUpdate = SalonInput.extend({ version: Version });

export const SalonOutput = z.object({
  id: z.string(),
  nom: z.string(),
  date: z.string(),
  lieu: z.string(),
  heureOuverture: z.string(),
  heureFermeture: z.string(),
  dureeCreneauMinutes: z.number().int(),
  pauses: z.array(z.object({ debut: z.string(), fin: z.string() })),
  tables: z.number().int(),
  capaciteEntreprises: z.number().int(),
  personnesParEntreprise: z.number().int(),
  statut: z.enum(STATUTS_SALON),
  statutLibelle: z.string(),
  creneaux: z.array(z.string()).describe("Créneaux de rendez-vous de la journée (identifiants du planificateur)"),
  acceptees: z.number().int().optional(),
  enAttente: z.number().int().optional(),
  version: z.number().int(),
});
export type SalonOutput = z.infer<typeof SalonOutput>;

export function presentSalon(s: Salon & { acceptees?: number; enAttente?: number }): SalonOutput {
  const { organisationId: _o, ...reste } = s;
  return { ...reste, statutLibelle: STATUT_SALON_LIBELLES[s.statut], creneaux: creneauxDuSalon(s).map((c) => c.id) };
}

export const SalonsOutput = z.object({ salons: z.array(SalonOutput) });

export const SalonIdParams = z.strictObject({ salonId: Uuid });
export const InscriptionParams = z.strictObject({ salonId: Uuid, id: Uuid });

export const InscriptionSalonInput = z.strictObject({ personnes: entier("Nombre de personnes de l'entreprise") });

export const MonInscriptionOutput = z.object({
  inscription: z
    .object({
      id: z.string(),
      statut: z.enum(STATUTS_INSCRIPTION),
      personnes: z.number().int(),
      inscritLe: z.string(),
      positionAttente: z.number().int().nullable().describe("Position sur la liste d'attente (1 = la prochaine admise)"),
      message: z.string(),
    })
    .nullable(),
});

export function messageInscription(statut: string, positionAttente: number | null): string {
  return statut === "acceptee"
    ? "Votre entreprise est inscrite au salon."
    : `Le salon est complet : votre entreprise est en liste d'attente, position ${positionAttente}.`;
}

export const InscriptionsQuery = z.strictObject({ statut: z.enum(STATUTS_INSCRIPTION).optional(), ...Pagination });
export const InscriptionOutput = z.object({
  id: z.string(),
  entrepriseId: z.string(),
  raisonSociale: z.string(),
  siret: z.string(),
  statut: z.enum(STATUTS_INSCRIPTION),
  rang: z.number().int(),
  positionAttente: z.number().int().nullable(),
  personnes: z.number().int(),
  inscritLe: z.string(),
  presence: z.enum(PRESENCES).nullable(),
});
export const InscriptionsPage = pageDe("inscriptions", InscriptionOutput);
export function presentInscription(i: InscriptionAvecEntreprise) {
  return {
    id: i.id,
    entrepriseId: i.entrepriseId,
    raisonSociale: i.raisonSociale,
    siret: i.siret,
    statut: i.statut,
    rang: i.rang,
    positionAttente: i.positionAttente,
    personnes: i.personnes,
    inscritLe: i.inscritLe.toISOString(),
    presence: i.presence,
  };
}
export const PresenceInput = z.strictObject({ presence: z.enum(PRESENCES, { error: "Présence : present ou absent." }) });
