import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Scope } from "@achat-public/domain";
import type {
  CategorieEntreprise,
  Fiche360,
  Fournisseur,
  FournisseurRepository,
  OffresFournisseur,
  StatutInclusif,
} from "@achat-public/domain/fournisseurs";
import { escapeLike, selectRows, type Executor } from "../client";
import { uniqueGuard } from "../organisation/organisation.repository";
import { fournisseurs } from "./fournisseurs.schema";

const toFournisseur = (row: typeof fournisseurs.$inferSelect): Fournisseur => ({
  id: row.id,
  organisationId: row.organisationId,
  siret: row.siret,
  siren: row.siren,
  nom: row.nom,
  adresse: row.adresse,
  codeCommune: row.codeCommune,
  departement: row.departement,
  categorie: row.categorie as CategorieEntreprise | null,
  statutInclusif: row.statutInclusif as StatutInclusif | null,
  version: row.version,
});

const CONFLITS = {
  fournisseurs_siret_unique: ["FOURNISSEUR_SIRET_TAKEN", "siret", "Ce SIRET est déjà dans l'annuaire des fournisseurs."],
} as Record<string, [string, string, string]>;

/** SQL condition restricting contracts (alias `m`) to what a scope may see. */
export function scopeMarches(scope: Scope): SQL {
  if (scope.kind === "all") return sql`true`;
  if (scope.kind === "direction") return sql`m.direction_id = ${scope.directionId}`;
  return sql`false`;
}

const IDF = ["75", "77", "78", "91", "92", "93", "94", "95"];

const TRIS: Record<string, SQL> = {
  nom: sql`immutable_unaccent(lower(f.nom)) asc, f.id`,
  "-nom": sql`immutable_unaccent(lower(f.nom)) desc, f.id`,
  siret: sql`f.siret asc`,
  "-montant": sql`montant desc, f.id`,
  "-marches": sql`nombre desc, f.id`,
};

