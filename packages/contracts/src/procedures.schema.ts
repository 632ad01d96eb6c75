import { z } from "zod";
import { NATURES, PROCEDURES_DECP, PUBLICITES } from "@achat-public/domain/regles";
import {
  calendrier,
  CATEGORIES_ENTREPRISE,
  TYPES_CLAUSE,
  USAGES_CLAUSE,
  valeurEstimee,
  type Clause,
  type ConsultationPublique,
  type EtatProcedure,
  type Procedure,
  type ResumeProcedure,
} from "@achat-public/domain/procedures";
import { Pagination, texte, Uuid, Version, versApi } from "./common.schema";
import { dateIso, FondementSchema, montantEuros } from "./regles/commun.schema";

export const ETATS_PROCEDURE: readonly EtatProcedure[] = [
  "brouillon",
  "publiee",
  "offres-recues",
  "analysee",
  "attribuee",
  "notifiee",
  "infructueuse",
  "abandonnee",
];

const entier = (min: number, max: number, description: string) =>
  z.coerce
    .number({ error: "Nombre entier attendu." })
    .int({ error: "Nombre entier attendu." })
    .min(min, { error: `Au moins ${min}.` })
    .max(max, { error: `Au plus ${max}.` })
    .describe(description);

// ------------------------------------------------------------------------------------------------ clause library

const FormuleHeures = z.strictObject({
  partMainOeuvrePct: z.number({ error: "Pourcentage attendu." }).describe("Part de la main-d'œuvre dans le prix, en %"),
  tauxInsertionPct: z.number({ error: "Pourcentage attendu." }).describe("Part de cette main-d'œuvre réservée à l'insertion, en %"),
  coutHoraire: montantEuros("Coût horaire moyen, en euros HT", { strictementPositif: true }),
});

export const ClauseInput = z.strictObject({
  type: z.enum(TYPES_CLAUSE, { error: "Type attendu : sociale, environnementale ou innovation." }),
  usage: z.enum(USAGES_CLAUSE, { error: "Usage attendu : condition-execution, critere-attribution ou specification." }),
  titre: texte(200).describe("Titre de la clause"),
  texte: texte(10_000).describe("Texte type de la clause"),
  formuleHeures: FormuleHeures.nullable().default(null).describe("Formule des heures d'insertion (clause sociale)"),
  actif: z.boolean().default(true),
});
export type ClauseInput = z.input<typeof ClauseInput>;
export const ClauseUpdate = ClauseInput.extend({ version: Version });

export const ClauseOutput = z.object({
  id: z.string(),
  type: z.enum(TYPES_CLAUSE),
  usage: z.enum(USAGES_CLAUSE),
  titre: z.string(),
  texte: z.string(),
  formuleHeures: z.object({ partMainOeuvrePct: z.number(), tauxInsertionPct: z.number(), coutHoraire: z.number() }).nullable(),
  actif: z.boolean(),
  version: z.number().int(),
});
export type ClauseOutput = z.infer<typeof ClauseOutput>;
export const presentClause = (c: Clause): ClauseOutput => ({
  id: c.id,
  type: c.type,
  usage: c.usage,
  titre: c.titre,
  texte: c.texte,
  formuleHeures: c.formuleHeures
    ? {
        partMainOeuvrePct: c.formuleHeures.partMainOeuvrePct,
        tauxInsertionPct: c.formuleHeures.tauxInsertionPct,
        coutHoraire: c.formuleHeures.coutHoraireCents / 100,
      }
    : null,
  actif: c.actif,
  version: c.version,
});

/** The domain's input of a clause (hourly cost in cents). */
export const clauseVersDomaine = (body: z.infer<typeof ClauseInput>) => ({
  ...body,
  formuleHeures: body.formuleHeures
    ? {
        partMainOeuvrePct: body.formuleHeures.partMainOeuvrePct,
        tauxInsertionPct: body.formuleHeures.tauxInsertionPct,
        coutHoraireCents: Math.round(body.formuleHeures.coutHoraire * 100),
      }
    : null,
});

// ------------------------------------------------------------------------------------------------ procedures

const CritereInput = z.strictObject({
  libelle: texte(200).describe("Libellé du critère"),
  poids: entier(1, 100, "Pondération en %"),
  environnemental: z.boolean().default(false).describe("Critère portant sur les caractéristiques environnementales"),
  prix: z.boolean().default(false).describe("Critère du prix ou du coût"),
});

const LotInput = z.strictObject({
  objet: texte(300).describe("Objet du lot"),
  cpv: texte(20).describe("Code CPV du lot"),
  valeurEstimeeHt: montantEuros("Valeur estimée du lot en euros HT", { strictementPositif: true }),
  reserve: z.boolean().default(false).describe("Lot réservé (L2113-12, L2113-13)"),
  accordCadre: z.boolean().default(false).describe("Accord-cadre (un ou plusieurs titulaires)"),
});

