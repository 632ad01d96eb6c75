/**
 * Advance (avance, R2191-3 to R2191-12) and retention (retenue de garantie, R2191-32 to R2191-35).
 *
 * Advance owed when the initial amount is > 50 000 € HT AND the performance period is > 2 months (both
 * strict). Minimum rate 5 %; for an SME holder of a local authority whose operating expenditure (DRF)
 * exceeds 60 M€, 10 % (configurable row; 30 % was only announced). Amount on the TTC amount (R2191-7):
 * rate × TTC for ≤ 12 months, rate × 12 × TTC / months beyond. Retention capped at 5 %, 3 % for an SME
 * of such a buyer for consultations launched from 2025-01-01.
 */
import { formatDateFr, type DateLegale } from "../valeurs/date-legale";
import {
  applyBasisPoints,
  formatEuros,
  formatPourcentage,
  mulDivRoundHalfUp,
  plafondBasisPoints,
  type Cents,
  type PointsDeBase,
} from "../valeurs/montant";
import { phraseComparaison } from "./commun";
import { ACHETEUR_PAR_DEFAUT, type ProfilAcheteur } from "./parametres";
import { nouvelleReponse, type ReponseExpliquee } from "./reponse";
import { assertDateCouverte, formatValeurSeuil, satisfait } from "./seuils";
import { IssueCollector } from "./validation";

/** Input of `analyserAvance`. */
export interface AvanceInput {
  /** Initial amount, cents HT (tested against 50 000 € HT). */
  montantInitialHtCents: Cents;
  /** Initial amount, cents TTC (base of the advance, R2191-7). */
  montantInitialTtcCents: Cents;
  /** Performance period in months, > 0, at most two decimals (2.5 = two and a half months). */
  dureeExecutionMois: number;
  /** Launch date of the consultation (rules in force). */
  dateLancement: DateLegale;
  /** The holder (or a subcontractor paid directly, on its share) is an SME (R2151-13). */
  titulairePme: boolean;
}

/** Result of `analyserAvance`. */
export interface AvanceResult extends ReponseExpliquee {
  avanceObligatoire: boolean;
  montantSuperieurAuSeuil: boolean;
  dureeSuperieureAuSeuil: boolean;
  /** Minimum rate that applies to this holder, basis points. */
  tauxMinimumPointsDeBase: PointsDeBase;
  /** Whether the SME minimum rate applied. */
  tauxPmeApplique: boolean;
  /** Base of the rate: TTC amount, or 12 × TTC / months beyond 12 months (cents TTC). */
  assietteTtcCents: Cents;
  /** Minimum advance, cents TTC (also the amount if the buyer grants an advance it does not owe). */
  montantMinimumTtcCents: Cents;
}

/** Input of `plafondRetenueGarantie`. */
export interface RetenueInput {
  /**
   * Initial amount plus modifications, cents TTC (base of the retention). No API field of this name: the
   * API sends `montantInitialTtc` and `montantModificationsTtc`, added up by `analyserAvanceEtRetenue`.
   */
  montantMarcheTtcCents: Cents;
  dateLancement: DateLegale;
  titulairePme: boolean;
}

/** Result of `plafondRetenueGarantie`. */
export interface RetenueResult extends ReponseExpliquee {
  tauxMaximumPointsDeBase: PointsDeBase;
  tauxPmeApplique: boolean;
  /** Base of the retention: initial amount plus modifications, cents TTC. */
  assietteTtcCents: Cents;
  /** Largest retention, cents TTC. */
  plafondTtcCents: Cents;
}

function pmeDeCollectiviteConcernee(acheteur: ProfilAcheteur, titulairePme: boolean): boolean {
  return titulairePme && acheteur.collectiviteTerritoriale && acheteur.drfSuperieuresAuSeuil;
}

