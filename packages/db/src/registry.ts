import { randomUUID } from "node:crypto";
import type { Clock, IdGenerator } from "@achat-public/domain";
import { rawSql, type Executor } from "./client";
import { securityEventLog, sessionRepository, throttleRepository } from "./acces/acces.repository";
import { auditLog } from "./audit/audit.repository";
import { decpRepository } from "./donnees/donnees.repository";
import { publicationEcriture } from "./publication/publication.repository";
import { entrepriseRepository, jetonRepository, membreRepository } from "./entreprises/entreprises.repository";
import { rendezVousSalonRepository } from "./salon/rendez-vous.repository";
import { satisfactionSalonRepository } from "./salon/satisfaction.repository";
import { inscriptionSalonRepository, salonRepository } from "./salon/salon.repository";
import {
  directionRepository,
  organisationRepository,
  serviceRepository,
  utilisateurRepository,
} from "./organisation/organisation.repository";
import { programmeRepository } from "./programme/programme.repository";
import { proceduresRepository } from "./procedures/procedures.repository";
import { rechercheRepository } from "./portail/portail.repository";
import { sourcageRepository } from "./sourcage/sourcage.repository";
import { espaceRepository, listesPubliquesRepository } from "./espace/espace.repository";
import { pilotageRepository } from "./pilotage/pilotage.repository";
import { courrielRepository, importRepository } from "./plateforme/plateforme.repository";
import { ecbRateRepository } from "./regles/regles.repository";
import { fournisseurRepository, offresFournisseur } from "./fournisseurs/fournisseurs.repository";
import { marcheRepository, successeursProgramme } from "./marches/marches.repository";

export const uuidGenerator: IdGenerator = { newId: () => randomUUID() };
export const systemClock: Clock = { now: () => new Date() };

export interface RepositoryContext {
  clock: Clock;
  ids: IdGenerator;
  /** Recorded with each audit event written through these repositories. */
  requestId?: string | null;
}

/**
 * Every port implementation bound to one executor (a transaction, usually): the unit of work. Adding a
 * context adds one line here.
 */
export function repositories(db: Executor, context: RepositoryContext) {
  return {
    // organisation
    organisations: organisationRepository(db),
    directions: directionRepository(db),
    services: serviceRepository(db),
    utilisateurs: utilisateurRepository(db),
    // acces
    sessions: sessionRepository(db),
    throttles: throttleRepository(db, context.clock),
    securityEvents: securityEventLog(db, context.clock),
    // regles
    ecbRates: ecbRateRepository(db),
    // programme
    programme: programmeRepository(db),
    // procedures
    procedures: proceduresRepository(db),
    // fournisseurs, marches
    fournisseurs: fournisseurRepository(db),
    offresFournisseur: offresFournisseur(db),
    marches: marcheRepository(db),
    successeurs: successeursProgramme(db),
    // pilotage
    pilotage: pilotageRepository(db),
    // plateforme
    courrielsTable: courrielRepository(db, context),
    imports: importRepository(db, context.clock),
    // donnees
    decp: decpRepository(db),
    // publication
    publication: publicationEcriture(db),
    // entreprises
    entreprises: entrepriseRepository(db),
    membres: membreRepository(db),
    jetons: jetonRepository(db),
    // portail
    recherches: rechercheRepository(db),
    // sourcage
    sourcage: sourcageRepository(db),
    // espace de l'entreprise, listes publiques
    espace: espaceRepository(db),
    listesPubliques: listesPubliquesRepository(db),
    // salon
    salons: salonRepository(db),
    inscriptionsSalon: inscriptionSalonRepository(db),
    rendezVousSalon: rendezVousSalonRepository(db),
    satisfactionSalon: satisfactionSalonRepository(db),
    // shared
    audit: auditLog(db, context),
    /** Raw SQL in this transaction (the job queue writes its jobs here: the transactional outbox). */
    executeSql: async (text: string, values?: unknown[]) => (await db.execute(rawSql(text, values))) as unknown as { rows: unknown[] },
    ids: context.ids,
    clock: context.clock,
  };
}

export type Repositories = ReturnType<typeof repositories>;
