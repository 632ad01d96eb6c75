import type { Scope } from "../acces/policies";
import type { DateLegale } from "../valeurs/date-legale";
import type { BonCommande, Facture, HeuresInsertion, Modification } from "./execution";
import type { Marche, StatutMarche, TitulaireDetaille } from "./marche";

export const TRIS_MARCHES = [
  "numero",
  "-numero",
  "dateFin",
  "-dateFin",
  "-dateNotification",
  "dateNotification",
  "-montant",
  "montant",
  "objet",
] as const;
export type TriMarches = (typeof TRIS_MARCHES)[number];

export interface MarcheFiltre {
  organisationId: string;
  /** Today, for the status (`echu` = past its end date and not closed). */
  aujourdhui: DateLegale;
  statut?: StatutMarche;
  directionId?: string;
  nature?: string;
  accordCadre?: boolean;
  fournisseurId?: string;
  /** Prefix of the CPV code (2 to 8 digits). */
  cpv?: string;
  recherche?: string;
  finAvant?: DateLegale;
  clauseSociale?: boolean;
  tri?: TriMarches;
  page: number;
  parPage: number;
}

export interface MarcheResume {
  id: string;
  numero: string;
  objet: string;
  directionId: string;
  directionSigle: string;
  nature: string;
  cpv: string;
  accordCadre: boolean;
  montantHtCents: number | null;
  montantMaxHtCents: number | null;
  dateNotification: DateLegale;
  dateFin: DateLegale;
  statut: StatutMarche;
  /** Sole holder or mandatary. */
  titulaire: string | null;
  montantModificationsHtCents: number;
  consommeHtCents: number;
  version: number;
}

export interface MarcheDetail extends Marche {
  directionSigle: string;
  titulairesDetailles: TitulaireDetaille[];
}

/** Raw candidates of the portfolio watch, selected by SQL; the use case filters and shapes them. */
export interface LigneVeille {
  marcheId: string;
  numero: string;
  objet: string;
  directionId: string;
  directionSigle: string;
  dateFin: DateLegale;
  reconductionsRestantes: number;
  montantReferenceHtCents: number;
  /** Frameworks: sum of orders; others: 0. */
  consommeHtCents: number;
  maximumHtCents: number | null;
  montantModificationsHtCents: number;
  pourcentageCumulePointsDeBase: number;
  modificationsHorsMoteur: number;
  facturesEnRetard: number;
  facturesImpayeesEchues: number;
  interetsMoratoiresCents: number;
}

export interface MarcheRepository {
  list(filtre: MarcheFiltre, scope: Scope): Promise<{ total: number; marches: MarcheResume[] }>;
  get(id: string, organisationId: string, scope: Scope): Promise<MarcheDetail | null>;
  /** Reads and row-locks the contract until the end of the transaction. */
  getForUpdate(id: string, organisationId: string, scope: Scope): Promise<Marche | null>;
  findByAttribution(organisationId: string, procedureId: string, lotNumero: number): Promise<Marche | null>;
  /** Throws MARCHE_NUMERO_TAKEN (conflict, on `numero`) when the number is already used. */
  insert(marche: Marche): Promise<void>;
  /** Writes the record (holders included) if the stored version is `expectedVersion`; false otherwise. */
  update(marche: Marche, expectedVersion: number): Promise<boolean>;
  modifications(marcheId: string): Promise<Modification[]>;
  insertModification(modification: Modification): Promise<void>;
  bonsCommande(marcheId: string): Promise<BonCommande[]>;
  insertBonCommande(bon: BonCommande): Promise<void>;
  factures(marcheId: string): Promise<Facture[]>;
  getFacture(id: string, marcheId: string): Promise<Facture | null>;
  insertFacture(facture: Facture): Promise<void>;
  updateFacture(facture: Facture): Promise<void>;
  heuresInsertion(marcheId: string): Promise<HeuresInsertion[]>;
  insertHeuresInsertion(heures: HeuresInsertion): Promise<void>;
  /** Open contracts with their watch figures (end within `horizon`, consumption, drift, late payments). */
  veille(organisationId: string, scope: Scope, aujourdhui: DateLegale, horizon: DateLegale): Promise<LigneVeille[]>;
  /** Writes a whole portfolio at once (demo, import, benchmarks): contracts, holders and their execution. */
  importerPortefeuille(lot: {
    marches: Marche[];
    modifications: Modification[];
    bonsCommande: BonCommande[];
    factures: Facture[];
    heuresInsertion: HeuresInsertion[];
  }): Promise<void>;
  /** Records that the digest of a direction was sent on `jour`; false when it already was (never twice a day). */
  marquerSynthese(directionId: string, jour: DateLegale): Promise<boolean>;
}

/**
 * Port to the purchase programme: which of these contracts already have a successor line (a programme line
 * planned to renew them). The programme context answers it; until it is merged, the db adapter answers
 * "none" (see docs/marches.md).
 */
export interface SuccesseursProgramme {
  avecSuccesseur(organisationId: string, marcheIds: readonly string[]): Promise<Set<string>>;
}
