/**
 * Payment period and late payment (L2192-10, L2192-13, R2192-10,
 * R2192-31, D2192-35, R2192-36).
 *
 * Due date = reception of the payment request + 30 days. Late interest runs automatically from the
 * day after the due date: principal TTC × (ECB rate + 8 points) × days late / 365, rounded to the cent.
 * The ECB rate is the one in force on the first day of the half-year in which interest started to run,
 * read from an administrable table passed as a parameter (TAUX_BCE_PAR_DEFAUT by default).
 * All money in cents, all rates in basis points: no float ever touches an amount.
 */
import { DomainError } from "../commun/errors";
import { addDays, daysBetween, formatDateFr, isDateLegale, type DateLegale } from "../valeurs/date-legale";
import { formatEuros, formatPourcentage, mulDivRoundHalfUp, type Cents, type PointsDeBase } from "../valeurs/montant";
import { dateCalculee } from "./commun";
import { ccp } from "./fondement";
import { DELAIS_LEGAUX, PAIEMENT, TAUX_BCE_PAR_DEFAUT, type LigneTauxBce } from "./parametres";
import { nouvelleReponse, type ReponseExpliquee } from "./reponse";
import { assertDateCouverte } from "./seuils";
import type { DateCalculee, StatutRegle } from "./types";
import { IssueCollector } from "./validation";

/** Input of `calculerPaiement`. */
export interface PaiementInput {
  /** Amount paid late, cents TTC (net of any retention). */
  montantTtcCents: Cents;
  /** Date the payment request (invoice) was received. */
  dateReception: DateLegale;
  /** Date the payment was made (mise en paiement). */
  datePaiement: DateLegale;
  /** ECB rate to use instead of the table, basis points (2.15 % = 215). */
  tauxBcePointsDeBase?: PointsDeBase;
  /** Contractual payment period if shorter than 30 days (never longer, L2192-10). Default 30. */
  delaiPaiementJours?: number;
}

/** Result of `calculerPaiement`. */
export interface PaiementResult extends ReponseExpliquee {
  montantTtcCents: Cents;
  dateReception: DateLegale;
  datePaiement: DateLegale;
  delaiPaiementJours: number;
  dateEcheance: DateCalculee;
  /** 0 when paid on or before the due date. */
  joursRetard: number;
  /** First day of interest (day after the due date); null when on time. */
  debutInterets: DateLegale | null;
  /** Half-year whose ECB rate applies ("YYYY-01-01" or "YYYY-07-01"); null when on time. */
  semestreReference: DateLegale | null;
  tauxBcePointsDeBase: PointsDeBase | null;
  /** "saisi" when given by the caller, "table" when read from the rate table; null when no rate was needed. */
  origineTauxBce: "saisi" | "table" | null;
  /**
   * Status of the table row used ("confirme" or "a-confirmer"); null when the rate was typed by the caller
   * (`origineTauxBce: "saisi"`: the platform has not checked it) or when no rate was needed.
   */
  statutTauxBce: StatutRegle | null;
  /** ECB rate + 8 points, basis points; null when on time. */
  tauxInteretsPointsDeBase: PointsDeBase | null;
  interetsMoratoiresCents: Cents;
  indemniteForfaitaireCents: Cents;
  /** Interest and indemnity must be paid within 45 days of the principal (R2192-36); null when on time. */
  dateLimiteVersementInterets: DateLegale | null;
}

/** First day of the half-year containing `date`. */
export function debutSemestre(date: DateLegale): DateLegale {
  return `${date.slice(0, 4)}-${Number(date.slice(5, 7)) <= 6 ? "01" : "07"}-01`;
}

/**
 * Problems of a rate table (empty when sound): half-year starts only, integer basis points within
 * [-1 000, 10 000], no duplicate half-year.
 */
export function verifierTableTauxBce(table: readonly LigneTauxBce[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const row of table) {
    if (!isDateLegale(row.debutSemestre) || !/-(01|07)-01$/.test(row.debutSemestre)) {
      problems.push(`début de semestre invalide : ${String(row.debutSemestre)}`);
    }
    if (!Number.isInteger(row.tauxBcePointsDeBase) || row.tauxBcePointsDeBase < -1_000 || row.tauxBcePointsDeBase > 10_000) {
      problems.push(`taux invalide pour ${String(row.debutSemestre)} : ${String(row.tauxBcePointsDeBase)}`);
    }
    if (seen.has(row.debutSemestre)) problems.push(`semestre en double : ${row.debutSemestre}`);
    seen.add(row.debutSemestre);
  }
  return problems;
}

/**
 * The ECB rate row of the half-year containing `date`.
 * @throws DomainError `RULES_PERIOD_UNKNOWN` (kind `rule-violation`) when the table has no such half-year.
 */
