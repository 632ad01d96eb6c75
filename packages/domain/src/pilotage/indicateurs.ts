/**
 * Steering indicators (pilotage) of the purchasing policy and of the SPASER (L2111-3, D2111-3: yearly indicators
 * of the actual rates of socially and ecologically responsible purchases against target objectives; docs/sources.md
 * S19, S19c). The database counts (one aggregate query, see the db adapter); this module turns the counts into the
 * published figures, each with its French definition and formula, so that the API, the CLI, the cockpit and the
 * annual report show the same numbers with the same words. Shares are between 0 and 1; a share whose population
 * is empty is `null` (« non calculable »), never 0.
 */

/** The counts over one population of contracts (a period, a direction or all, a minimum amount). */
export interface AgregatsMarches {
  /** Contracts notified in the period (one per contract, whatever its number of holders). */
  nombreMarchesNotifies: number;
  /** Their amount HT: the firm amount, or the maximum of a framework agreement (its minimum when it has no maximum). */
  montantNotifieHtCents: number;
  /** Invoices paid in the period (TTC, as invoiced) on the contracts of the direction and of the minimum amount. */
  montantPayeTtcCents: number;
  /** Contracts whose holder (the sole holder or the mandatary) is a micro, small or medium enterprise (EU definition). */
  nombreMarchesPme: number;
  montantPmeHtCents: number;
  /** Contracts whose holder is established in the Val-de-Marne (commune code 94…). */
  nombreMarchesLocaux: number;
  montantLocauxHtCents: number;
  /** Lots launched by the procedures behind the contracts, lots awarded, and the offers received on them. */
  nombreLotsAttribues: number;
  nombreOffresLotsAttribues: number;
  nombreLotsOffreUnique: number;
  nombreLotsLances: number;
  nombreLotsInfructueux: number;
  /**
   * Invoices paid in the period on the contracts of the direction and of the minimum amount (whatever their
   * notification date), their delays (receipt to payment, days), those paid within the legal delay, and the
   * late-payment interest and indemnities owed (computed by the rules engine when the invoice was recorded).
   */
  nombreFacturesPayees: number;
  sommeDelaisPaiementJours: number;
  nombreFacturesDansLesDelais: number;
  interetsMoratoiresDusCents: number;
  /** Procedures notified in the period with a known launch date, and the sum of launch-to-notification days. */
  nombreProceduresDuree: number;
  sommeDureesPassationJours: number;
  /** Contracts with at least one environmental consideration (clause or criterion), social consideration, reservation, innovative purchase. */
  nombreConsiderationEnvironnementale: number;
  nombreConsiderationSociale: number;
  nombreMarchesReserves: number;
  nombreAchatsInnovants: number;
  heuresInsertionPrevues: number;
  heuresInsertionRealisees: number;
  /** Savings, one entry per method, never added together. */
  economies: readonly AgregatEconomie[];
}

/** How a saving is measured: against the buyer's estimate, or against the previous contract for the same need. */
export type MethodeEconomie = "estimation-attribution" | "marche-precedent";

export interface AgregatEconomie {
  methode: MethodeEconomie;
  /** Contracts for which the method applies (an estimate, or a previous contract, is known). */
  nombre: number;
  referenceHtCents: number;
  attribueHtCents: number;
}

export type UniteIndicateur = "nombre" | "euros" | "part" | "jours" | "heures";

/** One published figure: its value (euros in euros, shares between 0 and 1), what it means and how it is computed. */
export interface Indicateur {
  valeur: number | null;
  unite: UniteIndicateur;
  libelle: string;
  definition: string;
  formule: string;
}

interface Definition {
  unite: UniteIndicateur;
  libelle: string;
  definition: string;
  formule: string;
  calcul(a: AgregatsMarches): number | null;
}

const part = (numerateur: number, denominateur: number): number | null => (denominateur === 0 ? null : numerateur / denominateur);
const moyenne = (somme: number, nombre: number): number | null => (nombre === 0 ? null : somme / nombre);
const euros = (cents: number): number => cents / 100;
const economie = (a: AgregatsMarches, methode: MethodeEconomie): AgregatEconomie | undefined =>
  a.economies.find((e) => e.methode === methode);

const POPULATION =
  "Marchés notifiés dans la période (date de notification), de la direction choisie ou de toutes, d'un montant au moins égal au montant minimal choisi.";

