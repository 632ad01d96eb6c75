/**
 * Procedure analysis of a need (regles-commande-publique.md §1, §2, §6.2, §7, §9): from the nature,
 * the estimated value HT and the launch date, which procedure family applies, which procedures are
 * allowed, the publicity tier, the minimum receipt time limits, the standstill, DECP, free consultation
 * documents, legality control, small-lot options and the Climat et Résilience duties.
 *
 * Rules are chosen by the launch date of the consultation (or dispatch date of the notice), never by
 * the notification date. A date outside COUVERTURE_MOTEUR is refused with RULES_PERIOD_UNKNOWN.
 */
import { invalidInput } from "../commun/errors";
import { formatDateFr, type DateLegale } from "../valeurs/date-legale";
import {
  applyBasisPoints,
  compareRatioToBasisPoints,
  formatEuros,
  formatPourcentage,
  mulDivRoundHalfUp,
  type Cents,
} from "../valeurs/montant";
import { ajouterFondements, ccp, libelleNatureSeuil, phraseComparaison } from "./commun";
import { ACHETEUR_PAR_DEFAUT, DELAIS_RECEPTION, LECTURES, type LigneDelaiReception, type ProfilAcheteur } from "./parametres";
import {
  assertDateCouverte,
  cleSeuilEuropeen,
  formatPeriode,
  formatValeurSeuil,
  obligationActive,
  regleAppliquee,
  satisfait,
  seuilAt,
  trouverSeuil,
  type CleSeuil,
  type LigneSeuil,
} from "./seuils";
import {
  NATURES,
  type FamilleProcedure,
  type Fondement,
  type Nature,
  type ProcedureDecp,
  type Publicite,
  type RegleAppliquee,
} from "./types";
import { IssueCollector } from "./validation";

/** A lot of the need. */
export interface LotInput {
  intitule?: string;
  /** Estimated value of the lot, cents HT, options and renewals included. */
  valeurEstimeeHtCents: Cents;
}

/** Input of `analyserProcedure`. */
export interface AnalyseProcedureInput {
  nature: Nature;
  /** Estimated value of the whole need, cents HT: all lots, options, renewals and bonuses (R2121-1). */
  valeurEstimeeHtCents: Cents;
  /** Launch date of the consultation, or dispatch date of the notice (YYYY-MM-DD). */
  dateLancement: DateLegale;
  /** Innovative works, supplies or services (R2122-9-1). Default false. */
  innovant?: boolean;
  /** Social and other specific services of Annex XIV (R2123-1 3°). Services only. Default false. */
  servicesSociauxSpecifiques?: boolean;
  /** Lots, when the need is divided; their values must add up to `valeurEstimeeHtCents`. */
  lots?: LotInput[];
}

/** Kinds of small-lot options. */
export type TypePetitsLots = "mapa-petits-lots" | "dispense-petits-lots" | "innovant-petits-lots";

/** One small-lot option (each with the 20 % rule). */
export interface OptionPetitsLots {
  type: TypePetitsLots;
  libelle: string;
  applicable: boolean;
  /** Why it does not apply, when `applicable` is false. */
  motifNonApplicable: string | null;
  /** A lot must be below this value (cents HT). */
  seuilLotHtCents: Cents;
  /** Largest cumulated value of such lots: 20 % of the value of all lots, rounded down (cents HT). */
  plafondCumuleHtCents: Cents;
  /** Indexes (0-based) of the lots below `seuilLotHtCents`. */
  lotsEligibles: number[];
  montantCumuleEligiblesHtCents: Cents;
  /** Whether all eligible lots together stay within 20 %; otherwise choose some of them. */
  toutesEligiblesDansLimite: boolean;
  fondements: Fondement[];
  explication: string;
}

/** A minimum receipt time limit relevant to the procedure family. */
export interface DelaiReceptionMinimal {
  variante: LigneDelaiReception["variante"];
  procedure: ProcedureDecp;
  etape: LigneDelaiReception["etape"];
  libelle: string;
  /** Days; null for MAPA (no legal minimum). */
  joursMinimum: number | null;
  pointDeDepart: string;
  accordPossible: boolean;
  fondements: Fondement[];
}

