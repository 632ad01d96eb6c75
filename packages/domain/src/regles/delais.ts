/**
 * Legal time limits (regles-commande-publique.md §2.3 to §2.5, §7.1): earliest tender-receipt date
 * per procedure variant, standstill, award-notice and DECP deadlines, and a whole timeline of legal
 * dates built from the dates already known (drawn by the simulator page).
 *
 * Every computed date carries warnings when it falls on a Saturday, a Sunday or a French public
 * holiday; no computed date is moved: the texts do not extend these periods, the warning lets the
 * buyer choose.
 */
import { DomainError, invalidInput } from "../commun/errors";
import { addDays, addMonths, formatDateFr, type DateLegale } from "../valeurs/date-legale";
import { ajouterFondements, ccp, dateCalculee } from "./commun";
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
import { FAMILLES_PROCEDURE, type DateCalculee, type FamilleProcedure, type Fondement, type ProcedureDecp } from "./types";
import { IssueCollector } from "./validation";

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
export interface DateReceptionResult {
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
  fondements: Fondement[];
  explications: string[];
}

/**
 * Earliest date that may be set for the receipt of applications or tenders (§2.3), counted from the
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
  if (!c.object(raw)) throw invalidInput(c.issues);
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
  if (c.issues.length > 0) throw invalidInput(c.issues);
  assertDateCouverte(input.dateEnvoi, "dateEnvoi");

  const row = ligneDelaiReception(input.variante);
  if (row.sousCentralSeulement && !acheteur.sousCentral) {
    throw new DomainError(
      "VARIANT_NOT_APPLICABLE",
      `La variante « ${row.libelle} » est réservée aux acheteurs autres que l'État.`,
      "rule-violation",
    );
  }
  const comptage = input.comptage ?? COMPTAGE_DELAIS_RECEPTION.valeur;
  const fondements = [...row.fondements];
  const explications: string[] = [];
  let dateAuPlusTot: DateCalculee | null = null;
  let convenue = false;

  if (row.joursMinimum === null) {
    explications.push(
      "Procédure adaptée : aucun délai minimal légal de réception. Le délai doit laisser aux opérateurs le temps de préparer leur réponse, " +
        "compte tenu de la complexité du marché (R2143-1, R2151-1).",
    );
  } else if (input.dateConvenue !== undefined) {
    convenue = true;
    dateAuPlusTot = dateCalculee(input.dateConvenue);
    explications.push(
      `Date limite fixée d'un commun accord avec tous les candidats sélectionnés au ${formatDateFr(input.dateConvenue)}, identique pour tous ` +
        `(${row.fondements[0]?.article ?? ""}).`,
    );
  } else {
    const days = row.joursMinimum + (comptage === "jours-francs" ? 1 : 0);
    dateAuPlusTot = dateCalculee(addDays(input.dateEnvoi, days));
    explications.push(
      `${row.libelle} : ${row.joursMinimum} jours au moins à compter de ${row.pointDeDepart} le ${formatDateFr(input.dateEnvoi)} ; ` +
        (comptage === "jours-francs"
          ? `en jours francs (ni le jour de l'envoi ni le dernier jour), la date limite ne peut être fixée avant le ${formatDateFr(dateAuPlusTot.date)}.`
          : `le délai court à partir du lendemain de l'envoi : la date limite ne peut être fixée avant le ${formatDateFr(dateAuPlusTot.date)}.`),
    );
    if (row.accordPossible) {
      explications.push(
        "À défaut d'accord avec tous les candidats sélectionnés sur une date commune, ce délai d'au moins 10 jours s'applique.",
      );
    }
    if (row.variante === "aoo-normal") {
      explications.push(
        "La transmission électronique étant obligatoire (R2132-7), le minimum pratique en appel d'offres ouvert est de 30 jours (R2161-3 2°).",
      );
      ajouterFondements(fondements, ccp("R2132-7", "communications et échanges par voie électronique"));
    }
  }

  return {
    variante: row.variante,
    procedure: row.procedure,
    libelle: row.libelle,
    joursMinimum: row.joursMinimum,
    dateEnvoi: input.dateEnvoi,
    dateAuPlusTot,
    dateConvenue: convenue,
    comptage,
    fondements,
    explications,
  };
}

// ------------------------------------------------------------------------------------------------ standstill

/** Cases where no standstill is required although the procedure is formalised (§2.4, S10). */
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
export interface StandstillResult {
  applicable: boolean;
  motifNonApplicable: string | null;
  dureeJours: number | null;
  dateEnvoiNotification: DateLegale;
  /** Last day of the period (the period ends that evening). */
  finDelai: DateCalculee | null;
  /** Earliest signature date: the day after `finDelai`. */
  signatureAuPlusTot: DateCalculee | null;
  fondements: Fondement[];
  explications: string[];
}

