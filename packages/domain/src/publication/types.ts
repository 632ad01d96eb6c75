/**
 * What the open-data exports (DECP v2.0.3, OCDS 1.1.5) need of the département's contracts and procedures:
 * input DTOs read through the `SourcePublication` port. The contracts and procedures contexts own the
 * records; this context only reads them. Amounts in integer cents HT (paid invoices: TTC), dates YYYY-MM-DD.
 */
import type { ProcedureDecp } from "../regles/types";
import type { DateLegale } from "../valeurs/date-legale";
import type { Cents, PointsDeBase } from "../valeurs/montant";

/** Nature of the subject (as in the rules engine): works, supplies or services. */
export type NaturePrestations = "travaux" | "fournitures" | "services";

/** DECP `nature` (legal category of the contract). */
export type NatureDecp = "Marché" | "Marché de partenariat" | "Marché de défense ou de sécurité";

/** CCAG codes of the contracts record (same codes as the `marches` table). */
export type CodeCcag = "fcs" | "travaux" | "pi" | "tic" | "mi" | "moe" | "aucun";

/** DECP `techniques.technique[]` values. */
export type TechniqueDecp =
  | "Accord-cadre"
  | "Concours"
  | "Système de qualification"
  | "Système d'acquisition dynamique"
  | "Catalogue électronique"
  | "Enchère électronique"
  | "Sans objet";

/** DECP `modalitesExecution.modaliteExecution[]` values. */
export type ModaliteExecutionDecp = "Tranches" | "Bons de commande" | "Marchés subséquents" | "Sans objet";

/** DECP `typesPrix.typePrix[]` values. */
export type TypePrixDecp = "Définitif ferme" | "Définitif actualisable" | "Définitif révisable" | "Provisoire";

/** DECP `lieuExecution.typeCode` values. */
export type TypeCodeLieu =
  | "Code postal"
  | "Code commune"
  | "Code arrondissement"
  | "Code canton"
  | "Code département"
  | "Code région"
  | "Code pays";

/** DECP `typeGroupementOperateurs`. */
export type TypeGroupement = "Conjoint" | "Solidaire" | "Pas de groupement";

/** A holder as published: SIRET (14 digits) and name (the name goes to OCDS only; DECP v2 has no names). */
export interface TitulairePublication {
  siret: string;
  nom: string;
}

/** A notified modification (avenant) of a contract, with the NEW totals after it (DECP appends, never overwrites). */
export interface ModificationPourPublication {
  /** Order number ≥ 1, increasing with the notification date. */
  numero: number;
  objet: string;
  dateNotification: DateLegale;
  /** First publication of the modification's data; null while not yet published. */
  datePublication: DateLegale | null;
  /** New total amount HT of the contract after the modification (null: amount unchanged). */
  montantHtCents: Cents | null;
  /** New total duration in months (null: unchanged). */
  dureeMois: number | null;
  /** Holders after the modification (null: unchanged). */
  titulaires: TitulairePublication[] | null;
}

/** A special subcontracting act (acte spécial de sous-traitance) notified by the buyer. */
export interface ActeSousTraitancePourPublication {
  numero: number;
  sousTraitant: TitulairePublication;
  dureeMois: number;
  dateNotification: DateLegale;
  datePublication: DateLegale | null;
  montantHtCents: Cents;
  variationPrix: "Ferme" | "Actualisable" | "Révisable";
}

/** A paid invoice (OCDS transaction). */
export interface FacturePayeePourPublication {
  numero: string;
  datePaiement: DateLegale;
  montantTtcCents: Cents;
}