/** The catalogue, in the order the cockpit and the report show it. Keys are the API's field names. */
export const DEFINITIONS_INDICATEURS = {
  nombreMarchesNotifies: {
    unite: "nombre",
    libelle: "Marchés notifiés",
    definition: `Nombre de marchés notifiés. ${POPULATION}`,
    formule: "nombre de marchés (un par marché, quel que soit le nombre de titulaires)",
    calcul: (a) => a.nombreMarchesNotifies,
  },
  montantNotifieHt: {
    unite: "euros",
    libelle: "Montant notifié HT",
    definition: "Somme des montants HT des marchés notifiés ; pour un accord-cadre, son maximum (à défaut son minimum).",
    formule: "Σ montant HT (ou maximum de l'accord-cadre)",
    calcul: (a) => euros(a.montantNotifieHtCents),
  },
  montantPayeTtc: {
    unite: "euros",
    libelle: "Montant payé TTC",
    definition:
      "Somme TTC des factures payées dans la période sur les marchés de la direction choisie (ou de toutes) d'au moins le montant minimal, quelle que soit leur date de notification.",
    formule: "Σ montant TTC des factures payées dans la période",
    calcul: (a) => euros(a.montantPayeTtcCents),
  },
  partPmeNombre: {
    unite: "part",
    libelle: "Part des PME (en nombre)",
    definition:
      "Part des marchés dont le titulaire (ou le mandataire du groupement) est une micro, petite ou moyenne entreprise au sens de la recommandation européenne 2003/361/CE.",
    formule: "marchés attribués à une PME ÷ marchés notifiés",
    calcul: (a) => part(a.nombreMarchesPme, a.nombreMarchesNotifies),
  },
  partPmeMontant: {
    unite: "part",
    libelle: "Part des PME (en montant)",
    definition: "Part du montant notifié attribuée à des PME.",
    formule: "Σ montant des marchés attribués à une PME ÷ Σ montant notifié",
    calcul: (a) => part(a.montantPmeHtCents, a.montantNotifieHtCents),
  },
  partLocaleNombre: {
    unite: "part",
    libelle: "Part des entreprises du Val-de-Marne (en nombre)",
    definition: "Part des marchés dont le titulaire est établi dans le Val-de-Marne (code commune de l'établissement en 94).",
    formule: "marchés à titulaire val-de-marnais ÷ marchés notifiés",
    calcul: (a) => part(a.nombreMarchesLocaux, a.nombreMarchesNotifies),
  },
  partLocaleMontant: {
    unite: "part",
    libelle: "Part des entreprises du Val-de-Marne (en montant)",
    definition: "Part du montant notifié attribuée à des titulaires établis dans le Val-de-Marne.",
    formule: "Σ montant des marchés à titulaire val-de-marnais ÷ Σ montant notifié",
    calcul: (a) => part(a.montantLocauxHtCents, a.montantNotifieHtCents),
  },
  nombreMoyenOffresParLot: {
    unite: "nombre",
    libelle: "Offres par lot attribué",
    definition: "Nombre moyen d'offres reçues sur les lots attribués de ces marchés : l'indicateur de concurrence.",
    formule: "Σ offres reçues sur les lots attribués ÷ lots attribués",
    calcul: (a) => moyenne(a.nombreOffresLotsAttribues, a.nombreLotsAttribues),
  },
  tauxOffreUnique: {
    unite: "part",
    libelle: "Lots à offre unique",
    definition: "Part des lots attribués qui n'ont reçu qu'une offre.",
    formule: "lots attribués avec une seule offre ÷ lots attribués",
    calcul: (a) => part(a.nombreLotsOffreUnique, a.nombreLotsAttribues),
  },
  tauxInfructueux: {
    unite: "part",
    libelle: "Lots infructueux",
    definition: "Part des lots lancés déclarés infructueux (aucune offre, ou aucune offre acceptable).",
    formule: "lots infructueux ÷ lots lancés",
    calcul: (a) => part(a.nombreLotsInfructueux, a.nombreLotsLances),
  },
  delaiMoyenPaiementJours: {
    unite: "jours",
    libelle: "Délai moyen de paiement",
    definition:
      "Délai moyen entre la réception de la facture et son paiement, pour les factures payées dans la période sur les marchés de la direction choisie et du montant minimal (délai légal : 30 jours, R2192-10).",
    formule: "Σ (date de paiement − date de réception) ÷ factures payées",
    calcul: (a) => moyenne(a.sommeDelaisPaiementJours, a.nombreFacturesPayees),
  },
  partPaiementsDansLesDelais: {
    unite: "part",
    libelle: "Factures payées dans les délais",
    definition: "Part des factures payées dans la période au plus tard le 30e jour après leur réception (R2192-10).",
    formule: "factures payées en 30 jours au plus ÷ factures payées",
    calcul: (a) => part(a.nombreFacturesDansLesDelais, a.nombreFacturesPayees),
  },
  interetsMoratoiresDus: {
    unite: "euros",
    libelle: "Intérêts moratoires et indemnités dus",
    definition:
      "Intérêts moratoires et indemnités forfaitaires de recouvrement dus sur les factures payées en retard dans la période, calculés par le moteur de règles (R2192-31, D2192-35).",
    formule: "Σ (intérêts moratoires + indemnité forfaitaire) des factures payées en retard",
    calcul: (a) => euros(a.interetsMoratoiresDusCents),
  },
  delaiMoyenPassationJours: {
    unite: "jours",
    libelle: "Durée moyenne de passation",
    definition: "Durée moyenne entre le lancement de la procédure (publication) et la notification du marché.",
    formule: "Σ (date de notification − date de lancement) ÷ procédures",
    calcul: (a) => moyenne(a.sommeDureesPassationJours, a.nombreProceduresDuree),
  },
  partConsiderationEnvironnementale: {
    unite: "part",
    libelle: "Marchés avec une considération environnementale",
    definition:
      "Part des marchés comportant une clause ou un critère environnemental (objectif national : 100 % ; obligation pour les consultations lancées à partir du 21 août 2026, L2112-2 et L2152-7).",
    formule: "marchés avec clause ou critère environnemental ÷ marchés notifiés",
    calcul: (a) => part(a.nombreConsiderationEnvironnementale, a.nombreMarchesNotifies),
  },
  partConsiderationSociale: {
    unite: "part",
    libelle: "Marchés avec une considération sociale",
    definition:
      "Part des marchés comportant une clause sociale, un critère social ou une réservation (objectif du plan national pour des achats durables : 30 %).",
    formule: "marchés avec clause, critère social ou réservation ÷ marchés notifiés",
    calcul: (a) => part(a.nombreConsiderationSociale, a.nombreMarchesNotifies),
  },
  partMarchesReserves: {
    unite: "part",
    libelle: "Marchés réservés",
    definition: "Part des marchés réservés à des structures d'insertion, entreprises adaptées ou ESAT (L2113-12 à L2113-14).",
    formule: "marchés réservés ÷ marchés notifiés",
    calcul: (a) => part(a.nombreMarchesReserves, a.nombreMarchesNotifies),
  },
  partAchatsInnovants: {
    unite: "part",
    libelle: "Achats innovants",
    definition: "Part des marchés déclarés achats innovants (R2122-9-1 ou critère d'innovation).",
    formule: "achats innovants ÷ marchés notifiés",
    calcul: (a) => part(a.nombreAchatsInnovants, a.nombreMarchesNotifies),
  },
  heuresInsertionPrevues: {
    unite: "heures",
    libelle: "Heures d'insertion prévues",
    definition: "Heures de travail réservées à des personnes éloignées de l'emploi par les clauses sociales de ces marchés.",
    formule: "Σ heures d'insertion prévues",
    calcul: (a) => a.heuresInsertionPrevues,
  },
  heuresInsertionRealisees: {
    unite: "heures",
    libelle: "Heures d'insertion réalisées",
    definition:
      "Heures d'insertion déclarées réalisées, à ce jour, sur les mêmes marchés que les heures prévues (pour que les deux se comparent).",
    formule: "Σ heures d'insertion réalisées",
    calcul: (a) => a.heuresInsertionRealisees,
  },
  economieEstimationAttribution: {
    unite: "part",
    libelle: "Économie sur l'estimation",
    definition:
      "Écart entre l'estimation de la ligne du programme d'achat et le montant attribué, pour les marchés seuls issus de leur ligne (méthode « estimation contre attribution », jamais additionnée à l'autre).",
    formule: "(Σ estimations des lignes − Σ montants attribués) ÷ Σ estimations des lignes",
    calcul: (a) => {
      const e = economie(a, "estimation-attribution");
      return e ? part(e.referenceHtCents - e.attribueHtCents, e.referenceHtCents) : null;
    },
  },
  economieMarchePrecedent: {
    unite: "part",
    libelle: "Économie sur le marché précédent",
    definition:
      "Écart entre le montant annuel du marché précédent pour le même besoin (même direction, même code CPV, terminé dans l'année qui précède la notification ou les six mois qui la suivent) et celui du nouveau marché (méthode « marché précédent contre nouveau », jamais additionnée à l'autre).",
    formule:
      "(Σ montants annuels précédents − Σ nouveaux montants annuels) ÷ Σ montants annuels précédents ; montant annuel = montant × 12 ÷ durée en mois",
    calcul: (a) => {
      const e = economie(a, "marche-precedent");
      return e ? part(e.referenceHtCents - e.attribueHtCents, e.referenceHtCents) : null;
    },
  },
} as const satisfies Record<string, Definition>;

