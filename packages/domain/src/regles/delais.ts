/**
 * Legal time limits: earliest tender-receipt date per procedure variant, standstill, award-notice and
 * DECP deadlines (R2161-2 and following, R2182-1, R2183-1, R2196-1). The whole timeline of legal dates
 * built from the dates already known is in calendrier.ts (re-exported here).
 *
 * Every computed date carries warnings when it falls on a Saturday, a Sunday or a French public
 * holiday; no computed date is moved: the texts do not extend these periods, the warning lets the
 * buyer choose.
 */
import { DomainError } from "../commun/errors";
import { addDays, addMonths, formatDateFr, phraseJourNonOuvre, type DateLegale } from "../valeurs/date-legale";
import { dateCalculee } from "./commun";
import { ccp, texteJuridique } from "./fondement";
import {
  ACHETEUR_PAR_DEFAUT,
  COMPTAGE_DELAIS_RECEPTION,
  DELAIS_LEGAUX,
  ligneDelaiReception,
  VARIANTES_DELAI_RECEPTION,
  type ComptageDelaiReception,
  type ProfilAcheteur,
  type VarianteDelaiReception,
} from "./parametres";
import { assertDateCouverte } from "./seuils";
import { nouvelleReponse, type Reponse, type ReponseExpliquee } from "./reponse";
import { FAMILLES_PROCEDURE, type DateCalculee, type FamilleProcedure, type ProcedureDecp } from "./types";
import { IssueCollector } from "./validation";

export * from "./calendrier";

/**
 * What is unknown outside the engine's coverage, by the date field it is computed from (refusal messages
 * of the time limits and of the timeline).
 */
export const OBJETS_DATES = {
  dateEnvoiAvis: "de délai de réception des offres",
  dateEnvoiNotificationRejet: "de délai de suspension (standstill)",
  dateSignature: "de délai d'avis d'attribution",
  dateNotification: "de publication des données essentielles",
} as const;

/** An "information" alert when a computed date is not a working day (the texts do not move it). */
function signalerJourNonOuvre(r: Reponse, libelle: string, date: DateCalculee | null): void {
  const phrase = date ? phraseJourNonOuvre(date.date) : undefined;
  if (phrase) r.vigilance(`${libelle} : ${phrase}.`, { niveau: "information" });
}

// ------------------------------------------------------------------------------------------------ receipt

/** Input of `dateLimiteReceptionAuPlusTot`. */
export interface DateReceptionInput {
  variante: VarianteDelaiReception;
  /** Dispatch date of the notice (or of the invitation, per the variant's starting point). */
  dateEnvoi: DateLegale;
  /** For the sub-central variants only: the date agreed with all the selected candidates (R2161-9, R2161-16). */
  dateConvenue?: DateLegale;
  /** Counting convention; default COMPTAGE_DELAIS_RECEPTION. */
  comptage?: ComptageDelaiReception;
}

/** Earliest receipt date for a variant. */
export interface DateReceptionResult extends ReponseExpliquee {
  variante: VarianteDelaiReception;
  procedure: ProcedureDecp;
  libelle: string;
  /** Days; null for MAPA (no legal minimum). */
  joursMinimum: number | null;
  dateEnvoi: DateLegale;
  /** Earliest date that may be set as deadline; null for MAPA. */
  dateAuPlusTot: DateCalculee | null;
  /** Whether `dateAuPlusTot` is a date agreed with the candidates rather than a computed minimum. */
  dateConvenue: boolean;
  comptage: ComptageDelaiReception;
}

/**
 * Earliest date that may be set for the receipt of applications or tenders, counted from the
 * dispatch date. MAPA: no legal minimum (R2143-1, R2151-1), said so with `dateAuPlusTot: null`.
 * Sub-central variants: the agreed date when given, else at least 10 days (R2161-9, R2161-16).
 * @throws DomainError `INVALID_INPUT`, `RULES_PERIOD_UNKNOWN`, or `VARIANT_NOT_APPLICABLE` (a
 *   sub-central variant for a buyer that is not sub-central).
 */
