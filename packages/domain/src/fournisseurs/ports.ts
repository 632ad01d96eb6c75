import type { Scope } from "../acces/policies";
import type { CategorieEntreprise, Fournisseur, StatutInclusif } from "./fournisseur";

export const TRIS_FOURNISSEURS = ["nom", "-nom", "siret", "-montant", "-marches"] as const;
export type TriFournisseurs = (typeof TRIS_FOURNISSEURS)[number];

export interface FournisseurFiltre {
  organisationId: string;
  recherche?: string;
  siren?: string;
  categorie?: CategorieEntreprise;
  statutInclusif?: StatutInclusif;
  /** "val-de-marne": commune 94xxx; "ile-de-france": any of the 8 départements of the region. */
  localisation?: "val-de-marne" | "ile-de-france";
  tri?: TriFournisseurs;
  page: number;
  parPage: number;
}

export interface FournisseurResume extends Fournisseur {
  /** Contracts held (any role), visible to the actor. */
  nombreMarches: number;
  /** Sum of the initial amounts (or maxima) of those contracts, cents HT. */
  montantMarchesHtCents: number;
}

/** The 360 page of a supplier: what the département bought from it and how it paid it. */
export interface Fiche360 {
  fournisseur: Fournisseur;
  /** The other establishments of the same company (same SIREN). */
  etablissements: { id: string; siret: string; nom: string; codeCommune: string | null }[];
  marches: {
    id: string;
    numero: string;
    objet: string;
    role: string;
    statut: string;
    dateNotification: string;
    montantHtCents: number | null;
    montantMaxHtCents: number | null;
  }[];
  montantsParAnnee: { annee: number; notifieHtCents: number; payeTtcCents: number }[];
  evaluations: {
    marcheId: string;
    numero: string;
    dateCloture: string;
    qualite: number;
    delais: number;
    relation: number;
    commentaire: string | null;
  }[];
  /** Bids made and won on the département's procedures; null while the procedures context's tables are absent. */
  offres: OffresDuFournisseur;
  paiements: {
    nombreFactures: number;
    nombrePayees: number;
    delaiMoyenJours: number | null;
    nombreEnRetard: number;
    interetsMoratoiresCents: number;
    indemnitesForfaitairesCents: number;
  };
}

export interface FournisseurRepository {
  list(filtre: FournisseurFiltre, scope: Scope): Promise<{ total: number; fournisseurs: FournisseurResume[] }>;
  get(id: string, organisationId: string): Promise<Fournisseur | null>;
  getBySiret(siret: string, organisationId: string): Promise<Fournisseur | null>;
  /** Throws FOURNISSEUR_SIRET_TAKEN (conflict, on `siret`) when the SIRET is already in the directory. */
  insert(fournisseur: Fournisseur): Promise<void>;
  update(fournisseur: Fournisseur, expectedVersion: number): Promise<boolean>;
  /** Adds many suppliers at once (demo, import). */
  insertMany(fournisseurs: Fournisseur[]): Promise<void>;
  /** The 360 read model, restricted to the contracts the scope lets the actor see (bids: `OffresFournisseur`). */
  fiche(id: string, organisationId: string, scope: Scope): Promise<Omit<Fiche360, "offres"> | null>;
}

/** The bids of one establishment on the département's procedures (a bid per lot). */
export interface OffresDuFournisseur {
  /** Bids made (one per procedure and lot). */
  deposees: number;
  /** Among them, the lots awarded to this establishment. */
  gagnees: number;
  /** The most recent bids, newest first (at most 50). */
  dernieres: {
    procedureId: string;
    reference: string;
    objet: string;
    lotNumero: number;
    prixHtCents: number | null;
    gagnee: boolean;
  }[];
}

/**
 * Port to the procedures context: the bids made by a SIRET and those it won. The db adapter reads the tables
 * `offres` and `attributions` of the procedures context.
 */
export interface OffresFournisseur {
  duSiret(siret: string, organisationId: string, scope: Scope): Promise<OffresDuFournisseur>;
}
