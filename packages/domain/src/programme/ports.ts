import type { Scope } from "../acces/policies";
import type { FamilleAchat, LigneProgramme, StatutLigne, VersionLigne } from "./programme";

export type TriLignes = "objet" | "valeur" | "trimestre" | "direction" | "statut";

export interface LignesFilter {
  organisationId: string;
  scope: Scope;
  annee: number;
  directionId?: string;
  statut?: StatutLigne;
  familleId?: string;
  recherche?: string;
  tri: TriLignes;
  ordre: "asc" | "desc";
  page: number;
  parPage: number;
}

/** A published line as the public programme shows it. */
export interface LignePublique {
  id: string;
  annee: number;
  objet: string;
  nature: LigneProgramme["nature"];
  cpv: string;
  directionId: string;
  direction: string;
  familleCode: string | null;
  familleLibelle: string | null;
  operation: string | null;
  trimestre: number;
  dureeMois: number;
  valeurEstimeeHtCents: number;
  familleProcedure: LigneProgramme["familleProcedure"];
  renouvellement: boolean;
  clauseSociale: boolean;
  lotReserve: boolean;
  critereEnvironnemental: boolean;
  innovation: boolean;
}

export interface RecherchePublique {
  /** The platform serves one département: without it, every published line. */
  organisationId?: string;
  annee: number;
  /** Code of the family (F-INFO…). */
  famille?: string;
  trimestre?: number;
  directionId?: string;
  /** French full text, accents ignored. */
  motCle?: string;
  page: number;
  parPage: number;
}

export interface ProgrammeRepository {
  listFamilles(organisationId: string): Promise<FamilleAchat[]>;
  getFamille(id: string, organisationId: string): Promise<FamilleAchat | null>;
  /** Throws a conflict DomainError when the code is already used. */
  insertFamille(famille: FamilleAchat): Promise<void>;
  updateFamille(famille: FamilleAchat, expectedVersion: number): Promise<boolean>;

  list(filter: LignesFilter): Promise<{ total: number; lignes: LigneProgramme[] }>;
  /** Every line of the year of the organisation (aggregation), whatever the actor. */
  listAnnee(organisationId: string, annee: number): Promise<LigneProgramme[]>;
  get(id: string, organisationId: string, scope: Scope): Promise<LigneProgramme | null>;
  insert(ligne: LigneProgramme): Promise<void>;
  /** Writes `ligne` if the stored version is `expectedVersion`; false otherwise. */
  update(ligne: LigneProgramme, expectedVersion: number): Promise<boolean>;
  insertVersion(version: VersionLigne): Promise<void>;
  listVersions(ligneId: string): Promise<VersionLigne[]>;

  publicSearch(query: RecherchePublique): Promise<{ total: number; lignes: LignePublique[] }>;
  publicGet(id: string): Promise<LignePublique | null>;
  /** The families and directions that appear in the published lines of the year (the public filters). */
  publicFiltres(annee: number): Promise<{ familles: { code: string; libelle: string }[]; directions: { id: string; nom: string }[] }>;
}
