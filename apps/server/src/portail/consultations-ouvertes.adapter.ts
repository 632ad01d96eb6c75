/**
 * The portal's source of the open consultations: the procedures context's public read (the same list as
 * `GET /api/public/consultations`: published, tender deadline today or later, Paris time), with its publication
 * day so that feeds and digests date each item.
 */
import type { Executor } from "@achat-public/db";
import { proceduresRepository } from "@achat-public/db";
import type { Clock } from "@achat-public/domain";
import type { ConsultationsOuvertesSource } from "@achat-public/domain/portail";
import { aujourdhuiParis } from "../marches/aujourdhui";

export function consultationsOuvertesAdapter(db: Executor, clock: Clock): ConsultationsOuvertesSource {
  const procedures = proceduresRepository(db);
  return {
    lister: async () =>
      (await procedures.consultationsOuvertes(aujourdhuiParis(clock.now()))).map(({ reference: _, datePublication, ...c }) => ({
        ...c,
        ...(datePublication ? { publieeLe: `${datePublication}T00:00:00Z` } : {}),
      })),
  };
}