/** Checks the fields of an advance input, adding every problem to `c`. */
function verifierAvance(c: IssueCollector, raw: Record<string, unknown>): void {
  const htOk = c.cents(raw.montantInitialHtCents, ["montantInitialHtCents"]);
  const ttcOk = c.cents(raw.montantInitialTtcCents, ["montantInitialTtcCents"]);
  const duree = raw.dureeExecutionMois;
  if (typeof duree !== "number" || !Number.isFinite(duree) || duree <= 0 || duree > 1_200 || Math.round(duree * 100) / 100 !== duree) {
    c.add(["dureeExecutionMois"], "Une durée en mois strictement positive, avec au plus deux décimales, est attendue.");
  }
  c.date(raw.dateLancement, ["dateLancement"]);
  c.boolean(raw.titulairePme, ["titulairePme"]);
  if (htOk && ttcOk && (raw.montantInitialTtcCents as number) < (raw.montantInitialHtCents as number)) {
    c.add(["montantInitialTtcCents"], "Le montant TTC ne peut pas être inférieur au montant HT.");
  }
}

/**
 * Whether an advance is owed and its minimum amount (R2191-3, R2191-7).
 * Units: amounts in cents (HT for the threshold, TTC for the base), rates in basis points.
 * @throws DomainError `INVALID_INPUT` (every problem with its path) or `RULES_PERIOD_UNKNOWN`.
 */
export function analyserAvance(input: AvanceInput, acheteur: ProfilAcheteur = ACHETEUR_PAR_DEFAUT): AvanceResult {
  const c = new IssueCollector();
  const raw: unknown = input;
  if (!c.object(raw)) throw c.refus();
  verifierAvance(c, raw);
  c.throwIfAny();
  assertDateCouverte(input.dateLancement, "dateLancement", "d'avance ni de retenue de garantie");

  const r = nouvelleReponse(input.dateLancement);

  const montantRow = r.seuil("AVANCE_MANDATORY");
  const dureeRow = r.seuil("AVANCE_MIN_DURATION");
  const montant = phraseComparaison("Montant initial", input.montantInitialHtCents, montantRow, { nomSeuil: "seuil de l'avance" });
  const centiemesMois = Math.round(input.dureeExecutionMois * 100);
  const dureeSuperieure = satisfait(dureeRow, input.dureeExecutionMois);
  const avanceObligatoire = montant.met && dureeSuperieure;
  r.explique(
    `${montant.phrase} et durée d'exécution de ${String(input.dureeExecutionMois).replace(".", ",")} mois ${dureeSuperieure ? ">" : "≤"} ${formatValeurSeuil(dureeRow)} : ` +
      (avanceObligatoire
        ? "avance obligatoire, sauf renonciation du titulaire (R2191-3)."
        : "avance non obligatoire (les deux conditions sont cumulatives et strictes)."),
    montantRow.fondements,
  );

  const minRow = r.seuil("AVANCE_MIN_RATE");
  let taux = minRow.valeur;
  const pme = pmeDeCollectiviteConcernee(acheteur, input.titulairePme);
  if (pme) {
    const pmeRow = r.seuil("AVANCE_MIN_RATE_SME_LOCAL_AUTHORITY");
    const drfRow = r.seuil("BUYER_DRF_THRESHOLD");
    taux = Math.max(taux, pmeRow.valeur);
    r.explique(
      `Titulaire PME d'une collectivité dont les dépenses réelles de fonctionnement dépassent ${formatEuros(drfRow.valeur)} : taux minimal de ${formatPourcentage(pmeRow.valeur)} (R2191-7).`,
      pmeRow.fondements,
    );
    r.vigilance(
      // Provenance: announced in the 2024 "Simplification!" plan (S32), no adopting text found (docs/regles-a-confirmer.md).
      "Un relèvement à 30 % du taux minimal de l'avance aux PME des collectivités a été annoncé, mais aucun texte ne l'a adopté à ce jour : " +
        "vérifier qu'aucun décret n'est paru depuis.",
      { niveau: "attention", fondements: pmeRow.fondements },
    );
  } else {
    r.explique(
      `Taux minimal de l'avance : ${formatPourcentage(minRow.valeur)} ; aucun taux maximal depuis le décret n° 2020-1261 (R2191-7).`,
    );
  }
  r.fondement(minRow.fondements);

  // R2191-7: ≤ 12 months → rate × TTC; > 12 months → rate × 12 × TTC / months.
  const assiette =
    centiemesMois <= 1_200 ? input.montantInitialTtcCents : mulDivRoundHalfUp(input.montantInitialTtcCents, 1_200, centiemesMois);
  const montantAvance =
    centiemesMois <= 1_200
      ? applyBasisPoints(input.montantInitialTtcCents, taux)
      : mulDivRoundHalfUp(input.montantInitialTtcCents, taux * 1_200, 10_000 * centiemesMois);
  r.explique(
    centiemesMois <= 1_200
      ? `Durée d'au plus 12 mois : avance minimale = ${formatPourcentage(taux)} × ${formatEuros(input.montantInitialTtcCents)} TTC = ${formatEuros(montantAvance)} TTC (R2191-7).`
      : `Durée de plus de 12 mois : avance minimale = ${formatPourcentage(taux)} × 12 × ${formatEuros(input.montantInitialTtcCents)} TTC / ` +
          `${String(input.dureeExecutionMois).replace(".", ",")} mois = ${formatEuros(montantAvance)} TTC (R2191-7).`,
  );
  r.vigilance(
    "Accord-cadre à bons de commande sans minimum, marché reconductible, marchés subséquents et tranches : apprécier les conditions de l'avance pour chaque bon, période ou tranche (R2191-15, R2191-16).",
    { niveau: "information" },
  );
  r.vigilance(
    `Remboursement, si le marché ne dit rien : à partir de 65 % d'exécution pour une avance d'au plus 30 %, terminé à 80 % (R2191-11, R2191-12). Règles en vigueur au ${formatDateFr(input.dateLancement)}.`,
    { niveau: "information" },
  );

  return {
    avanceObligatoire,
    montantSuperieurAuSeuil: montant.met,
    dureeSuperieureAuSeuil: dureeSuperieure,
    tauxMinimumPointsDeBase: taux,
    tauxPmeApplique: pme,
    assietteTtcCents: assiette,
    montantMinimumTtcCents: montantAvance,
    ...r.fin(),
  };
}