export function dateLimiteReceptionAuPlusTot(
  input: DateReceptionInput,
  acheteur: ProfilAcheteur = ACHETEUR_PAR_DEFAUT,
): DateReceptionResult {
  const c = new IssueCollector();
  const raw: unknown = input;
  if (!c.object(raw)) throw c.refus();
  const varianteOk = c.oneOf(input.variante, VARIANTES_DELAI_RECEPTION, ["variante"]);
  const envoiOk = c.date(input.dateEnvoi, ["dateEnvoi"]);
  c.optionalDate(input.dateConvenue, ["dateConvenue"]);
  if (input.comptage !== undefined) c.oneOf(input.comptage, ["lendemain-envoi", "jours-francs"] as const, ["comptage"]);
  if (varianteOk && input.dateConvenue !== undefined && !ligneDelaiReception(input.variante).accordPossible) {
    c.add(
      ["dateConvenue"],
      "Une date convenue n'est possible qu'en appel d'offres restreint ou procédure avec négociation d'un acheteur sous-central.",
    );
  }
  if (envoiOk && typeof input.dateConvenue === "string" && input.dateConvenue < input.dateEnvoi) {
    c.add(["dateConvenue"], "La date convenue ne peut pas précéder la date d'envoi.");
  }
  c.throwIfAny();
  assertDateCouverte(input.dateEnvoi, "dateEnvoi", OBJETS_DATES.dateEnvoiAvis);

  const row = ligneDelaiReception(input.variante);
  if (row.sousCentralSeulement && !acheteur.sousCentral) {
    throw new DomainError(
      "VARIANT_NOT_APPLICABLE",
      `La variante « ${row.libelle} » est réservée aux acheteurs autres que l'État.`,
      "rule-violation",
    );
  }
  const comptage = input.comptage ?? COMPTAGE_DELAIS_RECEPTION.valeur;
  const r = nouvelleReponse(input.dateEnvoi);
  r.fondement(row.fondements);
  let dateAuPlusTot: DateCalculee | null = null;
  let convenue = false;

  if (row.joursMinimum === null) {
    r.explique(
      "Procédure adaptée : aucun délai minimal légal de réception. Le délai doit laisser aux opérateurs le temps de préparer leur réponse, " +
        "compte tenu de la complexité du marché (R2143-1, R2151-1).",
    );
  } else if (input.dateConvenue !== undefined) {
    convenue = true;
    dateAuPlusTot = dateCalculee(input.dateConvenue);
    r.explique(
      `Date limite fixée d'un commun accord avec tous les candidats sélectionnés au ${formatDateFr(input.dateConvenue)}, identique pour tous ` +
        `(${row.fondements[0]?.article ?? ""}).`,
    );
  } else {
    const days = row.joursMinimum + (comptage === "jours-francs" ? 1 : 0);
    dateAuPlusTot = dateCalculee(addDays(input.dateEnvoi, days));
    r.explique(
      `${row.libelle} : ${row.joursMinimum} jours au moins à compter de ${row.pointDeDepart} le ${formatDateFr(input.dateEnvoi)} ; ` +
        (comptage === "jours-francs"
          ? `en jours francs (ni le jour de l'envoi ni le dernier jour), la date limite ne peut être fixée avant le ${formatDateFr(dateAuPlusTot.date)}.`
          : `le délai court à partir du lendemain de l'envoi : la date limite ne peut être fixée avant le ${formatDateFr(dateAuPlusTot.date)}.`),
    );
    if (row.accordPossible) {
      r.explique("À défaut d'accord avec tous les candidats sélectionnés sur une date commune, ce délai d'au moins 10 jours s'applique.");
    }
    if (row.variante === "aoo-normal") {
      r.explique(
        "La transmission électronique étant obligatoire (R2132-7), le minimum pratique en appel d'offres ouvert est de 30 jours (R2161-3 2°).",
        ccp("R2132-7", "communications et échanges par voie électronique"),
      );
    }
  }
  signalerJourNonOuvre(r, "Date limite de réception au plus tôt", dateAuPlusTot);

  return {
    variante: row.variante,
    procedure: row.procedure,
    libelle: row.libelle,
    joursMinimum: row.joursMinimum,
    dateEnvoi: input.dateEnvoi,
    dateAuPlusTot,
    dateConvenue: convenue,
    comptage,
    ...r.fin(),
  };
}

// ------------------------------------------------------------------------------------------------ standstill