export function fournisseurRepository(db: Executor): FournisseurRepository {
  return {
    async list(filtre, scope) {
      const conditions: SQL[] = [sql`f.organisation_id = ${filtre.organisationId}`];
      if (filtre.recherche) {
        const motif = `%${escapeLike(filtre.recherche.toLowerCase())}%`;
        conditions.push(
          sql`(immutable_unaccent(lower(f.nom)) like immutable_unaccent(${motif}) or f.siret like ${`${escapeLike(filtre.recherche.replace(/\s/gu, ""))}%`})`,
        );
      }
      if (filtre.siren) conditions.push(sql`f.siren = ${filtre.siren}`);
      if (filtre.categorie) conditions.push(sql`f.categorie = ${filtre.categorie}`);
      if (filtre.statutInclusif) conditions.push(sql`f.statut_inclusif = ${filtre.statutInclusif}`);
      if (filtre.localisation === "val-de-marne") conditions.push(sql`f.departement = '94'`);
      if (filtre.localisation === "ile-de-france")
        conditions.push(
          sql`f.departement in (${sql.join(
            IDF.map((d) => sql`${d}`),
            sql`, `,
          )})`,
        );
      const where = sql.join(conditions, sql` and `);
      const [total] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from fournisseurs f where ${where}`);
      const rows = await selectRows<Record<string, unknown>>(
        db,
        sql`select f.*, coalesce(s.nombre, 0)::int as nombre, coalesce(s.montant, 0)::float8 as montant
            from fournisseurs f
            left join lateral (
              select count(distinct m.id) as nombre, sum(coalesce(m.montant_ht_cents, m.montant_max_ht_cents)) as montant
              from marche_titulaires t join marches m on m.id = t.marche_id
              where t.fournisseur_id = f.id and ${scopeMarches(scope)}
            ) s on true
            where ${where}
            order by ${TRIS[filtre.tri ?? "nom"] ?? TRIS.nom}
            limit ${filtre.parPage} offset ${(filtre.page - 1) * filtre.parPage}`,
      );
      return {
        total: total?.n ?? 0,
        fournisseurs: rows.map((r) => ({
          id: r.id as string,
          organisationId: r.organisation_id as string,
          siret: r.siret as string,
          siren: r.siren as string,
          nom: r.nom as string,
          adresse: (r.adresse as string | null) ?? null,
          codeCommune: (r.code_commune as string | null) ?? null,
          departement: (r.departement as string | null) ?? null,
          categorie: (r.categorie as CategorieEntreprise | null) ?? null,
          statutInclusif: (r.statut_inclusif as StatutInclusif | null) ?? null,
          version: Number(r.version),
          nombreMarches: Number(r.nombre),
          montantMarchesHtCents: Number(r.montant),
        })),
      };
    },
    async get(id, organisationId) {
      const [row] = await db
        .select()
        .from(fournisseurs)
        .where(and(eq(fournisseurs.id, id), eq(fournisseurs.organisationId, organisationId)));
      return row ? toFournisseur(row) : null;
    },
    async getBySiret(siret, organisationId) {
      const [row] = await db
        .select()
        .from(fournisseurs)
        .where(and(eq(fournisseurs.siret, siret), eq(fournisseurs.organisationId, organisationId)));
      return row ? toFournisseur(row) : null;
    },
    async insert(f) {
      await uniqueGuard(() => db.insert(fournisseurs).values({ ...f }), CONFLITS);
    },
    async insertMany(liste) {
      for (let i = 0; i < liste.length; i += 500)
        await uniqueGuard(() => db.insert(fournisseurs).values(liste.slice(i, i + 500)), CONFLITS);
    },
    async update(f, expectedVersion) {
      const rows = await uniqueGuard(
        () =>
          db
            .update(fournisseurs)
            .set({
              siret: f.siret,
              siren: f.siren,
              nom: f.nom,
              adresse: f.adresse,
              codeCommune: f.codeCommune,
              departement: f.departement,
              categorie: f.categorie,
              statutInclusif: f.statutInclusif,
              version: f.version,
              updatedAt: sql`now()`,
            })
            .where(and(eq(fournisseurs.id, f.id), eq(fournisseurs.version, expectedVersion)))
            .returning({ id: fournisseurs.id }),
        CONFLITS,
      );
      return rows.length === 1;
    },
    async fiche(id, organisationId, scope): Promise<Omit<Fiche360, "offres"> | null> {
      const fournisseur = await this.get(id, organisationId);
      if (!fournisseur) return null;
      const etablissements = await selectRows<{ id: string; siret: string; nom: string; code_commune: string | null }>(
        db,
        sql`select id, siret, nom, code_commune from fournisseurs where organisation_id = ${organisationId} and siren = ${fournisseur.siren} and id <> ${id} order by siret limit 100`,
      );
      const marches = await selectRows<Record<string, unknown>>(
        db,
        sql`select m.id, m.numero, m.objet, t.role, m.clos, m.date_fin::text as date_fin, m.date_notification::text as date_notification,
                   m.montant_ht_cents::float8 as montant, m.montant_max_ht_cents::float8 as maximum
            from marche_titulaires t join marches m on m.id = t.marche_id
            where t.fournisseur_id = ${id} and ${scopeMarches(scope)}
            order by m.date_notification desc, m.numero limit 500`,
      );
      const annees = await selectRows<{ annee: number; notifie: number; paye: number }>(
        db,
        sql`with mm as (
              select distinct m.id, m.date_notification, coalesce(m.montant_ht_cents, m.montant_max_ht_cents) as montant
              from marche_titulaires t join marches m on m.id = t.marche_id
              where t.fournisseur_id = ${id} and t.role <> 'sous-traitant' and ${scopeMarches(scope)}
            ), n as (select extract(year from date_notification)::int as annee, sum(montant) as notifie from mm group by 1),
            p as (select extract(year from fa.date_paiement)::int as annee, sum(fa.montant_ttc_cents) as paye
                  from marche_factures fa join mm on mm.id = fa.marche_id where fa.date_paiement is not null group by 1)
            select coalesce(n.annee, p.annee) as annee, coalesce(n.notifie, 0)::float8 as notifie, coalesce(p.paye, 0)::float8 as paye
            from n full join p on p.annee = n.annee order by 1`,
      );
      const evaluations = await selectRows<Record<string, unknown>>(
        db,
        sql`select m.id, m.numero, m.date_cloture::text as date_cloture, m.evaluation_qualite, m.evaluation_delais, m.evaluation_relation, m.evaluation_commentaire
            from marches m where m.clos and m.evaluation_qualite is not null and ${scopeMarches(scope)}
              and exists (select 1 from marche_titulaires t where t.marche_id = m.id and t.fournisseur_id = ${id} and t.role <> 'sous-traitant')
            order by m.date_cloture desc limit 200`,
      );
      const [p] = await selectRows<Record<string, unknown>>(
        db,
        sql`select count(*)::int as n, count(fa.date_paiement)::int as payees, avg(fa.delai_paiement_jours)::float8 as delai,
                   count(*) filter (where fa.jours_retard > 0)::int as retards,
                   coalesce(sum(fa.interets_moratoires_cents), 0)::float8 as interets, coalesce(sum(fa.indemnite_forfaitaire_cents), 0)::float8 as indemnites
            from marche_factures fa join marches m on m.id = fa.marche_id
            where ${scopeMarches(scope)} and exists (select 1 from marche_titulaires t where t.marche_id = m.id and t.fournisseur_id = ${id} and t.role <> 'sous-traitant')`,
      );
      return {
        fournisseur,
        etablissements: etablissements.map((e) => ({ id: e.id, siret: e.siret, nom: e.nom, codeCommune: e.code_commune })),
        marches: marches.map((m) => ({
          id: m.id as string,
          numero: m.numero as string,
          objet: m.objet as string,
          role: m.role as string,
          statut: m.clos ? "clos" : "en-cours",
          dateNotification: m.date_notification as string,
          montantHtCents: m.montant === null ? null : Number(m.montant),
          montantMaxHtCents: m.maximum === null ? null : Number(m.maximum),
        })),
        montantsParAnnee: annees.map((a) => ({ annee: Number(a.annee), notifieHtCents: Number(a.notifie), payeTtcCents: Number(a.paye) })),
        evaluations: evaluations.map((e) => ({
          marcheId: e.id as string,
          numero: e.numero as string,
          dateCloture: e.date_cloture as string,
          qualite: Number(e.evaluation_qualite),
          delais: Number(e.evaluation_delais),
          relation: Number(e.evaluation_relation),
          commentaire: (e.evaluation_commentaire as string | null) ?? null,
        })),
        paiements: {
          nombreFactures: Number(p?.n ?? 0),
          nombrePayees: Number(p?.payees ?? 0),
          delaiMoyenJours: p?.delai == null ? null : Math.round(Number(p.delai) * 10) / 10,
          nombreEnRetard: Number(p?.retards ?? 0),
          interetsMoratoiresCents: Number(p?.interets ?? 0),
          indemnitesForfaitairesCents: Number(p?.indemnites ?? 0),
        },
      };
    },
  };
}

/**
 * The bids of a SIRET, read in the procedures context's tables (`offres`, one per procedure, lot and SIRET;
 * `attributions`, the winning bid of each lot), restricted to the actor's organisation and direction.
 */
export function offresFournisseur(db: Executor): OffresFournisseur {
  return {
    async duSiret(siret, organisationId, scope) {
      if (scope.kind === "none") return { deposees: 0, gagnees: 0, dernieres: [] };
      const direction = scope.kind === "direction" ? sql`and p.direction_id = ${scope.directionId}` : sql``;
      const lignes = await selectRows<Record<string, unknown>>(
        db,
        sql`select o.procedure_id::text as procedure_id, p.reference, p.objet, o.lot_numero, o.prix_ht_cents::float8 as prix,
                   exists (select 1 from attributions a where a.offre_id = o.id) as gagnee,
                   count(*) over ()::int as deposees,
                   count(*) filter (where exists (select 1 from attributions a where a.offre_id = o.id)) over ()::int as gagnees
            from offres o join procedures p on p.id = o.procedure_id
            where o.siret = ${siret} and p.organisation_id = ${organisationId} ${direction}
            order by p.reference desc, o.lot_numero
            limit 50`,
      );
      const premiere = lignes[0];
      return {
        deposees: Number(premiere?.deposees ?? 0),
        gagnees: Number(premiere?.gagnees ?? 0),
        dernieres: lignes.map((l) => ({
          procedureId: l.procedure_id as string,
          reference: l.reference as string,
          objet: l.objet as string,
          lotNumero: Number(l.lot_numero),
          prixHtCents: l.prix == null ? null : Number(l.prix),
          gagnee: l.gagnee === true,
        })),
      };
    },
  };
}
