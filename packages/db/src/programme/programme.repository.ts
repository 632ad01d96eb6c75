import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import type {
  ContenuLigne,
  FamilleAchat,
  LignePublique,
  LigneProgramme,
  ProgrammeRepository,
  RecherchePublique,
  TriLignes,
  VersionLigne,
} from "@achat-public/domain/programme";
import type { Scope } from "@achat-public/domain";
import type { Executor } from "../client";
import { ordreFrancais } from "../commun/colonnes";
import { uniqueGuard } from "../organisation/organisation.repository";
import { directions } from "../organisation/organisation.schema";
import { famillesAchat, lignesProgramme, lignesProgrammeVersions } from "./programme.schema";

const toFamille = (row: typeof famillesAchat.$inferSelect): FamilleAchat => ({
  id: row.id,
  organisationId: row.organisationId,
  code: row.code,
  libelle: row.libelle,
  nature: row.nature as FamilleAchat["nature"],
  prefixesCpv: row.prefixesCpv,
  actif: row.actif,
  version: row.version,
});

const toLigne = (row: typeof lignesProgramme.$inferSelect): LigneProgramme => ({
  id: row.id,
  organisationId: row.organisationId,
  annee: row.annee,
  directionId: row.directionId,
  serviceId: row.serviceId,
  objet: row.objet,
  nature: row.nature as LigneProgramme["nature"],
  cpv: row.cpv,
  familleId: row.familleId,
  operation: row.operation,
  valeurEstimeeHtCents: row.valeurEstimeeHtCents,
  trimestre: row.trimestre,
  dureeMois: row.dureeMois,
  renouvellement: row.renouvellement,
  clauseSociale: row.clauseSociale,
  lotReserve: row.lotReserve,
  critereEnvironnemental: row.critereEnvironnemental,
  innovation: row.innovation,
  statut: row.statut as LigneProgramme["statut"],
  commentaire: row.commentaire,
  numeroVersion: row.numeroVersion,
  familleProcedure: row.familleProcedure as LigneProgramme["familleProcedure"],
  version: row.version,
});

const FAMILLE_CONFLICTS = {
  familles_achat_code_unique: ["FAMILY_CODE_TAKEN", "code", "Une famille d'achat porte déjà ce code."] as [string, string, string],
};

function scopeCondition(scope: Scope): SQL | undefined {
  switch (scope.kind) {
    case "all":
      return undefined;
    case "direction":
      return eq(lignesProgramme.directionId, scope.directionId);
    case "none":
      return sql`false`;
  }
}

/** The French full-text condition on the object, accents ignored (same expression as the GIN index). */
export const rechercheTexte = (motCle: string): SQL =>
  sql`to_tsvector('french'::regconfig, immutable_unaccent(${lignesProgramme.objet})) @@ plainto_tsquery('french'::regconfig, immutable_unaccent(${motCle}))`;

const TRI: Record<TriLignes, SQL> = {
  objet: ordreFrancais(lignesProgramme.objet),
  valeur: sql`${lignesProgramme.valeurEstimeeHtCents}`,
  trimestre: sql`${lignesProgramme.trimestre}`,
  direction: ordreFrancais(directions.sigle),
  statut: sql`${lignesProgramme.statut}`,
};

const colonnesPubliques = {
  id: lignesProgramme.id,
  annee: lignesProgramme.annee,
  objet: lignesProgramme.objet,
  nature: lignesProgramme.nature,
  cpv: lignesProgramme.cpv,
  directionId: lignesProgramme.directionId,
  direction: directions.nom,
  familleCode: famillesAchat.code,
  familleLibelle: famillesAchat.libelle,
  operation: lignesProgramme.operation,
  trimestre: lignesProgramme.trimestre,
  dureeMois: lignesProgramme.dureeMois,
  valeurEstimeeHtCents: lignesProgramme.valeurEstimeeHtCents,
  familleProcedure: lignesProgramme.familleProcedure,
  renouvellement: lignesProgramme.renouvellement,
  clauseSociale: lignesProgramme.clauseSociale,
  lotReserve: lignesProgramme.lotReserve,
  critereEnvironnemental: lignesProgramme.critereEnvironnemental,
  innovation: lignesProgramme.innovation,
};

/** The WHERE of the public search (exported for the bench, which runs the same SQL bare). */
export function conditionsPubliques(q: RecherchePublique): SQL | undefined {
  return and(
    q.organisationId ? eq(lignesProgramme.organisationId, q.organisationId) : undefined,
    eq(lignesProgramme.annee, q.annee),
    eq(lignesProgramme.statut, "publiee"),
    q.famille ? eq(famillesAchat.code, q.famille) : undefined,
    q.trimestre ? eq(lignesProgramme.trimestre, q.trimestre) : undefined,
    q.directionId ? eq(lignesProgramme.directionId, q.directionId) : undefined,
    q.motCle ? rechercheTexte(q.motCle) : undefined,
  );
}