/** Cases where no standstill is required although the procedure is formalised (R2182-1; source S10 of docs/sources.md). */
export type ExemptionStandstill = "marche-subsequent" | "marche-specifique-sad" | "soumissionnaire-unique";

/** The exemption ids, for validation and enums. */
export const EXEMPTIONS_STANDSTILL: readonly ExemptionStandstill[] = [
  "marche-subsequent",
  "marche-specifique-sad",
  "soumissionnaire-unique",
];

const MOTIFS_EXEMPTION: Record<ExemptionStandstill, string> = {
  "marche-subsequent": "marché subséquent d'un accord-cadre",
  "marche-specifique-sad": "marché spécifique fondé sur un système d'acquisition dynamique",
  "soumissionnaire-unique": "un seul soumissionnaire a participé à la procédure",
};

/** Input of `calculerStandstill`. */
export interface StandstillInput {
  /** Date the rejection / award notifications were sent to the unsuccessful tenderers. */
  dateEnvoiNotification: DateLegale;
  /** Sent electronically (11 days) or otherwise (16 days). */
  transmissionElectronique: boolean;
  /** Default "procedure-formalisee". */
  procedure?: FamilleProcedure;
  exemption?: ExemptionStandstill;
}

/** Standstill result. */
export interface StandstillResult extends ReponseExpliquee {
  applicable: boolean;
  motifNonApplicable: string | null;
  dureeJours: number | null;
  dateEnvoiNotification: DateLegale;
  /** Last day of the period (the period ends that evening). */
  finDelai: DateCalculee | null;
  /** Earliest signature date: the day after `finDelai`. */
  signatureAuPlusTot: DateCalculee | null;
}

const CE_2011 = texteJuridique("CE", "2 août 2011, n° 347526", "délai de suspension décompté de date à date");

/**
 * Standstill (R2182-1): at least 11 days (16 if not sent electronically) between the dispatch of the
 * rejection notification and the signature, counted date to date with the dispatch day as day 1
 * (CE 2 August 2011 n° 347526; DAJ example: sent 28 December, 16-day period ends on the evening of
 * 12 January, signature from 13 January). So `finDelai` = dispatch + (N − 1) days and
 * `signatureAuPlusTot` = dispatch + N days. Not applicable to MAPA, contracts without publicity,
 * subsequent contracts, specific contracts of a SAD, or when only one tenderer took part.
 * @throws DomainError `INVALID_INPUT` or `RULES_PERIOD_UNKNOWN`.
 */
export function calculerStandstill(input: StandstillInput): StandstillResult {
  const c = new IssueCollector();
  const raw: unknown = input;
  if (!c.object(raw)) throw c.refus();
  c.date(input.dateEnvoiNotification, ["dateEnvoiNotification"]);
  c.boolean(input.transmissionElectronique, ["transmissionElectronique"]);
  if (input.procedure !== undefined) c.oneOf(input.procedure, FAMILLES_PROCEDURE, ["procedure"]);
  if (input.exemption !== undefined) c.oneOf(input.exemption, EXEMPTIONS_STANDSTILL, ["exemption"]);
  c.throwIfAny();
  assertDateCouverte(input.dateEnvoiNotification, "dateEnvoiNotification", OBJETS_DATES.dateEnvoiNotificationRejet);

  const procedure = input.procedure ?? "procedure-formalisee";
  const r = nouvelleReponse(input.dateEnvoiNotification);
  r.fondement(ccp("R2182-1", "délai de suspension entre la notification du rejet et la signature"));
  let motif: string | null = null;
  if (procedure === "procedure-adaptee") motif = "procédure adaptée";
  else if (procedure === "sans-publicite-ni-mise-en-concurrence") motif = "marché passé sans publicité ni mise en concurrence";
  else if (input.exemption !== undefined) motif = MOTIFS_EXEMPTION[input.exemption];

  if (motif !== null) {
    r.explique(`Pas de délai de suspension obligatoire : ${motif} (R2182-1). La signature peut intervenir dès l'envoi des notifications.`);
    return {
      applicable: false,
      motifNonApplicable: motif,
      dureeJours: null,
      dateEnvoiNotification: input.dateEnvoiNotification,
      finDelai: null,
      signatureAuPlusTot: null,
      ...r.fin(),
    };
  }

  const parametre = input.transmissionElectronique ? DELAIS_LEGAUX.standstillElectroniqueJours : DELAIS_LEGAUX.standstillAutreJours;
  const days = parametre.valeur;
  const finDelai = dateCalculee(addDays(input.dateEnvoiNotification, days - 1));
  const signatureAuPlusTot = dateCalculee(addDays(input.dateEnvoiNotification, days));
  r.fondement(CE_2011);
  r.explique(
    `Notification du rejet envoyée le ${formatDateFr(input.dateEnvoiNotification)} ` +
      `${input.transmissionElectronique ? "par voie électronique" : "par un autre moyen que la voie électronique"} : délai de ${days} jours (R2182-1).`,
  );
  r.explique(
    `Décompte de date à date, le jour de l'envoi comptant pour le premier jour (CE, 2 août 2011, n° 347526) : ` +
      `le délai expire le ${formatDateFr(finDelai.date)} au soir ; signature possible à partir du ${formatDateFr(signatureAuPlusTot.date)}.`,
  );
  signalerJourNonOuvre(r, "Signature possible à partir de", signatureAuPlusTot);
  return {
    applicable: true,
    motifNonApplicable: null,
    dureeJours: days,
    dateEnvoiNotification: input.dateEnvoiNotification,
    finDelai,
    signatureAuPlusTot,
    ...r.fin(),
  };
}

