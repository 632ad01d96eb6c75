/**
 * The timeline of legal dates of a procedure (drawn by the simulator page), built from the dates already
 * known: earliest receipt date, end of standstill and earliest signature, award-notice deadline, DECP
 * deadlines for the contract and each modification.
 *
 * Every computed date carries a warning when it falls on a Saturday, a Sunday or a French public
 * holiday; no computed date is moved: the texts do not extend these periods, the warning lets the
 * buyer choose.
 */
import { formatDateFr, phraseJourNonOuvre, type DateLegale } from "../valeurs/date-legale";
import { dateCalculee } from "./commun";
import { ccp } from "./fondement";
import {
  calculerStandstill,
  dateLimiteAvisAttribution,
  dateLimitePublicationDecp,
  dateLimiteReceptionAuPlusTot,
  EXEMPTIONS_STANDSTILL,
  OBJETS_DATES,
  type ExemptionStandstill,
} from "./delais";
import { VARIANTES_DELAI_RECEPTION, type VarianteDelaiReception } from "./parametres";
import { nouvelleReponse, type ReponseExpliquee } from "./reponse";
import { assertDateCouverte } from "./seuils";
import { FAMILLES_PROCEDURE, type FamilleProcedure, type Fondement } from "./types";
import { IssueCollector } from "./validation";

/** Kinds of timeline steps. */
export type TypeEtape =
  | "envoi-avis"
  | "reception-offres-au-plus-tot"
  | "date-limite-reception"
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
  /** Deadline for applications or tenders set by the buyer: checked against the legal minimum. */
  dateLimiteReception?: DateLegale;
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
export interface CalendrierResult extends ReponseExpliquee {
  /** Date whose rules were applied: the notice dispatch date, else the earliest known date. */
  dateReference: DateLegale;
  etapes: EtapeCalendrier[];
}

const R2182_1 = ccp("R2182-1", "délai de suspension entre la notification du rejet et la signature");