/**
 * Maximum retention (R2191-32): 5 % of the initial amount plus modifications; 3 % when the holder is an
 * SME and the buyer a local authority with DRF > 60 M€, for consultations launched from 2025-01-01
 * (decree 2024-1251). Units: cents (TTC base), basis points.
 * @throws DomainError `INVALID_INPUT` or `RULES_PERIOD_UNKNOWN`.
 */
export function plafondRetenueGarantie(input: RetenueInput, acheteur: ProfilAcheteur = ACHETEUR_PAR_DEFAUT): RetenueResult {
  const c = new IssueCollector();
  const raw: unknown = input;
  if (!c.object(raw)) throw c.refus();
  c.cents(raw.montantMarcheTtcCents, ["montantMarcheTtcCents"]);
  c.date(raw.dateLancement, ["dateLancement"]);
  c.boolean(raw.titulairePme, ["titulairePme"]);
  c.throwIfAny();
  assertDateCouverte(input.dateLancement, "dateLancement", "d'avance ni de retenue de garantie");

  const r = nouvelleReponse(input.dateLancement);
  const general = r.seuil("RETENUE_MAX_RATE");
  const pme = pmeDeCollectiviteConcernee(acheteur, input.titulairePme);
  const row = pme ? r.seuil("RETENUE_MAX_RATE_SME") : general;
  const taux = Math.min(general.valeur, row.valeur);
  const plafond = plafondBasisPoints(input.montantMarcheTtcCents, taux); // a cap: rounded down, never above the rate
  r.fondement(row.fondements, general.fondements);
  r.explique(
    pme
      ? `Titulaire PME d'une collectivité dont les dépenses réelles de fonctionnement dépassent 60 M€, consultation lancée le ${formatDateFr(input.dateLancement)} : ` +
          `retenue de garantie d'au plus ${formatPourcentage(taux)} (${row.id === "retenue-taux-max-pme-2025" ? "décret n° 2024-1251, consultations lancées depuis le 1er janvier 2025" : "pas encore de plafond propre aux PME"}).`
      : `Retenue de garantie d'au plus ${formatPourcentage(taux)} du montant initial augmenté des modifications (R2191-32).`,
  );
  r.explique(
    `Plafond : ${formatPourcentage(taux)} × ${formatEuros(input.montantMarcheTtcCents)} = ${formatEuros(plafond)}. La retenue peut être remplacée par une garantie à première demande ou une caution personnelle et solidaire.`,
  );
  return {
    tauxMaximumPointsDeBase: taux,
    tauxPmeApplique: pme && row.valeur < general.valeur,
    assietteTtcCents: input.montantMarcheTtcCents,
    plafondTtcCents: plafond,
    ...r.fin(),
  };
}

