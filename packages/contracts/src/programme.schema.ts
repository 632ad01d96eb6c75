import { z } from "zod";
import { FAMILLES_PROCEDURE, NATURES } from "@achat-public/domain/regles";
import {
  ACTIONS_LIGNE,
  ANNEE_MAX,
  ANNEE_MIN,
  fourchetteValeur,
  STATUTS_LIGNE,
  type AgregationProgramme,
  type FamilleAchat,
  type LignePublique,
  type LigneProgramme,
  type VersionLigne,
} from "@achat-public/domain/programme";
import { BORNE_TEXTE_COURT, Pagination, texte, Uuid, Version, versApi } from "./common.schema";
import { montantEuros } from "./regles/commun.schema";

const entier = (min: number, max: number, description: string) =>
  z.coerce
    .number({ error: "Nombre entier attendu." })
    .int({ error: "Nombre entier attendu." })
    .min(min, { error: `Au moins ${min}.` })
    .max(max, { error: `Au plus ${max}.` })
    .describe(description);

export const Annee = entier(ANNEE_MIN, ANNEE_MAX, "Année du programme (AAAA)");

// ------------------------------------------------------------------------------------------------ families

export const FamilleAchatInput = z.strictObject({
  code: texte(BORNE_TEXTE_COURT).describe("Code de la famille, ex. F-INFO"),
  libelle: texte(BORNE_TEXTE_COURT).describe("Libellé, ex. Matériel informatique"),
  nature: texte(50).describe("fournitures ou services (les travaux se regroupent par opération)"),
  prefixesCpv: z.array(texte(20)).max(100).describe("Préfixes CPV (2 à 8 chiffres) des codes de la famille"),
  actif: z.boolean().default(true),
});
export const FamilleAchatUpdate = FamilleAchatInput.extend({ version: Version });

export const FamilleAchatOutput = z.object({
  id: z.string(),
  code: z.string(),
  libelle: z.string(),
  nature: z.string(),
  prefixesCpv: z.array(z.string()),
  actif: z.boolean(),
  version: z.number().int(),
});
export type FamilleAchatOutput = z.infer<typeof FamilleAchatOutput>;
export const presentFamille = (f: FamilleAchat): FamilleAchatOutput => ({
  id: f.id,
  code: f.code,
  libelle: f.libelle,
  nature: f.nature,
  prefixesCpv: f.prefixesCpv,
  actif: f.actif,
  version: f.version,
});

// ------------------------------------------------------------------------------------------------ lines

export const LigneProgrammeInput = z.strictObject({
  annee: Annee,
  directionId: Uuid.nullable().default(null).describe("Direction du besoin ; facultative pour un acheteur de direction (la sienne)"),
  serviceId: Uuid.nullable().default(null),
  objet: texte(BORNE_TEXTE_COURT, { compacter: true }).describe("Objet du besoin (3 à 300 caractères)"),
  nature: z.enum(NATURES, { error: "Nature attendue : travaux, fournitures ou services." }),
  cpv: texte(20).describe("Code CPV, ex. 30213100-6"),
  familleId: Uuid.nullable().default(null).describe("Famille homogène (fournitures, services) ; déduite du code CPV si absente"),
  operation: texte(BORNE_TEXTE_COURT, { compacter: true }).nullable().default(null).describe("Opération (travaux, R2121-5)"),
  valeurEstimeeHt: montantEuros("Valeur estimée en euros HT, options, reconductions et lots compris (R2121-1)", {
    strictementPositif: true,
  }),
  trimestre: entier(1, 4, "Trimestre de lancement prévu"),
  dureeMois: entier(1, 1000, "Durée du marché en mois"),
  renouvellement: z.boolean().describe("Renouvellement d'un marché arrivant à échéance (sinon besoin nouveau)"),
  clauseSociale: z.boolean().default(false),
  lotReserve: z.boolean().default(false),
  critereEnvironnemental: z.boolean().default(false),
  innovation: z.boolean().default(false),
});
export type LigneProgrammeInput = z.input<typeof LigneProgrammeInput>;
export const LigneProgrammeUpdate = LigneProgrammeInput.extend({ version: Version });

export const TransitionLigneInput = z.strictObject({
  version: Version,
  commentaire: texte(5_000).nullable().optional().describe("Obligatoire pour renvoyer la ligne à la direction"),
});
export const TransitionParams = z.strictObject({ id: Uuid, action: z.enum(ACTIONS_LIGNE, { error: "Action inconnue." }) });