export function programmeRepository(db: Executor): ProgrammeRepository {
  const contenuRow = (l: ContenuLigne) => ({ ...l });
  return {
    async listFamilles(organisationId) {
      const rows = await db
        .select()
        .from(famillesAchat)
        .where(eq(famillesAchat.organisationId, organisationId))
        .orderBy(asc(famillesAchat.code));
      return rows.map(toFamille);
    },
    async getFamille(id, organisationId) {
      const [row] = await db
        .select()
        .from(famillesAchat)
        .where(and(eq(famillesAchat.id, id), eq(famillesAchat.organisationId, organisationId)));
      return row ? toFamille(row) : null;
    },
    async insertFamille(famille) {
      await uniqueGuard(() => db.insert(famillesAchat).values(famille), FAMILLE_CONFLICTS);
    },
    async updateFamille(famille, expectedVersion) {
      const rows = await uniqueGuard(
        () =>
          db
            .update(famillesAchat)
            .set({ ...famille, updatedAt: new Date() })
            .where(and(eq(famillesAchat.id, famille.id), eq(famillesAchat.version, expectedVersion)))
            .returning({ id: famillesAchat.id }),
        FAMILLE_CONFLICTS,
      );
      return rows.length === 1;
    },

    async list(f) {
      const where = and(
        eq(lignesProgramme.organisationId, f.organisationId),
        eq(lignesProgramme.annee, f.annee),
        scopeCondition(f.scope),
        f.directionId ? eq(lignesProgramme.directionId, f.directionId) : undefined,
        f.statut ? eq(lignesProgramme.statut, f.statut) : undefined,
        f.familleId ? eq(lignesProgramme.familleId, f.familleId) : undefined,
        f.recherche ? rechercheTexte(f.recherche) : undefined,
      );
      const [total] = await db.select({ n: count() }).from(lignesProgramme).where(where);
      const tri = TRI[f.tri];
      const rows = await db
        .select({ ligne: lignesProgramme })
        .from(lignesProgramme)
        .innerJoin(directions, eq(directions.id, lignesProgramme.directionId))
        .where(where)
        .orderBy(f.ordre === "desc" ? desc(tri) : asc(tri), asc(lignesProgramme.id))
        .limit(f.parPage)
        .offset((f.page - 1) * f.parPage);
      return { total: total?.n ?? 0, lignes: rows.map((r) => toLigne(r.ligne)) };
    },
    async listAnnee(organisationId, annee) {
      const rows = await db
        .select()
        .from(lignesProgramme)
        .where(and(eq(lignesProgramme.organisationId, organisationId), eq(lignesProgramme.annee, annee)))
        .orderBy(asc(lignesProgramme.id));
      return rows.map(toLigne);
    },
    async get(id, organisationId, scope) {
      const [row] = await db
        .select()
        .from(lignesProgramme)
        .where(and(eq(lignesProgramme.id, id), eq(lignesProgramme.organisationId, organisationId), scopeCondition(scope)));
      return row ? toLigne(row) : null;
    },
    async insert(ligne) {
      await db.insert(lignesProgramme).values({ ...ligne });
    },
    async update(ligne, expectedVersion) {
      const { id, organisationId: _o, ...values } = ligne;
      const rows = await db
        .update(lignesProgramme)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(lignesProgramme.id, id), eq(lignesProgramme.version, expectedVersion)))
        .returning({ id: lignesProgramme.id });
      return rows.length === 1;
    },
    async insertVersion(v) {
      await db.insert(lignesProgrammeVersions).values({
        ligneId: v.ligneId,
        numeroVersion: v.numeroVersion,
        statut: v.statut,
        contenu: contenuRow(v.contenu),
        creeLe: v.creeLe,
      });
    },
    async listVersions(ligneId) {
      const rows = await db
        .select()
        .from(lignesProgrammeVersions)
        .where(eq(lignesProgrammeVersions.ligneId, ligneId))
        .orderBy(asc(lignesProgrammeVersions.numeroVersion));
      return rows.map(
        (r): VersionLigne => ({
          ligneId: r.ligneId,
          numeroVersion: r.numeroVersion,
          statut: r.statut as VersionLigne["statut"],
          contenu: r.contenu as ContenuLigne,
          creeLe: r.creeLe,
        }),
      );
    },

    async publicSearch(q) {
      const where = conditionsPubliques(q);
      const [total] = await db
        .select({ n: count() })
        .from(lignesProgramme)
        .leftJoin(famillesAchat, eq(famillesAchat.id, lignesProgramme.familleId))
        .where(where);
      const rows = await db
        .select(colonnesPubliques)
        .from(lignesProgramme)
        .innerJoin(directions, eq(directions.id, lignesProgramme.directionId))
        .leftJoin(famillesAchat, eq(famillesAchat.id, lignesProgramme.familleId))
        .where(where)
        .orderBy(asc(lignesProgramme.trimestre), ordreFrancais(lignesProgramme.objet), asc(lignesProgramme.id))
        .limit(q.parPage)
        .offset((q.page - 1) * q.parPage);
      return { total: total?.n ?? 0, lignes: rows.map((r) => r as LignePublique) };
    },
    async publicFiltres(annee) {
      const publiees = and(eq(lignesProgramme.annee, annee), eq(lignesProgramme.statut, "publiee"));
      const familles = await db
        .selectDistinct({ code: famillesAchat.code, libelle: famillesAchat.libelle })
        .from(lignesProgramme)
        .innerJoin(famillesAchat, eq(famillesAchat.id, lignesProgramme.familleId))
        .where(publiees)
        .orderBy(asc(famillesAchat.code));
      const rows = await db
        .selectDistinct({ id: directions.id, nom: directions.nom })
        .from(lignesProgramme)
        .innerJoin(directions, eq(directions.id, lignesProgramme.directionId))
        .where(publiees)
        .orderBy(asc(directions.nom));
      return { familles, directions: rows };
    },
    async publicGet(id) {
      const [row] = await db
        .select(colonnesPubliques)
        .from(lignesProgramme)
        .innerJoin(directions, eq(directions.id, lignesProgramme.directionId))
        .leftJoin(famillesAchat, eq(famillesAchat.id, lignesProgramme.familleId))
        .where(and(eq(lignesProgramme.id, id), eq(lignesProgramme.statut, "publiee")));
      return row ? (row as LignePublique) : null;
    },
  };
}