const ContenuProcedure = {
  objet: texte(300).describe("Objet de la procédure"),
  nature: z.enum(NATURES, { error: "Nature attendue : travaux, fournitures ou services." }),
  procedure: z.enum(PROCEDURES_DECP, { error: "Procédure inconnue." }),
  justificationProcedure: texte(2000).nullable().default(null).describe("Justification d'une procédure plus exigeante que nécessaire"),
  publicite: z.enum(PUBLICITES).nullable().default(null).describe("Publicité ; par défaut celle que le moteur exige"),
  criteres: z.array(CritereInput).max(20).default([]),
  conditionExecutionSociale: z.boolean().default(false),
  conditionExecutionEnvironnementale: z.boolean().default(false),
  innovant: z.boolean().default(false),
  urlProfilAcheteur: texte(2000).nullable().default(null).describe("Adresse de la consultation sur le profil d'acheteur (DCE)"),
  dureeMois: entier(1, 1000, "Durée du marché en mois"),
  dateLimiteReception: dateIso("Date limite de réception des offres").nullable().default(null),
  lots: z.array(LotInput).min(1, { error: "Au moins un lot est attendu." }).max(200),
  clauseIds: z.array(Uuid).max(50).default([]).describe("Clauses choisies dans le clausier"),
};

export const ProcedureInput = z.strictObject({
  annee: entier(2000, 2100, "Année de lancement"),
  directionId: Uuid.nullable().default(null).describe("Direction ; facultative pour un acheteur de direction (la sienne)"),
  lignesProgrammeIds: z.array(Uuid).max(100).default([]).describe("Lignes de la programmation (d'une même famille ou opération)"),
  motifHorsProgramme: texte(2000).nullable().default(null).describe("Raison d'une procédure sans ligne de programmation"),
  ...ContenuProcedure,
});
export type ProcedureInput = z.input<typeof ProcedureInput>;
export const ProcedureUpdate = z.strictObject({ ...ContenuProcedure, version: Version });

export const VersionInput = z.strictObject({ version: Version });
export const PublicationInput = z.strictObject({
  version: Version,
  datePublication: dateIso("Date d'envoi de l'avis (aujourd'hui par défaut)").nullable().optional(),
});
export const OffreInput = z.strictObject({
  version: Version,
  siret: texte(20).describe("SIRET du soumissionnaire (mandataire d'un groupement)"),
  nom: texte(200).describe("Raison sociale"),
  categorie: z.enum(CATEGORIES_ENTREPRISE).nullable().default(null).describe("Catégorie d'entreprise : micro, pme, eti, ge"),
  localisation: texte(200).nullable().default(null).describe("Commune ou département du soumissionnaire"),
  membres: z
    .array(z.strictObject({ siret: texte(20), nom: texte(200) }))
    .max(50)
    .default([])
    .describe("Cotraitants du groupement"),
  prixHt: montantEuros("Prix de l'offre en euros HT", { strictementPositif: true }),
});
export const AttributionInput = z.strictObject({
  version: Version,
  dateAttribution: dateIso("Date de la décision d'attribution (envoi des lettres de rejet)"),
  dateSeanceCao: dateIso("Date de la séance de la CAO (procédure formalisée)").nullable().default(null),
  lots: z
    .array(
      z.strictObject({
        numero: entier(1, 1000, "Numéro du lot"),
        offreIds: z.array(Uuid).max(50).default([]),
        infructueux: z.boolean().default(false),
        montantMaxHt: montantEuros("Montant maximum de l'accord-cadre, euros HT", { strictementPositif: true }).nullable().default(null),
      }),
    )
    .max(200),
});
export const NotificationInput = z.strictObject({
  version: Version,
  dateSignature: dateIso("Date de signature"),
  dateNotification: dateIso("Date de notification"),
  dateAvisAttribution: dateIso("Date de publication de l'avis d'attribution").nullable().default(null),
});
export const MotifInput = z.strictObject({ version: Version, motif: texte(2000).describe("Motif") });
export const LotParams = z.strictObject({ id: Uuid, numero: entier(1, 1000, "Numéro du lot") });
export const OffreParams = LotParams.extend({ offreId: Uuid });

export const ProceduresQuery = z.strictObject({
  annee: entier(2000, 2100, "Année").optional(),
  statut: z.enum(ETATS_PROCEDURE, { error: "État inconnu." }).optional().describe("État de la procédure"),
  directionId: Uuid.optional(),
  q: texte(200, { compacter: true }).optional().describe("Mots de l'objet ou de la référence"),
  tri: z.enum(["reference", "objet", "valeur", "etat", "dateLimiteReception", "direction"]).default("reference"),
  ordre: z.enum(["asc", "desc"]).default("desc"),
  ...Pagination,
});
export type ProceduresQuery = z.infer<typeof ProceduresQuery>;

