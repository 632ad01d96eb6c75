import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { EspaceRepository, EvaluationAcheteur, EvaluationAnonyme, MarcheTitulaire } from "@achat-public/domain/espace";
import type { RoleTitulaire } from "@achat-public/domain/marches";
import { selectRows, type Executor } from "../client";
import { uniqueGuard } from "../organisation/organisation.repository";
import { evaluationsAcheteur, listesPubliquesVersions } from "./espace.schema";

/** Roles that hold a contract (a declared subcontractor does not: it is paid through, or beside, the holder). */
const ROLES_DETENTEURS = ["titulaire", "mandataire", "cotraitant"];

function requeteMarches(organisationId: string, siret: string, marcheId: string | null): SQL {
  return sql`
    select m.id, m.numero, m.objet, d.sigle, d.nom as direction_nom, m.nature, m.procedure, m.accord_cadre,
           m.montant_ht_cents::float8 as montant, m.montant_max_ht_cents::float8 as maximum,
           (select coalesce(sum(x.montant_ht_cents), 0)::float8 from marche_modifications x where x.marche_id = m.id) as modifications,
           m.date_notification::text as date_notification, m.date_debut::text as date_debut, m.date_fin::text as date_fin,
           m.clos, m.date_cloture::text as date_cloture, m.evaluation_qualite, m.evaluation_delais, m.evaluation_relation,
           m.evaluation_commentaire, r.roles
      from marches m
      join directions d on d.id = m.direction_id
      join (select t.marche_id, array_agg(t.role order by t.rang) as roles
              from marche_titulaires t join fournisseurs f on f.id = t.fournisseur_id
             where f.siret = ${siret} and t.role in (${sql.join(
               ROLES_DETENTEURS.map((r) => sql`${r}`),
               sql`, `,
             )})
             group by t.marche_id) r on r.marche_id = m.id
     where m.organisation_id = ${organisationId} ${marcheId ? sql`and m.id = ${marcheId}` : sql``}
     order by m.date_notification desc, m.numero`;
}

function versMarche(r: Record<string, unknown>): MarcheTitulaire {
  const roles = Array.isArray(r.roles)
    ? (r.roles as string[])
    : String(r.roles ?? "")
        .replace(/[{}]/g, "")
        .split(",");
  return {
    id: r.id as string,
    numero: r.numero as string,
    objet: r.objet as string,
    directionSigle: r.sigle as string,
    directionNom: r.direction_nom as string,
    nature: r.nature as string,
    procedure: r.procedure as string,
    accordCadre: Boolean(r.accord_cadre),
    montantHtCents: r.montant === null ? null : Number(r.montant),
    montantMaxHtCents: r.maximum === null ? null : Number(r.maximum),
    montantModificationsHtCents: Number(r.modifications),
    dateNotification: r.date_notification as string,
    dateDebut: r.date_debut as string,
    dateFin: r.date_fin as string,
    clos: Boolean(r.clos),
    dateCloture: (r.date_cloture as string | null) ?? null,
    evaluation:
      r.evaluation_qualite === null || r.evaluation_qualite === undefined
        ? null
        : {
            qualite: Number(r.evaluation_qualite),
            delais: Number(r.evaluation_delais),
            relation: Number(r.evaluation_relation),
            commentaire: (r.evaluation_commentaire as string | null) ?? null,
          },
    roles: [...new Set(roles)] as RoleTitulaire[],
  };
}

const versEvaluation = (r: typeof evaluationsAcheteur.$inferSelect): EvaluationAcheteur => ({
  id: r.id,
  organisationId: r.organisationId,
  marcheId: r.marcheId,
  entrepriseId: r.entrepriseId,
  paiement: r.notePaiement,
  clarte: r.noteClarte,
  relation: r.noteRelation,
  commentaire: r.commentaire,
  modifieeLe: r.updatedAt,
  version: r.version,
});

