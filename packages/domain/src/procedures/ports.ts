import type { Scope } from "../acces/policies";
import type { Clause } from "./clausier";
import type { EtatProcedure } from "./machine";
import type { Procedure } from "./procedure";

export type TriProcedures = "reference" | "objet" | "valeur" | "etat" | "dateLimiteReception" | "direction";

export interface ProceduresFilter {
  organisationId: string;
  scope: Scope;
  annee?: number;
  etat?: EtatProcedure;
  directionId?: string;
  /** Words of the object or the reference. */
  q?: string;
  tri: TriProcedures;
  ordre: "asc" | "desc";
  page: number;
  parPage: number;
}

/** A procedure as the list shows it. */
export interface ResumeProcedure {
  id: string;
  reference: string;
  annee: number;
  objet: string;
  nature: Procedure["nature"];
  procedure: Procedure["procedure"];
  directionId: string;
  direction: string;
  etat: EtatProcedure;
  valeurEstimeeHtCents: number;
  nombreLots: number;
  nombreOffres: number;
  dateLimiteReception: string | null;
  version: number;
}

/** An open consultation as the companies' portal shows it (no login). */
export interface ConsultationPublique {
  id: string;
  reference: string;
  objet: string;
  cpv: string;
  procedure: Procedure["procedure"];
  dateLimiteReception: string;
  /** Day of publication (YYYY-MM-DD). */
  datePublication: string | null;
  direction: string;
  urlProfilAcheteur: string | null;
  lots: { numero: number; objet: string; cpv: string }[];
}

export interface ProceduresRepository {
  list(filter: ProceduresFilter): Promise<{ total: number; procedures: ResumeProcedure[] }>;
  get(id: string, organisationId: string, scope: Scope): Promise<Procedure | null>;
  insert(procedure: Procedure): Promise<void>;
  /** Writes the whole procedure (lots, tenders, award, lines, clauses) if the stored version is `expectedVersion`. */
  save(procedure: Procedure, expectedVersion: number): Promise<boolean>;
  /** Programme lines among `ids` already in a procedure that is not abandoned (other than `saufProcedureId`). */
  lignesEngagees(organisationId: string, ids: readonly string[], saufProcedureId?: string): Promise<string[]>;
  /** Published consultations whose tender deadline is `aujourdhui` or later. */
  consultationsOuvertes(aujourdhui: string): Promise<ConsultationPublique[]>;

  listClauses(organisationId: string): Promise<Clause[]>;
  getClause(id: string, organisationId: string): Promise<Clause | null>;
  insertClause(clause: Clause): Promise<void>;
  updateClause(clause: Clause, expectedVersion: number): Promise<boolean>;
}