const LIBELLES_ETAPES: Record<TypeEtape, string> = {
  "envoi-avis": "Envoi de l'avis d'appel à la concurrence",
  "reception-offres-au-plus-tot": "Date limite de réception au plus tôt",
  "date-limite-reception": "Date limite de réception fixée",
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
  if (!c.object(raw)) throw c.refus();
  if (input.procedure !== undefined) c.oneOf(input.procedure, FAMILLES_PROCEDURE, ["procedure"]);
  if (input.variante !== undefined) c.oneOf(input.variante, VARIANTES_DELAI_RECEPTION, ["variante"]);
  if (input.exemptionStandstill !== undefined) c.oneOf(input.exemptionStandstill, EXEMPTIONS_STANDSTILL, ["exemptionStandstill"]);
  c.optionalBoolean(input.notificationElectronique, ["notificationElectronique"]);
  c.optionalBoolean(input.decpObligatoire, ["decpObligatoire"]);
  c.optionalBoolean(input.avisAttributionObligatoire, ["avisAttributionObligatoire"]);
  const named: [keyof CalendrierInput, unknown][] = [
    ["dateEnvoiAvis", input.dateEnvoiAvis],
    ["dateConvenue", input.dateConvenue],
    ["dateLimiteReception", input.dateLimiteReception],
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
      ["dateLimiteReception", input.dateLimiteReception, "la limite de réception"],
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
      c.add(["dateConvenue"], "Une date convenue suppose la date d'envoi de l'avis ou de l'invitation.");
    }
    if (input.dateLimiteReception !== undefined && input.dateEnvoiAvis === undefined) {
      c.add(
        ["dateLimiteReception"],
        "Pour contrôler la date limite de réception, indiquez aussi la date d'envoi de l'avis ou de la consultation.",
      );
    }
    const known = [input.dateEnvoiAvis, input.dateEnvoiNotificationRejet, input.dateSignature, input.dateNotification, ...modifications];
    if (known.every((d) => d === undefined))
      c.add([], "Au moins une date connue est attendue (envoi de l'avis, notification du rejet, signature ou notification).");
  }
  c.throwIfAny();

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
  for (const [path, date] of sent) {
    const champ = path[0] as keyof typeof OBJETS_DATES | "datesNotificationModifications";
    const objet = champ === "datesNotificationModifications" ? OBJETS_DATES.dateNotification : OBJETS_DATES[champ];
    if (date !== undefined) assertDateCouverte(date, path, objet);
  }

  const etapes: EtapeCalendrier[] = [];
  const r = nouvelleReponse(dateReference);
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
    r.fondement(stepFondements);
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
      r.integre(reception, { alertes: false });
      if (reception.dateAuPlusTot) push("reception-offres-au-plus-tot", reception.dateAuPlusTot.date, "calculee", reception.fondements);
      if (input.dateLimiteReception !== undefined) {
        push("date-limite-reception", input.dateLimiteReception, "connue", []);
        const minimum = reception.dateAuPlusTot?.date;
        if (minimum !== undefined && input.dateLimiteReception < minimum) {
          const article = reception.fondements[0]?.article ?? "";
          r.vigilance(
            `La date limite de réception du ${formatDateFr(input.dateLimiteReception)} est antérieure au minimum légal : ` +
              (reception.dateConvenue
                ? `la date convenue avec les candidats est le ${formatDateFr(minimum)} (${article}).`
                : `${reception.libelle.charAt(0).toLowerCase()}${reception.libelle.slice(1)}, ${reception.joursMinimum} jours au moins ; ` +
                  `elle ne peut pas être fixée avant le ${formatDateFr(minimum)} (${article}).`),
            { niveau: "bloquant", fondements: reception.fondements },
          );
        }
      }
    } else {
      r.explique("Marché passé sans publicité ni mise en concurrence : pas de délai de réception.");
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
    r.integre(standstill, { alertes: false });
    if (standstill.finDelai && standstill.signatureAuPlusTot) {
      push("fin-standstill", standstill.finDelai.date, "calculee", standstill.fondements);
      push("signature-au-plus-tot", standstill.signatureAuPlusTot.date, "calculee", standstill.fondements);
      signatureAuPlusTot = standstill.signatureAuPlusTot.date;
    }
  }

  if (input.dateSignature !== undefined) {
    push("signature", input.dateSignature, "connue", []);
    if (signatureAuPlusTot !== undefined && input.dateSignature < signatureAuPlusTot) {
      r.vigilance(
        `La signature du ${formatDateFr(input.dateSignature)} précède la fin du délai de suspension : elle n'est possible qu'à partir du ` +
          `${formatDateFr(signatureAuPlusTot)} (R2182-1) ; une signature prématurée expose le marché à l'annulation.`,
        { niveau: "bloquant", fondements: [R2182_1] },
      );
    }
    if (input.avisAttributionObligatoire ?? procedure === "procedure-formalisee") {
      const avis = dateLimiteAvisAttribution(input.dateSignature);
      push("avis-attribution-au-plus-tard", avis.date.date, "calculee", avis.fondements);
      r.explique(avis.explication);
    }
  }

  const decp = input.decpObligatoire ?? true;
  if (input.dateNotification !== undefined) {
    push("notification", input.dateNotification, "connue", []);
    if (decp) {
      const echeance = dateLimitePublicationDecp(input.dateNotification, "notification");
      push("publication-decp-au-plus-tard", echeance.date.date, "calculee", echeance.fondements);
      r.explique(echeance.explication);
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
      r.explique(echeance.explication);
    }
  });

  // Said once per date, as information: the texts do not move a date that falls on a non-working day.
  for (const etape of etapes) {
    const phrase = phraseJourNonOuvre(etape.date);
    if (phrase && (etape.origine === "calculee" || etape.type === "date-limite-reception")) {
      r.vigilance(`${etape.libelle} : ${phrase}.`, { niveau: "information", fondements: etape.fondements });
    }
  }
  const sorted = etapes
    .map((etape, index) => ({ etape, index }))
    .sort((a, b) => (a.etape.date < b.etape.date ? -1 : a.etape.date > b.etape.date ? 1 : a.index - b.index));

  return {
    dateReference,
    etapes: sorted.map(({ etape }) => etape),
    ...r.fin(),
  };
}
