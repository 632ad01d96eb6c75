import type { RendezVousSuivi } from "./entonnoir";
import type { AcheteurSalon, DemandeRendezVous, RendezVousSalon } from "./rendez-vous";

/** A buyer attending the fair, with what a company needs to choose whom to meet. */
export interface AcheteurSalonDetail extends AcheteurSalon {
  nom: string;
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
