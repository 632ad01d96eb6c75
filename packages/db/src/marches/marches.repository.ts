import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Scope } from "@achat-public/domain";
import type {
  BonCommande,
  Ccag,
  Facture,
  FormePrix,
  HeuresInsertion,
  LigneVeille,
  Marche,
  MarcheDetail,
  MarcheRepository,
  Modification,
  RoleTitulaire,
  StatutMarche,
  SuccesseursProgramme,
} from "@achat-public/domain/marches";
import type { FondementModification, Nature, ProcedureDecp } from "@achat-public/domain/regles";
import { escapeLike, selectRows, type Executor } from "../client";
import { scopeMarches } from "../fournisseurs/fournisseurs.repository";
import { fournisseurs } from "../fournisseurs/fournisseurs.schema";
import { uniqueGuard } from "../organisation/organisation.repository";
import { directions } from "../organisation/organisation.schema";
import {
  marcheBonsCommande,
  marcheFactures,
  marcheHeuresInsertion,
  marcheModifications,
  marches,
  marcheSyntheses,
  marcheTitulaires,
} from "./marches.schema";

const CONFLITS = {
  marches_numero_unique: ["MARCHE_NUMERO_TAKEN", "numero", "Un marché porte déjà ce numéro."],
  marches_attribution_unique: ["MARCHE_ATTRIBUTION_TAKEN", "lotNumero", "Ce lot de cette procédure a déjà son marché."],
} as Record<string, [string, string, string]>;

type Row = typeof marches.$inferSelect;

function toMarche(row: Row, titulaires: (typeof marcheTitulaires.$inferSelect)[]): Marche {
  return {
    id: row.id,
    organisationId: row.organisationId,
    directionId: row.directionId,
    numero: row.numero,
    objet: row.objet,
    procedure: row.procedure as ProcedureDecp,
    nature: row.nature as Nature,
    cpv: row.cpv,
    formePrix: row.formePrix as FormePrix,
    accordCadre: row.accordCadre,
    montantHtCents: row.montantHtCents,
    montantMinHtCents: row.montantMinHtCents,
    montantMaxHtCents: row.montantMaxHtCents,
    dateNotification: row.dateNotification,
    dateDebut: row.dateDebut,
    dureeMois: row.dureeMois,
    reconductionsNombre: row.reconductionsNombre,
    reconductionDureeMois: row.reconductionDureeMois,
    reconductionsDecidees: row.reconductionsDecidees,
    dateFin: row.dateFin,
    dateFinMax: row.dateFinMax,
    ccag: row.ccag as Ccag,
    clauseSociale: row.clauseSociale,
    heuresInsertionPrevues: row.heuresInsertionPrevues,
    clauseEnvironnementale: row.clauseEnvironnementale,
    marcheReserve: row.marcheReserve,
    achatInnovant: row.achatInnovant,
    avanceAccordee: row.avanceAccordee,
    tauxAvancePointsDeBase: row.tauxAvancePointsDeBase,
    retenueGarantiePointsDeBase: row.retenueGarantiePointsDeBase,
    attribueParCao: row.attribueParCao,
    dateLancement: row.dateLancement,
    procedureId: row.procedureId,
    lotNumero: row.lotNumero,
    lignesProgrammeIds: row.lignesProgrammeIds,
    clos: row.clos,
    dateCloture: row.dateCloture,
    evaluation:
      row.evaluationQualite === null
        ? null
        : {
            qualite: row.evaluationQualite,
            delais: row.evaluationDelais ?? 0,
            relation: row.evaluationRelation ?? 0,
            commentaire: row.evaluationCommentaire,
          },
    titulaires: [...titulaires]
      .sort((a, b) => a.rang - b.rang)
      .map((t) => ({
        fournisseurId: t.fournisseurId,
        role: t.role as RoleTitulaire,
        montantSousTraitanceHtCents: t.montantSousTraitanceHtCents,
        paiementDirect: t.paiementDirect,
      })),
    version: row.version,
  };
}

function colonnes(m: Marche) {
  const { titulaires: _t, evaluation, ...reste } = m;
  return {
    ...reste,
    evaluationQualite: evaluation?.qualite ?? null,
    evaluationDelais: evaluation?.delais ?? null,
    evaluationRelation: evaluation?.relation ?? null,
    evaluationCommentaire: evaluation?.commentaire ?? null,
  };
}

function scopeDrizzle(scope: Scope): SQL {
  if (scope.kind === "all") return sql`true`;
  if (scope.kind === "direction") return sql`${marches.directionId} = ${scope.directionId}`;
  return sql`false`;
}

