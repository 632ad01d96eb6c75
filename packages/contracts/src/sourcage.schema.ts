import { z } from "zod";
import { CATEGORIES_ENTREPRISE, STATUTS_INCLUSIFS } from "@achat-public/domain/entreprises";
import {
  CHOIX_MAX,
  NOTE_MAX,
  QUESTIONS_MAX,
  REPONSE_TEXTE_MAX,
  TYPES_QUESTION,
  type DemandeSourcage,
  type MonSignal,
  type ReponseSourcage,
  type ReponseVueParAcheteur,
  type SignalVuParAcheteur,
} from "@achat-public/domain/sourcage";
import { texte, Uuid, Version } from "./common.schema";

// ------------------------------------------------------------------------------------------------ signals

export const LigneIdParams = z.strictObject({ ligneId: Uuid });

export const SignalInput = z.strictObject({
  note: texte(NOTE_MAX, { multiligne: true })
    .nullable()
    .default(null)
    .describe(`Note facultative pour l'acheteur (${NOTE_MAX} caractères au plus)`),
});

export const SignalOutput = z.object({
  id: z.string(),
  ligneId: z.string(),
  note: z.string().nullable(),
  creeLe: z.string(),
  modifieLe: z.string(),
  cree: z.boolean().describe("true : nouveau signal ; false : la note d'un signal existant a été modifiée"),
});

export const MesSignauxOutput = z.object({
  signaux: z.array(
    z.object({
      id: z.string(),
      note: z.string().nullable(),
      creeLe: z.string(),
      ligne: z.object({
        id: z.string(),
        annee: z.number().int(),
        objet: z.string(),
        direction: z.string(),
        trimestre: z.number().int(),
        publiee: z.boolean(),
        url: z.string().nullable().describe("Adresse de la ligne au programme public (null : plus publiée)"),
      }),
    }),
  ),
});

export function presentMesSignaux(signaux: MonSignal[]): z.infer<typeof MesSignauxOutput> {
  return {
    signaux: signaux.map(({ signal, ligne }) => ({
      id: signal.id,
      note: signal.note,
      creeLe: signal.creeLe.toISOString(),
      ligne: { ...ligne, url: ligne.publiee ? `/programme-public/${ligne.annee}/${ligne.id}` : null },
    })),
  };
}

const Localite = z.object({
  codeCommune: z.string().nullable(),
  commune: z.string().nullable(),
  departement: z.string().nullable().describe("Département de l'établissement (annuaire des fournisseurs, par SIRET)"),
  locale: z.boolean().describe("Établie dans le département de la plateforme"),
});

export const SignalAcheteurOutput = z.object({
  id: z.string(),
  note: z.string().nullable(),
  creeLe: z.string(),
  modifieLe: z.string(),
  entreprise: z.object({
    id: z.string(),
    raisonSociale: z.string(),
    siret: z.string(),
    categorie: z.enum(CATEGORIES_ENTREPRISE).nullable(),
    statutInclusif: z.enum(STATUTS_INCLUSIFS).nullable(),
    activites: z.array(z.string()),
    territoires: z.array(z.string()),
    certifications: z.array(z.string()),
  }),
  localite: Localite,
});

export const SignauxLigneOutput = z.object({
  ligne: z.object({ id: z.string(), annee: z.number().int(), objet: z.string(), statut: z.string(), directionId: z.string() }),
  nombre: z.number().int(),
  signaux: z.array(SignalAcheteurOutput),
});

export function presentSignalAcheteur(s: SignalVuParAcheteur): z.infer<typeof SignalAcheteurOutput> {
  return { ...s, creeLe: s.creeLe.toISOString(), modifieLe: s.modifieLe.toISOString() };
}

// ------------------------------------------------------------------------------------------------ sourcing