// ------------------------------------------------------------------------------------------------ closing deadlines

/** A deadline with its legal basis; `explication` is its one explanation (also in `explications`). */
export interface EcheanceLegale extends ReponseExpliquee {
  date: DateCalculee;
  explication: string;
}

function echeance(libelle: string, date: DateCalculee, fondements: ReponseExpliquee["fondements"], explication: string): EcheanceLegale {
  const r = nouvelleReponse();
  r.explique(explication, fondements);
  signalerJourNonOuvre(r, libelle, date);
  return { date, explication, ...r.fin() };
}

/**
 * Deadline to send the award notice: signature + 30 days (R2183-1; contracts at or above the EU
 * thresholds, BOAMP + JOUE for a local authority).
 * @throws DomainError `INVALID_INPUT` or `RULES_PERIOD_UNKNOWN`.
 */
export function dateLimiteAvisAttribution(dateSignature: DateLegale): EcheanceLegale {
  const c = new IssueCollector();
  c.date(dateSignature, ["dateSignature"]);
  c.throwIfAny();
  assertDateCouverte(dateSignature, "dateSignature", OBJETS_DATES.dateSignature);
  const parametre = DELAIS_LEGAUX.avisAttributionJours;
  const date = dateCalculee(addDays(dateSignature, parametre.valeur));
  return echeance(
    "Avis d'attribution au plus tard",
    date,
    parametre.fondements,
    `Avis d'attribution à envoyer au plus tard le ${formatDateFr(date.date)}, ${parametre.valeur} jours après la signature du ${formatDateFr(dateSignature)} (R2183-1).`,
  );
}

/**
 * Deadline to publish the essential data (DECP): notification (or notification of a modification)
 * + 2 months, date to date, clamped to the end of a shorter month (R2196-1; arrêté du 22 décembre 2022).
 * @throws DomainError `INVALID_INPUT` or `RULES_PERIOD_UNKNOWN`.
 */
export function dateLimitePublicationDecp(
  dateNotification: DateLegale,
  evenement: "notification" | "modification" = "notification",
): EcheanceLegale {
  const c = new IssueCollector();
  c.date(dateNotification, ["dateNotification"]);
  c.throwIfAny();
  assertDateCouverte(dateNotification, "dateNotification", OBJETS_DATES.dateNotification);
  const parametre = DELAIS_LEGAUX.publicationDecpMois;
  const date = dateCalculee(addMonths(dateNotification, parametre.valeur));
  const quoi = evenement === "notification" ? "du marché" : "de la modification";
  return echeance(
    evenement === "notification"
      ? "Publication des données essentielles au plus tard"
      : "Publication des données de la modification au plus tard",
    date,
    parametre.fondements,
    `Données essentielles ${quoi} à publier sur data.gouv.fr au plus tard le ${formatDateFr(date.date)}, ` +
      `${parametre.valeur} mois après la notification ${quoi} du ${formatDateFr(dateNotification)}.`,
  );
}