/** A procedure allowed only if a legal case applies. */
export interface ProcedureSousCondition {
  procedure: ProcedureDecp;
  condition: string;
  fondements: Fondement[];
}

/** Climat et Résilience duties (consultations launched from 2026-08-21). */
export interface ObligationsClimat {
  applicable: boolean;
  critereEnvironnementalObligatoire: boolean;
  conditionExecutionEnvironnementaleObligatoire: boolean;
  conditionSocialeObligatoire: boolean;
  /** Price alone can no longer be the single award criterion. */
  prixSeulCritereInterdit: boolean;
}

/** Result of `analyserProcedure`; amounts in cents HT. */
export interface AnalyseProcedureResult {
  nature: Nature;
  valeurEstimeeHtCents: Cents;
  dateLancement: DateLegale;
  innovant: boolean;
  servicesSociauxSpecifiques: boolean;
  procedure: FamilleProcedure;
  /** Why no publicity is needed, when `procedure` is "sans-publicite-ni-mise-en-concurrence". */
  motifDispense: "montant" | "achat-innovant" | null;
  /** DECP labels of the procedures the buyer may use without further condition. */
  proceduresAutorisees: ProcedureDecp[];
  /** Procedures allowed only in the cases of the CCP (R2124-3, R2122-1 to R2122-11). */
  proceduresSousCondition: ProcedureSousCondition[];
  publicite: Publicite;
  /** EU threshold applying to this need (750 000 € for social and specific services). */
  seuilEuropeenHtCents: Cents;
  seuilDispenseHtCents: Cents;
  delaisMinimauxReception: DelaiReceptionMinimal[];
  standstillApplicable: boolean;
  avisAttributionObligatoire: boolean;
  decpObligatoire: boolean;
  /** 25 000 to 40 000 € HT: a yearly list may replace the DECP (from 2024). */
  decpListeAnnuellePossible: boolean;
  /** The consultation documents must be free on the buyer profile (notice mandatory and value ≥ threshold). */
  dceGratuitSurProfilAcheteur: boolean;
  /** Same duty if the buyer publishes a notice although it does not have to. */
  dceGratuitSiAvisPublie: boolean;
  controleLegalite: boolean;
  seuilControleLegaliteHtCents: Cents;
  /** Most a buyer may ask as minimum yearly turnover without justification (R2142-7), cents HT. */
  plafondChiffreAffairesMinimumHtCents: Cents;
  petitsLots: OptionPetitsLots[];
  climatResilience: ObligationsClimat;
  considerationEnvironnementaleObligatoire: boolean;
  conditionSocialeObligatoire: boolean;
  reglesAppliquees: RegleAppliquee[];
  fondements: Fondement[];
  explications: string[];
  pointsDeVigilance: string[];
}

const MAPA: ProcedureDecp = "Procédure adaptée";
const SANS_PUBLICITE: ProcedureDecp = "Marché passé sans publicité ni mise en concurrence préalable";
const AOO: ProcedureDecp = "Appel d'offres ouvert";
const AOR: ProcedureDecp = "Appel d'offres restreint";

const R2124_3 = ccp("R2124-3", "cas de recours à la procédure avec négociation et au dialogue compétitif");

