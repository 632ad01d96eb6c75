import { z } from "zod";
import {
  CCAGS,
  FORMES_PRIX,
  ROLES_TITULAIRE,
  STATUTS_MARCHE,
  TRIS_MARCHES,
  type DossierMarche,
  type Facture,
  type Marche,
  type MarcheResume,
  type Modification,
  type Veille,
} from "@achat-public/domain/marches";
import { FONDEMENTS_MODIFICATION } from "@achat-public/domain/regles";
import { CategorieSchema } from "./fournisseurs.schema";
import { BORNE_TEXTE_COURT, ENTIER_MAX, jour, pageDe, Pagination, texte, Uuid, versApi, versDomaine, Version } from "./common.schema";
import { montantEuros, NatureSchema, ProcedureDecpSchema } from "./regles/commun.schema";

const entier = (min: number, max: number) =>
  z.number({ error: "Nombre entier attendu." }).int({ error: "Nombre entier attendu." }).min(min).max(max);
const pourcentage = (description: string) =>
  z
    .number()
    .min(0)
    .max(100)
    .refine((v) => Math.round(v * 100) === v * 100 || Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { error: "Au plus deux décimales." })
    .describe(description);

export const TitulaireInput = z.strictObject({
  siret: texte(40).describe("SIRET du fournisseur (14 chiffres)"),
  nom: texte(BORNE_TEXTE_COURT, { compacter: true })
    .nullable()
    .optional()
    .describe("Raison sociale, pour un fournisseur absent de l'annuaire"),
  categorie: CategorieSchema.nullable().optional(),
  role: z.enum(ROLES_TITULAIRE).describe("titulaire, mandataire, cotraitant ou sous-traitant"),
  montantSousTraitanceHt: montantEuros("Montant accepté de la sous-traitance, euros HT", { strictementPositif: true })
    .nullable()
    .optional(),
  paiementDirect: z.boolean().optional().describe("Paiement direct du sous-traitant"),
});

export const MarcheInput = z.strictObject({
  directionId: Uuid,
  numero: texte(BORNE_TEXTE_COURT, { compacter: true }).describe("Numéro du marché, unique"),
  objet: texte(BORNE_TEXTE_COURT * 2, { compacter: true }),
  procedure: ProcedureDecpSchema,
  nature: NatureSchema,
  cpv: texte(20).describe("Code CPV principal, 45112500-0"),
  formePrix: z.enum(FORMES_PRIX),
  accordCadre: z.boolean(),
  montantHt: montantEuros("Montant du marché, euros HT (hors accord-cadre)", { strictementPositif: true }).nullable().optional(),
  montantMinHt: montantEuros("Minimum de l'accord-cadre, euros HT").nullable().optional(),
  montantMaxHt: montantEuros("Maximum de l'accord-cadre, euros HT", { strictementPositif: true }).nullable().optional(),
  dateNotification: jour("Date de notification"),
  dateDebut: jour("Début d'exécution"),
  dureeMois: entier(1, 600).describe("Durée initiale, en mois"),
  reconductionsNombre: entier(0, 20).default(0),
  reconductionDureeMois: entier(1, 120).nullable().optional(),
  ccag: z.enum(CCAGS),
  clauseSociale: z.boolean().default(false),
  heuresInsertionPrevues: entier(0, ENTIER_MAX).nullable().optional(),
  clauseEnvironnementale: z.boolean().default(false),
  marcheReserve: z.boolean().default(false),
  achatInnovant: z.boolean().default(false),
  avanceAccordee: z.boolean().default(false),
  tauxAvance: pourcentage("Taux de l'avance, %").nullable().optional(),
  retenueGarantie: pourcentage("Taux de la retenue de garantie, %").nullable().optional(),
  attribueParCao: z.boolean().default(false),
  dateLancement: jour("Lancement de la consultation (règles en vigueur)").nullable().optional(),
  titulaires: z.array(TitulaireInput).max(50),
});
export type MarcheInput = z.input<typeof MarcheInput>;
export const MarcheUpdate = MarcheInput.extend({ version: Version });