export type CleIndicateur = keyof typeof DEFINITIONS_INDICATEURS;

export const CLES_INDICATEURS = Object.keys(DEFINITIONS_INDICATEURS) as CleIndicateur[];

/** Every indicator of the population, with its definition and formula. */
export function calculerIndicateurs(agregats: AgregatsMarches): Record<CleIndicateur, Indicateur> {
  const sortie = {} as Record<CleIndicateur, Indicateur>;
  for (const cle of CLES_INDICATEURS) {
    const d: Definition = DEFINITIONS_INDICATEURS[cle];
    sortie[cle] = { valeur: d.calcul(agregats), unite: d.unite, libelle: d.libelle, definition: d.definition, formule: d.formule };
  }
  return sortie;
}

/** A SPASER target: the value aimed at for an indicator in a year, and whether higher is better. */
export interface Cible {
  indicateur: CleIndicateur;
  annee: number;
  valeur: number;
}

/** Whether higher values are better (a share of SMEs) or lower ones (a payment delay, a single-bid share). */
const PLUS_BAS_EST_MIEUX: ReadonlySet<CleIndicateur> = new Set([
  "tauxOffreUnique",
  "tauxInfructueux",
  "delaiMoyenPaiementJours",
  "interetsMoratoiresDus",
  "delaiMoyenPassationJours",
]);