function validate(input: unknown): void {
  const c = new IssueCollector();
  if (!c.object(input)) throw invalidInput(c.issues);
  c.oneOf(input.nature, NATURES, ["nature"]);
  const valueOk = c.cents(input.valeurEstimeeHtCents, ["valeurEstimeeHtCents"]);
  c.date(input.dateLancement, ["dateLancement"]);
  c.optionalBoolean(input.innovant, ["innovant"]);
  c.optionalBoolean(input.servicesSociauxSpecifiques, ["servicesSociauxSpecifiques"]);
  if (input.servicesSociauxSpecifiques === true && input.nature !== "services") {
    c.add(
      ["servicesSociauxSpecifiques"],
      "Les services sociaux et autres services spécifiques (annexe XIV) sont des services : la nature doit être « services ».",
    );
  }
  if (input.lots !== undefined) {
    if (!Array.isArray(input.lots)) c.add(["lots"], "Une liste de lots est attendue.");
    else {
      let total = 0;
      let allOk = true;
      input.lots.forEach((lot: unknown, index: number) => {
        if (!c.object(lot, ["lots", index])) {
          allOk = false;
          return;
        }
        if (lot.intitule !== undefined && typeof lot.intitule !== "string") c.add(["lots", index, "intitule"], "Un texte est attendu.");
        if (c.cents(lot.valeurEstimeeHtCents, ["lots", index, "valeurEstimeeHtCents"])) total += lot.valeurEstimeeHtCents;
        else allOk = false;
      });
      if (allOk && valueOk && input.lots.length > 0 && total !== input.valeurEstimeeHtCents) {
        c.add(
          ["lots"],
          `La somme des lots (${formatEuros(total)} HT) doit être égale à la valeur estimée du besoin ` +
            `(${formatEuros(input.valeurEstimeeHtCents as number)} HT), qui inclut tous les lots (R2121-1).`,
        );
      }
    }
  }
  if (c.issues.length > 0) throw invalidInput(c.issues);
}

/** Largest amount x with x / total ≤ bp / 10 000 (cents, rounded down). */
function plafondPart(total: Cents, bp: number): Cents {
  const exact = mulDivRoundHalfUp(total, bp, 10_000);
  return compareRatioToBasisPoints(exact, total, bp) > 0 ? exact - 1 : exact;
}

function nomLot(lot: LotInput, index: number): string {
  return lot.intitule?.trim() ? `lot ${index + 1} (${lot.intitule.trim()})` : `lot ${index + 1}`;
}

/**
 * Analyses a need and tells the procedure family, the procedures allowed, the publicity, the minimum
 * receipt time limits, the standstill, DECP, free consultation documents, legality control, small lots
 * and Climat et Résilience duties, with CCP references and French explanations.
 *
 * Units: all amounts in cents HT. Rules chosen by `dateLancement` (R2122-8, R2123-1, R2124-1, R2131-12,
 * R2132-2, R2196-1, R2182-1, L2152-7, L2112-2, L2112-2-1; CGCT L3131-2, D2131-5-1).
 * @throws DomainError `INVALID_INPUT` (every problem with its path) or `RULES_PERIOD_UNKNOWN`.
 */
