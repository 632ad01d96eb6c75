/**
 * STUB — to be wired at merge with the `procedures` context (built in parallel, which publishes
 * `GET /api/public/consultations`). The portal reads the open consultations through the domain port
 * `ConsultationsOuvertesSource` (packages/domain/src/portail/ports.ts): the merge replaces this function's body
 * by the procedures repository's read of the open consultations (same shape as the public route:
 * {id, objet, lots:[{numero, objet, cpv}], cpv, procedure, dateLimiteReception, direction, urlProfilAcheteur},
 * plus `publieeLe` if known). Until then: no consultation. Tests set `ctx.consultationsOuvertes` to a fake.
 */
import type { ConsultationsOuvertesSource } from "@achat-public/domain/portail";
import type { Executor } from "@achat-public/db";

export function consultationsOuvertesAdapter(_db: Executor): ConsultationsOuvertesSource {
  return { lister: async () => [] };
}