export type EtatCible = "atteinte" | "non-atteinte" | "non-calculable";

/** The indicator against its target: reached or not, in the direction that counts for this indicator. */
export function comparerCible(cle: CleIndicateur, valeur: number | null, cible: number): EtatCible {
  if (valeur === null) return "non-calculable";
  const atteinte = PLUS_BAS_EST_MIEUX.has(cle) ? valeur <= cible : valeur >= cible;
  return atteinte ? "atteinte" : "non-atteinte";
}

export function plusBasEstMieux(cle: CleIndicateur): boolean {
  return PLUS_BAS_EST_MIEUX.has(cle);
}

/** Aggregates of an empty population (every count 0): the starting point of a fold. */
export function agregatsVides(): AgregatsMarches {
  return {
    nombreMarchesNotifies: 0,
    montantNotifieHtCents: 0,
    montantPayeTtcCents: 0,
    nombreMarchesPme: 0,
    montantPmeHtCents: 0,
    nombreMarchesLocaux: 0,
    montantLocauxHtCents: 0,
    nombreLotsAttribues: 0,
    nombreOffresLotsAttribues: 0,
    nombreLotsOffreUnique: 0,
    nombreLotsLances: 0,
    nombreLotsInfructueux: 0,
    nombreFacturesPayees: 0,
    sommeDelaisPaiementJours: 0,
    nombreFacturesDansLesDelais: 0,
    interetsMoratoiresDusCents: 0,
    nombreProceduresDuree: 0,
    sommeDureesPassationJours: 0,
    nombreConsiderationEnvironnementale: 0,
    nombreConsiderationSociale: 0,
    nombreMarchesReserves: 0,
    nombreAchatsInnovants: 0,
    heuresInsertionPrevues: 0,
    heuresInsertionRealisees: 0,
    economies: [],
  };
}
