import type { Collegue, Entreprise, Membre } from "./entreprise";

export interface EntrepriseRepository {
  /** Throws a conflict (`ENTREPRISE_SIRET_TAKEN` on `siret`) when the SIRET already has an account. */
  insert(entreprise: Entreprise): Promise<void>;
  get(id: string): Promise<Entreprise | null>;
  /** Writes `entreprise` if the stored version is `expectedVersion`; false otherwise. */
  update(entreprise: Entreprise, expectedVersion: number): Promise<boolean>;
}

export interface MembreRepository {
  /** The company of an account (null: not a company account, or not attached). */
  deUtilisateur(utilisateurId: string): Promise<Membre | null>;
  ajouter(membre: Membre): Promise<void>;
  /** The accounts of a company, administrators first, then by name. */
  lister(entrepriseId: string): Promise<Collegue[]>;
}

export type TypeJeton = "confirmation" | "invitation";

/** A single-use link sent by mail: only its fingerprint is stored. */
export interface JetonEntreprise {
  jetonHash: string;
  type: TypeJeton;
  entrepriseId: string;
  /** The account to activate (confirmation); null for an invitation (the account is created on acceptance). */
  utilisateurId: string | null;
  email: string;
  nomAffiche: string;
  expireLe: Date;
  utiliseLe: Date | null;
  creePar: string | null;
}

export interface JetonRepository {
  insert(jeton: JetonEntreprise): Promise<void>;
  /** Reads and row-locks the token (two clicks on the same link queue, the second finds it used). */
  getForUpdate(jetonHash: string): Promise<JetonEntreprise | null>;
  marquerUtilise(jetonHash: string, at: Date): Promise<void>;
  /** Invitations of the company not yet accepted nor expired. */
  invitationsEnCours(entrepriseId: string, now: Date): Promise<JetonEntreprise[]>;
}
