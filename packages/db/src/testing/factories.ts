/**
 * Insert factories: `insertX(db, overrides)` persists a valid row built by the domain's `buildX` and returns
 * it, so that a test states only what matters to it and depends on no demo data. They write through the
 * repositories, without audit events (tests of the audit trail call the use cases).
 */
import { buildDirection, buildOrganisation, buildService, buildUtilisateur, validSiret } from "@achat-public/domain/testing";
import type { Direction, Organisation, Service, Utilisateur } from "@achat-public/domain";
import type { Executor } from "../client";
import {
  directionRepository,
  organisationRepository,
  serviceRepository,
  utilisateurRepository,
} from "../organisation/organisation.repository";

let sirets = 0;

export async function insertOrganisation(db: Executor, overrides: Partial<Organisation> = {}): Promise<Organisation> {
  const organisation = buildOrganisation({ siret: validSiret(229_400_000 + ++sirets * 7919), ...overrides });
  await organisationRepository(db).insert(organisation);
  return organisation;
}

export async function insertDirection(db: Executor, overrides: Partial<Direction> & { organisationId: string }): Promise<Direction> {
  const direction = buildDirection(overrides);
  await directionRepository(db).insert(direction);
  return direction;
}

export async function insertService(db: Executor, overrides: Partial<Service> & { directionId: string }): Promise<Service> {
  const service = buildService(overrides);
  await serviceRepository(db).insert(service);
  return service;
}

/** An account; `passwordHash` as stored (hash it with the app's hasher to log in with it). */
export async function insertUtilisateur(
  db: Executor,
  overrides: Partial<Utilisateur> & { organisationId: string },
  passwordHash: string | null = null,
): Promise<Utilisateur> {
  const utilisateur = buildUtilisateur({ aUnMotDePasse: passwordHash !== null, ...overrides });
  await utilisateurRepository(db).insert(utilisateur, passwordHash);
  return utilisateur;
}