const CE_2011 = { texte: "CE", article: "2 août 2011, n° 347526", objet: "délai de suspension décompté de date à date" };

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
  if (!c.object(raw)) throw invalidInput(c.issues);
  c.date(input.dateEnvoiNotification, ["dateEnvoiNotification"]);
  c.boolean(input.transmissionElectronique, ["transmissionElectronique"]);
  if (input.procedure !== undefined) c.oneOf(input.procedure, FAMILLES_PROCEDURE, ["procedure"]);
  if (input.exemption !== undefined) c.oneOf(input.exemption, EXEMPTIONS_STANDSTILL, ["exemption"]);
  if (c.issues.length > 0) throw invalidInput(c.issues);
  assertDateCouverte(input.dateEnvoiNotification, "dateEnvoiNotification");

  const procedure = input.procedure ?? "procedure-formalisee";
  const fondements: Fondement[] = [ccp("R2182-1", "délai de suspension entre la notification du rejet et la signature")];
  let motif: string | null = null;
  if (procedure === "procedure-adaptee") motif = "procédure adaptée";
  else if (procedure === "sans-publicite-ni-mise-en-concurrence") motif = "marché passé sans publicité ni mise en concurrence";
  else if (input.exemption !== undefined) motif = MOTIFS_EXEMPTION[input.exemption];

  if (motif !== null) {
    return {
      applicable: false,
      motifNonApplicable: motif,
      dureeJours: null,
      dateEnvoiNotification: input.dateEnvoiNotification,
      finDelai: null,
      signatureAuPlusTot: null,
      fondements,
      explications: [
        `Pas de délai de suspension obligatoire : ${motif} (R2182-1). La signature peut intervenir dès l'envoi des notifications.`,
      ],
    };
  }

  const parametre = input.transmissionElectronique ? DELAIS_LEGAUX.standstillElectroniqueJours : DELAIS_LEGAUX.standstillAutreJours;
  const days = parametre.valeur;
  const finDelai = dateCalculee(addDays(input.dateEnvoiNotification, days - 1));
  const signatureAuPlusTot = dateCalculee(addDays(input.dateEnvoiNotification, days));
  ajouterFondements(fondements, CE_2011);
  return {
    applicable: true,
    motifNonApplicable: null,
    dureeJours: days,
    dateEnvoiNotification: input.dateEnvoiNotification,
    finDelai,
    signatureAuPlusTot,
    fondements,
    explications: [
      `Notification du rejet envoyée le ${formatDateFr(input.dateEnvoiNotification)} ` +
        `${input.transmissionElectronique ? "par voie électronique" : "par un autre moyen que la voie électronique"} : délai de ${days} jours (R2182-1).`,
      `Décompte de date à date, le jour de l'envoi comptant pour le premier jour (CE, 2 août 2011, n° 347526) : ` +
        `le délai expire le ${formatDateFr(finDelai.date)} au soir ; signature possible à partir du ${formatDateFr(signatureAuPlusTot.date)}.`,
    ],
  };
}

// ------------------------------------------------------------------------------------------------ closing deadlines

/** A deadline with its legal basis. */
export interface EcheanceLegale {
  date: DateCalculee;
  fondements: Fondement[];
  explication: string;
}

/**
 * Deadline to send the award notice: signature + 30 days (R2183-1; contracts at or above the EU
 * thresholds, BOAMP + JOUE for a local authority).
 * @throws DomainError `INVALID_INPUT` or `RULES_PERIOD_UNKNOWN`.
 */