export const ResumeProcedureOutput = z.object({
  id: z.string(),
  reference: z.string(),
  annee: z.number().int(),
  objet: z.string(),
  nature: z.enum(NATURES),
  procedure: z.enum(PROCEDURES_DECP),
  directionId: z.string(),
  direction: z.string(),
  etat: z.enum(ETATS_PROCEDURE),
  valeurEstimeeHt: z.number(),
  nombreLots: z.number().int(),
  nombreOffres: z.number().int(),
  dateLimiteReception: z.string().nullable(),
  version: z.number().int(),
});
export type ResumeProcedureOutput = z.infer<typeof ResumeProcedureOutput>;
export const presentResume = (r: ResumeProcedure): ResumeProcedureOutput => versApi(r) as ResumeProcedureOutput;
export const ProceduresPage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  parPage: z.number().int(),
  procedures: z.array(ResumeProcedureOutput),
});

const EtapeOutput = z.object({
  id: z.string(),
  libelle: z.string(),
  date: z.string(),
  origine: z.enum(["connue", "calculee"]),
  jourSemaine: z.string(),
  avertissements: z.array(z.string()),
  fondements: z.array(FondementSchema),
});

export const ProcedureOutput = z.object({
  id: z.string(),
  reference: z.string(),
  annee: z.number().int(),
  directionId: z.string(),
  objet: z.string(),
  nature: z.enum(NATURES),
  lignesProgrammeIds: z.array(z.string()),
  motifHorsProgramme: z.string().nullable(),
  procedure: z.enum(PROCEDURES_DECP),
  justificationProcedure: z.string().nullable(),
  publicite: z.enum(PUBLICITES),
  criteres: z.array(z.object({ libelle: z.string(), poids: z.number(), environnemental: z.boolean(), prix: z.boolean() })),
  conditionExecutionSociale: z.boolean(),
  conditionExecutionEnvironnementale: z.boolean(),
  innovant: z.boolean(),
  heuresInsertionPrevues: z.number().int().nullable(),
  urlProfilAcheteur: z.string().nullable(),
  dureeMois: z.number().int(),
  etat: z.enum(ETATS_PROCEDURE),
  valeurEstimeeHt: z.number(),
  datePublication: z.string().nullable(),
  dateLimiteReception: z.string().nullable(),
  dateSeanceCao: z.string().nullable(),
  dateAttribution: z.string().nullable(),
  dateSignature: z.string().nullable(),
  dateNotification: z.string().nullable(),
  dateAvisAttribution: z.string().nullable(),
  lots: z.array(
    z.object({
      numero: z.number().int(),
      objet: z.string(),
      cpv: z.string(),
      valeurEstimeeHt: z.number(),
      reserve: z.boolean(),
      accordCadre: z.boolean(),
      infructueux: z.boolean(),
      montantAttribueHt: z.number().nullable(),
      offresRetenues: z.array(z.string()),
      offres: z.array(
        z.object({
          id: z.string(),
          siret: z.string(),
          nom: z.string(),
          categorie: z.enum(CATEGORIES_ENTREPRISE).nullable(),
          localisation: z.string().nullable(),
          membres: z.array(z.object({ siret: z.string(), nom: z.string() })),
          prixHt: z.number(),
        }),
      ),
    }),
  ),
  clauses: z.array(
    z.object({ clauseId: z.string(), type: z.enum(TYPES_CLAUSE), titre: z.string(), choisieLe: z.string(), choisiePar: z.string() }),
  ),
  calendrier: z.object({
    caoRequise: z.boolean(),
    etapes: z.array(EtapeOutput),
    refus: z.array(z.string()),
    alertes: z.array(z.string()),
  }),
  version: z.number().int(),
});
export type ProcedureOutput = z.infer<typeof ProcedureOutput>;

export const presentProcedure = (p: Procedure): ProcedureOutput => {
  const { organisationId: _o, ...rest } = p;
  return {
    ...(versApi(rest) as Omit<ProcedureOutput, "calendrier" | "valeurEstimeeHt">),
    valeurEstimeeHt: valeurEstimee(p) / 100,
    calendrier: calendrier(p),
  };
};

// ------------------------------------------------------------------------------------------------ public

export const ConsultationPubliqueOutput = z.object({
  id: z.string(),
  reference: z.string(),
  objet: z.string(),
  lots: z.array(z.object({ numero: z.number().int(), objet: z.string(), cpv: z.string() })),
  cpv: z.string(),
  procedure: z.enum(PROCEDURES_DECP),
  dateLimiteReception: z.string(),
  datePublication: z.string().nullable(),
  direction: z.string(),
  urlProfilAcheteur: z.string().nullable().describe("Adresse de la consultation sur le profil d'acheteur, où se trouve le DCE"),
});
export const ConsultationsPubliquesOutput = z.object({ consultations: z.array(ConsultationPubliqueOutput) });
export const presentConsultation = (c: ConsultationPublique) => c;
