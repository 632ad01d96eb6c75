import type { ElementVeille, Frequence, RechercheEnregistree } from "./veille";

/** An open consultation, as the procedures context publishes it (`GET /api/public/consultations`). */
export interface ConsultationOuverte {
  id: string;
  objet: string;
  lots: { numero: number; objet: string; cpv: string }[];
  cpv: string;
  procedure: string;
  /** ISO 8601 instant. */
  dateLimiteReception: string;
  direction: string;
  /** Where the tender documents are (external buyer profile until electronic submission exists). */
  urlProfilAcheteur: string | null;
  /** When it was published (ISO 8601); absent: the feeds use the deadline's eve… see `elementDeConsultation`. */
  publieeLe?: string;
}

/**
 * The open consultations, read from the procedures context. The portal only reads them
 * (apps/server/src/portail/consultations-ouvertes.adapter.ts).
 */
export interface ConsultationsOuvertesSource {
  lister(): Promise<ConsultationOuverte[]>;
}

/** The published programme lines, newest publication first (at most `limite`). */
export interface LignesPublieesSource {
  lignesPubliees(limite: number): Promise<ElementVeille[]>;
}

export interface RechercheRepository {
  insert(recherche: RechercheEnregistree): Promise<void>;
  get(id: string): Promise<RechercheEnregistree | null>;
  /** Reads and row-locks the search (one digest at a time per search). */
  getForUpdate(id: string): Promise<RechercheEnregistree | null>;
  deEntreprise(entrepriseId: string): Promise<RechercheEnregistree[]>;
  /** Writes `recherche` if the stored version is `expectedVersion`; false otherwise. */
  update(recherche: RechercheEnregistree, expectedVersion: number): Promise<boolean>;
  delete(id: string): Promise<void>;
  /** Identifiers of the searches with alerts on, of these frequencies. */
  alertesActives(frequences: readonly Frequence[]): Promise<string[]>;
  /** The account that receives a search's digests. */
  destinataire(utilisateurId: string): Promise<{ email: string; actif: boolean; organisationId: string } | null>;
  /** Keys (`type:id`) of the items already mailed for this search. */
  envoyes(rechercheId: string): Promise<Set<string>>;
  /**
   * Records the items as sent (unique per search and item); returns the keys actually inserted (an item
   * recorded by a concurrent run is not returned, so it is never mailed twice).
   */
  marquerEnvoyes(rechercheId: string, cles: string[], at: Date): Promise<string[]>;
}

/** Signs short messages with the installation's secret key (unsubscribe links, private feed addresses). */
export interface Signataire {
  signer(message: string): Promise<string>;
}