export function analyserProcedure(input: AnalyseProcedureInput, acheteur: ProfilAcheteur = ACHETEUR_PAR_DEFAUT): AnalyseProcedureResult {
  validate(input);
  const { nature, valeurEstimeeHtCents: valeur, dateLancement: date } = input;
  const innovant = input.innovant ?? false;
  const sss = input.servicesSociauxSpecifiques ?? false;
  const lots = input.lots ?? [];
  assertDateCouverte(date, "dateLancement");

  const used: LigneSeuil[] = [];
  const use = (cle: CleSeuil): LigneSeuil => {
    const row = seuilAt(cle, date);
    if (!used.includes(row)) used.push(row);
    return row;
  };
  const explications: string[] = [];
  const vigilance: string[] = [];
  const fondements: Fondement[] = [];
  const natureLabel = libelleNatureSeuil(nature);

  ajouterFondements(fondements, ccp("R2121-1", "valeur estimée : tous les lots, options, reconductions et primes"));
  explications.push(
    `Règles en vigueur au ${formatDateFr(date)}, date de lancement de la consultation (ou d'envoi de l'avis), pour un marché de ${nature}.`,
  );

  // 1. Dispense (R2122-8, R2122-9-1)
  const dispenseRow = use(nature === "travaux" ? "DISPENSE_WORKS" : "DISPENSE_SUPPLIES_SERVICES");
  const dispense = phraseComparaison("Valeur estimée", valeur, dispenseRow, { nomSeuil: "seuil de dispense", precision: natureLabel });
  explications.push(
    dispense.met
      ? `${dispense.phrase} : marché possible sans publicité ni mise en concurrence préalables (R2122-8).`
      : `${dispense.phrase} : pas de dispense au titre du montant.`,
  );
  let motifDispense: AnalyseProcedureResult["motifDispense"] = dispense.met ? "montant" : null;
  if (dispense.met) ajouterFondements(fondements, dispenseRow.fondements);

  if (innovant) {
    const innovRow = use("INNOVATIVE_DISPENSE");
    const innov = phraseComparaison("Achat innovant : valeur estimée", valeur, innovRow, { nomSeuil: "seuil des achats innovants" });
    explications.push(
      innov.met
        ? `${innov.phrase} : marché possible sans publicité ni mise en concurrence préalables (R2122-9-1).`
        : `${innov.phrase} : pas de dispense au titre de l'innovation.`,
    );
    if (innov.met) {
      ajouterFondements(fondements, innovRow.fondements);
      motifDispense ??= "achat-innovant";
    }
  }

  // 2. EU threshold and procedure family (R2123-1, R2124-1)
  const euRow = use(cleSeuilEuropeen(nature, sss));
  const eu = phraseComparaison(sss ? "valeur estimée" : "Valeur estimée", valeur, euRow, {
    nomSeuil: sss ? "seuil européen des services sociaux et autres services spécifiques" : "seuil européen",
    precision: sss ? "annexe XIV" : natureLabel,
  });
  const atOrAboveEu = eu.met; // operator ">="
  let procedure: FamilleProcedure;
  if (motifDispense !== null) procedure = "sans-publicite-ni-mise-en-concurrence";
  else if (sss || !atOrAboveEu) procedure = "procedure-adaptee";
  else procedure = "procedure-formalisee";

  if (sss) {
    explications.push(
      `Services sociaux et autres services spécifiques (annexe XIV) : procédure adaptée quelle que soit la valeur (R2123-1 3°) ; ${eu.phrase}.`,
    );
    ajouterFondements(fondements, ccp("R2123-1 3°", "services sociaux et autres services spécifiques en procédure adaptée"));
  } else if (atOrAboveEu) {
    explications.push(`${eu.phrase} : procédure formalisée obligatoire (R2124-1).`);
    ajouterFondements(fondements, euRow.fondements, ccp("R2124-2", "appel d'offres ouvert ou restreint"), R2124_3);
  } else {
    explications.push(`${eu.phrase} : procédure adaptée possible (R2123-1 1°) ; l'acheteur peut aussi choisir une procédure formalisée.`);
    ajouterFondements(fondements, ccp("R2123-1 1°", "procédure adaptée en dessous des seuils européens"));
  }

  const proceduresAutorisees: ProcedureDecp[] = [];
  if (procedure === "sans-publicite-ni-mise-en-concurrence") proceduresAutorisees.push(SANS_PUBLICITE);
  if (procedure !== "procedure-formalisee") proceduresAutorisees.push(MAPA);
  proceduresAutorisees.push(AOO, AOR);
  const proceduresSousCondition: ProcedureSousCondition[] = [
    {
      procedure: "Procédure avec négociation",
      condition:
        "Seulement dans un cas de l'article R2124-3 : solution à adapter, solution innovante, conception, circonstances particulières, " +
        "spécifications impossibles à définir, ou appel d'offres n'ayant reçu que des offres irrégulières ou inacceptables.",
      fondements: [R2124_3],
    },
    {
      procedure: "Dialogue compétitif",
      condition: "Seulement dans les cas 1° à 5° de l'article R2124-3 (renvoi de R2124-5).",
      fondements: [R2124_3, ccp("R2124-5", "dialogue compétitif")],
    },
  ];
  if (procedure !== "sans-publicite-ni-mise-en-concurrence") {
    proceduresSousCondition.push({
      procedure: SANS_PUBLICITE,
      condition:
        "Seulement dans un cas des articles R2122-1 à R2122-11 : urgence impérieuse, procédure infructueuse, opérateur unique (exclusivité), " +
        "prestations similaires, etc.",
      fondements: [ccp("R2122-1", "urgence impérieuse"), ccp("R2122-3", "un seul opérateur économique")],
    });
  }

  // 3. Publicity (R2131-12, R2131-16)
  const freeRow = use("PUB_FREE_BELOW");
  const boampRow = use("PUB_BOAMP_OR_JAL");
  let publicite: Publicite;
  if (procedure === "sans-publicite-ni-mise-en-concurrence") {
    publicite = "aucune";
    explications.push(
      "Publicité : aucune n'est exigée. Si l'acheteur choisit malgré tout une procédure adaptée, la publicité suit les paliers de l'article R2131-12.",
    );
  } else if (satisfait(freeRow, valeur)) {
    publicite = "libre";
    explications.push(
      `${phraseComparaison("Valeur estimée", valeur, freeRow, { nomSeuil: "seuil de publicité" }).phrase} : publicité librement adaptée au montant et à l'objet (R2131-12 1°).`,
    );
    ajouterFondements(fondements, freeRow.fondements);
  } else if (!atOrAboveEu) {
    publicite = "boamp-ou-jal";
    explications.push(
      `${phraseComparaison("Valeur estimée", valeur, boampRow, { nomSeuil: "seuil de publicité" }).phrase} et inférieure au seuil européen : ` +
        "avis au BOAMP ou dans un journal d'annonces légales, complété si nécessaire par la presse spécialisée ou le JOUE (R2131-12 2°).",
    );
    ajouterFondements(fondements, boampRow.fondements);
  } else {
    publicite = "boamp-et-joue";
    if (sss) {
      explications.push(
        "Services sociaux et autres services spécifiques d'au moins 750 000,00 € HT : avis au BOAMP et au JOUE (avis de marché ou avis de préinformation, régime allégé).",
      );
      ajouterFondements(fondements, LECTURES.servicesSociauxPubliciteJoue.fondements);
      vigilance.push(`Lecture à confirmer : ${LECTURES.servicesSociauxPubliciteJoue.libelle}.`);
    } else {
      explications.push("Valeur au moins égale au seuil européen : avis au BOAMP et au JOUE (R2131-16).");
      ajouterFondements(fondements, ccp("R2131-16", "avis de marché au BOAMP et au JOUE pour les procédures formalisées"));
    }
  }

  // 4. Minimum receipt time limits (§2.3)
  const delaisMinimauxReception: DelaiReceptionMinimal[] = DELAIS_RECEPTION.filter((row) => {
    if (procedure === "sans-publicite-ni-mise-en-concurrence") return false;
    if (procedure === "procedure-adaptee") return row.variante === "mapa";
    return row.variante !== "mapa" && (!row.sousCentralSeulement || acheteur.sousCentral);
  }).map((row) => ({
    variante: row.variante,
    procedure: row.procedure,
    etape: row.etape,
    libelle: row.libelle,
    joursMinimum: row.joursMinimum,
    pointDeDepart: row.pointDeDepart,
    accordPossible: row.accordPossible,
    fondements: [...row.fondements],
  }));
  if (procedure === "procedure-formalisee") {
    explications.push(
      "Délais minimaux de réception : appel d'offres ouvert 35 jours, ramenés à 30 jours puisque la transmission électronique est obligatoire (R2132-7), " +
        "15 jours avec un avis de préinformation ou en cas d'urgence ; voir la liste des variantes.",
    );
    ajouterFondements(
      fondements,
      ccp("R2161-2", "délai minimal de 35 jours en appel d'offres ouvert"),
      ccp("R2161-3", "réductions du délai"),
    );
  } else if (procedure === "procedure-adaptee") {
    explications.push(
      "Procédure adaptée : pas de délai minimal légal de réception ; le délai doit être raisonnable et adapté à la complexité (R2143-1, R2151-1).",
    );
  }

  // 5. Standstill and award notice (R2182-1, R2183-1)
  const standstillApplicable = procedure === "procedure-formalisee";
  explications.push(
    standstillApplicable
      ? "Délai de suspension (standstill) : au moins 11 jours entre l'envoi de la notification du rejet et la signature (16 jours sans voie électronique) (R2182-1)."
      : "Délai de suspension (standstill) : non applicable hors procédure formalisée (R2182-1).",
  );
  if (standstillApplicable) ajouterFondements(fondements, ccp("R2182-1", "délai de suspension avant la signature"));
  const avisAttributionObligatoire = procedure === "procedure-formalisee" || (sss && atOrAboveEu);
  if (avisAttributionObligatoire) {
    explications.push(
      sss
        ? "Avis d'attribution dans les 30 jours suivant la signature ; pour les services sociaux et spécifiques, les avis peuvent être regroupés par trimestre (R2183-1, R2183-4)."
        : "Avis d'attribution au BOAMP et au JOUE dans les 30 jours suivant la signature (R2183-1).",
    );
    ajouterFondements(fondements, ccp("R2183-1", "avis d'attribution dans les 30 jours suivant la signature"));
  }

  // 6. DECP (R2196-1)
  const decpRow = use("DECP_THRESHOLD");
  const decp = phraseComparaison("Valeur estimée", valeur, decpRow, { nomSeuil: "seuil des données essentielles" });
  const decpObligatoire = decp.met;
  let decpListeAnnuellePossible = false;
  if (decpObligatoire) {
    explications.push(
      `${decp.phrase} : données essentielles à publier sur data.gouv.fr dans les 2 mois suivant la notification (R2196-1).`,
    );
    ajouterFondements(fondements, decpRow.fondements);
  } else {
    const listRow = trouverSeuil("DECP_OPTIONAL_LIST", date);
    if (listRow && satisfait(listRow, valeur)) {
      if (!used.includes(listRow)) used.push(listRow);
      decpListeAnnuellePossible = true;
      explications.push(
        `${decp.phrase} : pas de publication individuelle obligatoire ; entre ${formatValeurSeuil(listRow)} et ${formatValeurSeuil(decpRow)}, ` +
          "les données essentielles peuvent être remplacées par une liste annuelle publiée au premier trimestre.",
      );
      ajouterFondements(fondements, listRow.fondements);
    } else {
      explications.push(`${decp.phrase} : pas de publication des données essentielles obligatoire.`);
    }
  }

  // 7. Free consultation documents on the buyer profile (R2132-2)
  const dceRow = use("DCE_ON_PROFILE");
  const dce = phraseComparaison("Valeur estimée", valeur, dceRow, { nomSeuil: "seuil des documents gratuits sur le profil d'acheteur" });
  const avisObligatoire = publicite === "boamp-ou-jal" || publicite === "boamp-et-joue";
  const dceGratuitSurProfilAcheteur = avisObligatoire && dce.met;
  const dceGratuitSiAvisPublie = dce.met;
  if (dceGratuitSurProfilAcheteur) {
    explications.push(
      `${dce.phrase} et avis de marché publié : documents de la consultation gratuits sur le profil d'acheteur dès la publication (R2132-2).`,
    );
  } else if (dce.met) {
    explications.push(
      `${dce.phrase} : si un avis est publié, les documents de la consultation doivent être gratuits sur le profil d'acheteur (R2132-2).`,
    );
  } else {
    explications.push(`${dce.phrase} : pas d'obligation de mise à disposition sur le profil d'acheteur.`);
  }
  if (dce.met) ajouterFondements(fondements, dceRow.fondements);

  // 8. Legality control (CGCT L3131-2, D2131-5-1)
  const legaliteRow = use("LEGALITY_CONTROL");
  const legalite = phraseComparaison("Valeur estimée", valeur, legaliteRow, { nomSeuil: "seuil du contrôle de légalité" });
  const controleLegalite = acheteur.collectiviteTerritoriale && legalite.met;
  if (acheteur.collectiviteTerritoriale) {
    explications.push(
      legalite.met
        ? `${legalite.phrase} : le marché et ses avenants sont transmis au préfet avant notification (contrôle de légalité).`
        : `${legalite.phrase} : pas de transmission obligatoire au contrôle de légalité.`,
    );
    if (legalite.met) ajouterFondements(fondements, legaliteRow.fondements);
  }

  // 9. Minimum turnover cap (R2142-7)
  const caRow = use("MIN_TURNOVER_CAP");
  const plafondChiffreAffairesMinimumHtCents = applyBasisPoints(valeur, caRow.valeur);
  explications.push(
    `Chiffre d'affaires annuel minimal exigible des candidats : au plus ${formatPourcentage(caRow.valeur)} de la valeur estimée du marché ou du lot ` +
      `(soit ${formatEuros(plafondChiffreAffairesMinimumHtCents)} HT pour l'ensemble), sauf justification (R2142-7, ${formatPeriode(caRow)}).`,
  );

  // 10. Small lots (R2123-1 2°, R2122-8, R2122-9-1)
  const petitsLots: OptionPetitsLots[] = [];
  if (lots.length === 1) {
    explications.push("Un seul lot : les règles des petits lots ne s'appliquent pas.");
  } else if (lots.length > 1) {
    const shareRow = use("SMALL_LOTS_MAX_SHARE");
    const plafond = plafondPart(valeur, shareRow.valeur);
    const option = (
      type: TypePetitsLots,
      libelle: string,
      lotRow: LigneSeuil,
      applicable: boolean,
      motif: string | null,
    ): OptionPetitsLots => {
      const eligibles = lots.flatMap((lot, index) => (satisfait(lotRow, lot.valeurEstimeeHtCents) ? [index] : []));
      const cumul = eligibles.reduce((sum, index) => sum + (lots[index]?.valeurEstimeeHtCents ?? 0), 0);
      const within = compareRatioToBasisPoints(cumul, valeur, shareRow.valeur) <= 0;
      const names = eligibles.map((index) => nomLot(lots[index] as LotInput, index)).join(", ");
      const article = lotRow.fondements[0]?.article ?? "";
      let explication =
        `${libelle} (${article}) : lots de moins de ${formatValeurSeuil(lotRow)}, dans la limite de ${formatPourcentage(shareRow.valeur)} ` +
        `de la valeur totale des lots, soit ${formatEuros(plafond)} HT. `;
      if (!applicable) explication += `Non applicable : ${motif ?? ""}`;
      else if (eligibles.length === 0) explication += "Aucun lot n'est sous le seuil.";
      else if (within) explication += `Lots éligibles : ${names} ; cumul ${formatEuros(cumul)} HT, dans la limite.`;
      else explication += `Lots éligibles : ${names} ; cumul ${formatEuros(cumul)} HT, au-delà de la limite : n'en retenir qu'une partie.`;
      return {
        type,
        libelle,
        applicable,
        motifNonApplicable: applicable ? null : motif,
        seuilLotHtCents: lotRow.valeur,
        plafondCumuleHtCents: plafond,
        lotsEligibles: eligibles,
        montantCumuleEligiblesHtCents: cumul,
        toutesEligiblesDansLimite: within,
        fondements: [...lotRow.fondements, ...shareRow.fondements.filter((f) => f.article !== lotRow.fondements[0]?.article)],
        explication: explication.trim(),
      };
    };
    const mapaRow = use(nature === "travaux" ? "MAPA_SMALL_LOT_WORKS" : "MAPA_SMALL_LOT_SUPPLIES_SERVICES");
    petitsLots.push(
      option(
        "mapa-petits-lots",
        "Petits lots en procédure adaptée",
        mapaRow,
        procedure === "procedure-formalisee",
        "seulement pour les lots d'une opération dont la valeur totale atteint le seuil européen.",
      ),
    );
    petitsLots.push(
      option(
        "dispense-petits-lots",
        "Petits lots sans publicité ni mise en concurrence",
        dispenseRow,
        procedure !== "sans-publicite-ni-mise-en-concurrence",
        "le besoin entier est déjà dispensé de publicité et de mise en concurrence.",
      ),
    );
    if (innovant) {
      const innovLotRow = use(nature === "travaux" ? "INNOVATIVE_SMALL_LOT_WORKS" : "INNOVATIVE_SMALL_LOT_SUPPLIES_SERVICES");
      petitsLots.push(
        option(
          "innovant-petits-lots",
          "Petits lots innovants sans publicité ni mise en concurrence",
          innovLotRow,
          procedure !== "sans-publicite-ni-mise-en-concurrence",
          "le besoin entier est déjà dispensé de publicité et de mise en concurrence.",
        ),
      );
    }
    for (const option of petitsLots) {
      explications.push(option.explication);
      if (option.applicable && option.lotsEligibles.length > 0) ajouterFondements(fondements, option.fondements);
    }
  }

  // 11. Climat et Résilience (§6.2), by launch date
  const envRow = use("CLIMAT_ENVIRONMENTAL_DUTY");
  const socRow = use("CLIMAT_SOCIAL_CONDITION_DUTY");
  const climatApplicable = obligationActive(envRow);
  const critere =
    climatApplicable && (procedure !== "sans-publicite-ni-mise-en-concurrence" || LECTURES.climatCritereSansMiseEnConcurrence.valeur);
  const conditionSociale = obligationActive(socRow) && atOrAboveEu;
  const climatResilience: ObligationsClimat = {
    applicable: climatApplicable,
    critereEnvironnementalObligatoire: critere,
    conditionExecutionEnvironnementaleObligatoire: climatApplicable,
    conditionSocialeObligatoire: conditionSociale,
    prixSeulCritereInterdit: critere,
  };
  if (climatApplicable) {
    explications.push(
      `Consultation lancée à partir du 21 août 2026 (loi Climat et résilience) : les conditions d'exécution prennent en compte des considérations environnementales (L2112-2)` +
        (critere
          ? " et au moins un critère d'attribution porte sur les caractéristiques environnementales de l'offre ; le prix ne peut plus être le critère unique (L2152-7)."
          : " ; sans mise en concurrence, il n'y a pas de critères d'attribution."),
    );
    ajouterFondements(fondements, envRow.fondements);
    if (conditionSociale) {
      explications.push(
        "Valeur au moins égale au seuil européen : les conditions d'exécution comportent une considération sociale ou relative à l'emploi, sauf exception réglementaire (L2112-2-1).",
      );
      ajouterFondements(fondements, socRow.fondements);
      vigilance.push(
        "La liste réglementaire des exceptions à la condition sociale (L2112-2-1) n'a pas été vérifiée : documenter toute exception invoquée.",
      );
    }
  } else {
    explications.push(
      "Consultation lancée avant le 21 août 2026 : les obligations environnementales et sociales de la loi Climat et résilience ne s'appliquent pas encore (décret n° 2022-767).",
    );
  }

  // 12. Vigilance
  vigilance.push(
    "La valeur estimée doit inclure tous les lots, options, reconductions et primes (R2121-1) ; découper artificiellement un besoin pour rester sous un seuil est interdit.",
  );
  if (procedure === "sans-publicite-ni-mise-en-concurrence") {
    vigilance.push(
      "Sans mise en concurrence, l'acheteur choisit une offre pertinente, fait une bonne utilisation des deniers publics et ne contracte pas systématiquement avec le même opérateur lorsque plusieurs peuvent répondre (R2122-8).",
    );
  }
  if (sss)
    vigilance.push(
      "Services sociaux et spécifiques : les échanges peuvent déroger à la voie électronique ; justifier la dérogation dans l'avis et le rapport (R2132-12, R2132-13).",
    );
  for (const row of used) {
    if (row.statut === "a-confirmer") {
      vigilance.push(
        `Valeur à confirmer utilisée : ${regleAppliquee(row).libelle} = ${formatValeurSeuil(row)} ; elle n'a pas encore été vérifiée dans un texte officiel.`,
      );
    }
  }

  return {
    nature,
    valeurEstimeeHtCents: valeur,
    dateLancement: date,
    innovant,
    servicesSociauxSpecifiques: sss,
    procedure,
    motifDispense,
    proceduresAutorisees,
    proceduresSousCondition,
    publicite,
    seuilEuropeenHtCents: euRow.valeur,
    seuilDispenseHtCents: dispenseRow.valeur,
    delaisMinimauxReception,
    standstillApplicable,
    avisAttributionObligatoire,
    decpObligatoire,
    decpListeAnnuellePossible,
    dceGratuitSurProfilAcheteur,
    dceGratuitSiAvisPublie,
    controleLegalite,
    seuilControleLegaliteHtCents: legaliteRow.valeur,
    plafondChiffreAffairesMinimumHtCents,
    petitsLots,
    climatResilience,
    considerationEnvironnementaleObligatoire: climatApplicable,
    conditionSocialeObligatoire: conditionSociale,
    reglesAppliquees: used.map(regleAppliquee),
    fondements,
    explications,
    pointsDeVigilance: vigilance,
  };
}