export function espaceRepository(db: Executor): EspaceRepository {
  return {
    async marchesDuSiret(organisationId, siret) {
      return (await selectRows<Record<string, unknown>>(db, requeteMarches(organisationId, siret, null))).map(versMarche);
    },
    async marcheDuSiret(organisationId, siret, marcheId) {
      const [row] = await selectRows<Record<string, unknown>>(db, requeteMarches(organisationId, siret, marcheId));
      return row ? versMarche(row) : null;
    },
    async evaluationsDe(entrepriseId, marcheIds) {
      if (!marcheIds.length) return [];
      const rows = await db
        .select()
        .from(evaluationsAcheteur)
        .where(and(eq(evaluationsAcheteur.entrepriseId, entrepriseId), inArray(evaluationsAcheteur.marcheId, [...marcheIds])));
      return rows.map(versEvaluation);
    },
    async evaluationForUpdate(marcheId, entrepriseId) {
      const [row] = await db
        .select()
        .from(evaluationsAcheteur)
        .where(and(eq(evaluationsAcheteur.marcheId, marcheId), eq(evaluationsAcheteur.entrepriseId, entrepriseId)))
        .for("update");
      return row ? versEvaluation(row) : null;
    },
    async insertEvaluation(e) {
      await uniqueGuard(
        () =>
          db.insert(evaluationsAcheteur).values({
            id: e.id,
            organisationId: e.organisationId,
            marcheId: e.marcheId,
            entrepriseId: e.entrepriseId,
            notePaiement: e.paiement,
            noteClarte: e.clarte,
            noteRelation: e.relation,
            commentaire: e.commentaire,
            createdAt: e.modifieeLe,
            updatedAt: e.modifieeLe,
            version: e.version,
          }),
        {
          evaluations_acheteur_unique: [
            "EVALUATION_DEJA_DONNEE",
            "version",
            "Votre entreprise a déjà évalué le département sur ce marché : rechargez la page pour modifier son évaluation.",
          ],
        },
      );
    },
    async updateEvaluation(e, expectedVersion) {
      const rows = await db
        .update(evaluationsAcheteur)
        .set({
          notePaiement: e.paiement,
          noteClarte: e.clarte,
          noteRelation: e.relation,
          commentaire: e.commentaire,
          updatedAt: e.modifieeLe,
          version: e.version,
        })
        .where(and(eq(evaluationsAcheteur.id, e.id), eq(evaluationsAcheteur.version, expectedVersion)))
        .returning({ id: evaluationsAcheteur.id });
      return rows.length === 1;
    },
    async evaluationsAnonymes(organisationId): Promise<EvaluationAnonyme[]> {
      const rows = await selectRows<Record<string, unknown>>(
        db,
        sql`select m.direction_id, d.sigle, extract(year from m.date_notification)::int as annee,
                   e.note_paiement, e.note_clarte, e.note_relation, e.commentaire, e.updated_at
              from evaluations_acheteur e
              join marches m on m.id = e.marche_id
              join directions d on d.id = m.direction_id
             where e.organisation_id = ${organisationId}`,
      );
      return rows.map((r) => ({
        directionId: r.direction_id as string,
        directionSigle: r.sigle as string,
        annee: Number(r.annee),
        paiement: Number(r.note_paiement),
        clarte: Number(r.note_clarte),
        relation: Number(r.note_relation),
        commentaire: (r.commentaire as string | null) ?? null,
        modifieeLe: new Date(r.updated_at as string),
      }));
    },
  };
}

/** Version counters of the public JSON lists (see apps/server/src/espace/listes-publiques.ts). */
export function listesPubliquesRepository(db: Executor) {
  return {
    /** The current version of each list asked (1 for a list never bumped). */
    async versions(listes: readonly string[]): Promise<Map<string, number>> {
      const rows = await db
        .select({ liste: listesPubliquesVersions.liste, version: listesPubliquesVersions.version })
        .from(listesPubliquesVersions)
        .where(inArray(listesPubliquesVersions.liste, [...listes]));
      const versions = new Map(listes.map((l) => [l, 1]));
      for (const r of rows) versions.set(r.liste, Number(r.version));
      return versions;
    },
    /** Bumps a list's version: every instance's cached body of it becomes stale. */
    async incrementer(liste: string): Promise<number> {
      const [row] = await db
        .insert(listesPubliquesVersions)
        .values({ liste, version: 2 })
        .onConflictDoUpdate({
          target: listesPubliquesVersions.liste,
          set: { version: sql`${listesPubliquesVersions.version} + 1`, updatedAt: sql`now()` },
        })
        .returning({ version: listesPubliquesVersions.version });
      return Number(row?.version);
    },
  };
}