export function dateLimiteAvisAttribution(dateSignature: DateLegale): EcheanceLegale {
  const c = new IssueCollector();
  c.date(dateSignature, ["dateSignature"]);
  if (c.issues.length > 0) throw invalidInput(c.issues);
  assertDateCouverte(dateSignature, "dateSignature");
  const parametre = DELAIS_LEGAUX.avisAttributionJours;
  const date = dateCalculee(addDays(dateSignature, parametre.valeur));
  return {
    date,
    fondements: [...parametre.fondements],
    explication: `Avis d'attribution à envoyer au plus tard le ${formatDateFr(date.date)}, ${parametre.valeur} jours après la signature du ${formatDateFr(dateSignature)} (R2183-1).`,
  };
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
  if (c.issues.length > 0) throw invalidInput(c.issues);
  assertDateCouverte(dateNotification, "dateNotification");
  const parametre = DELAIS_LEGAUX.publicationDecpMois;
  const date = dateCalculee(addMonths(dateNotification, parametre.valeur));
  const quoi = evenement === "notification" ? "du marché" : "de la modification";
  return {
    date,
    fondements: [...parametre.fondements],
    explication:
      `Données essentielles ${evenement === "notification" ? "du marché" : "de la modification"} à publier sur data.gouv.fr au plus tard le ${formatDateFr(date.date)}, ` +
      `${parametre.valeur} mois après la notification ${quoi} du ${formatDateFr(dateNotification)}.`,
  };
}

// ------------------------------------------------------------------------------------------------ timeline

/** Kinds of timeline steps. */
export type TypeEtape =
  | "envoi-avis"
  | "reception-offres-au-plus-tot"
  | "envoi-notification-rejet"
  | "fin-standstill"
  | "signature-au-plus-tot"
  | "signature"
  | "avis-attribution-au-plus-tard"
  | "notification"
  | "publication-decp-au-plus-tard"
  | "notification-modification"
  | "publication-decp-modification-au-plus-tard";

/** One dated step of the timeline. */
export interface EtapeCalendrier {
  /** Unique in the timeline ("signature", "notification-modification-2"). */
  id: string;
  type: TypeEtape;
  libelle: string;
  date: DateLegale;
  /** "connue": given by the caller; "calculee": computed by the rules. */
  origine: "connue" | "calculee";
  jourSemaine: string;
  avertissements: string[];
  fondements: Fondement[];
}

/** Input of `construireCalendrier`: any subset of the known dates. */
export interface CalendrierInput {
  /** Default "procedure-formalisee". */
  procedure?: FamilleProcedure;
  dateEnvoiAvis?: DateLegale;
  /** Receipt variant; default "aoo-electronique" for a formalised procedure, "mapa" for MAPA. */
  variante?: VarianteDelaiReception;
  dateConvenue?: DateLegale;
  dateEnvoiNotificationRejet?: DateLegale;
  /** Default true. */
  notificationElectronique?: boolean;
  exemptionStandstill?: ExemptionStandstill;
  dateSignature?: DateLegale;
  dateNotification?: DateLegale;
  datesNotificationModifications?: DateLegale[];
  /** Default true. */
  decpObligatoire?: boolean;
  /** Default: true for a formalised procedure. */
  avisAttributionObligatoire?: boolean;
}

/** The timeline, in date order. */
export interface CalendrierResult {
  /** Date whose rules were applied: the notice dispatch date, else the earliest known date. */
  dateReference: DateLegale;
  etapes: EtapeCalendrier[];
  fondements: Fondement[];
  explications: string[];
  pointsDeVigilance: string[];
}

const LIBELLES_ETAPES: Record<TypeEtape, string> = {
  "envoi-avis": "Envoi de l'avis d'appel à la concurrence",
  "reception-offres-au-plus-tot": "Date limite de réception au plus tôt",
  "envoi-notification-rejet": "Envoi des notifications de rejet",
  "fin-standstill": "Fin du délai de suspension (au soir)",
  "signature-au-plus-tot": "Signature possible à partir de",
  signature: "Signature du marché",
  "avis-attribution-au-plus-tard": "Avis d'attribution au plus tard",
  notification: "Notification du marché",
  "publication-decp-au-plus-tard": "Publication des données essentielles au plus tard",
  "notification-modification": "Notification d'une modification",
  "publication-decp-modification-au-plus-tard": "Publication des données de la modification au plus tard",
};

/**
 * Builds the timeline of legal dates of a procedure from the dates already known: earliest receipt
 * date, end of standstill and earliest signature, award-notice deadline, DECP deadlines for the
 * contract and each modification. Steps are sorted by date; each computed date carries its calendar
 * warnings. Rules are those in force on the reference date (notice dispatch, else earliest date).
 * @throws DomainError `INVALID_INPUT` (no date, dates out of order…) or `RULES_PERIOD_UNKNOWN`.
 */
