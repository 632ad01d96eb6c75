import { z } from "zod";
import {
  creneauxDuSalon,
  PRESENCES,
  STATUT_SALON_LIBELLES,
  STATUTS_INSCRIPTION,
  STATUTS_SALON,
  COTES_SATISFACTION,
  LIMITES_SATISFACTION,
  SEUIL_ANONYMAT,
  type AcheteurSalonDetail,
  type BilanSatisfaction,
  type DemandeDetail,
  type MaSatisfaction,
  type InscriptionAvecEntreprise,
  type RendezVousAgenda,
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
      disponibilites: z.array(z.string()).nullable().describe("Créneaux où l'entreprise est disponible (null : toute la journée)"),
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
  disponibilites: z.array(z.string()).nullable().describe("Créneaux où l'entreprise est disponible (null : toute la journée)"),
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
    disponibilites: i.disponibilites ?? null,
  };
}
export const PresenceInput = z.strictObject({ presence: z.enum(PRESENCES, { error: "Présence : present ou absent." }) });

// --- rendez-vous ---

const Creneau = z.string().max(10).describe("Identifiant d'un créneau du salon (« 09h00 »)");
export const AcheteurSalonParams = z.strictObject({ salonId: Uuid, utilisateurId: Uuid });
export const DisponibilitesInput = z.strictObject({
  disponibilites: z.array(Creneau).max(200).describe("Créneaux où l'acheteur reçoit des entreprises (vide : il ne participe plus)"),
  familles: z
    .array(z.string().max(20))
    .max(100)
    .optional()
    .describe("Codes des familles d'achat de l'acheteur (nomenclature du programme, /api/programme/familles) ; absent : inchangées"),
});
export const PresenceAcheteurOutput = z.object({
  numeroTable: z.number().int().nullable(),
  familles: z.array(z.string()),
  rendezVousRetires: z.number().int(),
});
export const DisponibilitesEntrepriseInput = z.strictObject({
  disponibilites: z
    .array(Creneau)
    .max(200)
    .nullable()
    .describe("Créneaux où l'entreprise inscrite est disponible pour des rendez-vous (null : toute la journée)"),
});
export const DisponibilitesEntrepriseOutput = z.object({
  disponibilites: z.array(z.string()).nullable(),
  rendezVousRetires: z.number().int(),
});
export const AcheteurSalonOutput = z.object({
  utilisateurId: z.string(),
  nom: z.string(),
  direction: z.string().nullable(),
  directionId: z.string().nullable(),
  numeroTable: z.number().int(),
  disponibilites: z.array(z.string()),
  familles: z.array(z.object({ code: z.string(), libelle: z.string() })).describe("Familles d'achat de l'acheteur"),
});
export function presentAcheteurSalon(a: AcheteurSalonDetail): z.infer<typeof AcheteurSalonOutput> {
  return {
    utilisateurId: a.utilisateurId,
    nom: a.nom,
    direction: a.direction,
    directionId: a.directionId,
    numeroTable: a.numeroTable,
    disponibilites: a.disponibilites,
    familles: a.famillesLibelles ?? a.familles.map((code) => ({ code, libelle: code })),
  };
}
export const AcheteursSalonOutput = z.object({ acheteurs: z.array(AcheteurSalonOutput) });

const Priorite = z.number({ error: "La priorité vaut 1, 2 ou 3." }).int({ error: "La priorité vaut 1, 2 ou 3." }).min(1).max(3);
const DemandeCommun = {
  lignes: z
    .array(Uuid)
    .min(1, { error: "Choisissez au moins une ligne de la programmation." })
    .max(5)
    .describe("Lignes publiées de la programmation (1 à 5)"),
  priorite: Priorite.describe("1 = la plus haute"),
  note: texte(500, { multiligne: true }).nullable().optional(),
};
export const DemandeRendezVousInput = z.strictObject({ acheteurId: Uuid, ...DemandeCommun });
export const InvitationRendezVousInput = z.strictObject({ entrepriseId: Uuid, ...DemandeCommun });
export const DemandeParams = z.strictObject({ salonId: Uuid, id: Uuid });
export const DemandeOutput = z.object({
  id: z.string(),
  entrepriseId: z.string(),
  raisonSociale: z.string(),
  acheteurId: z.string(),
  acheteur: z.string(),
  direction: z.string().nullable(),
  lignes: z.array(z.object({ id: z.string(), objet: z.string() })),
  priorite: z.number().int(),
  origine: z.enum(["entreprise", "acheteur"]),
  note: z.string().nullable(),
  statut: z.enum(["demandee", "declinee"]),
  declineePar: z.enum(["entreprise", "acheteur"]).nullable(),
  creeLe: z.string(),
});
export const DemandesOutput = z.object({ demandes: z.array(DemandeOutput) });
export const DemandesQuery = z.strictObject({
  toutes: z.enum(["oui", "non"]).optional().describe("oui : toutes les demandes du salon (organisateur)"),
});
export function presentDemandeRendezVous(d: DemandeDetail): z.infer<typeof DemandeOutput> {
  return {
    id: d.id,
    entrepriseId: d.entrepriseId,
    raisonSociale: d.raisonSociale,
    acheteurId: d.acheteurId,
    acheteur: d.acheteur,
    direction: d.direction,
    lignes: d.objets,
    priorite: d.priorite,
    origine: d.origine,
    note: d.note,
    statut: d.statut,
    declineePar: d.declineePar,
    creeLe: d.creeLe.toISOString(),
  };
}
export const DemandeCreeeOutput = z.object({ id: z.string(), statut: z.literal("demandee") });

