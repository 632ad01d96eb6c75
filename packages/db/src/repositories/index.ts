import { randomUUID } from "node:crypto";
import type { Clock, IdGenerator } from "@achat-public/domain";
import type { Executor } from "../client";
import { auditLog } from "./audit.repository";
import { ecbRateRepository } from "./ecb-rate.repository";
import { directionRepository, organisationRepository, serviceRepository } from "./organisation.repository";
import { sessionRepository, throttleRepository } from "./session.repository";
import { userRepository } from "./user.repository";

export const uuidGenerator: IdGenerator = { newId: () => randomUUID() };
export const systemClock: Clock = { now: () => new Date() };

export interface RepositoryContext {
  clock: Clock;
  ids: IdGenerator;
  /** Recorded with each audit event written through these repositories. */
  requestId?: string | null;
}

/** Every port implementation bound to one executor (a transaction, usually). */
export function repositories(db: Executor, context: RepositoryContext) {
  return {
    organisations: organisationRepository(db),
    directions: directionRepository(db),
    services: serviceRepository(db),
    users: userRepository(db),
    sessions: sessionRepository(db),
    throttles: throttleRepository(db),
    ecbRates: ecbRateRepository(db),
    audit: auditLog(db, context),
    ids: context.ids,
  };
}

export type Repositories = ReturnType<typeof repositories>;