export function tauxBceDuSemestre(date: DateLegale, table: readonly LigneTauxBce[] = TAUX_BCE_PAR_DEFAUT): LigneTauxBce {
  const semestre = debutSemestre(date);
  const row = table.find((r) => r.debutSemestre === semestre);
  if (row) return row;
  const known = [...table].map((r) => r.debutSemestre).sort();
  throw new DomainError(
    "RULES_PERIOD_UNKNOWN",
    `Taux de la BCE inconnu pour le semestre commençant le ${formatDateFr(semestre)} : la table couvre ` +
      (known.length > 0
        ? `les semestres du ${formatDateFr(known[0] ?? semestre)} au ${formatDateFr(known.at(-1) ?? semestre)}`
        : "aucun semestre") +
      ". Ajoutez le taux à la table ou indiquez-le (tauxBce).",
    "rule-violation",
    [],
    { table: "taux-bce", semestre, semestresConnus: known },
  );
}

/**
 * Computes the due date, the days late, the late-payment interest and the 40 € indemnity of a payment.
 * Units: cents TTC, rates in basis points. Interest = TTC × (ECB + 800 bp) × days late / (10 000 × 365),
 * rounded to the cent, half away from zero (R2192-31). Due date = reception + 30 days (R2192-10).
 * @param table administrable ECB rate table (default TAUX_BCE_PAR_DEFAUT); unused when the rate is given.
 * @throws DomainError `INVALID_INPUT`, or `RULES_PERIOD_UNKNOWN` (reception date outside the engine's
 *   coverage, or half-year missing from the table while no rate was given).
 */
