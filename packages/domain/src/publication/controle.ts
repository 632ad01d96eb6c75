/**
 * The quality gate of the DECP export: the checks the official schema does not make. Every legal value
 * (DECP population threshold, publication deadline, procedures allowed at that value and date) is ASKED of
 * the rules engine, never re-coded here. Pure: `aujourdhui` is given by the caller.
 *
 * - population: contracts answering a need of at least the DECP threshold (R2196-1, 40 000 € HT) are published;
 *   the others are listed apart (not exported, not blocking);
 * - identity: DECP `id` of 1 to 16 characters without the characters the schema advises against, unique;
 * - SIRET of the buyer and of every holder, subcontractor and holder after a modification (Luhn, La Poste);
 * - CPV code in the official CPV 2008 list;
 * - amounts ≥ 1 € (schema minimum, also for modifications and subcontracting acts), framework minimum ≤ maximum;
 * - plausibility of the procedure against the need's value at the launch date (`analyserProcedure`): a procedure
 *   the engine does not allow, or allows only in specific cases, needs a recorded legal ground;
 * - lots: a lot number belongs to a procedure, is ≥ 1 and published once; one procedure, one procedure label;
 * - modifications: numbered from 1 in notification order, notified after the contract, new totals ≥ 1;
 * - publication within the deadline the engine gives (2 months after notification, and after each modification):
 *   a recorded publication date past it, or before the notification, is a problem; a record not yet published
 *   whose deadline has passed is listed as late to publish (the export is what publishes it).
 */
import { isDomainError } from "../commun/errors";
import { analyserProcedure } from "../regles/analyse-procedure";
import { dateLimitePublicationDecp } from "../regles/delais";
import { formatValeurSeuil, satisfait, seuilAt } from "../regles/seuils";
import type { Fondement } from "../regles/types";
import { CodeCpv } from "../valeurs/code-cpv";
import { daysBetween, formatDateFr, type DateLegale } from "../valeurs/date-legale";
import { formatEuros, type Cents } from "../valeurs/montant";
import { isValidSiret } from "../valeurs/siret";
import type { MarchePourPublication, TitulairePublication } from "./types";

/** A problem of one record: its DECP number, the DECP field at fault (path as published) and a French message. */
export interface ProblemePublication {
  numero: string;
  champ: string;
  message: string;
}

/** A record (or one of its modifications) whose publication deadline has passed while it is not published. */
export interface RetardPublication {
  numero: string;
  /** "notification" or "modification 2". */
  evenement: string;
  dateEvenement: DateLegale;
  dateLimite: DateLegale;
  joursDeRetard: number;
  fondements: Fondement[];
}

/** A record below the DECP population threshold: not exported. */
export interface HorsPerimetre {
  numero: string;
  valeurBesoinHtCents: Cents;
  motif: string;
}

/** Data of a contract or of a modification published after the two months (R2196-1): when, and how late. */
export interface PublicationTardive {
  numero: string;
  evenement: string;
  dateEvenement: DateLegale;
  dateLimite: DateLegale;
  datePublication: DateLegale;
  joursDeRetard: number;
}

export interface ResultatControle {
  /** Date of the check. */
  date: DateLegale;
  /** Records examined. */
  total: number;
  /** Records in the DECP population without any problem, in the input order: what the export writes. */
  publiables: MarchePourPublication[];
  /** Every problem of every record of the population, record by record. */
  problemes: ProblemePublication[];
  /** Records of the population with at least one problem (their numbers). */
  enErreur: string[];
  horsPerimetre: HorsPerimetre[];
  aPublierEnRetard: RetardPublication[];
  /** Data published after their deadline (recorded publication date): listed, not blocking. */
  publieesEnRetard: PublicationTardive[];
  /** True when nothing blocks the export. */
  conforme: boolean;
}