export const LigneProgrammeOutput = z.object({
  id: z.string(),
  annee: z.number().int(),
  directionId: z.string(),
  serviceId: z.string().nullable(),
  objet: z.string(),
  nature: z.enum(NATURES),
  cpv: z.string(),
  familleId: z.string().nullable(),
  operation: z.string().nullable(),
  valeurEstimeeHt: z.number(),
  trimestre: z.number().int(),
  dureeMois: z.number().int(),
  renouvellement: z.boolean(),
  clauseSociale: z.boolean(),
  lotReserve: z.boolean(),
  critereEnvironnemental: z.boolean(),
  innovation: z.boolean(),
  statut: z.enum(STATUTS_LIGNE),
  commentaire: z.string().nullable(),
  numeroVersion: z.number().int(),
  familleProcedure: z.enum(FAMILLES_PROCEDURE).nullable(),
  alerteFractionnement: z.string().nullable().describe("Alerte de fractionnement de la famille de la ligne, s'il y en a une"),
  version: z.number().int(),
});
export type LigneProgrammeOutput = z.infer<typeof LigneProgrammeOutput>;

export const presentLigne = (l: LigneProgramme, alerte: string | null = null): LigneProgrammeOutput => {
  const { organisationId: _o, ...rest } = l;
  return { ...(versApi(rest) as Omit<LigneProgrammeOutput, "alerteFractionnement">), alerteFractionnement: alerte };
};

export const LignesProgrammeQuery = z.strictObject({
  annee: Annee,
  directionId: Uuid.optional(),
  statut: z.enum(STATUTS_LIGNE).optional(),
  familleId: Uuid.optional(),
  recherche: texte(200, { compacter: true }).optional(),
  tri: z.enum(["objet", "valeur", "trimestre", "direction", "statut"]).default("objet"),
  ordre: z.enum(["asc", "desc"]).default("asc"),
  ...Pagination,
});
export type LignesProgrammeQuery = z.infer<typeof LignesProgrammeQuery>;

export const LignesProgrammePage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  parPage: z.number().int(),
  lignes: z.array(LigneProgrammeOutput),
});

export const VersionLigneOutput = z.object({
  numeroVersion: z.number().int(),
  statut: z.string(),
  creeLe: z.string(),
  contenu: z.record(z.string(), z.unknown()),
});
export const presentVersion = (v: VersionLigne) => ({
  numeroVersion: v.numeroVersion,
  statut: v.statut,
  creeLe: v.creeLe.toISOString(),
  contenu: versApi(v.contenu) as Record<string, unknown>,
});

// ------------------------------------------------------------------------------------------------ aggregation

const FondementOutput = z.object({ texte: z.string(), article: z.string(), objet: z.string() });
const SeuilFranchiOutput = z.object({ cle: z.string(), libelle: z.string(), valeurHt: z.number() });

export const GroupeProgrammeOutput = z.object({
  famille: z.string(),
  familleId: z.string().nullable(),
  nature: z.enum(NATURES),
  valeurAgregeeHt: z.number(),
  valeurMaxLigneHt: z.number(),
  procedure: z.enum(FAMILLES_PROCEDURE),
  seuilFranchi: SeuilFranchiOutput.nullable(),
  lignes: z.array(
    z.object({
      id: z.string(),
      objet: z.string(),
      directionId: z.string(),
      valeurEstimeeHt: z.number(),
      statut: z.string(),
      trimestre: z.number(),
    }),
  ),
  explications: z.array(z.string()),
  alertes: z.array(z.object({ niveau: z.string(), message: z.string(), fondements: z.array(FondementOutput) })),
});

export const AlerteFractionnementOutput = z.object({
  famille: z.string(),
  nature: z.enum(NATURES),
  lignes: z.array(z.object({ id: z.string(), objet: z.string(), directionId: z.string(), valeurEstimeeHt: z.number() })),
  valeurAgregeeHt: z.number(),
  seuil: SeuilFranchiOutput,
  message: z.string(),
  fondements: z.array(FondementOutput),
});

export const AgregationProgrammeOutput = z.object({
  annee: z.number().int(),
  dateReference: z.string(),
  groupes: z.array(GroupeProgrammeOutput),
  alertes: z.array(AlerteFractionnementOutput),
});
export type AgregationProgrammeOutput = z.infer<typeof AgregationProgrammeOutput>;

