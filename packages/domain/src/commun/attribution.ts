/**
 * The event that joins the procedures context to the contracts context: when a lot's award is notified, the
 * procedures context writes the job `procedures.attribution-notifiee` in its transaction (outbox); the contracts
 * context handles it and creates the contract record (idempotent on `procedureId` + `lotNumero`).
 * Contracts that predate the platform are entered or imported directly, without this event.
 */
import type { Nature, ProcedureDecp } from "../regles/types";

/** Job name of the outbox event (`context.verb-noun`). */
export const ATTRIBUTION_NOTIFIEE = "procedures.attribution-notifiee";

/** A holder of the notified contract (sole holder, consortium member or its mandatary). */
export interface TitulaireNotifie {
  siret: string;
  nom: string;
  role: "titulaire" | "cotraitant" | "mandataire";
  /** EU size category declared with the bid, when known. */
  categorie: "micro" | "pme" | "eti" | "ge" | null;
}

/** Payload of `procedures.attribution-notifiee`: one lot, notified. Amounts are integer cents HT. */
export interface AttributionNotifiee {
  organisationId: string;
  directionId: string;
  procedureId: string;
  /** Lot number inside the procedure (1 when the procedure has a single lot). */
  lotNumero: number;
  /** Contract number given at notification (unique in the organisation). */
  numero: string;
  objet: string;
  nature: Nature;
  /** Main CPV code, `dddddddd-d`. */
  cpv: string;
  /** DECP label of the procedure followed. */
  procedure: ProcedureDecp;
  titulaires: TitulaireNotifie[];
  /** Firm amount (null for a framework agreement, which gives its maximum). */
  montantHtCents: number | null;
  accordCadre: boolean;
  montantMinHtCents: number | null;
  montantMaxHtCents: number | null;
  /** ISO date `YYYY-MM-DD`. */
  dateNotification: string;
  dureeMois: number;
  /** Number of offers received for the lot (competition indicator). */
  nombreOffres: number;
  /** Responsible-purchasing clauses picked for the lot. */
  clauseSociale: boolean;
  heuresInsertionPrevues: number | null;
  clauseEnvironnementale: boolean;
  marcheReserve: boolean;
  achatInnovant: boolean;
  /** Programme lines the procedure came from (for the successor check of the portfolio watch). */
  lignesProgrammeIds: string[];
}