/** Characters the DECP `id` description advises against: & " \ < space , ; */
const CARACTERES_DECONSEILLES = /[&"\\<\s,;]/;

/** The value of the need the procedure was chosen on: the whole procedure's estimated value, or the contract's own amount. */
export function valeurBesoin(m: MarchePourPublication): Cents {
  return m.valeurEstimeeProcedureHtCents ?? m.montantHtCents;
}

/** The date the rules are chosen by: launch of the consultation, or notification when unknown. */
function dateRegles(m: MarchePourPublication): DateLegale {
  return m.dateLancement ?? m.dateNotification;
}

/** Whether the engine puts the record in the DECP population (need ≥ threshold at that date), with the threshold row. */
export function dansPerimetreDecp(m: MarchePourPublication): { dans: boolean; motif: string } {
  try {
    const row = seuilAt("DECP_THRESHOLD", dateRegles(m));
    const valeur = valeurBesoin(m);
    if (satisfait(row, valeur)) return { dans: true, motif: "" };
    return {
      dans: false,
      motif: `Besoin de ${formatEuros(valeur)} HT, sous le seuil de publication des données essentielles (${formatValeurSeuil(row)}, R2196-1).`,
    };
  } catch (error) {
    if (isDomainError(error)) return { dans: true, motif: "" }; // the gate reports the date problem
    throw error;
  }
}

function messageErreur(error: unknown): string {
  if (isDomainError(error)) return error.message;
  throw error;
}

/** Checks one record of the population; `push` receives each problem (field = DECP path). */
function controlerMarche(
  m: MarchePourPublication,
  aujourdhui: DateLegale,
  push: (champ: string, message: string) => void,
  publieesEnRetard: PublicationTardive[] = [],
): RetardPublication[] {
  const retards: RetardPublication[] = [];
  if (m.numero.length < 1 || m.numero.length > 16) push("id", `L'identifiant « ${m.numero} » doit compter de 1 à 16 caractères.`);
  else if (CARACTERES_DECONSEILLES.test(m.numero))
    push("id", `L'identifiant « ${m.numero} » contient un caractère à éviter (&, ", \\, <, espace, virgule ou point-virgule).`);

  if (!isValidSiret(m.acheteurSiret)) push("acheteur.id", `Le SIRET de l'acheteur « ${m.acheteurSiret} » n'est pas valide.`);
  const siret = (champ: string, t: TitulairePublication, qui: string) => {
    if (!isValidSiret(t.siret)) push(champ, `Le SIRET ${qui} « ${t.siret} » (${t.nom}) n'est pas valide.`);
  };
  if (m.titulaires.length === 0) push("titulaires", "Le marché n'a aucun titulaire.");
  m.titulaires.forEach((t, i) => {
    siret(`titulaires[${i}].titulaire.id`, t, "du titulaire");
  });
  const vus = new Set<string>();
  for (const [i, t] of m.titulaires.entries()) {
    if (vus.has(t.siret)) push(`titulaires[${i}].titulaire.id`, `Le titulaire ${t.siret} est cité deux fois.`);
    vus.add(t.siret);
  }
  if (m.titulaires.length > 1 && m.typeGroupement === "Pas de groupement")
    push(
      "typeGroupementOperateurs",
      `${m.titulaires.length} titulaires : le type de groupement (conjoint ou solidaire) doit être indiqué.`,
    );

  if (!CodeCpv.isValid(m.cpv)) push("codeCPV", `Le code CPV « ${m.cpv} » n'existe pas dans la nomenclature CPV 2008.`);

  if (m.montantHtCents < 100) push("montant", `Le montant ${formatEuros(m.montantHtCents)} HT doit être d'au moins 1 €.`);
  if (m.accordCadre && !m.techniques.includes("Accord-cadre"))
    push("techniques", "Un accord-cadre doit porter la technique d'achat « Accord-cadre ».");
  if (!m.accordCadre && m.techniques.includes("Accord-cadre"))
    push("techniques", "La technique « Accord-cadre » est indiquée pour un marché qui n'est pas un accord-cadre.");
  if (m.montantMinimumHtCents !== null && m.montantMinimumHtCents > m.montantHtCents)
    push(
      "montant",
      `Le minimum de l'accord-cadre (${formatEuros(m.montantMinimumHtCents)} HT) dépasse son maximum (${formatEuros(m.montantHtCents)} HT).`,
    );
  if (m.dureeMois < 1) push("dureeMois", "La durée doit être d'au moins 1 mois.");
  if (m.offresRecues === null || m.offresRecues < 1) push("offresRecues", "Le nombre d'offres reçues doit être renseigné (au moins 1).");
  if (!m.avanceAccordee && m.tauxAvancePointsDeBase) push("tauxAvance", "Un taux d'avance est indiqué sans avance attribuée.");
  if (m.tauxAvancePointsDeBase !== null && (m.tauxAvancePointsDeBase < 0 || m.tauxAvancePointsDeBase > 10_000))
    push("tauxAvance", "Le taux d'avance doit être compris entre 0 et 100 %.");
  if (m.sousTraitanceDeclaree === false && m.actesSousTraitance.length > 0)
    push("sousTraitanceDeclaree", "Des actes de sous-traitance sont publiés alors que la sous-traitance n'est pas déclarée.");
  if (m.lotNumero !== null) {
    if (m.procedureId === null) push("lot", `Le lot ${m.lotNumero} n'est rattaché à aucune procédure.`);
    if (m.lotNumero < 1) push("lot", "Le numéro de lot doit être au moins 1.");
  }

  // Plausibility of the procedure, asked of the engine at the launch date for the whole need.
  try {
    const analyse = analyserProcedure({
      nature: m.nature,
      valeurEstimeeHtCents: valeurBesoin(m),
      dateLancement: dateRegles(m),
      innovant: m.marcheInnovant,
    });
    const autorisee = analyse.proceduresAutorisees.includes(m.procedure);
    const sousCondition = analyse.proceduresSousCondition.find((p) => p.procedure === m.procedure);
    if (!autorisee && m.fondementProcedure === null) {
      const besoin = `besoin de ${formatEuros(valeurBesoin(m))} HT au ${formatDateFr(dateRegles(m))}`;
      push(
        "procedure",
        sousCondition
          ? `« ${m.procedure} » pour un ${besoin} : ${sousCondition.condition} Le fondement juridique n'est pas renseigné.`
          : `« ${m.procedure} » n'est pas possible pour un ${besoin} (procédures admises : ${analyse.proceduresAutorisees.join(", ")}) ` +
              "et aucun fondement juridique n'est renseigné.",
      );
    }
  } catch (error) {
    push(m.dateLancement ? "dateLancement" : "dateNotification", messageErreur(error));
  }

  // Publication deadline of the contract (engine: R2196-1, arrêté du 22 décembre 2022).
  const delai = (date: DateLegale, champDate: string, publication: DateLegale | null, champPublication: string, evenement: string) => {
    let limite: ReturnType<typeof dateLimitePublicationDecp>;
    try {
      limite = dateLimitePublicationDecp(date, evenement === "notification" ? "notification" : "modification");
    } catch (error) {
      push(champDate, messageErreur(error));
      return;
    }
    const dateLimite = limite.date.date;
    if (publication !== null) {
      if (publication < date)
        push(champPublication, `Publiées le ${formatDateFr(publication)}, avant la notification du ${formatDateFr(date)}.`);
      else if (publication > dateLimite)
        // published late: a fact of the past, recorded (the export stamps the day it first publishes a record), not a
        // defect of the data: listed, never blocking (else every export after a late one would stop)
        publieesEnRetard.push({
          numero: m.numero,
          evenement,
          dateEvenement: date,
          dateLimite,
          datePublication: publication,
          joursDeRetard: daysBetween(dateLimite, publication),
        });
    } else if (aujourdhui > dateLimite) {
      retards.push({
        numero: m.numero,
        evenement,
        dateEvenement: date,
        dateLimite,
        joursDeRetard: daysBetween(dateLimite, aujourdhui),
        fondements: limite.fondements.map((f) => ({ ...f })),
      });
    }
  };
  if (m.dateNotification > aujourdhui) push("dateNotification", `Notification future (${formatDateFr(m.dateNotification)}).`);
  delai(m.dateNotification, "dateNotification", m.datePublicationDonnees, "datePublicationDonnees", "notification");

  // Modifications: numbered 1, 2, … in notification order, new totals ≥ 1, each with its own deadline.
  const modifications = [...m.modifications].sort((a, b) => a.numero - b.numero);
  modifications.forEach((mod, i) => {
    const champ = `modifications[${i}].modification`;
    if (mod.numero !== i + 1) push(`${champ}.id`, `Modification n° ${mod.numero} : les modifications sont numérotées 1, 2, 3… sans trou.`);
    if (mod.dateNotification < m.dateNotification)
      push(`${champ}.dateNotificationModification`, `Modification n° ${mod.numero} notifiée avant le marché lui-même.`);
    const precedente = modifications[i - 1];
    if (precedente && mod.dateNotification < precedente.dateNotification)
      push(
        `${champ}.dateNotificationModification`,
        `Modification n° ${mod.numero} notifiée avant la modification n° ${precedente.numero}.`,
      );
    if (mod.montantHtCents !== null && mod.montantHtCents < 100)
      push(
        `${champ}.montant`,
        `Modification n° ${mod.numero} : le nouveau montant total ${formatEuros(mod.montantHtCents)} HT doit être d'au moins 1 €.`,
      );
    if (mod.dureeMois !== null && mod.dureeMois < 1)
      push(`${champ}.dureeMois`, `Modification n° ${mod.numero} : la nouvelle durée doit être d'au moins 1 mois.`);
    (mod.titulaires ?? []).forEach((t, j) => {
      siret(`${champ}.titulaires[${j}].titulaire.id`, t, "du titulaire après modification");
    });
    delai(
      mod.dateNotification,
      `${champ}.dateNotificationModification`,
      mod.datePublication,
      `${champ}.datePublicationDonneesModification`,
      `modification ${mod.numero}`,
    );
  });

  m.actesSousTraitance.forEach((a, i) => {
    const champ = `actesSousTraitance[${i}].acteSousTraitance`;
    siret(`${champ}.sousTraitant.id`, a.sousTraitant, "du sous-traitant");
    if (a.montantHtCents < 100) push(`${champ}.montant`, `Acte de sous-traitance n° ${a.numero} : montant d'au moins 1 € attendu.`);
    if (a.numero !== i + 1) push(`${champ}.id`, `Acte de sous-traitance n° ${a.numero} : les actes sont numérotés 1, 2, 3… sans trou.`);
  });
  return retards;
}

/**
 * The quality gate over the département's records at `aujourdhui`: which records are exported, every problem
 * (record number, DECP field, French message) and what is late to publish. Cross-record checks: unique `id`,
 * one lot published once per procedure, one procedure label per procedure.
 */
export function controlerPublication(marches: readonly MarchePourPublication[], aujourdhui: DateLegale): ResultatControle {
  const problemes: ProblemePublication[] = [];
  const horsPerimetre: HorsPerimetre[] = [];
  const retards: RetardPublication[] = [];
  const publieesEnRetard: PublicationTardive[] = [];
  const population: MarchePourPublication[] = [];
  for (const m of marches) {
    if (m.montantHtCents >= 100) {
      const perimetre = dansPerimetreDecp(m);
      if (!perimetre.dans) {
        horsPerimetre.push({ numero: m.numero, valeurBesoinHtCents: valeurBesoin(m), motif: perimetre.motif });
        continue;
      }
    }
    population.push(m);
  }

  const parNumero = new Map<string, number>();
  const lots = new Map<string, string>();
  const procedures = new Map<string, string>();
  const fautifs = new Set<string>();
  for (const m of population) {
    const push = (champ: string, message: string) => {
      problemes.push({ numero: m.numero, champ, message });
      fautifs.add(m.numero);
    };
    parNumero.set(m.numero, (parNumero.get(m.numero) ?? 0) + 1);
    if ((parNumero.get(m.numero) ?? 0) === 2) push("id", `L'identifiant « ${m.numero} » est utilisé par plusieurs marchés.`);
    if (m.procedureId !== null) {
      if (m.lotNumero !== null) {
        const cle = `${m.procedureId}#${m.lotNumero}`;
        const deja = lots.get(cle);
        if (deja !== undefined) push("lot", `Le lot ${m.lotNumero} de la même procédure est déjà publié par le marché ${deja}.`);
        else lots.set(cle, m.numero);
      }
      const label = procedures.get(m.procedureId);
      if (label !== undefined && label !== m.procedure)
        push(
          "procedure",
          `Les lots d'une même procédure doivent porter la même procédure (« ${label} » ailleurs, « ${m.procedure} » ici).`,
        );
      else procedures.set(m.procedureId, m.procedure);
    }
    retards.push(...controlerMarche(m, aujourdhui, push, publieesEnRetard));
  }
  const enErreur = population.filter((m) => fautifs.has(m.numero)).map((m) => m.numero);
  return {
    date: aujourdhui,
    total: marches.length,
    publiables: population.filter((m) => !fautifs.has(m.numero)),
    problemes,
    enErreur: [...new Set(enErreur)],
    horsPerimetre,
    aPublierEnRetard: retards.sort((a, b) => b.joursDeRetard - a.joursDeRetard || a.numero.localeCompare(b.numero)),
    publieesEnRetard,
    conforme: problemes.length === 0,
  };
}
