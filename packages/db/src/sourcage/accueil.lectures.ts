import { sql } from "drizzle-orm";
import { selectRows, type Executor } from "../client";

/**
 * Read models of the companies' public home: only what the département already publishes (its contracts once
 * published in the DECP, its published programme lines). No amount of a programme line is read exactly: the
 * caller shows the range.
 */

/** Published contracts summed by nature, CPV code and year of notification (`depuisAnnee` on). */
export async function achatsPublies(
  db: Executor,
  depuisAnnee: number,
): Promise<{ nature: string; cpv: string; annee: number; montantHtCents: number; nombre: number }[]> {
  const rows = await selectRows<{ nature: string; cpv: string; annee: number; montant: string | number; nombre: number }>(
    db,
    sql`select nature, cpv, extract(year from date_notification)::int as annee,
               sum(coalesce(montant_ht_cents, montant_max_ht_cents, 0))::bigint as montant, count(*)::int as nombre
        from marches
        where date_publication_donnees is not null and date_notification >= make_date(${depuisAnnee}::int, 1, 1)
        group by nature, cpv, annee`,
  );
  return rows.map((r) => ({ nature: r.nature, cpv: r.cpv, annee: r.annee, montantHtCents: Number(r.montant), nombre: r.nombre }));
}

/** The families nomenclature of every organisation (the platform serves one département). */
export async function famillesPubliques(
  db: Executor,
): Promise<{ id: string; code: string; libelle: string; nature: string; prefixesCpv: string[]; actif: boolean }[]> {
  return selectRows(db, sql`select id, code, libelle, nature, prefixes_cpv as "prefixesCpv", actif from familles_achat order by code`);
}

/** The most recent published contracts (the awards), with their holders. */
export async function attributionsRecentes(
  db: Executor,
  limite: number,
): Promise<
  {
    id: string;
    objet: string;
    procedure: string;
    dateNotification: string;
    montantHtCents: number | null;
    montantMaxHtCents: number | null;
    accordCadre: boolean;
    titulaires: string[];
    direction: string;
  }[]
> {
  const rows = await selectRows<{
    id: string;
    objet: string;
    procedure: string;
    date_notification: string;
    montant_ht_cents: string | number | null;
    montant_max_ht_cents: string | number | null;
    accord_cadre: boolean;
    titulaires: string[] | null;
    direction: string;
  }>(
    db,
    sql`select m.id, m.objet, m.procedure, m.date_notification::text as date_notification, m.montant_ht_cents,
               m.montant_max_ht_cents, m.accord_cadre, d.nom as direction,
               (select array_agg(f.nom order by t.rang) from marche_titulaires t join fournisseurs f on f.id = t.fournisseur_id
                 where t.marche_id = m.id) as titulaires
        from marches m join directions d on d.id = m.direction_id
        where m.date_publication_donnees is not null
        order by m.date_notification desc, m.id
        limit ${limite}`,
  );
  const n = (v: string | number | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    id: r.id,
    objet: r.objet,
    procedure: r.procedure,
    dateNotification: r.date_notification,
    montantHtCents: n(r.montant_ht_cents),
    montantMaxHtCents: n(r.montant_max_ht_cents),
    accordCadre: r.accord_cadre,
    titulaires: r.titulaires ?? [],
    direction: r.direction,
  }));
}

/** Published programme lines to be launched from the quarter `(annee, trimestre)` on, soonest first. */
export async function achatsAVenir(
  db: Executor,
  annee: number,
  trimestre: number,
  limite: number,
): Promise<
  { id: string; annee: number; trimestre: number; objet: string; cpv: string; direction: string; valeurEstimeeHtCents: number }[]
> {
  const rows = await selectRows<{
    id: string;
    annee: number;
    trimestre: number;
    objet: string;
    cpv: string;
    direction: string;
    valeur: string | number;
  }>(
    db,
    sql`select l.id, l.annee, l.trimestre, l.objet, l.cpv, d.nom as direction, l.valeur_estimee_ht_cents as valeur
        from lignes_programme l join directions d on d.id = l.direction_id
        where l.statut = 'publiee' and (l.annee > ${annee} or (l.annee = ${annee} and l.trimestre >= ${trimestre}))
        order by l.annee, l.trimestre, l.valeur_estimee_ht_cents desc, l.id
        limit ${limite}`,
  );
  return rows.map((r) => ({ ...r, valeurEstimeeHtCents: Number(r.valeur) }));
}

/** Share of the published contracts notified since `depuis` (YYYY-MM-DD) with a social or an environmental clause. */
export async function clausesPubliees(
  db: Executor,
  depuis: string,
): Promise<{ total: number; clauseSociale: number; clauseEnvironnementale: number; heuresInsertion: number }> {
  const [row] = await selectRows<{ total: number; sociale: number; environnementale: number; heures: string | number | null }>(
    db,
    sql`select count(*)::int as total, count(*) filter (where clause_sociale)::int as sociale,
               count(*) filter (where clause_environnementale)::int as environnementale,
               coalesce(sum(heures_insertion_prevues), 0)::bigint as heures
        from marches where date_publication_donnees is not null and date_notification >= ${depuis}::date`,
  );
  return {
    total: row?.total ?? 0,
    clauseSociale: row?.sociale ?? 0,
    clauseEnvironnementale: row?.environnementale ?? 0,
    heuresInsertion: Number(row?.heures ?? 0),
  };
}