export function calculerPaiement(input: PaiementInput, table: readonly LigneTauxBce[] = TAUX_BCE_PAR_DEFAUT): PaiementResult {
  const c = new IssueCollector();
  const raw: unknown = input;
  if (!c.object(raw)) throw c.refus();
  c.cents(raw.montantTtcCents, ["montantTtcCents"]);
  const receptionOk = c.date(raw.dateReception, ["dateReception"]);
  const paiementOk = c.date(raw.datePaiement, ["datePaiement"]);
  if (raw.tauxBcePointsDeBase !== undefined) c.integer(raw.tauxBcePointsDeBase, ["tauxBcePointsDeBase"], -1_000, 10_000);
  const delaiMax = DELAIS_LEGAUX.paiementJours.valeur;
  if (raw.delaiPaiementJours !== undefined && !c.integer(raw.delaiPaiementJours, ["delaiPaiementJours"], 1, delaiMax)) {
    const last = c.issues.at(-1);
    if (last)
      last.message = `Le délai de paiement contractuel est un nombre entier de jours entre 1 et ${delaiMax} : un marché ne peut pas prévoir plus de ${delaiMax} jours (L2192-10).`;
  }
  if (receptionOk && paiementOk && input.datePaiement < input.dateReception) {
    c.add(["datePaiement"], "La date de paiement ne peut pas précéder la date de réception de la demande de paiement.");
  }
  const tableProblems = verifierTableTauxBce(table);
  if (tableProblems.length > 0) {
    throw new DomainError(
      "RATE_TABLE_INVALID",
      `La table des taux de la BCE est invalide : ${tableProblems.join(" ; ")}.`,
      "invalid-input",
    );
  }
  c.throwIfAny();
  assertDateCouverte(input.dateReception, "dateReception", "de délai de paiement");

  const delai = input.delaiPaiementJours ?? delaiMax;
  const echeance = addDays(input.dateReception, delai);
  const joursRetard = Math.max(0, daysBetween(echeance, input.datePaiement));
  const r = nouvelleReponse();
  r.explique(
    `Demande de paiement reçue le ${formatDateFr(input.dateReception)} : délai de paiement de ${delai} jours, échéance le ${formatDateFr(echeance)} (R2192-10).`,
    DELAIS_LEGAUX.paiementJours.fondements,
  );

  const base: Omit<PaiementResult, keyof ReponseExpliquee> = {
    montantTtcCents: input.montantTtcCents,
    dateReception: input.dateReception,
    datePaiement: input.datePaiement,
    delaiPaiementJours: delai,
    dateEcheance: dateCalculee(echeance),
    joursRetard,
    debutInterets: null,
    semestreReference: null,
    tauxBcePointsDeBase: null,
    origineTauxBce: null,
    statutTauxBce: null,
    tauxInteretsPointsDeBase: null,
    interetsMoratoiresCents: 0,
    indemniteForfaitaireCents: 0,
    dateLimiteVersementInterets: null,
  };
  if (joursRetard === 0) {
    r.explique(
      `Paiement le ${formatDateFr(input.datePaiement)}, au plus tard à l'échéance : ni intérêts moratoires ni indemnité forfaitaire.`,
    );
    return { ...base, ...r.fin() };
  }
  if (input.montantTtcCents === 0) {
    // D2192-35: the indemnity is owed for the late payment of a sum; with nothing owed there is neither
    // a late payment nor interest to compute.
    r.explique(
      `Paiement le ${formatDateFr(input.datePaiement)}, après l'échéance, mais d'un montant nul : aucune somme n'est payée en retard, ` +
        "donc ni intérêts moratoires (L2192-13) ni indemnité forfaitaire pour frais de recouvrement (D2192-35).",
      PAIEMENT.indemniteForfaitaireCents.fondements,
    );
    return { ...base, ...r.fin() };
  }

  const debutInterets = addDays(echeance, 1);
  const semestre = debutSemestre(debutInterets);
  let tauxBce: PointsDeBase;
  let origine: "saisi" | "table";
  let statut: StatutRegle | null;
  if (input.tauxBcePointsDeBase !== undefined) {
    tauxBce = input.tauxBcePointsDeBase;
    origine = "saisi";
    statut = null; // typed by the caller: neither confirmed nor to confirm by the platform
    r.vigilance(
      `Taux de la BCE saisi (${formatPourcentage(tauxBce)}) : vérifier qu'il s'agit bien du taux principal de refinancement en vigueur le ${formatDateFr(semestre)}, premier jour du semestre où les intérêts ont commencé à courir.`,
      { niveau: "information", fondements: PAIEMENT.majorationPointsDeBase.fondements },
    );
  } else {
    const row = tauxBceDuSemestre(debutInterets, table);
    tauxBce = row.tauxBcePointsDeBase;
    origine = "table";
    statut = row.statut;
    if (row.statut === "a-confirmer") {
      r.vigilance(
        `Taux de la BCE du semestre commençant le ${formatDateFr(semestre)} (${formatPourcentage(tauxBce)}) à confirmer : ` +
          "il n'a pas encore été vérifié dans une source officielle ; vérifier la table des taux de la plateforme.",
        { niveau: "attention", fondements: PAIEMENT.majorationPointsDeBase.fondements },
      );
    }
  }
  const majoration = PAIEMENT.majorationPointsDeBase.valeur;
  const tauxInterets = tauxBce + majoration;
  const joursParAn = PAIEMENT.joursParAn.valeur;
  // cents × bp × days / (10 000 bp × 365 days), exact on BigInt, rounded half away from zero.
  const interets = Math.max(0, mulDivRoundHalfUp(input.montantTtcCents, tauxInterets * joursRetard, 10_000 * joursParAn));
  const indemnite = PAIEMENT.indemniteForfaitaireCents.valeur;
  const versement = addDays(input.datePaiement, DELAIS_LEGAUX.versementInteretsJours.valeur);

  r.fondement(
    ccp("L2192-13", "intérêts moratoires dus de plein droit dès le lendemain de l'échéance"),
    PAIEMENT.majorationPointsDeBase.fondements,
    PAIEMENT.indemniteForfaitaireCents.fondements,
    DELAIS_LEGAUX.versementInteretsJours.fondements,
  );
  for (const texte of [
    `Paiement le ${formatDateFr(input.datePaiement)} : ${joursRetard} jour${joursRetard > 1 ? "s" : ""} de retard, intérêts courant depuis le ${formatDateFr(debutInterets)} (L2192-13).`,
    `Taux : taux de la BCE au ${formatDateFr(semestre)} (${formatPourcentage(tauxBce)}${origine === "saisi" ? ", saisi" : ""}) + ${String(majoration / 100).replace(".", ",")} points = ${formatPourcentage(tauxInterets)} (R2192-31).`,
    `Intérêts moratoires : ${formatEuros(input.montantTtcCents)} TTC × ${formatPourcentage(tauxInterets)} × ${joursRetard} / ${joursParAn} = ${formatEuros(interets)}, arrondis au centime.`,
    `Indemnité forfaitaire pour frais de recouvrement : ${formatEuros(indemnite)} (D2192-35).`,
    `Intérêts et indemnité à verser au plus tard le ${formatDateFr(versement)}, 45 jours après la mise en paiement du principal (R2192-36).`,
  ])
    r.explique(texte);
  r.vigilance("L'assiette des intérêts est le montant TTC payé en retard, net de la retenue de garantie, après révision et pénalités.", {
    niveau: "information",
  });

  return {
    ...base,
    debutInterets,
    semestreReference: semestre,
    tauxBcePointsDeBase: tauxBce,
    origineTauxBce: origine,
    statutTauxBce: statut,
    tauxInteretsPointsDeBase: tauxInterets,
    interetsMoratoiresCents: interets,
    indemniteForfaitaireCents: indemnite,
    dateLimiteVersementInterets: versement,
    ...r.fin(),
  };
}
