/** In-memory fake of the programme repository (optimistic versions, scope, code uniqueness), for use-case tests. */
import type { Scope } from "../acces/policies";
import { DomainError } from "../commun/errors";
import type { LignePublique, LignesFilter, ProgrammeRepository, RecherchePublique } from "../programme/ports";
import type { FamilleAchat, LigneProgramme, VersionLigne } from "../programme/programme";

const inScope = (scope: Scope, directionId: string) =>
  scope.kind === "all" || (scope.kind === "direction" && scope.directionId === directionId);

export class FakeProgramme implements ProgrammeRepository {
  readonly familles = new Map<string, FamilleAchat>();
  readonly lignes = new Map<string, LigneProgramme>();
  readonly versions: VersionLigne[] = [];

  async listFamilles(organisationId: string) {
    return [...this.familles.values()].filter((f) => f.organisationId === organisationId).map((f) => ({ ...f }));
  }
  async getFamille(id: string, organisationId: string) {
    const f = this.familles.get(id);
    return f && f.organisationId === organisationId ? { ...f } : null;
  }
  async insertFamille(famille: FamilleAchat) {
    if ([...this.familles.values()].some((f) => f.organisationId === famille.organisationId && f.code === famille.code))
      throw new DomainError("FAMILY_CODE_TAKEN", "Une famille porte déjà ce code.", "conflict", [
        { path: ["code"], message: "Code déjà utilisé." },
      ]);
    this.familles.set(famille.id, { ...famille });
  }
  async updateFamille(famille: FamilleAchat, expectedVersion: number) {
    const current = this.familles.get(famille.id);
    if (!current || current.version !== expectedVersion) return false;
    this.familles.set(famille.id, { ...famille });
    return true;
  }
  async list(filter: LignesFilter) {
    const all = [...this.lignes.values()].filter(
      (l) =>
        l.organisationId === filter.organisationId &&
        l.annee === filter.annee &&
        inScope(filter.scope, l.directionId) &&
        (!filter.statut || l.statut === filter.statut) &&
        (!filter.directionId || l.directionId === filter.directionId),
    );
    const start = (filter.page - 1) * filter.parPage;
    return { total: all.length, lignes: all.slice(start, start + filter.parPage).map((l) => ({ ...l })) };
  }
  async listAnnee(organisationId: string, annee: number) {
    return [...this.lignes.values()].filter((l) => l.organisationId === organisationId && l.annee === annee).map((l) => ({ ...l }));
  }
  async get(id: string, organisationId: string, scope: Scope) {
    const l = this.lignes.get(id);
    return l && l.organisationId === organisationId && inScope(scope, l.directionId) ? { ...l } : null;
  }
  async insert(ligne: LigneProgramme) {
    this.lignes.set(ligne.id, { ...ligne });
  }
  async update(ligne: LigneProgramme, expectedVersion: number) {
    const current = this.lignes.get(ligne.id);
    if (!current || current.version !== expectedVersion) return false;
    this.lignes.set(ligne.id, { ...ligne });
    return true;
  }
  async insertVersion(version: VersionLigne) {
    this.versions.push(structuredClone(version));
  }
  async listVersions(ligneId: string) {
    return this.versions.filter((v) => v.ligneId === ligneId);
  }
  async publicSearch(query: RecherchePublique) {
    const lignes = [...this.lignes.values()].filter(
      (l) => (!query.organisationId || l.organisationId === query.organisationId) && l.annee === query.annee && l.statut === "publiee",
    );
    return { total: lignes.length, lignes: lignes.map((l) => this.publique(l)) };
  }
  async publicGet(id: string) {
    const l = this.lignes.get(id);
    return l && l.statut === "publiee" ? this.publique(l) : null;
  }
  async publicFiltres() {
    return { familles: [], directions: [] };
  }
  private publique(l: LigneProgramme): LignePublique {
    const f = l.familleId ? this.familles.get(l.familleId) : undefined;
    return {
      id: l.id,
      annee: l.annee,
      objet: l.objet,
      nature: l.nature,
      cpv: l.cpv,
      directionId: l.directionId,
      direction: l.directionId,
      familleCode: f?.code ?? null,
      familleLibelle: f?.libelle ?? null,
      operation: l.operation,
      trimestre: l.trimestre,
      dureeMois: l.dureeMois,
      valeurEstimeeHtCents: l.valeurEstimeeHtCents,
      familleProcedure: l.familleProcedure,
      renouvellement: l.renouvellement,
      clauseSociale: l.clauseSociale,
      lotReserve: l.lotReserve,
      critereEnvironnemental: l.critereEnvironnemental,
      innovation: l.innovation,
    };
  }
}