export const QuestionSourcageInput = z.strictObject({
  libelle: texte(300).describe("La question"),
  type: z.enum(TYPES_QUESTION, { error: "Type attendu : texte, oui-non ou choix." }).describe("texte, oui-non ou choix"),
  choix: z
    .array(texte(100))
    .max(CHOIX_MAX, { error: `${CHOIX_MAX} choix au plus.` })
    .default([])
    .describe("Les choix proposés (type choix)"),
});

export const DemandeSourcageInput = z.strictObject({
  titre: texte(200).describe("Titre du questionnaire"),
  introduction: texte(2_000, { multiligne: true }).nullable().default(null).describe("Présentation du besoin aux entreprises"),
  questions: z.array(QuestionSourcageInput).max(QUESTIONS_MAX, { error: `${QUESTIONS_MAX} questions au plus.` }),
  dateCloture: texte(20).describe("Dernier jour des réponses (AAAA-MM-JJ, inclus, heure de Paris)"),
  inviterInteresses: z.boolean().default(false).describe("Inviter par courriel les entreprises qui ont signalé leur intérêt"),
});

export const ClotureSourcageInput = z.strictObject({ version: Version });

const Question = z.object({ id: z.string(), libelle: z.string(), type: z.enum(TYPES_QUESTION), choix: z.array(z.string()) });

export const DemandeSourcageOutput = z.object({
  id: z.string(),
  ligneId: z.string(),
  titre: z.string(),
  introduction: z.string().nullable(),
  questions: z.array(Question),
  dateCloture: z.string(),
  closeLe: z.string().nullable(),
  creeLe: z.string(),
  version: z.number().int(),
});

export function presentDemande(d: DemandeSourcage): z.infer<typeof DemandeSourcageOutput> {
  return {
    id: d.id,
    ligneId: d.ligneId,
    titre: d.titre,
    introduction: d.introduction,
    questions: d.questions,
    dateCloture: d.dateCloture,
    closeLe: d.closeLe?.toISOString() ?? null,
    creeLe: d.creeLe.toISOString(),
    version: d.version,
  };
}

const Valeur = z.union([z.string(), z.boolean()]);

export const ReponseSourcageOutput = z.object({
  id: z.string(),
  reponses: z.record(z.string(), Valeur),
  creeLe: z.string(),
  modifieLe: z.string(),
  version: z.number().int(),
});

export function presentReponse(r: ReponseSourcage): z.infer<typeof ReponseSourcageOutput> {
  return { id: r.id, reponses: r.reponses, creeLe: r.creeLe.toISOString(), modifieLe: r.modifieLe.toISOString(), version: r.version };
}

export const OuvertureOutput = z.object({ demande: DemandeSourcageOutput, invites: z.number().int() });

export const DemandesLigneOutput = z.object({
  demandes: z.array(
    z.object({
      demande: DemandeSourcageOutput,
      reponses: z.array(
        ReponseSourcageOutput.extend({
          entreprise: z.object({ id: z.string(), raisonSociale: z.string(), siret: z.string(), categorie: z.string().nullable() }),
        }),
      ),
    }),
  ),
});

export function presentDemandesLigne(
  demandes: { demande: DemandeSourcage; reponses: ReponseVueParAcheteur[] }[],
): z.infer<typeof DemandesLigneOutput> {
  return {
    demandes: demandes.map(({ demande, reponses }) => ({
      demande: presentDemande(demande),
      reponses: reponses.map((r) => ({ ...presentReponse(r.reponse), entreprise: r.entreprise })),
    })),
  };
}

export const DemandesEntrepriseOutput = z.object({
  demandes: z.array(z.object({ demande: DemandeSourcageOutput, ouverte: z.boolean(), maReponse: ReponseSourcageOutput.nullable() })),
});

export const ReponseSourcageInput = z.strictObject({
  reponses: z
    .record(z.string().max(10), z.union([texte(REPONSE_TEXTE_MAX, { multiligne: true }), z.boolean(), z.null()]))
    .describe("Réponses par identifiant de question (q1, q2…) : texte, choix (texte) ou oui/non (booléen)"),
  version: Version.nullable().default(null).describe("Version de la réponse modifiée ; null pour une première réponse"),
});

