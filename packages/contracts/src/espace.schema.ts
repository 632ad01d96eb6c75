import { z } from "zod";
import type {
  EspaceEntreprise,
  EvaluationAcheteur,
  MarcheEspace,
  MarcheEspaceDetail,
  SyntheseEvaluations,
} from "@achat-public/domain/espace";
import { texte, Version, versApi } from "./common.schema";
import { FactureOutputSchema } from "./marches.schema";

/** The company's own space (its contracts, invoices, evaluations): fields in French, amounts in euros. */

const Note = (libelle: string) =>
  z
    .number({ error: `${libelle} : note de 1 à 5 attendue.` })
    .int({ error: `${libelle} : note entière de 1 à 5 attendue.` })
    .min(1, { error: `${libelle} : note de 1 à 5 attendue.` })
    .max(5, { error: `${libelle} : note de 1 à 5 attendue.` })
    .describe(`${libelle}, de 1 (mauvais) à 5 (excellent)`);

export const EvaluationAcheteurInput = z.strictObject({
  paiement: Note("Paiement"),
  clarte: Note("Clarté des documents"),
  relation: Note("Relation"),
  commentaire: texte(2000, { multiligne: true }).nullable().default(null).describe("Commentaire (facultatif)"),
  version: Version.nullable().default(null).describe("Version lue de l'évaluation ; null pour une première évaluation"),
});

const EvaluationAcheteurOutput = z.object({
  paiement: z.number().int(),
  clarte: z.number().int(),
  relation: z.number().int(),
  commentaire: z.string().nullable(),
  modifieeLe: z.string(),
  version: z.number().int(),
});

const MarcheTitulaireOutput = z.object({
  id: z.string(),
  numero: z.string(),
  objet: z.string(),
  directionSigle: z.string(),
  directionNom: z.string(),
  nature: z.string(),
  procedure: z.string(),
  accordCadre: z.boolean(),
  montantHt: z.number().nullable(),
  montantMaxHt: z.number().nullable(),
  montantModificationsHt: z.number(),
  dateNotification: z.string(),
  dateDebut: z.string(),
  dateFin: z.string(),
  clos: z.boolean(),
  dateCloture: z.string().nullable(),
  evaluation: z
    .object({ qualite: z.number().int(), delais: z.number().int(), relation: z.number().int(), commentaire: z.string().nullable() })
    .nullable()
    .describe("Évaluation reçue à la clôture du marché"),
  roles: z.array(z.string()).describe("Rôle(s) de l'entreprise : titulaire, mandataire, cotraitant"),
});

const PaiementsOutput = z.object({
  nombreFactures: z.number().int(),
  nombrePayees: z.number().int(),
  delaiMoyenJours: z.number().nullable(),
  nombreEnRetard: z.number().int().describe("Factures payées après l'échéance"),
  nombreImpayeesEnRetard: z.number().int().describe("Factures impayées dont l'échéance est passée"),
  interetsMoratoires: z.number().describe("Intérêts moratoires des paiements en retard, euros"),
  indemnitesForfaitaires: z.number(),
  interetsDus: z.number().describe("Intérêts dus : ceux des paiements en retard et ceux qui courent sur les impayées échues"),
  indemnitesDues: z.number(),
});

const FactureTitulaireOutput = FactureOutputSchema.extend({
  statut: z.enum(["payee", "payee-en-retard", "a-payer", "en-retard"]),
  joursDepuisReception: z.number().int().nullable(),
  duAujourdhui: z
    .object({
      joursRetard: z.number().int(),
      tauxInterets: z.number().nullable(),
      interetsMoratoires: z.number(),
      indemniteForfaitaire: z.number(),
    })
    .nullable()
    .describe("Impayée et échue : ce que le moteur de règles calcule si elle était payée aujourd'hui"),
});

const MarcheEspaceOutput = z.object({
  marche: MarcheTitulaireOutput,
  statut: z.enum(["en-cours", "echu", "clos"]),
  paiements: PaiementsOutput,
  evaluationDonnee: EvaluationAcheteurOutput.nullable(),
});

export const EspaceEntrepriseOutput = z.object({
  entreprise: z.object({ raisonSociale: z.string(), siret: z.string() }),
  marches: z.array(MarcheEspaceOutput),
});
export const MarcheEspaceDetailOutput = MarcheEspaceOutput.extend({ factures: z.array(FactureTitulaireOutput) });
export const EvaluationAcheteurOutputSchema = EvaluationAcheteurOutput;

const presentEvaluation = (e: EvaluationAcheteur | null) =>
  e === null
    ? null
    : EvaluationAcheteurOutput.parse(
        versApi({
          paiement: e.paiement,
          clarte: e.clarte,
          relation: e.relation,
          commentaire: e.commentaire,
          modifieeLe: e.modifieeLe,
          version: e.version,
        }),
      );

const presentMarcheEspace = (m: MarcheEspace) => ({
  marche: MarcheTitulaireOutput.parse(versApi(m.marche)),
  statut: m.statut,
  paiements: PaiementsOutput.parse(versApi(m.paiements)),
  evaluationDonnee: presentEvaluation(m.evaluationDonnee),
});

export const presentEspace = (e: EspaceEntreprise): z.infer<typeof EspaceEntrepriseOutput> => ({
  entreprise: e.entreprise,
  marches: e.marches.map(presentMarcheEspace),
});
export const presentMarcheEspaceDetail = (m: MarcheEspaceDetail): z.infer<typeof MarcheEspaceDetailOutput> => ({
  ...presentMarcheEspace(m),
  factures: m.factures.map((f) => FactureTitulaireOutput.parse(versApi(f))),
});
export const presentEvaluationAcheteur = (e: EvaluationAcheteur) => presentEvaluation(e) as z.infer<typeof EvaluationAcheteurOutput>;

const MoyennesOutput = z.object({
  nombre: z.number().int(),
  paiement: z.number().nullable().describe("Moyenne sur 5 ; null sous 3 évaluations (anonymat)"),
  clarte: z.number().nullable(),
  relation: z.number().nullable(),
});
export const SyntheseEvaluationsOutput = z.object({
  total: MoyennesOutput,
  parDirection: z.array(MoyennesOutput.extend({ directionId: z.string(), directionSigle: z.string() })),
  parAnnee: z.array(MoyennesOutput.extend({ annee: z.number().int() })),
  commentaires: z.array(z.object({ annee: z.number().int(), commentaire: z.string() })).describe("Sans l'entreprise ni le marché"),
});
export const presentSynthese = (s: SyntheseEvaluations): z.infer<typeof SyntheseEvaluationsOutput> => s;

export type EspaceEntrepriseOutput = z.infer<typeof EspaceEntrepriseOutput>;
export type MarcheEspaceDetailOutput = z.infer<typeof MarcheEspaceDetailOutput>;
export type SyntheseEvaluationsOutput = z.infer<typeof SyntheseEvaluationsOutput>;