/** One contract (or one lot, published as its own contract) of the département, as the exports need it. */
export interface MarchePourPublication {
  /** Internal identifier (uuid) of the contract record. */
  id: string;
  /** Buyer's number, the DECP `id` (1 to 16 characters). */
  numero: string;
  /** SIRET of the buyer (the département). */
  acheteurSiret: string;
  acheteurNom: string;
  natureDecp: NatureDecp;
  nature: NaturePrestations;
  objet: string;
  /** Main CPV code (8 digits, check digit optional). */
  cpv: string;
  procedure: ProcedureDecp;
  /**
   * Legal ground recorded when the procedure is one the engine allows only in specific cases (R2122-1 to
   * R2122-11 without publicity, R2124-3 negotiation, small lots R2123-1 2°); null when none was needed.
   */
  fondementProcedure: string | null;
  /** Launch date of the consultation (rules are chosen by it); null: the notification date is used. */
  dateLancement: DateLegale | null;
  /** The procedure record this contract was awarded by (null: entered directly). */
  procedureId: string | null;
  /** Lot number within that procedure (null: not divided into lots). */
  lotNumero: number | null;
  /** Estimated value of the whole need (all lots), cents HT; null: the contract's own amount is the need. */
  valeurEstimeeProcedureHtCents: Cents | null;
  lieuExecution: { code: string; typeCode: TypeCodeLieu };
  /** Initial duration in months, renewals included. */
  dureeMois: number;
  dateNotification: DateLegale;
  /** First publication of the essential data; null while not yet published (the export publishes it). */
  datePublicationDonnees: DateLegale | null;
  /** Firm amount HT, or the maximum of a framework agreement. */
  montantHtCents: Cents;
  /** Minimum of a framework agreement, when it has one. */
  montantMinimumHtCents: Cents | null;
  accordCadre: boolean;
  /** For a subsequent contract: the framework agreement's number. */
  idAccordCadre: string | null;
  formePrix: "forfaitaire" | "unitaire" | "mixte";
  typesPrix: TypePrixDecp[];
  techniques: TechniqueDecp[];
  modalitesExecution: ModaliteExecutionDecp[];
  ccag: CodeCcag;
  /** Number of tenders received (≥ 1); null when unknown (the gate refuses it). */
  offresRecues: number | null;
  avanceAccordee: boolean;
  /** Advance rate; null or 0 with an advance means "rate unknown". */
  tauxAvancePointsDeBase: PointsDeBase | null;
  typeGroupement: TypeGroupement;
  sousTraitanceDeclaree: boolean;
  actesSousTraitance: ActeSousTraitancePourPublication[];
  titulaires: TitulairePublication[];
  clauseSociale: boolean;
  critereSocial: boolean;
  marcheReserve: boolean;
  clauseEnvironnementale: boolean;
  critereEnvironnemental: boolean;
  marcheInnovant: boolean;
  modifications: ModificationPourPublication[];
  facturesPayees: FacturePayeePourPublication[];
  /** Last change of the record (ISO instant), for the change feed. */
  misAJourLe: string;
}

/** Status of a procedure (the procedures context's state machine). */
export type StatutProcedure =
  | "brouillon"
  | "publiee"
  | "offres-recues"
  | "analysee"
  | "attribuee"
  | "notifiee"
  | "infructueuse"
  | "abandonnee";

/** A purchase-programme line a procedure comes from (OCDS planning). */
export interface LigneProgrammePourPublication {
  id: string;
  annee: number;
  objet: string;
  direction: string | null;
  valeurEstimeeHtCents: Cents;
  /** Planned launch quarter, 1 to 4 (null: not set). */
  trimestreLancement: number | null;
}

/** A procedure (consultation) of the département, as OCDS needs it. */
export interface ProcedurePourPublication {
  /** Internal identifier (uuid): the ocid is `${prefixe}-${id}`, stable across exports. */
  id: string;
  reference: string;
  objet: string;
  nature: NaturePrestations;
  cpv: string | null;
  /** Chosen procedure (null while a draft has none). */
  procedure: ProcedureDecp | null;
  statut: StatutProcedure;
  valeurEstimeeHtCents: Cents;
  datePublication: DateLegale | null;
  dateLimiteReception: DateLegale | null;
  criteres: { libelle: string; poidsPourcentage: number; environnemental: boolean }[];
  lots: { numero: number; intitule: string; valeurEstimeeHtCents: Cents; cpv: string | null }[];
  /** Tenders received, per lot (the bidder's SIRET and name). */
  offres: { lotNumero: number; siret: string; nom: string }[];
  /** Award decision of the procedure (null: not awarded yet). */
  dateAttribution?: DateLegale | null;
  /**
   * Tenders retained at the award, per lot, with their price HT: the OCDS award of a lot whose contract is not
   * recorded yet (once it is, the contract's own award replaces it).
   */
  retenues?: { lotNumero: number; siret: string; nom: string; prixHtCents: Cents }[];
  lignesProgramme: LigneProgrammePourPublication[];
  misAJourLe: string;
}

/** One public object that changed, for reusers (change feed). */
export interface ChangementPublic {
  /** "marche" (DECP record) or "procedure" (OCDS release). */
  type: "marche" | "procedure";
  id: string;
  /** Buyer's number (contract) or reference (procedure). */
  reference: string;
  misAJourLe: string;
}

/** A page of the change feed: `suivant` is the opaque cursor to pass as `depuis` next (null: nothing more yet). */
export interface PageChangements {
  changements: ChangementPublic[];
  suivant: string | null;
}

/**
 * The port through which the publication context reads the département's records. Implemented over the
 * contracts and procedures tables (packages/db/src/publication/publication.repository.ts) and in memory for
 * tests (`sourcePublicationEnMemoire`).
 */
export interface SourcePublication {
  marches(organisationId: string): AsyncIterable<MarchePourPublication>;
  procedures(organisationId: string): AsyncIterable<ProcedurePourPublication>;
  /**
   * Objects changed after the cursor (oldest first), at most `limit`. `depuis` null: from the beginning.
   * The cursor is opaque to callers (`encoderCurseur` / `decoderCurseur`).
   */
  changements(organisationId: string, depuis: string | null, limit: number): Promise<PageChangements>;
}