/** The API input in the domain's units (cents, basis points). */
export function marcheVersDomaine(body: z.infer<typeof MarcheInput>) {
  const { tauxAvance, retenueGarantie, ...reste } = body;
  const d = versDomaine(reste);
  return {
    ...d,
    tauxAvancePointsDeBase: tauxAvance == null ? null : Math.round(tauxAvance * 100),
    retenueGarantiePointsDeBase: retenueGarantie == null ? null : Math.round(retenueGarantie * 100),
  };
}

const TitulaireOutput = z.object({
  fournisseurId: z.string(),
  siret: z.string(),
  nom: z.string(),
  categorie: z.string().nullable(),
  role: z.enum(ROLES_TITULAIRE),
  montantSousTraitanceHt: z.number().nullable(),
  paiementDirect: z.boolean(),
});

export const MarcheOutput = z.object({
  id: z.string(),
  directionId: z.string(),
  numero: z.string(),
  objet: z.string(),
  procedure: z.string(),
  nature: z.string(),
  cpv: z.string(),
  formePrix: z.string(),
  accordCadre: z.boolean(),
  montantHt: z.number().nullable(),
  montantMinHt: z.number().nullable(),
  montantMaxHt: z.number().nullable(),
  dateNotification: z.string(),
  dateDebut: z.string(),
  dureeMois: z.number().int(),
  reconductionsNombre: z.number().int(),
  reconductionDureeMois: z.number().int().nullable(),
  reconductionsDecidees: z.number().int(),
  dateFin: z.string().describe("Fin de la période en cours (calculée)"),
  dateFinMax: z.string().describe("Fin si toutes les reconductions sont décidées (calculée)"),
  ccag: z.string(),
  clauseSociale: z.boolean(),
  heuresInsertionPrevues: z.number().int().nullable(),
  clauseEnvironnementale: z.boolean(),
  marcheReserve: z.boolean(),
  achatInnovant: z.boolean(),
  avanceAccordee: z.boolean(),
  tauxAvance: z.number().nullable(),
  retenueGarantie: z.number().nullable(),
  attribueParCao: z.boolean(),
  dateLancement: z.string().nullable(),
  procedureId: z.string().nullable(),
  lotNumero: z.number().int().nullable(),
  clos: z.boolean(),
  dateCloture: z.string().nullable(),
  evaluation: z
    .object({ qualite: z.number().int(), delais: z.number().int(), relation: z.number().int(), commentaire: z.string().nullable() })
    .nullable(),
  version: z.number().int(),
});
export type MarcheOutput = z.infer<typeof MarcheOutput>;

export const presentMarche = (m: Marche): MarcheOutput => MarcheOutput.parse(versApi(m));

export const MarcheResumeOutput = z.object({
  id: z.string(),
  numero: z.string(),
  objet: z.string(),
  directionId: z.string(),
  directionSigle: z.string(),
  nature: z.string(),
  cpv: z.string(),
  accordCadre: z.boolean(),
  montantHt: z.number().nullable(),
  montantMaxHt: z.number().nullable(),
  dateNotification: z.string(),
  dateFin: z.string(),
  statut: z.enum(STATUTS_MARCHE),
  titulaire: z.string().nullable(),
  montantModificationsHt: z.number(),
  consommeHt: z.number(),
  version: z.number().int(),
});
export const MarchesPage = pageDe("marches", MarcheResumeOutput);
export type MarchesPage = z.infer<typeof MarchesPage>;
export const presentMarcheResume = (m: MarcheResume) => MarcheResumeOutput.parse(versApi(m));