export function construireCalendrier(input: CalendrierInput): CalendrierResult {
  const c = new IssueCollector();
  const raw: unknown = input;
  if (!c.object(raw)) throw invalidInput(c.issues);
  if (input.procedure !== undefined) c.oneOf(input.procedure, FAMILLES_PROCEDURE, ["procedure"]);
  if (input.variante !== undefined) c.oneOf(input.variante, VARIANTES_DELAI_RECEPTION, ["variante"]);
  if (input.exemptionStandstill !== undefined) c.oneOf(input.exemptionStandstill, EXEMPTIONS_STANDSTILL, ["exemptionStandstill"]);
  c.optionalBoolean(input.notificationElectronique, ["notificationElectronique"]);
  c.optionalBoolean(input.decpObligatoire, ["decpObligatoire"]);
  c.optionalBoolean(input.avisAttributionObligatoire, ["avisAttributionObligatoire"]);
  const named: [keyof CalendrierInput, unknown][] = [
    ["dateEnvoiAvis", input.dateEnvoiAvis],
    ["dateConvenue", input.dateConvenue],
    ["dateEnvoiNotificationRejet", input.dateEnvoiNotificationRejet],
    ["dateSignature", input.dateSignature],
    ["dateNotification", input.dateNotification],
  ];
  let datesOk = true;
  for (const [name, value] of named) datesOk = c.optionalDate(value, [name]) && datesOk;
  const modifications: DateLegale[] = [];
  if (input.datesNotificationModifications !== undefined) {
    if (!Array.isArray(input.datesNotificationModifications)) {
      c.add(["datesNotificationModifications"], "Une liste de dates est attendue.");
      datesOk = false;
    } else {
      input.datesNotificationModifications.forEach((value: unknown, index: number) => {
        if (c.date(value, ["datesNotificationModifications", index])) modifications.push(value);
        else datesOk = false;
      });
    }
  }
  if (datesOk) {
    const order: [keyof CalendrierInput, DateLegale | undefined, string][] = [
      ["dateEnvoiAvis", input.dateEnvoiAvis, "l'envoi de l'avis"],
      ["dateEnvoiNotificationRejet", input.dateEnvoiNotificationRejet, "l'envoi des notifications de rejet"],
      ["dateSignature", input.dateSignature, "la signature"],
      ["dateNotification", input.dateNotification, "la notification"],
    ];
    let previous: [DateLegale, string] | undefined;
    for (const [name, value, label] of order) {
      if (value === undefined) continue;
      if (previous && value < previous[0]) c.add([name], `La date de ${label} ne peut pas précéder celle de ${previous[1]}.`);
      previous = [value, label];
    }
    modifications.forEach((date, index) => {
      if (input.dateNotification !== undefined && date < input.dateNotification) {
        c.add(["datesNotificationModifications", index], "Une modification ne peut pas être notifiée avant le marché.");
      }
    });
    if (input.dateConvenue !== undefined && input.dateEnvoiAvis === undefined) {
      c.add(["dateConvenue"], "Une date convenue suppose la date d'envoi de l'invitation (dateEnvoiAvis).");
    }
    const known = [input.dateEnvoiAvis, input.dateEnvoiNotificationRejet, input.dateSignature, input.dateNotification, ...modifications];
    if (known.every((d) => d === undefined))
      c.add([], "Au moins une date connue est attendue (envoi de l'avis, notification du rejet, signature ou notification).");
  }
  if (c.issues.length > 0) throw invalidInput(c.issues);

  const procedure = input.procedure ?? "procedure-formalisee";
  const known = [
    input.dateEnvoiAvis,
    input.dateEnvoiNotificationRejet,
    input.dateSignature,
    input.dateNotification,
    ...modifications,
  ].filter((d): d is DateLegale => d !== undefined);
  const dateReference = input.dateEnvoiAvis ?? [...known].sort()[0] ?? "";
  // Every date is checked here, under the name it was sent with, before the steps check their own.
  const sent: [(string | number)[], DateLegale | undefined][] = [
    [["dateEnvoiAvis"], input.dateEnvoiAvis],
    [["dateEnvoiNotificationRejet"], input.dateEnvoiNotificationRejet],
    [["dateSignature"], input.dateSignature],
    [["dateNotification"], input.dateNotification],
    ...modifications.map((date, index): [(string | number)[], DateLegale] => [["datesNotificationModifications", index], date]),
  ];
  for (const [path, date] of sent) if (date !== undefined) assertDateCouverte(date, path);

  const etapes: EtapeCalendrier[] = [];
  const fondements: Fondement[] = [];
  const explications: string[] = [];
  const vigilance: string[] = [];
  const push = (
    type: TypeEtape,
    date: DateLegale,
    origine: EtapeCalendrier["origine"],
    stepFondements: readonly Fondement[],
    id: string = type,
  ) => {
    const computed = dateCalculee(date);
    etapes.push({
      id,
      type,
      libelle: LIBELLES_ETAPES[type],
      date,
      origine,
      jourSemaine: computed.jourSemaine,
      avertissements: computed.avertissements,
      fondements: [...stepFondements],
    });
    ajouterFondements(fondements, stepFondements);
  };

  if (input.dateEnvoiAvis !== undefined) {
    push("envoi-avis", input.dateEnvoiAvis, "connue", []);
    const variante =
      input.variante ??
      (procedure === "procedure-formalisee" ? "aoo-electronique" : procedure === "procedure-adaptee" ? "mapa" : undefined);
    if (variante !== undefined) {
      const reception = dateLimiteReceptionAuPlusTot({
        variante,
        dateEnvoi: input.dateEnvoiAvis,
        ...(input.dateConvenue !== undefined ? { dateConvenue: input.dateConvenue } : {}),
      });
      explications.push(...reception.explications);
      if (reception.dateAuPlusTot) push("reception-offres-au-plus-tot", reception.dateAuPlusTot.date, "calculee", reception.fondements);
      else ajouterFondements(fondements, reception.fondements);
    } else {
      explications.push("Marché passé sans publicité ni mise en concurrence : pas de délai de réception.");
    }
  }

  let signatureAuPlusTot: DateLegale | undefined;
  if (input.dateEnvoiNotificationRejet !== undefined) {
    push("envoi-notification-rejet", input.dateEnvoiNotificationRejet, "connue", []);
    const standstill = calculerStandstill({
      dateEnvoiNotification: input.dateEnvoiNotificationRejet,
      transmissionElectronique: input.notificationElectronique ?? true,
      procedure,
      ...(input.exemptionStandstill !== undefined ? { exemption: input.exemptionStandstill } : {}),
    });
    explications.push(...standstill.explications);
    if (standstill.finDelai && standstill.signatureAuPlusTot) {
      push("fin-standstill", standstill.finDelai.date, "calculee", standstill.fondements);
      push("signature-au-plus-tot", standstill.signatureAuPlusTot.date, "calculee", standstill.fondements);
      signatureAuPlusTot = standstill.signatureAuPlusTot.date;
    } else {
      ajouterFondements(fondements, standstill.fondements);
    }
  }

  if (input.dateSignature !== undefined) {
    push("signature", input.dateSignature, "connue", []);
    if (signatureAuPlusTot !== undefined && input.dateSignature < signatureAuPlusTot) {
      vigilance.push(
        `La signature du ${formatDateFr(input.dateSignature)} précède la fin du délai de suspension : elle n'est possible qu'à partir du ` +
          `${formatDateFr(signatureAuPlusTot)} (R2182-1) ; une signature prématurée expose le marché à l'annulation.`,
      );
    }
    if (input.avisAttributionObligatoire ?? procedure === "procedure-formalisee") {
      const avis = dateLimiteAvisAttribution(input.dateSignature);
      push("avis-attribution-au-plus-tard", avis.date.date, "calculee", avis.fondements);
      explications.push(avis.explication);
    }
  }

  const decp = input.decpObligatoire ?? true;
  if (input.dateNotification !== undefined) {
    push("notification", input.dateNotification, "connue", []);
    if (decp) {
      const echeance = dateLimitePublicationDecp(input.dateNotification, "notification");
      push("publication-decp-au-plus-tard", echeance.date.date, "calculee", echeance.fondements);
      explications.push(echeance.explication);
    }
  }
  modifications.forEach((date, index) => {
    push("notification-modification", date, "connue", [], `notification-modification-${index + 1}`);
    if (decp) {
      const echeance = dateLimitePublicationDecp(date, "modification");
      push(
        "publication-decp-modification-au-plus-tard",
        echeance.date.date,
        "calculee",
        echeance.fondements,
        `publication-decp-modification-${index + 1}`,
      );
      explications.push(echeance.explication);
    }
  });

  for (const etape of etapes) {
    if (etape.origine === "calculee" && etape.avertissements.length > 0) {
      vigilance.push(`${etape.libelle} : ${etape.avertissements.join(" ")}`);
    }
  }
  const sorted = etapes
    .map((etape, index) => ({ etape, index }))
    .sort((a, b) => (a.etape.date < b.etape.date ? -1 : a.etape.date > b.etape.date ? 1 : a.index - b.index));

  return {
    dateReference,
    etapes: sorted.map(({ etape }) => etape),
    fondements,
    explications,
    pointsDeVigilance: vigilance,
  };
}
