import type { InscriptionSalon, Presence, Salon } from "./evenement";

export interface SalonRepository {
  insert(salon: Salon): Promise<void>;
  /** The fair, within an organisation (null: any). */
  get(id: string, organisationId: string | null): Promise<Salon | null>;
  /**
   * Reads and row-locks the fair until the end of the transaction: every registration, cancellation and
   * promotion of one fair takes this lock first, so they run one after the other (no overbooking).
   */
  getForUpdate(id: string): Promise<Salon | null>;
  update(salon: Salon, expectedVersion: number): Promise<boolean>;
  /** The fairs, most recent date first. */
  /** Within an organisation (null: all of them). */
  list(organisationId: string | null): Promise<(Salon & { acceptees: number; enAttente: number })[]>;
}

export interface InscriptionListFilter {
  salonId: string;
  statut?: InscriptionSalon["statut"];
  page: number;
  parPage: number;
}

export interface InscriptionAvecEntreprise extends InscriptionSalon {
  raisonSociale: string;
  siret: string;
  /** Position on the waiting list (1 = next), null when not waiting. */
  positionAttente: number | null;
}

export interface InscriptionSalonRepository {
  /** Inserts the registration and returns its order of arrival. */
  insert(inscription: Omit<InscriptionSalon, "rang">): Promise<number>;
  /** The company's live (not cancelled) registration to the fair. */
  active(salonId: string, entrepriseId: string): Promise<InscriptionSalon | null>;
  compterAcceptees(salonId: string): Promise<number>;
  /** Position (1 = next) of a waiting registration. */
  positionAttente(salonId: string, rang: number): Promise<number>;
  /** The first waiting registration (lowest order of arrival). */
  premiereEnAttente(salonId: string): Promise<InscriptionSalon | null>;
  changerStatut(id: string, statut: InscriptionSalon["statut"], promueLe: Date | null): Promise<void>;
  pointer(id: string, presence: Presence): Promise<void>;
  /** The slots where the company is available (null: the whole day). */
  definirDisponibilites(id: string, disponibilites: string[] | null): Promise<void>;
  get(id: string, salonId: string): Promise<InscriptionSalon | null>;
  list(filter: InscriptionListFilter): Promise<{ total: number; inscriptions: InscriptionAvecEntreprise[] }>;
}