const booleen = z.enum(["true", "false"], { error: "true ou false attendu." }).transform((v) => v === "true");
export const MarchesQuery = z.strictObject({
  statut: z.enum(STATUTS_MARCHE).optional(),
  directionId: Uuid.optional(),
  nature: NatureSchema.optional(),
  accordCadre: booleen.optional(),
  clauseSociale: booleen.optional(),
  fournisseurId: Uuid.optional(),
  cpv: z
    .string()
    .regex(/^\d{2,8}$/u, { error: "Début de code CPV : 2 à 8 chiffres." })
    .optional(),
  recherche: texte(200, { compacter: true }).optional(),
  finAvant: jour("Fin au plus tard le").optional(),
  tri: z.enum(TRIS_MARCHES).optional(),
  ...Pagination,
});
export type MarchesQuery = z.infer<typeof MarchesQuery>;

const ModificationOutput = z.object({
  id: z.string(),
  numero: z.number().int(),
  objet: z.string(),
  fondement: z.string(),
  montantHt: z.number(),
  nouvelleDateFin: z.string().nullable(),
  dateSignature: z.string(),
  autorisee: z.boolean(),
  avisCaoRequis: z.boolean(),
  pourcentageCumule: z.number().describe("Cumul des modifications, % du montant initial"),
  motifJuridique: z.string().nullable(),
  explications: z.array(z.string()),
});
const FactureOutput = z.object({
  id: z.string(),
  numero: z.string(),
  montantTtc: z.number(),
  dateReception: z.string(),
  datePaiement: z.string().nullable(),
  dateEcheance: z.string(),
  delaiPaiementJours: z.number().int().nullable(),
  joursRetard: z.number().int(),
  tauxInterets: z.number().nullable(),
  interetsMoratoires: z.number(),
  indemniteForfaitaire: z.number(),
});
export const presentModification = (m: Modification) => ModificationOutput.parse(versApi(m));
export const presentFacture = (f: Facture) => FactureOutput.parse(versApi(f));

const Paiements = z.object({
  nombreFactures: z.number().int(),
  nombrePayees: z.number().int(),
  delaiMoyenJours: z.number().nullable(),
  nombreEnRetard: z.number().int(),
  interetsMoratoires: z.number(),
  indemnitesForfaitaires: z.number(),
});

export const DossierMarcheOutput = z.object({
  marche: MarcheOutput.extend({ directionSigle: z.string(), titulaires: z.array(TitulaireOutput) }),
  modifications: z.array(ModificationOutput),
  bonsCommande: z.array(
    z.object({ id: z.string(), numero: z.string(), objet: z.string().nullable(), dateEmission: z.string(), montantHt: z.number() }),
  ),
  consommation: z
    .object({
      consommeHt: z.number(),
      maximumHt: z.number(),
      taux: z.number().describe("% du maximum"),
      alerte: z.enum(["aucune", "80", "100"]),
    })
    .nullable(),
  factures: z.array(FactureOutput),
  heuresInsertion: z.array(z.object({ id: z.string(), periodeDebut: z.string(), periodeFin: z.string(), heures: z.number().int() })),
  heuresRealisees: z.number().int(),
  paiements: Paiements,
});
export type DossierMarcheOutput = z.infer<typeof DossierMarcheOutput>;

export const presentDossier = (d: DossierMarche): DossierMarcheOutput => {
  const { titulairesDetailles, titulaires: _t, ...marche } = d.marche;
  return DossierMarcheOutput.parse(versApi({ ...d, marche: { ...marche, titulaires: titulairesDetailles } }));
};

export const ModificationInput = z.strictObject({
  version: Version.describe("Version du marché lue"),
  objet: texte(BORNE_TEXTE_COURT, { compacter: true }),
  fondement: z.enum(FONDEMENTS_MODIFICATION).describe("Fondement invoqué (cas de L2194-1)"),
  montantHt: montantEuros("Montant de la modification, euros HT (négatif pour une diminution)", { negatif: true }),
  nouvelleDateFin: jour("Nouvelle date de fin").nullable().optional(),
  dateSignature: jour("Date de signature"),
  motifJuridique: texte(BORNE_TEXTE_COURT * 3, { multiligne: true })
    .nullable()
    .optional()
    .describe("Fondement juridique retenu quand le moteur refuse"),
});
export const ModificationResultat = z.object({
  marche: MarcheOutput,
  modification: ModificationOutput,
  pointsDeVigilance: z.array(z.string()),
});

