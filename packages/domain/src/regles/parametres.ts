/**
 * Configurable legal parameters that are not dated thresholds: statutory periods, counting
 * conventions, the receipt time-limit table (R2161-2 and following), the buyer profile and the default ECB rate table.
 * Each value says its legal basis and whether it is confirmed; every "a-confirmer" value is listed in
 * docs/regles-a-confirmer.md with how to change it. Change a value here, never in the analyses.
 */
import type { DateLegale } from "../valeurs/date-legale";
import type { Cents, PointsDeBase } from "../valeurs/montant";
import { ccp, cgct, texteJuridique } from "./fondement";
import type { Fondement, ProcedureDecp, StatutRegle } from "./types";

/** A legal parameter with its provenance. */
export interface Parametre<T> {
  readonly valeur: T;
  readonly libelle: string;
  readonly fondements: readonly Fondement[];
  readonly statut: StatutRegle;
  /** Source ids (S1…S35), each listed in docs/sources.md. */
  readonly sources: readonly string[];
  readonly note?: string;
}

// ------------------------------------------------------------------------------------------------ buyer

/** What the rules need to know about the buyer. */
export interface ProfilAcheteur {
  readonly nom: string;
  readonly siret: string;
  /** A local authority (collectivité territoriale): CAO, legality control, SME advance and retention rules. */
  readonly collectiviteTerritoriale: boolean;
  /** A sub-central contracting authority (not the State): may agree tender dates (R2161-9, R2161-16). */
  readonly sousCentral: boolean;
  /**
   * Actual operating expenditure (DRF, main budget, year-before-last closed year) above 60 M€: SME
   * minimum advance (R2191-7) and 3 % retention cap (R2191-32) apply.
   */
  readonly drfSuperieuresAuSeuil: boolean;
}

/** The Département du Val-de-Marne (its DRF exceed 60 M€: SME advance and retention rules apply, source S14). */
export const ACHETEUR_PAR_DEFAUT: ProfilAcheteur = Object.freeze({
  nom: "Département du Val-de-Marne",
  siret: "22940028800010",
  collectiviteTerritoriale: true,
  sousCentral: true,
  drfSuperieuresAuSeuil: true,
});

// ------------------------------------------------------------------------------------------------ periods

/** Statutory periods, in days or months. */
export const DELAIS_LEGAUX = Object.freeze({
  standstillElectroniqueJours: {
    valeur: 11,
    libelle: "délai de suspension (notification du rejet envoyée par voie électronique)",
    fondements: [ccp("R2182-1", "au moins 11 jours entre l'envoi de la notification du rejet et la signature")],
    statut: "confirme",
    sources: ["S10"],
  },
  standstillAutreJours: {
    valeur: 16,
    libelle: "délai de suspension (notification du rejet envoyée par un autre moyen)",
    fondements: [ccp("R2182-1", "16 jours lorsque la notification n'est pas transmise par voie électronique")],
    statut: "confirme",
    sources: ["S10"],
  },
  avisAttributionJours: {
    valeur: 30,
    libelle: "délai d'envoi de l'avis d'attribution après la signature",
    fondements: [ccp("R2183-1", "avis d'attribution dans les 30 jours suivant la signature du marché")],
    statut: "confirme",
    sources: ["S8"],
  },
  publicationDecpMois: {
    valeur: 2,
    libelle: "délai de publication des données essentielles après la notification (ou la modification)",
    fondements: [
      ccp("R2196-1", "publication des données essentielles"),
      texteJuridique("Arrêté du 22 décembre 2022 (ECOM2235715A)", "art. 3", "dans les deux mois suivant la notification"),
    ],
    statut: "confirme",
    sources: ["S21", "S21b", "S21e"],
  },
  paiementJours: {
    valeur: 30,
    libelle: "délai global de paiement (État et collectivités territoriales)",
    fondements: [
      ccp("R2192-10", "délai de paiement de 30 jours"),
      ccp("L2192-10", "un marché peut prévoir un délai plus court, jamais plus long"),
    ],
    statut: "confirme",
    sources: ["S16"],
  },
  versementInteretsJours: {
    valeur: 45,
    libelle: "délai de versement des intérêts moratoires et de l'indemnité après le paiement du principal",
    fondements: [ccp("R2192-36", "intérêts et indemnité versés dans les 45 jours suivant la mise en paiement du principal")],
    statut: "confirme",
    sources: ["S16"],
  },
} satisfies Record<string, Parametre<number>>);

