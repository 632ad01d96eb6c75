/**
 * An in-memory `SourcePublication` (tests, demo without the contracts tables): the records given, for one
 * organisation, with the change feed computed from their `misAJourLe`.
 */
import { comparerPositions, decoderCurseur, encoderCurseur, type PositionCurseur } from "./curseur";
import type { ChangementPublic, MarchePourPublication, PageChangements, ProcedurePourPublication, SourcePublication } from "./types";

export function sourcePublicationEnMemoire(
  donnees:
    | { organisationId: string; marches: readonly MarchePourPublication[]; procedures: readonly ProcedurePourPublication[] }
    | (() => {
        organisationId: string;
        marches: readonly MarchePourPublication[];
        procedures: readonly ProcedurePourPublication[];
      }),
): SourcePublication {
  const lire = () => (typeof donnees === "function" ? donnees() : donnees);
  return {
    async *marches(organisationId) {
      const d = lire();
      if (d.organisationId === organisationId) yield* d.marches;
    },
    async *procedures(organisationId) {
      const d = lire();
      if (d.organisationId === organisationId) yield* d.procedures;
    },
    async changements(organisationId, depuis, limit): Promise<PageChangements> {
      const d = lire();
      const apres: PositionCurseur | null = depuis === null ? null : decoderCurseur(depuis);
      if (d.organisationId !== organisationId) return { changements: [], suivant: depuis };
      const tous: ChangementPublic[] = [
        ...d.marches.map((m) => ({ type: "marche" as const, id: m.id, reference: m.numero, misAJourLe: m.misAJourLe })),
        ...d.procedures
          .filter((p) => p.statut !== "brouillon")
          .map((p) => ({ type: "procedure" as const, id: p.id, reference: p.reference, misAJourLe: p.misAJourLe })),
      ].sort(comparerPositions);
      const suite = apres ? tous.filter((c) => comparerPositions(c, apres) > 0) : tous;
      const page = suite.slice(0, limit);
      const dernier = page.at(-1);
      return { changements: page, suivant: dernier ? encoderCurseur(dernier) : depuis };
    },
  };
}