export const presentAgregation = (a: AgregationProgramme): AgregationProgrammeOutput => ({
  annee: a.annee,
  dateReference: a.dateReference,
  groupes: a.groupes.map((g) => ({
    famille: g.famille,
    familleId: g.familleId,
    nature: g.nature,
    valeurAgregeeHt: g.valeurAgregeeHtCents / 100,
    valeurMaxLigneHt: g.valeurMaxLigneHtCents / 100,
    procedure: g.procedure,
    seuilFranchi: g.seuilFranchi
      ? { cle: g.seuilFranchi.cle, libelle: g.seuilFranchi.libelle, valeurHt: g.seuilFranchi.valeurHtCents / 100 }
      : null,
    lignes: g.lignesDetail.map((l) => ({ ...l, valeurEstimeeHtCents: undefined, valeurEstimeeHt: l.valeurEstimeeHtCents / 100 })),
    explications: g.explications,
    alertes: g.alertes,
  })),
  alertes: a.alertes.map((g) => ({
    famille: g.famille,
    nature: g.nature,
    lignes: g.lignesDetail.map((l) => ({
      id: l.id,
      objet: l.objet,
      directionId: l.directionId,
      valeurEstimeeHt: l.valeurEstimeeHtCents / 100,
    })),
    valeurAgregeeHt: g.valeurAgregeeHtCents / 100,
    seuil: {
      cle: g.seuilFranchi?.cle ?? "",
      libelle: g.seuilFranchi?.libelle ?? "",
      valeurHt: (g.seuilFranchi?.valeurHtCents ?? 0) / 100,
    },
    message: g.alerte.message,
    fondements: g.alerte.fondements,
  })),
});

// ------------------------------------------------------------------------------------------------ public

export const ProgrammePublicQuery = z.strictObject({
  annee: Annee,
  famille: texte(20).optional().describe("Code de la famille d'achat (ex. F-INFO)"),
  trimestre: entier(1, 4, "Trimestre de lancement").optional(),
  directionId: Uuid.optional(),
  motCle: texte(200, { compacter: true }).optional().describe("Mots de l'objet (recherche en français, sans tenir compte des accents)"),
  ...Pagination,
  parPage: Pagination.parPage.default(50),
});
export type ProgrammePublicQuery = z.infer<typeof ProgrammePublicQuery>;

export const LignePubliqueOutput = z.object({
  id: z.string(),
  url: z.string().describe("Adresse stable de la ligne sur le programme public"),
  annee: z.number().int(),
  objet: z.string(),
  nature: z.enum(NATURES),
  cpv: z.string(),
  direction: z.string(),
  directionId: z.string(),
  famille: z.string().nullable().describe("Code de la famille d'achat"),
  familleLibelle: z.string().nullable(),
  operation: z.string().nullable(),
  trimestre: z.number().int(),
  dureeMois: z.number().int(),
  fourchette: z.object({ min: z.number(), max: z.number().nullable(), libelle: z.string() }).describe("Fourchette de valeur estimée (HT)"),
  familleProcedure: z.enum(FAMILLES_PROCEDURE).nullable(),
  renouvellement: z.boolean(),
  clauseSociale: z.boolean(),
  lotReserve: z.boolean(),
  critereEnvironnemental: z.boolean(),
  innovation: z.boolean(),
});
export type LignePubliqueOutput = z.infer<typeof LignePubliqueOutput>;

export const presentLignePublique = (l: LignePublique): LignePubliqueOutput => {
  const f = fourchetteValeur(l.valeurEstimeeHtCents);
  return {
    id: l.id,
    url: `/programme-public/${l.annee}/${l.id}`,
    annee: l.annee,
    objet: l.objet,
    nature: l.nature,
    cpv: l.cpv,
    direction: l.direction,
    directionId: l.directionId,
    famille: l.familleCode,
    familleLibelle: l.familleLibelle,
    operation: l.operation,
    trimestre: l.trimestre,
    dureeMois: l.dureeMois,
    fourchette: { min: f.minHtCents / 100, max: f.maxHtCents === null ? null : f.maxHtCents / 100, libelle: f.libelle },
    familleProcedure: l.familleProcedure,
    renouvellement: l.renouvellement,
    clauseSociale: l.clauseSociale,
    lotReserve: l.lotReserve,
    critereEnvironnemental: l.critereEnvironnemental,
    innovation: l.innovation,
  };
};

export const ProgrammePublicOutput = z.object({
  annee: z.number().int(),
  total: z.number().int(),
  page: z.number().int(),
  parPage: z.number().int(),
  lignes: z.array(LignePubliqueOutput),
});
export type ProgrammePublicOutput = z.infer<typeof ProgrammePublicOutput>;