export const BonCommandeInput = z.strictObject({
  numero: texte(BORNE_TEXTE_COURT, { compacter: true }),
  objet: texte(BORNE_TEXTE_COURT, { compacter: true }).nullable().optional(),
  dateEmission: jour("Date d'émission"),
  montantHt: montantEuros("Montant du bon, euros HT", { strictementPositif: true }),
});
export const BonCommandeResultat = z.object({
  bon: z.object({ id: z.string(), numero: z.string(), objet: z.string().nullable(), dateEmission: z.string(), montantHt: z.number() }),
  consommation: z.object({ consommeHt: z.number(), maximumHt: z.number(), taux: z.number(), alerte: z.enum(["aucune", "80", "100"]) }),
});

export const FactureInput = z.strictObject({
  numero: texte(BORNE_TEXTE_COURT, { compacter: true }),
  montantTtc: montantEuros("Montant TTC de la facture", { strictementPositif: true }),
  dateReception: jour("Réception de la demande de paiement"),
  datePaiement: jour("Mise en paiement").nullable().optional(),
});
export const PaiementInput = z.strictObject({ datePaiement: jour("Mise en paiement") });
export const FactureOutputSchema = FactureOutput;

export const HeuresInput = z.strictObject({
  periodeDebut: jour("Début de période"),
  periodeFin: jour("Fin de période"),
  heures: entier(0, 1_000_000),
});
export const HeuresOutput = z.object({ id: z.string(), periodeDebut: z.string(), periodeFin: z.string(), heures: z.number().int() });

export const ReconductionInput = z.strictObject({ version: Version });
export const ClotureInput = z.strictObject({
  version: Version,
  dateCloture: jour("Date de clôture"),
  qualite: entier(1, 5),
  delais: entier(1, 5),
  relation: entier(1, 5),
  commentaire: texte(BORNE_TEXTE_COURT * 2, { multiligne: true })
    .nullable()
    .optional(),
});

export const MarcheParams = z.strictObject({ id: Uuid });
export const FactureParams = z.strictObject({ id: Uuid, factureId: Uuid });

const LigneVeilleOutput = z.object({
  marcheId: z.string(),
  numero: z.string(),
  objet: z.string(),
  directionId: z.string(),
  directionSigle: z.string(),
  dateFin: z.string(),
  reconductionsRestantes: z.number().int(),
  montantReferenceHt: z.number(),
  consommeHt: z.number(),
  maximumHt: z.number().nullable(),
  montantModificationsHt: z.number(),
  pourcentageCumule: z.number(),
  modificationsHorsMoteur: z.number().int(),
  facturesEnRetard: z.number().int(),
  facturesImpayeesEchues: z.number().int(),
  interetsMoratoires: z.number(),
  horizonMois: z.number().int().optional(),
  tauxConsommation: z.number().optional(),
});
export const VeilleOutput = z.object({
  aujourdhui: z.string(),
  finSansSuccesseur: z.array(LigneVeilleOutput),
  reconductionsADecider: z.array(LigneVeilleOutput),
  accordsCadresConsommes: z.array(LigneVeilleOutput),
  derivesAvenants: z.array(LigneVeilleOutput),
  retardsPaiement: z.array(LigneVeilleOutput),
});
export type VeilleOutput = z.infer<typeof VeilleOutput>;
export const presentVeille = (v: Veille): VeilleOutput => VeilleOutput.parse(versApi(v));
export const VeilleQuery = z.strictObject({ directionId: Uuid.optional() });