// ------------------------------------------------------------------------------------------------ public home

const FondementOut = z.object({ texte: z.string(), article: z.string(), objet: z.string() });

/** The companies' public home: what the département buys, what is coming, what is open, who won, guides. */
export const AccueilEntreprisesOutput = z.object({
  achatsParFamille: z
    .array(
      z.object({
        famille: z.string(),
        montants: z.array(z.object({ annee: z.number().int(), montantHt: z.number(), nombre: z.number().int() })),
      }),
    )
    .describe("Marchés publiés (données essentielles) par famille d'achat et par année de notification, euros HT"),
  annees: z.array(z.number().int()),
  aVenir: z.array(
    z.object({
      id: z.string(),
      annee: z.number().int(),
      trimestre: z.number().int(),
      objet: z.string(),
      cpv: z.string(),
      direction: z.string(),
      fourchette: z.string().describe("Fourchette de valeur (jamais le montant exact)"),
      url: z.string(),
    }),
  ),
  consultations: z.array(
    z.object({
      id: z.string(),
      objet: z.string(),
      procedure: z.string(),
      direction: z.string(),
      dateLimiteReception: z.string(),
      urlProfilAcheteur: z.string().nullable(),
    }),
  ),
  attributions: z.array(
    z.object({
      id: z.string(),
      objet: z.string(),
      procedure: z.string(),
      direction: z.string(),
      dateNotification: z.string(),
      montantHt: z.number().nullable(),
      montantMaxHt: z.number().nullable(),
      accordCadre: z.boolean(),
      titulaires: z.array(z.string()),
    }),
  ),
  prochainSalon: z
    .object({ nom: z.string(), date: z.string(), lieu: z.string(), heureOuverture: z.string(), heureFermeture: z.string() })
    .nullable(),
  clausesPubliees: z.object({
    depuis: z.string(),
    total: z.number().int(),
    clauseSociale: z.number().int(),
    clauseEnvironnementale: z.number().int(),
    heuresInsertion: z.number().int(),
  }),
  guides: z.object({
    paiement: z
      .object({
        delaiJours: z.number().int(),
        indemniteForfaitaire: z.number(),
        exemple: z.object({
          montantTtc: z.number(),
          dateReception: z.string(),
          datePaiement: z.string(),
          joursRetard: z.number().int(),
          tauxInterets: z.number().nullable().describe("Pourcentage"),
          tauxBce: z.number().nullable().describe("Pourcentage"),
          interetsMoratoires: z.number(),
          dateLimiteVersementInterets: z.string().nullable(),
        }),
        fondements: z.array(FondementOut),
      })
      .nullable(),
    avance: z
      .object({
        montantMinimumHt: z.number(),
        dureeMinimumMois: z.number(),
        tauxMinimum: z.number().nullable().describe("Pourcentage"),
        tauxMinimumPme: z.number().nullable().describe("Pourcentage"),
        fondements: z.array(FondementOut),
      })
      .nullable(),
    clauses: z.array(z.object({ obligation: z.string(), applicableDepuis: z.string(), fondements: z.array(FondementOut) })),
    sourcage: FondementOut,
  }),
});
export type AccueilEntreprisesOutput = z.infer<typeof AccueilEntreprisesOutput>;

export type SignalOutput = z.infer<typeof SignalOutput>;
export type MesSignauxOutput = z.infer<typeof MesSignauxOutput>;
export type SignauxLigneOutput = z.infer<typeof SignauxLigneOutput>;
export type DemandeSourcageOutput = z.infer<typeof DemandeSourcageOutput>;
export type ReponseSourcageOutput = z.infer<typeof ReponseSourcageOutput>;
export type DemandesLigneOutput = z.infer<typeof DemandesLigneOutput>;
export type DemandesEntrepriseOutput = z.infer<typeof DemandesEntrepriseOutput>;
