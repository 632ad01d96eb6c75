import type { RendezVousSuivi } from "./entonnoir";
import type { AcheteurSalon, DemandeRendezVous, RendezVousSalon } from "./rendez-vous";
import type { CoteSatisfaction, ReponseSatisfaction, ReponseSatisfactionEnregistree } from "./satisfaction";

/** A buyer attending the fair, with what a company needs to choose whom to meet. */
export interface AcheteurSalonDetail extends AcheteurSalon {
  nom: string;
  /** Its purchase families: code and label (a code no longer in the nomenclature keeps its code as label). */
  famillesLibelles?: { code: string; libelle: string }[];
  direction: string | null;
  directionId: string | null;
}

/** A request with the names both sides read. */
export interface DemandeDetail extends DemandeRendezVous {
  raisonSociale: string;
  acheteur: string;
  direction: string | null;
  /** The lines discussed: id and object. */
  objets: { id: string; objet: string }[];
}

export interface LigneDiscutee {
  id: string;
  objet: string;
  directionId: string;
}

export interface RendezVousSalonRepository {
  acheteurs(salonId: string): Promise<AcheteurSalonDetail[]>;
  acheteur(salonId: string, utilisateurId: string): Promise<AcheteurSalon | null>;
  /** Adds or updates the buyer (its table is kept when it already attends). */
  enregistrerAcheteur(acheteur: AcheteurSalon): Promise<void>;
  retirerAcheteur(salonId: string, utilisateurId: string): Promise<void>;
  /** The published lines of the organisation among `ids` (the others do not exist for a request). */
  lignesPubliees(organisationId: string, ids: string[]): Promise<LigneDiscutee[]>;
  /** Throws ALREADY_REQUESTED when a live request already links the company and the buyer at this fair. */
  insererDemande(demande: DemandeRendezVous): Promise<void>;
  demande(id: string, salonId: string): Promise<DemandeRendezVous | null>;
  decliner(id: string, par: DemandeRendezVous["origine"]): Promise<void>;
  demandes(filtre: { salonId: string; entrepriseId?: string; acheteurId?: string; vivantes?: boolean }): Promise<DemandeDetail[]>;
  rendezVous(filtre: { salonId: string; entrepriseId?: string; acheteurId?: string }): Promise<RendezVousSalon[]>;
  /** Replaces the fair's plan. */
  remplacerPlan(salonId: string, plan: RendezVousSalon[]): Promise<void>;
  retirerRendezVousDe(demandeId: string): Promise<void>;
  confirmerPlan(salonId: string): Promise<number>;
  /** Every meeting of the organisation's held fairs with what followed (a direction: its buyers' meetings only). */
  rendezVousSuivis(organisationId: string, directionId: string | null): Promise<RendezVousSuivi[]>;
}

/** The satisfaction survey's answers; the author is read only to find one's own answer. */
export interface SatisfactionSalonRepository {
  /** The answer of a company (`entrepriseId`) or of a buyer (`utilisateurId`) to the fair's survey. */
  reponseDe(salonId: string, auteur: { entrepriseId: string } | { utilisateurId: string }): Promise<ReponseSatisfactionEnregistree | null>;
  /** Throws ALREADY_ANSWERED when the same author answered at the same moment. */
  inserer(reponse: ReponseSatisfactionEnregistree): Promise<void>;
  modifier(id: string, reponse: ReponseSatisfaction, modifieLe: Date): Promise<void>;
  /** Every answer of the fair, without its author. */
  reponses(salonId: string): Promise<(ReponseSatisfaction & { cote: CoteSatisfaction })[]>;
  /** Companies checked in present, and attending buyers. */
  participants(salonId: string): Promise<Record<CoteSatisfaction, number>>;
}
