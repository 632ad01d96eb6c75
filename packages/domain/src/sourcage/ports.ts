import type { DemandeSourcage, ReponseSourcage, SignalInteret, SignalVuParAcheteur } from "./sourcage";

/** A company's own signal with the line it is on (the company space). */
export interface MonSignal {
  signal: SignalInteret;
  ligne: { id: string; annee: number; objet: string; direction: string; trimestre: number; publiee: boolean };
}

/** A company's answer, with the company, as the buyer reads it. */
export interface ReponseVueParAcheteur {
  reponse: ReponseSourcage;
  entreprise: { id: string; raisonSociale: string; siret: string; categorie: string | null };
}

export interface SourcageRepository {
  /**
   * Inserts the signal, or (same company and line: unique in base) changes its note: safe under concurrent
   * double clicks. Returns the stored signal and whether it was created.
   */
  signaler(signal: SignalInteret): Promise<{ signal: SignalInteret; cree: boolean }>;
  /** Deletes the company's signal on the line; false when there was none. */
  retirer(ligneId: string, entrepriseId: string): Promise<boolean>;
  signauxDeEntreprise(entrepriseId: string): Promise<MonSignal[]>;
  /** The signals of a line with the companies' profiles and localities (`departement`: the platform's). */
  signauxDeLigne(ligneId: string, departement: string | null): Promise<SignalVuParAcheteur[]>;
  /** E-mails of the active accounts of the companies interested in the line. */
  comptesInteresses(ligneId: string): Promise<string[]>;

  insertDemande(demande: DemandeSourcage): Promise<void>;
  getDemande(id: string): Promise<DemandeSourcage | null>;
  demandesDeLigne(ligneId: string): Promise<DemandeSourcage[]>;
  /** Writes the early closing if the stored version is `expectedVersion`; false otherwise. */
  cloreDemande(id: string, at: Date, expectedVersion: number): Promise<boolean>;

  /**
   * Inserts the company's answer, or replaces it (unique per request and company) when the stored version is
   * `expectedVersion` (null: only if none exists). Returns the stored answer, or null on a version conflict.
   */
  repondre(reponse: ReponseSourcage, expectedVersion: number | null): Promise<ReponseSourcage | null>;
  reponseDe(demandeId: string, entrepriseId: string): Promise<ReponseSourcage | null>;
  reponsesDe(demandeId: string): Promise<ReponseVueParAcheteur[]>;
}
