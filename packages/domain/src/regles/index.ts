/**
 * The rule book (moteur de règles) of the Code de la commande publique, by launch date: dated
 * thresholds and the analyses every screen asks (procedure, time limits, amendments, payment, advance
 * and retention, SPASER). Pure functions: no clock, no I/O. See docs/regles.md.
 *
 * Every analysis answers with an explained answer (`ReponseExpliquee`: rows used, legal bases,
 * explanations, ranked alerts) built with `nouvelleReponse` — the builder to reuse for any other
 * explained decision (purchase programme, split-purchase alerts, integrity flags).
 */
export * from "./types";
export {
  nouvelleReponse,
  NIVEAUX_ALERTE,
  type Alerte,
  type NiveauAlerte,
  type OptionsVigilance,
  type Reponse,
  type ReponseExpliquee,
} from "./reponse";
export { ajouterFondements, ccp, cgct, texteJuridique } from "./fondement";
export {
  SEUILS,
  LIBELLES_CLES,
  COUVERTURE_MOTEUR,
  seuilAt,
  trouverSeuil,
  periodesConnues,
  assertDateCouverte,
  satisfait,
  obligationActive,
  formatValeurSeuil,
  formatPeriode,
  regleAppliquee,
  cleSeuilEuropeen,
  verifierTableSeuils,
  type CleSeuil,
  type LigneSeuil,
  type Operateur,
  type UniteSeuil,
} from "./seuils";
export {
  ACHETEUR_PAR_DEFAUT,
  COMPTAGE_DELAIS_RECEPTION,
  DELAIS_LEGAUX,
  DELAIS_RECEPTION,
  LECTURES,
  PAIEMENT,
  TAUX_BCE_PAR_DEFAUT,
  VARIANTES_DELAI_RECEPTION,
  ligneDelaiReception,
  type ComptageDelaiReception,
  type CumulFaibleMontant,
  type LigneDelaiReception,
  type LigneTauxBce,
  type Parametre,
  type ProfilAcheteur,
  type VarianteDelaiReception,
} from "./parametres";
export * from "./analyse-procedure";
export * from "./delais";
export * from "./modification";
export * from "./paiement";
export * from "./avance-retenue";
export * from "./spaser";
export * from "./taux-bce.use-cases";
// Units and dates, for the adapters that convert euros and validate dates (contracts, CLI).
export { formatDateFr, formatDateLongueFr, isDateLegale, type DateLegale } from "../valeurs/date-legale";
export {
  eurosIssue,
  eurosToCents,
  centsToEuros,
  basisPointsToPercent,
  formatRatioPourcentage,
  ratioToBasisPoints,
  MAX_EUROS,
  type Cents,
  type PointsDeBase,
} from "../valeurs/montant";
export * from "./ports";
export * from "./contexte";
export * from "./agregation";
export * from "./publication";