export const PlanificationInput = z.strictObject({
  autoriserDeplacements: z.boolean().optional().describe("Les rendez-vous confirmés peuvent changer de créneau"),
});
const RdvCourt = z.object({ entreprise: z.string(), acheteur: z.string(), creneau: z.string() });
export const BilanPlanningOutput = z.object({
  demandes: z.number().int(),
  places: z.number().int(),
  entreprisesServies: z.number().int(),
  entreprisesDemandeuses: z.number().int(),
  borneSuperieure: z.number(),
  borneEntreprisesServies: z.number(),
  ajoutes: z.number().int(),
  inchanges: z.number().int(),
  deplaces: z.array(z.object({ entreprise: z.string(), acheteur: z.string(), de: z.string(), vers: z.string(), confirme: z.boolean() })),
  retires: z.array(RdvCourt.extend({ motif: z.string(), confirme: z.boolean() })),
  ecartees: z.array(z.object({ demandeId: z.string(), motif: z.string() })),
});
export const ConfirmationOutput = z.object({ confirmes: z.number().int(), courriels: z.number().int() });
export const RendezVousAgendaOutput = z.object({
  demandeId: z.string(),
  creneau: z.string(),
  debut: z.string(),
  fin: z.string(),
  numeroTable: z.number().int(),
  confirme: z.boolean(),
  entrepriseId: z.string(),
  raisonSociale: z.string(),
  acheteurId: z.string(),
  acheteur: z.string(),
  direction: z.string().nullable(),
  lignes: z.array(z.object({ id: z.string(), objet: z.string() })),
});
export const AgendaOutput = z.object({ salon: SalonOutput, rendezVous: z.array(RendezVousAgendaOutput) });
export function presentAgenda(a: { salon: Salon; rendezVous: RendezVousAgenda[] }): z.infer<typeof AgendaOutput> {
  return {
    salon: presentSalon(a.salon),
    rendezVous: a.rendezVous.map((r) => ({
      demandeId: r.demandeId,
      creneau: r.creneau,
      debut: r.debut,
      fin: r.fin,
      numeroTable: r.numeroTable,
      confirme: r.confirme,
      entrepriseId: r.entrepriseId,
      raisonSociale: r.raisonSociale,
      acheteurId: r.acheteurId,
      acheteur: r.acheteur,
      direction: r.direction,
      lignes: r.objets,
    })),
  };
}

const Etapes = z.object({
  planifies: z.number().int(),
  tenus: z.number().int(),
  suivisDInteret: z.number().int(),
  suivisDOffre: z.number().int(),
  suivisDAttribution: z.number().int(),
  entreprisesRencontrees: z.number().int(),
  entreprisesInteressees: z.number().int(),
  entreprisesAyantRepondu: z.number().int(),
  entreprisesAttributaires: z.number().int(),
  tauxInteret: z.number().nullable(),
  tauxOffre: z.number().nullable(),
  tauxAttribution: z.number().nullable(),
});
const Ventilation = z.array(z.object({ cle: z.string(), etapes: Etapes }));
export const EntonnoirOutput = z.object({
  definition: z.string(),
  salons: z.array(
    z.object({
      salonId: z.string(),
      salon: z.string(),
      date: z.string(),
      total: Etapes,
      parTaille: Ventilation,
      parLocalite: Ventilation,
      parFamille: Ventilation,
    }),
  ),
});
export const DEFINITION_ENTONNOIR =
  "Pour chaque salon tenu : les rendez-vous planifiés, ceux tenus (l'entreprise a été pointée présente), ceux suivis " +
  "d'un signal d'intérêt de cette entreprise sur une ligne discutée (le jour du salon ou après), ceux suivis " +
  "d'une offre de cette entreprise (même SIRET) sur un lot d'une procédure lancée pour une ligne de la programmation " +
  "discutée, et ceux suivis d'une attribution d'un tel lot. Taux rapportés aux rendez-vous tenus. Localité : l'entreprise " +
  "déclare intervenir dans le Val-de-Marne (94). Famille : celle de la première ligne discutée.";