/**
 * How a minimum receipt time limit of N days is counted from the dispatch date D:
 * - "lendemain-envoi": the period runs from the day after dispatch, so the deadline may be set on D + N;
 * - "jours-francs": neither the dispatch day nor the last day counts, so the earliest deadline is D + N + 1.
 */
export type ComptageDelaiReception = "lendemain-envoi" | "jours-francs";

/** Counting convention for receipt time limits ("generally clear days from the day after dispatch", unconfirmed, S9b). */
export const COMPTAGE_DELAIS_RECEPTION: Parametre<ComptageDelaiReception> = Object.freeze({
  valeur: "lendemain-envoi",
  libelle: "décompte des délais minimaux de réception",
  fondements: [ccp("R2161-2", "délai minimal « à compter de la date d'envoi de l'avis de marché »")],
  statut: "a-confirmer",
  sources: ["S9b"],
  note: "Le jour de l'envoi est exclu ; la date limite peut être fixée au Nième jour suivant l'envoi.",
});

// ------------------------------------------------------------------------------------------------ payment

/** Late-payment parameters (R2192-10 to R2192-36, D2192-35). */
export const PAIEMENT = Object.freeze({
  majorationPointsDeBase: {
    valeur: 800,
    libelle: "majoration du taux de la BCE pour les intérêts moratoires (8 points)",
    fondements: [ccp("R2192-31", "taux BCE du semestre majoré de huit points de pourcentage")],
    statut: "confirme",
    sources: ["S16"],
  } satisfies Parametre<PointsDeBase>,
  indemniteForfaitaireCents: {
    valeur: 4_000,
    libelle: "indemnité forfaitaire pour frais de recouvrement",
    fondements: [ccp("D2192-35", "indemnité forfaitaire de 40 € par retard de paiement")],
    statut: "confirme",
    sources: ["S16"],
  } satisfies Parametre<Cents>,
  joursParAn: {
    valeur: 365,
    libelle: "base annuelle du calcul des intérêts (jours)",
    fondements: [ccp("R2192-31", "intérêts moratoires")],
    statut: "a-confirmer",
    sources: ["S16d"],
    note: "Formule principal TTC × taux × jours de retard / 365 (à confirmer, voir docs/regles-a-confirmer.md).",
  } satisfies Parametre<number>,
});

/** One row of the ECB main refinancing rate table, by half-year (administrable data). */
export interface LigneTauxBce {
  /** First day of the half-year: "YYYY-01-01" or "YYYY-07-01". */
  readonly debutSemestre: DateLegale;
  /** ECB main refinancing operations rate in force on that day, in basis points (2.15 % = 215). */
  readonly tauxBcePointsDeBase: PointsDeBase;
  readonly source: string;
  readonly statut: StatutRegle;
}

/**
 * Default ECB rate table. Only 2022 and 2023-H2 are confirmed by the sources (S16b); the other
 * half-years are the rates the ECB set before each 1 January / 1 July, to be checked by an
 * administrator (docs/regles-a-confirmer.md). Add a row each half-year; a missing half-year is an
 * explicit error unless the caller supplies the rate.
 */
