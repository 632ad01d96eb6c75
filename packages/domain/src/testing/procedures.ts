/** In-memory fake of the procedures repository (optimistic versions, scope), for use-case tests. */
import type { Scope } from "../acces/policies";
import type { Clause } from "../procedures/clausier";
import type { ConsultationPublique, ProceduresFilter, ProceduresRepository, ResumeProcedure } from "../procedures/ports";
import { valeurEstimee, type Procedure } from "../procedures/procedure";

const inScope = (scope: Scope, directionId: string) =>
  scope.kind === "all" || (scope.kind === "direction" && scope.directionId === directionId);
const copie = <T>(v: T): T => structuredClone(v);

export class FakeProcedures implements ProceduresRepository {
  readonly rows = new Map<string, Procedure>();
  readonly clauses = new Map<string, Clause>();

  async list(filter: ProceduresFilter) {
    const all = [...this.rows.values()].filter(
      (p) =>
        p.organisationId === filter.organisationId &&
        inScope(filter.scope, p.directionId) &&
        (!filter.etat || p.etat === filter.etat) &&
        (!filter.annee || p.annee === filter.annee) &&
        (!filter.directionId || p.directionId === filter.directionId) &&
        (!filter.q || p.objet.toLowerCase().includes(filter.q.toLowerCase())),
    );
    const start = (filter.page - 1) * filter.parPage;
    const procedures: ResumeProcedure[] = all.slice(start, start + filter.parPage).map((p) => ({
      id: p.id,
      reference: p.reference,
      annee: p.annee,
      objet: p.objet,
      nature: p.nature,
      procedure: p.procedure,
      directionId: p.directionId,
      direction: p.directionId,
      etat: p.etat,
      valeurEstimeeHtCents: valeurEstimee(p),
      nombreLots: p.lots.length,
      nombreOffres: p.lots.reduce((s, l) => s + l.offres.length, 0),
      dateLimiteReception: p.dateLimiteReception,
      version: p.version,
    }));
    return { total: all.length, procedures };
  }
  async get(id: string, organisationId: string, scope: Scope) {
    const p = this.rows.get(id);
    return p && p.organisationId === organisationId && inScope(scope, p.directionId) ? copie(p) : null;
  }
  async insert(p: Procedure) {
    this.rows.set(p.id, copie(p));
  }
  async save(p: Procedure, expectedVersion: number) {
    const current = this.rows.get(p.id);
    if (!current || current.version !== expectedVersion) return false;
    this.rows.set(p.id, copie(p));
    return true;
  }
  async lignesEngagees(organisationId: string, ids: readonly string[], sauf?: string) {
    const prises = new Set(
      [...this.rows.values()]
        .filter((p) => p.organisationId === organisationId && p.etat !== "abandonnee" && p.id !== sauf)
        .flatMap((p) => p.lignesProgrammeIds),
    );
    return ids.filter((id) => prises.has(id));
  }
  async consultationsOuvertes(aujourdhui: string): Promise<ConsultationPublique[]> {
    return [...this.rows.values()]
      .filter((p) => p.etat === "publiee" && p.dateLimiteReception !== null && p.dateLimiteReception >= aujourdhui)
      .map((p) => ({
        id: p.id,
        reference: p.reference,
        objet: p.objet,
        cpv: p.lots[0]?.cpv ?? "",
        procedure: p.procedure,
        dateLimiteReception: p.dateLimiteReception ?? "",
        datePublication: p.datePublication,
        direction: p.directionId,
        urlProfilAcheteur: p.urlProfilAcheteur,
        lots: p.lots.map((l) => ({ numero: l.numero, objet: l.objet, cpv: l.cpv })),
      }));
  }
  async listClauses(organisationId: string) {
    return [...this.clauses.values()].filter((c) => c.organisationId === organisationId).map(copie);
  }
  async getClause(id: string, organisationId: string) {
    const c = this.clauses.get(id);
    return c && c.organisationId === organisationId ? copie(c) : null;
  }
  async insertClause(c: Clause) {
    this.clauses.set(c.id, copie(c));
  }
  async updateClause(c: Clause, expectedVersion: number) {
    const current = this.clauses.get(c.id);
    if (!current || current.version !== expectedVersion) return false;
    this.clauses.set(c.id, copie(c));
    return true;
  }
}