const TRIS: Record<string, SQL> = {
  numero: sql`m.numero asc`,
  "-numero": sql`m.numero desc`,
  dateFin: sql`m.date_fin asc, m.numero`,
  "-dateFin": sql`m.date_fin desc, m.numero`,
  dateNotification: sql`m.date_notification asc, m.id`,
  "-dateNotification": sql`m.date_notification desc, m.id`,
  montant: sql`coalesce(m.montant_ht_cents, m.montant_max_ht_cents) asc, m.id`,
  "-montant": sql`coalesce(m.montant_ht_cents, m.montant_max_ht_cents) desc, m.id`,
  objet: sql`immutable_unaccent(lower(m.objet)) asc, m.id`,
};

/** The WHERE of the contract list (alias `m`), shared by the list, its count and the bench's bare SQL. */
export function filtreMarchesSql(filtre: Parameters<MarcheRepository["list"]>[0], scope: Scope): SQL {
  const c: SQL[] = [sql`m.organisation_id = ${filtre.organisationId}`, scopeMarches(scope)];
  if (filtre.statut === "clos") c.push(sql`m.clos`);
  if (filtre.statut === "en-cours") c.push(sql`not m.clos and m.date_fin >= ${filtre.aujourdhui}`);
  if (filtre.statut === "echu") c.push(sql`not m.clos and m.date_fin < ${filtre.aujourdhui}`);
  if (filtre.directionId) c.push(sql`m.direction_id = ${filtre.directionId}`);
  if (filtre.nature) c.push(sql`m.nature = ${filtre.nature}`);
  if (filtre.accordCadre !== undefined) c.push(sql`m.accord_cadre = ${filtre.accordCadre}`);
  if (filtre.clauseSociale !== undefined) c.push(sql`m.clause_sociale = ${filtre.clauseSociale}`);
  if (filtre.cpv) c.push(sql`m.cpv like ${`${escapeLike(filtre.cpv)}%`}`);
  if (filtre.finAvant) c.push(sql`m.date_fin <= ${filtre.finAvant}`);
  if (filtre.fournisseurId)
    c.push(sql`exists (select 1 from marche_titulaires t where t.marche_id = m.id and t.fournisseur_id = ${filtre.fournisseurId})`);
  if (filtre.recherche) {
    const motif = `%${escapeLike(filtre.recherche.toLowerCase())}%`;
    c.push(sql`(immutable_unaccent(lower(m.objet)) like immutable_unaccent(${motif}) or lower(m.numero) like ${motif})`);
  }
  return sql.join(c, sql` and `);
}

export function triMarchesSql(tri: string | undefined): SQL {
  return TRIS[tri ?? "-dateNotification"] ?? (TRIS["-dateNotification"] as SQL);
}

/** The two statements of the contract list (count, page): the repository runs them, the bench runs them bare. */
export function requetesListeMarches(filtre: Parameters<MarcheRepository["list"]>[0], scope: Scope): { compte: SQL; page: SQL } {
  const where = filtreMarchesSql(filtre, scope);
  return {
    compte: sql`select count(*)::int as n from marches m where ${where}`,
    page: sql`select m.id, m.numero, m.objet, m.direction_id, d.sigle, m.nature, m.cpv, m.accord_cadre,
                   m.montant_ht_cents::float8 as montant, m.montant_max_ht_cents::float8 as maximum,
                   m.date_notification::text as date_notification, m.date_fin::text as date_fin, m.clos, m.version,
                   (select f.nom from marche_titulaires t join fournisseurs f on f.id = t.fournisseur_id
                     where t.marche_id = m.id and t.role in ('titulaire', 'mandataire') limit 1) as titulaire,
                   (select coalesce(sum(x.montant_ht_cents), 0)::float8 from marche_modifications x where x.marche_id = m.id) as modifications,
                   (select coalesce(sum(b.montant_ht_cents), 0)::float8 from marche_bons_commande b where b.marche_id = m.id) as consomme
            from (select m.* from marches m where ${where} order by ${triMarchesSql(filtre.tri)}
                  limit ${filtre.parPage} offset ${(filtre.page - 1) * filtre.parPage}) m
            join directions d on d.id = m.direction_id
            order by ${triMarchesSql(filtre.tri)}`,
  };
}

