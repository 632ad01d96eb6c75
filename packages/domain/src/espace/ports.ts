import type { DateLegale } from "../valeurs/date-legale";
import type { Evaluation, RoleTitulaire } from "../marches/marche";

/** A contract as its holder sees it (no internal field: no consumption alerts, no amendments' engine answers). */
export interface MarcheTitulaire {
  id: string;
  numero: string;
  objet: string;
  directionSigle: string;
  directionNom: string;
  nature: string;
  procedure: string;
  accordCadre: boolean;
  montantHtCents: number | null;
  montantMaxHtCents: number | null;
  montantModificationsHtCents: number;
  dateNotification: DateLegale;
  dateDebut: DateLegale;
  dateFin: DateLegale;
  clos: boolean;
  dateCloture: DateLegale | null;
  /** The supplier evaluation recorded by the buyer at closing (null while open). */
  evaluation: Evaluation | null;
  /** The company's role(s) on the contract (holder, mandatary, co-holder). */
  roles: RoleTitulaire[];
}

/** The département evaluated by a holder on one contract. Scores 1 (poor) to 5 (excellent). */
export interface EvaluationAcheteur {
  id: string;
  organisationId: string;
  marcheId: string;
  entrepriseId: string;
  paiement: number;
  clarte: number;
  relation: number;
  commentaire: string | null;
  modifieeLe: Date;
  version: number;
}

/** One evaluation as the aggregate reads it: never the company, never the contract. */
export interface EvaluationAnonyme {
  directionId: string;
  directionSigle: string;
  /** Year of the contract's notification. */
  annee: number;
  paiement: number;
  clarte: number;
  relation: number;
  commentaire: string | null;
  modifieeLe: Date;
}

export interface EspaceRepository {
  /** Contracts of the organisation whose holder, mandatary or co-holder has this exact SIRET, newest first. */
  marchesDuSiret(organisationId: string, siret: string): Promise<MarcheTitulaire[]>;
  /** One of them; null when the SIRET does not hold it (or it does not exist: the same answer). */
  marcheDuSiret(organisationId: string, siret: string, marcheId: string): Promise<MarcheTitulaire | null>;
  evaluationsDe(entrepriseId: string, marcheIds: readonly string[]): Promise<EvaluationAcheteur[]>;
  /** Reads and row-locks the company's evaluation of a contract. */
  evaluationForUpdate(marcheId: string, entrepriseId: string): Promise<EvaluationAcheteur | null>;
  /** Throws a conflict (409) when the company already evaluated this contract (unique index). */
  insertEvaluation(evaluation: EvaluationAcheteur): Promise<void>;
  /** Writes if the stored version is `expectedVersion`; false otherwise. */
  updateEvaluation(evaluation: EvaluationAcheteur, expectedVersion: number): Promise<boolean>;
  evaluationsAnonymes(organisationId: string): Promise<EvaluationAnonyme[]>;
}