export const TAUX_BCE_PAR_DEFAUT: readonly LigneTauxBce[] = Object.freeze([
  {
    debutSemestre: "2022-01-01",
    tauxBcePointsDeBase: 0,
    source: "Taux des intérêts moratoires publié : 8 % jusqu'en 2022, soit un taux de la BCE de 0 %",
    statut: "confirme",
  },
  {
    debutSemestre: "2022-07-01",
    tauxBcePointsDeBase: 0,
    source: "Taux des intérêts moratoires publié : 8 % jusqu'en 2022, soit un taux de la BCE de 0 %",
    statut: "confirme",
  },
  {
    debutSemestre: "2023-01-01",
    tauxBcePointsDeBase: 250,
    source: "BCE, décision du 15 décembre 2022 (non vérifiée)",
    statut: "a-confirmer",
  },
  {
    debutSemestre: "2023-07-01",
    tauxBcePointsDeBase: 400,
    source: "Taux des intérêts moratoires publié : 12 % au 1er juillet 2023, soit un taux de la BCE de 4 %",
    statut: "confirme",
  },
  {
    debutSemestre: "2024-01-01",
    tauxBcePointsDeBase: 450,
    source: "BCE, décision du 14 septembre 2023 (non vérifiée)",
    statut: "a-confirmer",
  },
  { debutSemestre: "2024-07-01", tauxBcePointsDeBase: 425, source: "BCE, décision du 6 juin 2024 (non vérifiée)", statut: "a-confirmer" },
  {
    debutSemestre: "2025-01-01",
    tauxBcePointsDeBase: 315,
    source: "BCE, décision du 12 décembre 2024 (non vérifiée)",
    statut: "a-confirmer",
  },
  { debutSemestre: "2025-07-01", tauxBcePointsDeBase: 215, source: "BCE, décision du 5 juin 2025 (non vérifiée)", statut: "a-confirmer" },
  {
    debutSemestre: "2026-01-01",
    tauxBcePointsDeBase: 215,
    source: "Taux probable de 2,15 %, non confirmé par une source officielle",
    statut: "a-confirmer",
  },
  {
    debutSemestre: "2026-07-01",
    tauxBcePointsDeBase: 215,
    source: "Taux probable de 2,15 %, non confirmé par une source officielle",
    statut: "a-confirmer",
  },
] satisfies LigneTauxBce[]);

// ------------------------------------------------------------------------------------------------ readings

/** How successive "faible montant" modifications are added up for R2194-8 (R2194-9 [U]). */
export type CumulFaibleMontant = "valeurs-absolues" | "algebrique";

/** Interpretation choices that are not facts of the rules file but readings of it. */
export const LECTURES = Object.freeze({
  cumulFaibleMontant: {
    valeur: "valeurs-absolues",
    libelle: "cumul des modifications de faible montant",
    fondements: [ccp("R2194-8", "modification de faible montant"), ccp("R2194-9", "cumul des modifications successives")],
    statut: "a-confirmer",
    sources: ["S8", "S8c"],
    note: "Prudence : une baisse ne compense pas une hausse ; « algebrique » additionnerait les montants signés.",
  } satisfies Parametre<CumulFaibleMontant>,
  avisCaoSurCetteModification: {
    valeur: true,
    libelle: "l'augmentation de plus de 5 % s'apprécie sur l'avenant examiné (et non sur le cumul)",
    fondements: [cgct("L1414-4", "avenant entraînant une augmentation du montant global supérieure à 5 %")],
    statut: "a-confirmer",
    sources: ["S27"],
    note: "Un point de vigilance signale quand le cumul des avenants dépasse 5 %.",
  } satisfies Parametre<boolean>,
  servicesSociauxPubliciteJoue: {
    valeur: true,
    libelle:
      "services sociaux et autres services spécifiques d'au moins 750 000 € HT : avis au BOAMP et au JOUE (avis de marché ou de préinformation)",
    fondements: [
      ccp("R2123-1 3°", "procédure adaptée pour les services de l'annexe XIV"),
      ccp("R2131-12", "publicité des procédures adaptées"),
    ],
    statut: "a-confirmer",
    sources: ["S1", "S7"],
  } satisfies Parametre<boolean>,
  climatCritereSansMiseEnConcurrence: {
    valeur: false,
    libelle: "le critère d'attribution environnemental ne concerne pas les marchés passés sans mise en concurrence (pas de critères)",
    fondements: [ccp("L2152-7", "critères d'attribution")],
    statut: "a-confirmer",
    sources: ["S17c", "S18"],
  } satisfies Parametre<boolean>,
});

// ------------------------------------------------------------------------------------------------ receipt time limits

/** Receipt time-limit variants of the formalised procedures, plus MAPA. */
export type VarianteDelaiReception =
  | "aoo-normal"
  | "aoo-avis-preinformation"
  | "aoo-electronique"
  | "aoo-urgence"
  | "aor-candidatures"
  | "aor-candidatures-urgence"
  | "aor-offres"
  | "aor-offres-avis-preinformation"
  | "aor-offres-electronique"
  | "aor-offres-urgence"
  | "aor-offres-sous-central"
  | "pn-candidatures"
  | "pn-candidatures-urgence"
  | "pn-offres-initiales"
  | "pn-offres-avis-preinformation"
  | "pn-offres-electronique"
  | "pn-offres-urgence"
  | "pn-offres-sous-central"
  | "dialogue-candidatures"
  | "mapa";