// --- questionnaire de satisfaction ---

const Note = (description: string) =>
  z
    .number({ error: "Une note entière de 1 à 5." })
    .int({ error: "Une note entière de 1 à 5." })
    .min(1, { error: "Une note entière de 1 à 5." })
    .max(5, { error: "Une note entière de 1 à 5." })
    .describe(description);
export const SatisfactionInput = z.strictObject({
  satisfaction: Note("Satisfaction générale, de 1 (pas du tout satisfait) à 5 (très satisfait)"),
  utilite: Note("Utilité des rendez-vous, de 1 à 5"),
  reviendrait: z.boolean({ error: "Reviendriez-vous : oui ou non." }).describe("Viendrait au prochain salon"),
  commentaire: texte(LIMITES_SATISFACTION.commentaireMax, { multiligne: true }).nullable().optional(),
});
const EtatSatisfaction = z.enum(["a-venir", "ouvert", "clos"]).describe("a-venir : le salon n'a pas eu lieu ; clos : après la clôture");
export const MaSatisfactionOutput = z.object({
  etat: EtatSatisfaction,
  cloture: z.string().describe("Dernier jour des réponses (AAAA-MM-JJ)"),
  cote: z.enum(COTES_SATISFACTION).nullable(),
  peutRepondre: z.boolean(),
  motif: z.string().nullable(),
  reponse: z
    .object({
      satisfaction: z.number().int(),
      utilite: z.number().int(),
      reviendrait: z.boolean(),
      commentaire: z.string().nullable(),
      reponduLe: z.string(),
      modifieLe: z.string(),
    })
    .nullable(),
});
export function presentMaSatisfaction(m: MaSatisfaction): z.infer<typeof MaSatisfactionOutput> {
  return {
    ...m,
    reponse: m.reponse
      ? { ...m.reponse, reponduLe: m.reponse.reponduLe.toISOString(), modifieLe: m.reponse.modifieLe.toISOString() }
      : null,
  };
}
export const ReponseSatisfactionOutput = z.object({ cote: z.enum(COTES_SATISFACTION), modification: z.boolean() });
const Distribution = z.array(z.number().int()).length(5).nullable().describe("Réponses donnant 1, 2, 3, 4 et 5 (null : masquées)");
const ResultatSatisfaction = z.object({
  reponses: z.number().int(),
  masque: z
    .boolean()
    .describe(`Moins de ${SEUIL_ANONYMAT} réponses : moyennes, parts et répartitions masquées (null) pour préserver l'anonymat`),
  participants: z.number().int().describe("Entreprises pointées présentes, acheteurs qui tenaient une table"),
  tauxReponse: z.number().nullable(),
  moyenneSatisfaction: z.number().nullable(),
  moyenneUtilite: z.number().nullable(),
  reviendraient: z.number().int().nullable(),
  tauxRetour: z.number().nullable(),
  distributionSatisfaction: Distribution,
  distributionUtilite: Distribution,
});
export const BilanSatisfactionOutput = z.object({
  salonId: z.string(),
  etat: EtatSatisfaction,
  cloture: z.string(),
  cotes: z.array(ResultatSatisfaction.extend({ cote: z.enum(COTES_SATISFACTION), libelle: z.string() })),
  total: ResultatSatisfaction,
  commentaires: z
    .array(z.object({ cote: z.enum(COTES_SATISFACTION), texte: z.string() }))
    .nullable()
    .describe("Commentaires sans leur auteur (l'organisateur seulement ; null pour les autres)"),
});
export function presentBilanSatisfaction(b: BilanSatisfaction): z.infer<typeof BilanSatisfactionOutput> {
  return b;
}
