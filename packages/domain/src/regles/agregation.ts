/**
 * Aggregated estimated value of a purchase programme and the split-purchase alert (saucissonnage).
 *
 * The CCP computes the estimated value that chooses the procedure over the whole need, not per
 * contract: for supplies and services, the total value of the supplies or services that count as
 * homogeneous, by their own characteristics or because they form a functional unit (R2121-6); for
 * works, the total value of the works of one operation (R2121-5); recurring needs over the budget year
 * (R2121-7); every lot, option and renewal included (R2121-1). Splitting a need to stay under a
 * threshold is unlawful (R2121-1, last paragraph; CE, 2 août 2011, n° 347526 reads « fractionnement »).
 *
 * `agregerBesoins` groups the lines of a programme year by nature and homogeneous family (or operation
 * for works), asks the procedure analysis for each aggregate, and raises one alert per group whose
 * lines are each below a threshold while their sum is not. Pure: no clock, no I/O.
 */
import { invalidInput, type Issue } from "../commun/errors";
import { formatDateFr, isDateLegale, type DateLegale } from "../valeurs/date-legale";
import { formatEuros, isCents, type Cents } from "../valeurs/montant";
import { analyserProcedure } from "./analyse-procedure";
import { ccp } from "./fondement";
import { ACHETEUR_PAR_DEFAUT, type ProfilAcheteur } from "./parametres";
import { nouvelleReponse, type Alerte, type ReponseExpliquee } from "./reponse";
import { assertDateCouverte, cleSeuilEuropeen, formatValeurSeuil, LIBELLES_CLES, type CleSeuil, type LigneSeuil } from "./seuils";
import { NATURES, type FamilleProcedure, type Fondement, type Nature } from "./types";

/** The articles every aggregation answer cites. */
export const FONDEMENTS_AGREGATION: readonly Fondement[] = [
  ccp(
    "R2121-1",
    "valeur estimée : montant total de tous les marchés envisagés, options, reconductions et lots compris ; pas de fractionnement",
  ),
  ccp("R2121-5", "travaux : valeur totale des travaux se rapportant à une même opération"),
  ccp("R2121-6", "fournitures et services : valeur totale des fournitures ou services homogènes, ou formant une unité fonctionnelle"),
  ccp("R2121-7", "besoins réguliers : sur l'exercice budgétaire ou les douze mois à venir"),
];

/** A line of a purchase programme, as the aggregation reads it. */
export interface LigneBesoin {
  /** Identifier of the line (echoed in the groups and alerts). */
  id: string;
  /** Object of the line (quoted in the alert). */
  objet: string;
  nature: Nature;
  /** Code of the homogeneous family (supplies, services) or of the operation (works). */
  famille: string;
  /** Estimated value HT, cents, options and renewals included (R2121-1). */
  valeurEstimeeHtCents: Cents;
}

/** Input of `agregerBesoins`. */
export interface AgregationInput {
  /** Date that chooses the thresholds: usually 1 January of the programme year, or the first launch. */
  dateReference: DateLegale;
  lignes: readonly LigneBesoin[];
}

/** A threshold crossed by a group's sum while each of its lines is below it. */
export interface SeuilFranchi {
  cle: CleSeuil;
  libelle: string;
  valeurHtCents: Cents;
}

/** One group: a homogeneous family (supplies, services) or an operation (works). */
export interface GroupeAgrege extends ReponseExpliquee {
  nature: Nature;
  famille: string;
  /** Ids of the lines, in input order. */
  lignes: string[];
  valeurAgregeeHtCents: Cents;
  /** Largest line of the group. */
  valeurMaxLigneHtCents: Cents;
  /** Procedure family the aggregate calls for (each line must follow it). */
  procedure: FamilleProcedure;
  /** The highest threshold crossed by the sum while every line is below it; null: no split purchase. */
  seuilFranchi: SeuilFranchi | null;
}

/** Result of `agregerBesoins`. */
export interface AgregationResult extends ReponseExpliquee {
  groupes: GroupeAgrege[];
  /** The groups with a split-purchase alert, largest sum first. */
  fractionnements: GroupeAgrege[];
}

/** Thresholds checked for a split purchase (EU, BOAMP/JAL publicity, dispense); the highest crossed is reported. */
function seuilsAControler(nature: Nature): CleSeuil[] {
  return [cleSeuilEuropeen(nature), "PUB_BOAMP_OR_JAL", nature === "travaux" ? "DISPENSE_WORKS" : "DISPENSE_SUPPLIES_SERVICES"];
}

function valider(input: AgregationInput): void {
  const issues: Issue[] = [];
  if (!isDateLegale(input.dateReference)) issues.push({ path: ["dateReference"], message: "Une date au format AAAA-MM-JJ est attendue." });
  input.lignes.forEach((ligne, i) => {
    if (!NATURES.includes(ligne.nature))
      issues.push({ path: ["lignes", i, "nature"], message: "Nature attendue : travaux, fournitures ou services." });
    if (ligne.famille.trim() === "")
      issues.push({ path: ["lignes", i, "famille"], message: "La famille (ou l'opération) est obligatoire." });
    if (!isCents(ligne.valeurEstimeeHtCents) || ligne.valeurEstimeeHtCents <= 0) {
      issues.push({ path: ["lignes", i, "valeurEstimeeHtCents"], message: "Un montant entier et positif, en centimes, est attendu." });
    }
  });
  if (issues.length > 0) throw invalidInput(issues);
}

