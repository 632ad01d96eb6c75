import { and, asc, count, desc, eq, gte, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { Scope } from "@achat-public/domain";
import type {
  Clause,
  ConsultationPublique,
  CritereAttribution,
  EtatProcedure,
  MembreGroupement,
  Procedure,
  ProceduresRepository,
  ResumeProcedure,
  TriProcedures,
} from "@achat-public/domain/procedures";
import type { Executor } from "../client";
import { ordreFrancais } from "../commun/colonnes";
import { directions } from "../organisation/organisation.schema";
import { attributions, clauses, offres, procedureClauses, procedureLignes, procedureLots, procedures } from "./procedures.schema";

function scopeCondition(scope: Scope): SQL | undefined {
  switch (scope.kind) {
    case "all":
      return undefined;
    case "direction":
      return eq(procedures.directionId, scope.directionId);
    case "none":
      return sql`false`;
  }
}

const valeurSql = sql<number>`(select coalesce(sum(l.valeur_estimee_ht_cents), 0) from procedure_lots l where l.procedure_id = ${procedures.id})`;
const lotsSql = sql<number>`(select count(*) from procedure_lots l where l.procedure_id = ${procedures.id})`;
const offresSql = sql<number>`(select count(*) from offres o where o.procedure_id = ${procedures.id})`;

const TRI: Record<TriProcedures, SQL> = {
  reference: sql`${procedures.reference}`,
  objet: ordreFrancais(procedures.objet),
  valeur: valeurSql,
  etat: sql`${procedures.etat}`,
  dateLimiteReception: sql`${procedures.dateLimiteReception}`,
  direction: ordreFrancais(directions.sigle),
};

const toClause = (r: typeof clauses.$inferSelect): Clause => ({
  id: r.id,
  organisationId: r.organisationId,
  type: r.type as Clause["type"],
  usage: r.usage as Clause["usage"],
  titre: r.titre,
  texte: r.texte,
  formuleHeures: (r.formuleHeures as Clause["formuleHeures"]) ?? null,
  actif: r.actif,
  version: r.version,
});

export function proceduresRepository(db: Executor): ProceduresRepository {
  async function enfants(p: Procedure): Promise<void> {
    if (p.lots.length > 0) {
      await db.insert(procedureLots).values(
        p.lots.map((l) => ({
          procedureId: p.id,
          numero: l.numero,
          objet: l.objet,
          cpv: l.cpv,
          valeurEstimeeHtCents: l.valeurEstimeeHtCents,
          reserve: l.reserve,
          accordCadre: l.accordCadre,
          infructueux: l.infructueux,
          montantAttribueHtCents: l.montantAttribueHtCents,
        })),
      );
    }
    const toutes = p.lots.flatMap((l) => l.offres.map((o) => ({ ...o, lotNumero: l.numero })));
    if (toutes.length > 0) {
      await db.insert(offres).values(
        toutes.map((o) => ({
          id: o.id,
          procedureId: p.id,
          lotNumero: o.lotNumero,
          siret: o.siret,
          nom: o.nom,
          categorie: o.categorie,
          localisation: o.localisation,
          membres: o.membres,
          prixHtCents: o.prixHtCents,
        })),
      );
    }
    const retenues = p.lots.flatMap((l) => l.offresRetenues.map((offreId) => ({ procedureId: p.id, lotNumero: l.numero, offreId })));
    if (retenues.length > 0) await db.insert(attributions).values(retenues);
    if (p.lignesProgrammeIds.length > 0)
      await db.insert(procedureLignes).values(p.lignesProgrammeIds.map((ligneId) => ({ procedureId: p.id, ligneId })));
    if (p.clauses.length > 0)
      await db.insert(procedureClauses).values(
        p.clauses.map((c) => ({
          procedureId: p.id,
          clauseId: c.clauseId,
          type: c.type,
          titre: c.titre,
          choisieLe: new Date(c.choisieLe),
          choisiePar: c.choisiePar,
        })),
      );
  }

  function ligne(p: Procedure) {
    return {
      organisationId: p.organisationId,
      directionId: p.directionId,
      reference: p.reference,
      annee: p.annee,
      objet: p.objet,
      nature: p.nature,
      motifHorsProgramme: p.motifHorsProgramme,
      procedure: p.procedure,
      justificationProcedure: p.justificationProcedure,
      publicite: p.publicite,
      criteres: p.criteres,
      conditionExecutionSociale: p.conditionExecutionSociale,
      conditionExecutionEnvironnementale: p.conditionExecutionEnvironnementale,
      innovant: p.innovant,
      heuresInsertionPrevues: p.heuresInsertionPrevues,
      urlProfilAcheteur: p.urlProfilAcheteur,
      dureeMois: p.dureeMois,
      etat: p.etat,
      datePublication: p.datePublication,
      dateLimiteReception: p.dateLimiteReception,
      dateSeanceCao: p.dateSeanceCao,
      dateAttribution: p.dateAttribution,
      dateSignature: p.dateSignature,
      dateNotification: p.dateNotification,
      dateAvisAttribution: p.dateAvisAttribution,
      version: p.version,
    };
  }

  return {
    async list(f) {
      const where = and(
        eq(procedures.organisationId, f.organisationId),
        scopeCondition(f.scope),
        f.annee ? eq(procedures.annee, f.annee) : undefined,
        f.etat ? eq(procedures.etat, f.etat) : undefined,
        f.directionId ? eq(procedures.directionId, f.directionId) : undefined,
        f.q
          ? sql`(immutable_unaccent(lower(${procedures.objet})) like '%' || immutable_unaccent(lower(${f.q})) || '%' or ${procedures.reference} ilike '%' || ${f.q} || '%')`
          : undefined,
      );
      const [total] = await db.select({ n: count() }).from(procedures).where(where);
      const tri = TRI[f.tri];
      const rows = await db
        .select({
          id: procedures.id,
          reference: procedures.reference,
          annee: procedures.annee,
          objet: procedures.objet,
          nature: procedures.nature,
          procedure: procedures.procedure,
          directionId: procedures.directionId,
          direction: directions.sigle,
          etat: procedures.etat,
          valeurEstimeeHtCents: valeurSql,
          nombreLots: lotsSql,
          nombreOffres: offresSql,
          dateLimiteReception: procedures.dateLimiteReception,
          version: procedures.version,
        })
        .from(procedures)
        .innerJoin(directions, eq(directions.id, procedures.directionId))
        .where(where)
        .orderBy(f.ordre === "desc" ? desc(tri) : asc(tri), asc(procedures.id))
        .limit(f.parPage)
        .offset((f.page - 1) * f.parPage);
      return {
        total: total?.n ?? 0,
        procedures: rows.map(
          (r): ResumeProcedure => ({
            ...r,
            nature: r.nature as ResumeProcedure["nature"],
            procedure: r.procedure as ResumeProcedure["procedure"],
            etat: r.etat as EtatProcedure,
            valeurEstimeeHtCents: Number(r.valeurEstimeeHtCents),
            nombreLots: Number(r.nombreLots),
            nombreOffres: Number(r.nombreOffres),
          }),
        ),
      };
    },

    async get(id, organisationId, scope) {
      const [row] = await db
        .select()
        .from(procedures)
        .where(and(eq(procedures.id, id), eq(procedures.organisationId, organisationId), scopeCondition(scope)));
      if (!row) return null;
      // one query after the other: a transaction's client runs one query at a time
      const lots = await db.select().from(procedureLots).where(eq(procedureLots.procedureId, id)).orderBy(asc(procedureLots.numero));
      const lesOffres = await db
        .select()
        .from(offres)
        .where(eq(offres.procedureId, id))
        .orderBy(asc(offres.lotNumero), asc(offres.prixHtCents), asc(offres.id));
      const retenues = await db.select().from(attributions).where(eq(attributions.procedureId, id));
      const lignes = await db
        .select()
        .from(procedureLignes)
        .where(eq(procedureLignes.procedureId, id))
        .orderBy(asc(procedureLignes.ligneId));
      const choisies = await db
        .select()
        .from(procedureClauses)
        .where(eq(procedureClauses.procedureId, id))
        .orderBy(asc(procedureClauses.choisieLe), asc(procedureClauses.clauseId));
      return {
        id: row.id,
        organisationId: row.organisationId,
        directionId: row.directionId,
        reference: row.reference,
        annee: row.annee,
        objet: row.objet,
        nature: row.nature as Procedure["nature"],
        lignesProgrammeIds: lignes.map((l) => l.ligneId),
        motifHorsProgramme: row.motifHorsProgramme,
        procedure: row.procedure as Procedure["procedure"],
        justificationProcedure: row.justificationProcedure,
        publicite: row.publicite as Procedure["publicite"],
        criteres: row.criteres as CritereAttribution[],
        conditionExecutionSociale: row.conditionExecutionSociale,
        conditionExecutionEnvironnementale: row.conditionExecutionEnvironnementale,
        innovant: row.innovant,
        heuresInsertionPrevues: row.heuresInsertionPrevues,
        urlProfilAcheteur: row.urlProfilAcheteur,
        dureeMois: row.dureeMois,
        etat: row.etat as EtatProcedure,
        datePublication: row.datePublication,
        dateLimiteReception: row.dateLimiteReception,
        dateSeanceCao: row.dateSeanceCao,
        dateAttribution: row.dateAttribution,
        dateSignature: row.dateSignature,
        dateNotification: row.dateNotification,
        dateAvisAttribution: row.dateAvisAttribution,
        version: row.version,
        lots: lots.map((l) => ({
          numero: l.numero,
          objet: l.objet,
          cpv: l.cpv,
          valeurEstimeeHtCents: l.valeurEstimeeHtCents,
          reserve: l.reserve,
          accordCadre: l.accordCadre,
          infructueux: l.infructueux,
          montantAttribueHtCents: l.montantAttribueHtCents,
          offres: lesOffres
            .filter((o) => o.lotNumero === l.numero)
            .map((o) => ({
              id: o.id,
              siret: o.siret,
              nom: o.nom,
              categorie: o.categorie as Procedure["lots"][number]["offres"][number]["categorie"],
              localisation: o.localisation,
              membres: o.membres as MembreGroupement[],
              prixHtCents: o.prixHtCents,
            })),
          offresRetenues: retenues.filter((a) => a.lotNumero === l.numero).map((a) => a.offreId),
        })),
        clauses: choisies.map((c) => ({
          clauseId: c.clauseId,
          type: c.type as Clause["type"],
          titre: c.titre,
          choisieLe: c.choisieLe.toISOString(),
          choisiePar: c.choisiePar,
        })),
      };
    },

    async insert(p) {
      await db.insert(procedures).values({ id: p.id, ...ligne(p) });
      await enfants(p);
    },

    async save(p, expectedVersion) {
      const rows = await db
        .update(procedures)
        .set({ ...ligne(p), updatedAt: new Date() })
        .where(and(eq(procedures.id, p.id), eq(procedures.organisationId, p.organisationId), eq(procedures.version, expectedVersion)))
        .returning({ id: procedures.id });
      if (rows.length !== 1) return false;
      // the row is locked by the update: rewrite the children of the aggregate
      await db.delete(procedureClauses).where(eq(procedureClauses.procedureId, p.id));
      await db.delete(procedureLignes).where(eq(procedureLignes.procedureId, p.id));
      await db.delete(attributions).where(eq(attributions.procedureId, p.id));
      await db.delete(offres).where(eq(offres.procedureId, p.id));
      await db.delete(procedureLots).where(eq(procedureLots.procedureId, p.id));
      await enfants(p);
      return true;
    },

    async lignesEngagees(organisationId, ids, sauf) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectDistinct({ id: procedureLignes.ligneId })
        .from(procedureLignes)
        .innerJoin(procedures, eq(procedures.id, procedureLignes.procedureId))
        .where(
          and(
            eq(procedures.organisationId, organisationId),
            ne(procedures.etat, "abandonnee"),
            inArray(procedureLignes.ligneId, [...ids]),
            sauf ? ne(procedures.id, sauf) : undefined,
          ),
        );
      return rows.map((r) => r.id);
    },

    async consultationsOuvertes(aujourdhui) {
      const rows = await db
        .select({
          id: procedures.id,
          reference: procedures.reference,
          objet: procedures.objet,
          procedure: procedures.procedure,
          dateLimiteReception: procedures.dateLimiteReception,
          datePublication: procedures.datePublication,
          direction: directions.nom,
          urlProfilAcheteur: procedures.urlProfilAcheteur,
        })
        .from(procedures)
        .innerJoin(directions, eq(directions.id, procedures.directionId))
        .where(and(eq(procedures.etat, "publiee"), gte(procedures.dateLimiteReception, aujourdhui)))
        .orderBy(asc(procedures.dateLimiteReception), asc(procedures.reference));
      const ids = rows.map((r) => r.id);
      const lots =
        ids.length === 0
          ? []
          : await db
              .select({
                procedureId: procedureLots.procedureId,
                numero: procedureLots.numero,
                objet: procedureLots.objet,
                cpv: procedureLots.cpv,
              })
              .from(procedureLots)
              .where(inArray(procedureLots.procedureId, ids))
              .orderBy(asc(procedureLots.procedureId), asc(procedureLots.numero));
      return rows.map((r): ConsultationPublique => {
        const siens = lots.filter((l) => l.procedureId === r.id).map(({ numero, objet, cpv }) => ({ numero, objet, cpv }));
        return {
          ...r,
          procedure: r.procedure as ConsultationPublique["procedure"],
          dateLimiteReception: r.dateLimiteReception ?? "",
          cpv: siens[0]?.cpv ?? "",
          lots: siens,
        };
      });
    },

    async listClauses(organisationId) {
      const rows = await db
        .select()
        .from(clauses)
        .where(eq(clauses.organisationId, organisationId))
        .orderBy(asc(clauses.type), ordreFrancais(clauses.titre), asc(clauses.id));
      return rows.map(toClause);
    },
    async getClause(id, organisationId) {
      const [row] = await db
        .select()
        .from(clauses)
        .where(and(eq(clauses.id, id), eq(clauses.organisationId, organisationId)));
      return row ? toClause(row) : null;
    },
    async insertClause(c) {
      await db.insert(clauses).values({ ...c });
    },
    async updateClause(c, expectedVersion) {
      const { id, organisationId: _o, ...values } = c;
      const rows = await db
        .update(clauses)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(clauses.id, id), eq(clauses.version, expectedVersion)))
        .returning({ id: clauses.id });
      return rows.length === 1;
    },
  };
}