/** Input of `analyserAvanceEtRetenue`: the contract as the API describes it (same names, in cents). */
export interface AvanceEtRetenueInput extends AvanceInput {
  /** Modifications already notified, cents TTC (negative for a decrease), added to the retention base. Default 0. */
  montantModificationsTtcCents?: Cents;
}

/** The advance part of `analyserAvanceEtRetenue` (names of the API's `avance` block, in cents and basis points). */
export interface BlocAvance {
  obligatoire: boolean;
  montantSuperieurAuSeuil: boolean;
  dureeSuperieureAuSeuil: boolean;
  tauxMinimumPointsDeBase: PointsDeBase;
  tauxPmeApplique: boolean;
  assietteTtcCents: Cents;
  montantMinimumTtcCents: Cents;
}

/** The retention part of `analyserAvanceEtRetenue` (names of the API's `retenue` block). */
export interface BlocRetenue {
  tauxMaximumPointsDeBase: PointsDeBase;
  tauxPmeApplique: boolean;
  assietteTtcCents: Cents;
  plafondTtcCents: Cents;
}

/** Result of `analyserAvanceEtRetenue`: both blocks and one explained answer. */
export interface AvanceEtRetenueResult extends ReponseExpliquee {
  avance: BlocAvance;
  retenue: BlocRetenue;
}

/**
 * The advance owed (R2191-3, R2191-7) and the retention cap (R2191-32) of one contract, in one explained
 * answer. The retention base is the initial TTC amount plus the modifications (never below 0).
 * @throws DomainError `INVALID_INPUT` (every problem with its path) or `RULES_PERIOD_UNKNOWN`.
 */
export function analyserAvanceEtRetenue(
  input: AvanceEtRetenueInput,
  acheteur: ProfilAcheteur = ACHETEUR_PAR_DEFAUT,
): AvanceEtRetenueResult {
  const c = new IssueCollector();
  const raw: unknown = input;
  if (!c.object(raw)) throw c.refus();
  verifierAvance(c, raw);
  if (raw.montantModificationsTtcCents !== undefined) {
    c.cents(raw.montantModificationsTtcCents, ["montantModificationsTtcCents"], { allowNegative: true });
  }
  c.throwIfAny();
  const avance = analyserAvance(input, acheteur);
  const base = Math.max(0, input.montantInitialTtcCents + (input.montantModificationsTtcCents ?? 0));
  const retenue = plafondRetenueGarantie(
    { montantMarcheTtcCents: base, dateLancement: input.dateLancement, titulairePme: input.titulairePme },
    acheteur,
  );
  const r = nouvelleReponse(input.dateLancement);
  r.integre(avance);
  r.integre(retenue);
  return {
    avance: {
      obligatoire: avance.avanceObligatoire,
      montantSuperieurAuSeuil: avance.montantSuperieurAuSeuil,
      dureeSuperieureAuSeuil: avance.dureeSuperieureAuSeuil,
      tauxMinimumPointsDeBase: avance.tauxMinimumPointsDeBase,
      tauxPmeApplique: avance.tauxPmeApplique,
      assietteTtcCents: avance.assietteTtcCents,
      montantMinimumTtcCents: avance.montantMinimumTtcCents,
    },
    retenue: {
      tauxMaximumPointsDeBase: retenue.tauxMaximumPointsDeBase,
      tauxPmeApplique: retenue.tauxPmeApplique,
      assietteTtcCents: retenue.assietteTtcCents,
      plafondTtcCents: retenue.plafondTtcCents,
    },
    ...r.fin(),
  };
}