/**
 * Groups the lines by nature and family (operation for works), computes each aggregated value and the
 * procedure it calls for, and detects split purchases: lines each below a threshold (EU, 90 000 € HT
 * publicity, dispense) whose sum reaches it. Groups come sorted by nature then family.
 * @throws DomainError `INVALID_INPUT` (every problem with its path) or `RULES_PERIOD_UNKNOWN`.
 */
export function agregerBesoins(input: AgregationInput, acheteur: ProfilAcheteur = ACHETEUR_PAR_DEFAUT): AgregationResult {
  valider(input);
  assertDateCouverte(input.dateReference, "dateReference");
  const parCle = new Map<string, LigneBesoin[]>();
  for (const ligne of input.lignes) {
    const cle = `${ligne.nature}\u0000${ligne.famille}`;
    const liste = parCle.get(cle) ?? [];
    liste.push(ligne);
    parCle.set(cle, liste);
  }
  const cles = [...parCle.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const groupes = cles.map((cle) => agregerGroupe(parCle.get(cle) ?? [], input.dateReference, acheteur));
  const r = nouvelleReponse(input.dateReference);
  r.fondement(FONDEMENTS_AGREGATION);
  r.explique(
    `${input.lignes.length} ligne(s) regroupée(s) en ${groupes.length} famille(s) homogène(s) ou opération(s), seuils en vigueur au ${formatDateFr(input.dateReference)} : ` +
      "la procédure se déduit de la valeur agrégée de chaque groupe, non de chaque ligne.",
  );
  const fractionnements = groupes
    .filter((g) => g.seuilFranchi !== null)
    .sort((a, b) => b.valeurAgregeeHtCents - a.valeurAgregeeHtCents || (a.famille < b.famille ? -1 : 1));
  for (const g of fractionnements) for (const alerte of g.alertes.filter(estAlerteFractionnement)) r.vigilance(alerte.message, alerte);
  return { groupes, fractionnements, ...r.fin() };
}

/** Prefix of every split-purchase alert (lets callers tell them from the procedure's own alerts). */
export const PREFIXE_ALERTE_FRACTIONNEMENT = "Risque de fractionnement";

/** Whether an alert is a split-purchase alert. */
export function estAlerteFractionnement(alerte: Alerte): boolean {
  return alerte.message.startsWith(PREFIXE_ALERTE_FRACTIONNEMENT);
}

function agregerGroupe(lignes: LigneBesoin[], date: DateLegale, acheteur: ProfilAcheteur): GroupeAgrege {
  const [premiere] = lignes;
  if (premiere === undefined) throw new TypeError("Groupe vide.");
  const { nature, famille } = premiere;
  const somme = lignes.reduce((s, l) => s + l.valeurEstimeeHtCents, 0);
  const max = lignes.reduce((m, l) => Math.max(m, l.valeurEstimeeHtCents), 0);
  const analyse = analyserProcedure({ nature, valeurEstimeeHtCents: somme, dateLancement: date }, acheteur);
  const r = nouvelleReponse(date);
  const article = nature === "travaux" ? FONDEMENTS_AGREGATION[1] : FONDEMENTS_AGREGATION[2];
  r.fondement(FONDEMENTS_AGREGATION[0] ?? [], article ?? []);
  const unite = nature === "travaux" ? "l'opération" : "la famille homogène";
  r.explique(
    `Valeur agrégée de ${unite} « ${famille} » (${nature}) : ${formatEuros(somme)} HT sur ${lignes.length} ligne(s), la plus forte à ${formatEuros(max)} HT.`,
  );
  r.integre(
    { reglesAppliquees: analyse.reglesAppliquees, fondements: [], explications: analyse.explications.slice(1) },
    { alertes: false },
  );

  let seuilFranchi: SeuilFranchi | null = null;
  const rows = seuilsAControler(nature)
    .map((cle) => r.seuilSiConnu(cle))
    .filter((row): row is LigneSeuil & { valeur: number } => row !== undefined && row.unite === "cents" && typeof row.valeur === "number")
    .sort((a, b) => b.valeur - a.valeur);
  for (const row of rows) {
    const cle = row.cle;
    if (somme >= row.valeur && max < row.valeur && lignes.length > 1) {
      r.retient(row);
      seuilFranchi = { cle, libelle: LIBELLES_CLES[cle], valeurHtCents: row.valeur };
      const detail = lignes.map((l) => `« ${l.objet} » ${formatEuros(l.valeurEstimeeHtCents)} HT`).join(", ");
      r.vigilance(
        `${PREFIXE_ALERTE_FRACTIONNEMENT} dans ${unite} « ${famille} » : ${lignes.length} lignes chacune sous le ${LIBELLES_CLES[cle]} ` +
          `(${formatValeurSeuil(row)}) — ${detail} — mais leur somme ${formatEuros(somme)} HT l'atteint. ` +
          "La procédure et la publicité se déterminent sur la valeur agrégée (R2121-1, " +
          `${nature === "travaux" ? "R2121-5" : "R2121-6"}) : lancer une consultation commune ou justifier que les besoins ne sont pas homogènes.`,
        {
          niveau: "bloquant",
          fondements: [...(FONDEMENTS_AGREGATION[0] ? [FONDEMENTS_AGREGATION[0]] : []), ...(article ? [article] : []), ...row.fondements],
        },
      );
      break;
    }
  }
  return {
    nature,
    famille,
    lignes: lignes.map((l) => l.id),
    valeurAgregeeHtCents: somme,
    valeurMaxLigneHtCents: max,
    procedure: analyse.procedure,
    seuilFranchi,
    ...r.fin(),
  };
}