/** One receipt time-limit rule. */
export interface LigneDelaiReception {
  readonly variante: VarianteDelaiReception;
  readonly procedure: ProcedureDecp;
  readonly etape: "candidatures-et-offres" | "candidatures" | "offres" | "offres-initiales" | "toutes";
  readonly libelle: string;
  /** Minimum in days; null for MAPA (no legal minimum). For "sous-central" rows, the minimum without agreement. */
  readonly joursMinimum: number | null;
  /** What the period runs from. */
  readonly pointDeDepart: string;
  /** Sub-central buyers may set the date by agreement with all selected candidates. */
  readonly accordPossible: boolean;
  /** Needs a sub-central buyer (not the State). */
  readonly sousCentralSeulement: boolean;
  readonly fondements: readonly Fondement[];
  readonly statut: StatutRegle;
  readonly sources: readonly string[];
}

const ENVOI_AVIS = "l'envoi de l'avis de marché";
const ENVOI_INVITATION_SOUMISSIONNER = "l'envoi de l'invitation à soumissionner";
const ENVOI_AVIS_OU_INVITATION_INTERET = "l'envoi de l'avis de marché ou de l'invitation à confirmer l'intérêt";

/** Minimum time limits for receipt (R2161-2 to R2161-24, R2143-1, R2151-1), contracting authority. */
export const DELAIS_RECEPTION: readonly LigneDelaiReception[] = Object.freeze([
  {
    variante: "aoo-normal",
    procedure: "Appel d'offres ouvert",
    etape: "candidatures-et-offres",
    libelle: "Appel d'offres ouvert — délai normal",
    joursMinimum: 35,
    pointDeDepart: ENVOI_AVIS,
    accordPossible: false,
    sousCentralSeulement: false,
    fondements: [ccp("R2161-2", "35 jours à compter de l'envoi de l'avis de marché")],
    statut: "confirme",
    sources: ["S9"],
  },
  {
    variante: "aoo-avis-preinformation",
    procedure: "Appel d'offres ouvert",
    etape: "candidatures-et-offres",
    libelle: "Appel d'offres ouvert — avec avis de préinformation (envoyé 35 jours à 12 mois avant)",
    joursMinimum: 15,
    pointDeDepart: ENVOI_AVIS,
    accordPossible: false,
    sousCentralSeulement: false,
    fondements: [ccp("R2161-3 1°", "15 jours après un avis de préinformation envoyé 35 jours à 12 mois avant")],
    statut: "confirme",
    sources: ["S9"],
  },
  {
    variante: "aoo-electronique",
    procedure: "Appel d'offres ouvert",
    etape: "candidatures-et-offres",
    libelle: "Appel d'offres ouvert — candidatures et offres transmises par voie électronique",
    joursMinimum: 30,
    pointDeDepart: ENVOI_AVIS,
    accordPossible: false,
    sousCentralSeulement: false,
    fondements: [ccp("R2161-3 2°", "30 jours si les candidatures et les offres peuvent être transmises par voie électronique")],
    statut: "confirme",
    sources: ["S9"],
  },
  {
    variante: "aoo-urgence",
    procedure: "Appel d'offres ouvert",
    etape: "candidatures-et-offres",
    libelle: "Appel d'offres ouvert — urgence dûment justifiée",
    joursMinimum: 15,
    pointDeDepart: ENVOI_AVIS,
    accordPossible: false,
    sousCentralSeulement: false,
    fondements: [ccp("R2161-3 3°", "15 jours en cas d'urgence dûment justifiée")],
    statut: "confirme",
    sources: ["S9"],
  },
  {
    variante: "aor-candidatures",
    procedure: "Appel d'offres restreint",
    etape: "candidatures",
    libelle: "Appel d'offres restreint — candidatures",
    joursMinimum: 30,
    pointDeDepart: ENVOI_AVIS_OU_INVITATION_INTERET,
    accordPossible: false,
    sousCentralSeulement: false,
    fondements: [ccp("R2161-6", "30 jours pour les candidatures")],
    statut: "confirme",
    sources: ["S8"],
  },
  {
    variante: "aor-candidatures-urgence",
    procedure: "Appel d'offres restreint",
    etape: "candidatures",
    libelle: "Appel d'offres restreint — candidatures, urgence dûment justifiée",
    joursMinimum: 15,
    pointDeDepart: ENVOI_AVIS_OU_INVITATION_INTERET,
    accordPossible: false,
    sousCentralSeulement: false,
    fondements: [ccp("R2161-6", "15 jours en cas d'urgence dûment justifiée")],
    statut: "confirme",
    sources: ["S8"],
  },
  {
    variante: "aor-offres",
    procedure: "Appel d'offres restreint",
    etape: "offres",
    libelle: "Appel d'offres restreint — offres",
    joursMinimum: 30,
    pointDeDepart: ENVOI_INVITATION_SOUMISSIONNER,
    accordPossible: false,
    sousCentralSeulement: false,
    fondements: [ccp("R2161-7", "30 jours à compter de l'envoi de l'invitation à soumissionner")],
    statut: "confirme",
    sources: ["S8"],
  },
  {
    variante: "aor-offres-avis-preinformation",
    procedure: "Appel d'offres restreint",
    etape: "offres",
    libelle: "Appel d'offres restreint — offres, avec avis de préinformation",
    joursMinimum: 10,
    pointDeDepart: ENVOI_INVITATION_SOUMISSIONNER,
    accordPossible: false,
    sousCentralSeulement: false,
    fondements: [ccp("R2161-8 1°", "10 jours après un avis de préinformation")],
    statut: "confirme",
    sources: ["S8"],
  },
  {
    variante: "aor-offres-electronique",
    procedure: "Appel d'offres restreint",
    etape: "offres",
    libelle: "Appel d'offres restreint — offres transmises par voie électronique",
    joursMinimum: 25,
    pointDeDepart: ENVOI_INVITATION_SOUMISSIONNER,
    accordPossible: false,
    sousCentralSeulement: false,
    fondements: [ccp("R2161-8 2°", "25 jours si les offres peuvent être transmises par voie électronique")],
    statut: "confirme",
    sources: ["S8"],
  },
  {
    variante: "aor-offres-urgence",
    procedure: "Appel d'offres restreint",
    etape: "offres",
    libelle: "Appel d'offres restreint — offres, urgence dûment justifiée",
    joursMinimum: 10,
    pointDeDepart: ENVOI_INVITATION_SOUMISSIONNER,
    accordPossible: false,
    sousCentralSeulement: false,
    fondements: [ccp("R2161-8 3°", "10 jours en cas d'urgence dûment justifiée")],
    statut: "confirme",
    sources: ["S8"],
  },
  {
    variante: "aor-offres-sous-central",
    procedure: "Appel d'offres restreint",
    etape: "offres",
    libelle: "Appel d'offres restreint — offres, acheteur sous-central : date convenue, sinon au moins 10 jours",
    joursMinimum: 10,
    pointDeDepart: ENVOI_INVITATION_SOUMISSIONNER,
    accordPossible: true,
    sousCentralSeulement: true,
    fondements: [ccp("R2161-9", "date fixée d'un commun accord avec tous les candidats sélectionnés ; à défaut, au moins 10 jours")],
    statut: "confirme",
    sources: ["S8"],
  },
  {
    variante: "pn-candidatures",
    procedure: "Procédure avec négociation",
    etape: "candidatures",
    libelle: "Procédure avec négociation — candidatures",
    joursMinimum: 30,
    pointDeDepart: ENVOI_AVIS_OU_INVITATION_INTERET,
    accordPossible: false,
    sousCentralSeulement: false,
    fondements: [ccp("R2161-12", "30 jours pour les candidatures")],
    statut: "confirme",
    sources: ["S8"],
  },
  {
    variante: "pn-candidatures-urgence",
    procedure: "Procédure avec négociation",
    etape: "candidatures",
    libelle: "Procédure avec négociation — candidatures, urgence dûment justifiée",
    joursMinimum: 15,
    pointDeDepart: ENVOI_AVIS_OU_INVITATION_INTERET,
    accordPossible: false,
    sousCentralSeulement: false,
    fondements: [ccp("R2161-12", "15 jours en cas d'urgence dûment justifiée")],
    statut: "confirme",
    sources: ["S8"],
  },
  {
    variante: "pn-offres-initiales",
    procedure: "Procédure avec négociation",
    etape: "offres-initiales",
    libelle: "Procédure avec négociation — offres initiales",
    joursMinimum: 30,
    pointDeDepart: ENVOI_INVITATION_SOUMISSIONNER,
    accordPossible: false,
    sousCentralSeulement: false,
    fondements: [ccp("R2161-14", "30 jours pour les offres initiales")],
    statut: "confirme",
    sources: ["S8"],
  },
  {
    variante: "pn-offres-avis-preinformation",
    procedure: "Procédure avec négociation",
    etape: "offres-initiales",
    libelle: "Procédure avec négociation — offres initiales, avec avis de préinformation",
    joursMinimum: 10,
    pointDeDepart: ENVOI_INVITATION_SOUMISSIONNER,
    accordPossible: false,
    sousCentralSeulement: false,
    fondements: [ccp("R2161-15 1°", "10 jours après un avis de préinformation")],
    statut: "confirme",
    sources: ["S8"],
  },
  {
    variante: "pn-offres-electronique",
    procedure: "Procédure avec négociation",
    etape: "offres-initiales",
    libelle: "Procédure avec négociation — offres initiales transmises par voie électronique",
    joursMinimum: 25,
    pointDeDepart: ENVOI_INVITATION_SOUMISSIONNER,
    accordPossible: false,
    sousCentralSeulement: false,
    fondements: [ccp("R2161-15 2°", "25 jours si les offres peuvent être transmises par voie électronique")],
    statut: "confirme",
    sources: ["S8"],
  },
  {
    variante: "pn-offres-urgence",
    procedure: "Procédure avec négociation",
    etape: "offres-initiales",
    libelle: "Procédure avec négociation — offres initiales, urgence dûment justifiée",
    joursMinimum: 10,
    pointDeDepart: ENVOI_INVITATION_SOUMISSIONNER,
    accordPossible: false,
    sousCentralSeulement: false,
    fondements: [ccp("R2161-15 3°", "10 jours en cas d'urgence dûment justifiée")],
    statut: "confirme",
    sources: ["S8"],
  },
  {
    variante: "pn-offres-sous-central",
    procedure: "Procédure avec négociation",
    etape: "offres-initiales",
    libelle: "Procédure avec négociation — offres initiales, acheteur sous-central : date convenue, sinon au moins 10 jours",
    joursMinimum: 10,
    pointDeDepart: ENVOI_INVITATION_SOUMISSIONNER,
    accordPossible: true,
    sousCentralSeulement: true,
    fondements: [ccp("R2161-16", "date fixée d'un commun accord avec tous les candidats sélectionnés ; à défaut, au moins 10 jours")],
    statut: "confirme",
    sources: ["S8"],
  },
  {
    variante: "dialogue-candidatures",
    procedure: "Dialogue compétitif",
    etape: "candidatures",
    libelle: "Dialogue compétitif — candidatures",
    joursMinimum: 30,
    pointDeDepart: ENVOI_AVIS,
    accordPossible: false,
    sousCentralSeulement: false,
    fondements: [ccp("R2161-24", "30 jours pour les candidatures")],
    statut: "a-confirmer",
    sources: [],
  },
  {
    variante: "mapa",
    procedure: "Procédure adaptée",
    etape: "toutes",
    libelle: "Procédure adaptée — pas de délai minimal légal : délai raisonnable, adapté à la complexité",
    joursMinimum: null,
    pointDeDepart: "la publication de l'avis ou l'envoi de la consultation",
    accordPossible: false,
    sousCentralSeulement: false,
    fondements: [
      ccp("R2143-1", "délai de réception des candidatures adapté à la complexité du marché"),
      ccp("R2151-1", "délai de réception des offres adapté à la complexité du marché"),
    ],
    statut: "confirme",
    sources: ["S9b"],
  },
] satisfies LigneDelaiReception[]);

/** The receipt time-limit row of a variant. */
export function ligneDelaiReception(variante: VarianteDelaiReception): LigneDelaiReception {
  const row = DELAIS_RECEPTION.find((r) => r.variante === variante);
  if (!row) throw new TypeError(`Variante de délai inconnue : ${variante}`);
  return row;
}

/** All variant ids, for validation and enums. */
export const VARIANTES_DELAI_RECEPTION: readonly VarianteDelaiReception[] = DELAIS_RECEPTION.map((r) => r.variante);