export function marcheRepository(db: Executor): MarcheRepository {
  async function titulairesDe(ids: string[]) {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(marcheTitulaires)
      .where(
        sql`${marcheTitulaires.marcheId} in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )})`,
      );
  }
  async function ecrireTitulaires(m: Marche) {
    await db.delete(marcheTitulaires).where(eq(marcheTitulaires.marcheId, m.id));
    if (m.titulaires.length) await db.insert(marcheTitulaires).values(m.titulaires.map((t, rang) => ({ marcheId: m.id, rang, ...t })));
  }
  const toFacture = (r: typeof marcheFactures.$inferSelect): Facture => ({
    id: r.id,
    marcheId: r.marcheId,
    numero: r.numero,
    montantTtcCents: r.montantTtcCents,
    dateReception: r.dateReception,
    datePaiement: r.datePaiement,
    dateEcheance: r.dateEcheance,
    delaiPaiementJours: r.delaiPaiementJours,
    joursRetard: r.joursRetard,
    tauxInteretsPointsDeBase: r.tauxInteretsPointsDeBase,
    interetsMoratoiresCents: r.interetsMoratoiresCents,
    indemniteForfaitaireCents: r.indemniteForfaitaireCents,
  });
  return {
    async list(filtre, scope) {
      const requetes = requetesListeMarches(filtre, scope);
      const [total] = await selectRows<{ n: number }>(db, requetes.compte);
      const rows = await selectRows<Record<string, unknown>>(db, requetes.page);
      return {
        total: total?.n ?? 0,
        marches: rows.map((r) => {
          const dateFin = r.date_fin as string;
          const statut: StatutMarche = r.clos ? "clos" : dateFin < filtre.aujourdhui ? "echu" : "en-cours";
          return {
            id: r.id as string,
            numero: r.numero as string,
            objet: r.objet as string,
            directionId: r.direction_id as string,
            directionSigle: r.sigle as string,
            nature: r.nature as string,
            cpv: r.cpv as string,
            accordCadre: Boolean(r.accord_cadre),
            montantHtCents: r.montant === null ? null : Number(r.montant),
            montantMaxHtCents: r.maximum === null ? null : Number(r.maximum),
            dateNotification: r.date_notification as string,
            dateFin,
            statut,
            titulaire: (r.titulaire as string | null) ?? null,
            montantModificationsHtCents: Number(r.modifications),
            consommeHtCents: Number(r.consomme),
            version: Number(r.version),
          };
        }),
      };
    },
    async get(id, organisationId, scope): Promise<MarcheDetail | null> {
      const [row] = await db
        .select({ m: marches, sigle: directions.sigle })
        .from(marches)
        .innerJoin(directions, eq(directions.id, marches.directionId))
        .where(and(eq(marches.id, id), eq(marches.organisationId, organisationId), scopeDrizzle(scope)));
      if (!row) return null;
      const titulaires = await titulairesDe([id]);
      const marche = toMarche(row.m, titulaires);
      const details = await db
        .select({ t: marcheTitulaires, f: fournisseurs })
        .from(marcheTitulaires)
        .innerJoin(fournisseurs, eq(fournisseurs.id, marcheTitulaires.fournisseurId))
        .where(eq(marcheTitulaires.marcheId, id))
        .orderBy(asc(marcheTitulaires.rang));
      return {
        ...marche,
        directionSigle: row.sigle,
        titulairesDetailles: details.map(({ t, f }) => ({
          fournisseurId: t.fournisseurId,
          role: t.role as RoleTitulaire,
          montantSousTraitanceHtCents: t.montantSousTraitanceHtCents,
          paiementDirect: t.paiementDirect,
          siret: f.siret,
          nom: f.nom,
          categorie: f.categorie,
        })),
      };
    },
    async getForUpdate(id, organisationId, scope) {
      const [row] = await db
        .select()
        .from(marches)
        .where(and(eq(marches.id, id), eq(marches.organisationId, organisationId), scopeDrizzle(scope)))
        .for("update");
      return row ? toMarche(row, await titulairesDe([id])) : null;
    },
    async findByAttribution(organisationId, procedureId, lotNumero) {
      const [row] = await db
        .select()
        .from(marches)
        .where(and(eq(marches.organisationId, organisationId), eq(marches.procedureId, procedureId), eq(marches.lotNumero, lotNumero)));
      return row ? toMarche(row, await titulairesDe([row.id])) : null;
    },
    async insert(m) {
      await uniqueGuard(() => db.insert(marches).values(colonnes(m)), CONFLITS);
      await ecrireTitulaires(m);
    },
    async update(m, expectedVersion) {
      const { id: _id, organisationId: _o, ...valeurs } = colonnes(m);
      const rows = await uniqueGuard(
        () =>
          db
            .update(marches)
            .set({ ...valeurs, updatedAt: sql`now()` })
            .where(and(eq(marches.id, m.id), eq(marches.version, expectedVersion)))
            .returning({ id: marches.id }),
        CONFLITS,
      );
      if (rows.length !== 1) return false;
      await ecrireTitulaires(m);
      return true;
    },
    async modifications(marcheId) {
      const rows = await db
        .select()
        .from(marcheModifications)
        .where(eq(marcheModifications.marcheId, marcheId))
        .orderBy(asc(marcheModifications.numero));
      return rows.map(
        (r): Modification => ({
          id: r.id,
          marcheId: r.marcheId,
          numero: r.numero,
          objet: r.objet,
          fondement: r.fondement as FondementModification,
          montantHtCents: r.montantHtCents,
          nouvelleDateFin: r.nouvelleDateFin,
          dateSignature: r.dateSignature,
          autorisee: r.autorisee,
          avisCaoRequis: r.avisCaoRequis,
          pourcentageCumulePointsDeBase: r.pourcentageCumulePointsDeBase,
          motifJuridique: r.motifJuridique,
          explications: r.explications,
        }),
      );
    },
    async insertModification(m) {
      await db.insert(marcheModifications).values(m);
    },
    async bonsCommande(marcheId) {
      const rows = await db
        .select()
        .from(marcheBonsCommande)
        .where(eq(marcheBonsCommande.marcheId, marcheId))
        .orderBy(asc(marcheBonsCommande.dateEmission), asc(marcheBonsCommande.createdAt));
      return rows.map(
        (r): BonCommande => ({
          id: r.id,
          marcheId: r.marcheId,
          numero: r.numero,
          objet: r.objet,
          dateEmission: r.dateEmission,
          montantHtCents: r.montantHtCents,
        }),
      );
    },
    async insertBonCommande(b) {
      await db.insert(marcheBonsCommande).values(b);
    },
    async factures(marcheId) {
      return (
        await db
          .select()
          .from(marcheFactures)
          .where(eq(marcheFactures.marcheId, marcheId))
          .orderBy(asc(marcheFactures.dateReception), asc(marcheFactures.numero))
      ).map(toFacture);
    },
    async getFacture(id, marcheId) {
      const [row] = await db
        .select()
        .from(marcheFactures)
        .where(and(eq(marcheFactures.id, id), eq(marcheFactures.marcheId, marcheId)));
      return row ? toFacture(row) : null;
    },
    async insertFacture(f) {
      await db.insert(marcheFactures).values(f);
    },
    async updateFacture(f) {
      const { id, marcheId: _m, ...valeurs } = f;
      await db.update(marcheFactures).set(valeurs).where(eq(marcheFactures.id, id));
    },
    async heuresInsertion(marcheId) {
      const rows = await db
        .select()
        .from(marcheHeuresInsertion)
        .where(eq(marcheHeuresInsertion.marcheId, marcheId))
        .orderBy(asc(marcheHeuresInsertion.periodeDebut));
      return rows.map(
        (r): HeuresInsertion => ({
          id: r.id,
          marcheId: r.marcheId,
          periodeDebut: r.periodeDebut,
          periodeFin: r.periodeFin,
          heures: r.heures,
        }),
      );
    },
    async insertHeuresInsertion(h) {
      await db.insert(marcheHeuresInsertion).values(h);
    },
    async veille(organisationId, scope, aujourdhui, horizon): Promise<LigneVeille[]> {
      const rows = await selectRows<Record<string, unknown>>(
        db,
        sql`with m as (select m.* from marches m where m.organisation_id = ${organisationId} and not m.clos and ${scopeMarches(scope)}),
            modifs as (select x.marche_id, sum(x.montant_ht_cents) as montant, max(x.pourcentage_cumule_points_de_base) filter (where x.numero = (select max(y.numero) from marche_modifications y where y.marche_id = x.marche_id)) as pct,
                              count(*) filter (where not x.autorisee) as hors
                       from marche_modifications x join m on m.id = x.marche_id group by x.marche_id),
            bons as (select b.marche_id, sum(b.montant_ht_cents) as consomme from marche_bons_commande b join m on m.id = b.marche_id group by b.marche_id),
            fact as (select f.marche_id,
                            count(*) filter (where f.jours_retard > 0 and f.date_paiement >= ${aujourdhui}::date - 365) as retards,
                            count(*) filter (where f.date_paiement is null and f.date_echeance < ${aujourdhui}) as impayees,
                            sum(f.interets_moratoires_cents) filter (where f.date_paiement >= ${aujourdhui}::date - 365) as interets
                     from marche_factures f join m on m.id = f.marche_id group by f.marche_id)
            select m.id, m.numero, m.objet, m.direction_id, d.sigle, m.date_fin::text as date_fin,
                   (m.reconductions_nombre - m.reconductions_decidees) as restantes,
                   coalesce(m.montant_ht_cents, m.montant_max_ht_cents)::float8 as reference,
                   coalesce(bons.consomme, 0)::float8 as consomme,
                   case when m.accord_cadre then (m.montant_max_ht_cents + coalesce(modifs.montant, 0))::float8 end as maximum,
                   coalesce(modifs.montant, 0)::float8 as modifications, coalesce(modifs.pct, 0) as pct, coalesce(modifs.hors, 0)::int as hors,
                   coalesce(fact.retards, 0)::int as retards, coalesce(fact.impayees, 0)::int as impayees, coalesce(fact.interets, 0)::float8 as interets
            from m join directions d on d.id = m.direction_id
            left join modifs on modifs.marche_id = m.id left join bons on bons.marche_id = m.id left join fact on fact.marche_id = m.id
            where (m.date_fin <= ${horizon} and m.date_fin >= ${aujourdhui}) or modifs.marche_id is not null or bons.marche_id is not null
               or coalesce(fact.retards, 0) + coalesce(fact.impayees, 0) > 0
            order by m.date_fin, m.numero`,
      );
      return rows.map((r) => ({
        marcheId: r.id as string,
        numero: r.numero as string,
        objet: r.objet as string,
        directionId: r.direction_id as string,
        directionSigle: r.sigle as string,
        dateFin: r.date_fin as string,
        reconductionsRestantes: Number(r.restantes),
        montantReferenceHtCents: Number(r.reference),
        consommeHtCents: Number(r.consomme),
        maximumHtCents: r.maximum === null ? null : Number(r.maximum),
        montantModificationsHtCents: Number(r.modifications),
        pourcentageCumulePointsDeBase: Number(r.pct),
        modificationsHorsMoteur: Number(r.hors),
        facturesEnRetard: Number(r.retards),
        facturesImpayeesEchues: Number(r.impayees),
        interetsMoratoiresCents: Number(r.interets),
      }));
    },
    async importerPortefeuille(lot) {
      const paquets = <T>(liste: T[], taille = 400) =>
        Array.from({ length: Math.ceil(liste.length / taille) }, (_, i) => liste.slice(i * taille, (i + 1) * taille));
      for (const p of paquets(lot.marches)) await uniqueGuard(() => db.insert(marches).values(p.map(colonnes)), CONFLITS);
      const titulaires = lot.marches.flatMap((m) => m.titulaires.map((t, rang) => ({ marcheId: m.id, rang, ...t })));
      for (const p of paquets(titulaires, 1000)) await db.insert(marcheTitulaires).values(p);
      for (const p of paquets(lot.modifications)) await db.insert(marcheModifications).values(p);
      for (const p of paquets(lot.bonsCommande, 1000)) await db.insert(marcheBonsCommande).values(p);
      for (const p of paquets(lot.factures, 1000)) await db.insert(marcheFactures).values(p);
      for (const p of paquets(lot.heuresInsertion, 1000)) await db.insert(marcheHeuresInsertion).values(p);
    },
    async marquerSynthese(directionId, jour) {
      const rows = await db
        .insert(marcheSyntheses)
        .values({ directionId, jour })
        .onConflictDoNothing()
        .returning({ jour: marcheSyntheses.jour });
      return rows.length === 1;
    },
  };
}

/** The programme port of the portfolio watch: which contracts ending soon have a renewal line planned. */
export function successeursProgramme(db: Executor): SuccesseursProgramme {
  return {
    /**
     * A contract has a successor when its direction has planned, in the programme of the year its current period
     * ends or of a later year, a renewal line (`renouvellement`) of the same CPV group (3 first digits), not sent
     * back.
     */
    async avecSuccesseur(organisationId, marcheIds) {
      if (marcheIds.length === 0) return new Set<string>();
      const rows = await selectRows<{ id: string }>(
        db,
        sql`select m.id from marches m
             where m.organisation_id = ${organisationId}
               and m.id in (${sql.join(
                 marcheIds.map((id) => sql`${id}::uuid`),
                 sql`, `,
               )})
               and exists (select 1 from lignes_programme l
                            where l.organisation_id = m.organisation_id and l.direction_id = m.direction_id
                              and l.renouvellement and l.statut <> 'renvoyee'
                              and left(l.cpv, 3) = left(m.cpv, 3)
                              and l.annee >= extract(year from m.date_fin)::int)`,
      );
      return new Set(rows.map((r) => r.id));
    },
  };
}
