/**
 * Read models of the store of public award data: search, sourcing, peers. Each query is built as SQL text
 * with `$n` parameters (`requeteX(...)`), so that the bench runs exactly the same SQL bare, beside the API.
 */
import { departementsDe, regionDe } from "@achat-public/domain/donnees";
import { rawSql, selectRows, type Executor } from "../client";

export interface RequeteSql {
  text: string;
  values: unknown[];
}

class Parametres {
  readonly values: unknown[] = [];
  p(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/**
 * The stored full-text vector (generated column `recherche`, migration 0010: French, accents folded, on object and
 * holder name), indexed by GIN. The condition names the column, not the expression that generates it: PostgreSQL
 * matches an index on a column only by the column (with the expression, every search recomputed the vector of
 * every row: 14 s at 300,000).
 */
export const VECTEUR_RECHERCHE = "recherche";

export interface FiltresMarchesPublies {
  recherche?: string | undefined;
  cpv?: string | undefined;
  acheteur?: string | undefined;
  titulaire?: string | undefined;
  departement?: string | undefined;
  montantMinCents?: number | undefined;
  montantMaxCents?: number | undefined;
  du?: string | undefined;
  au?: string | undefined;
  tri: "date-desc" | "date-asc" | "montant-desc" | "montant-asc";
  limit: number;
  offset: number;
}

/** Beyond this, the total is not counted exactly (« plus de 1 000 »): counting costs as much as reading. */
export const TOTAL_PLAFOND = 1_000;

/** Letters without their diacritics (as PostgreSQL's unaccent for French text: é → e, ç → c, œ → oe). */
export function sansAccents(texte: string): string {
  return texte.normalize("NFD").replace(/\p{M}/gu, "").replace(/œ/g, "oe").replace(/Œ/g, "OE").replace(/æ/g, "ae").replace(/Æ/g, "AE");
}

function conditions(f: Omit<FiltresMarchesPublies, "tri" | "limit" | "offset">, p: Parametres): string {
  const c: string[] = [];
  // the words are unaccented here, not by immutable_unaccent($n): around a parameter, it kept the planner from
  // folding the query to a constant (10 s instead of 0.1 s at 300,000 rows)
  if (f.recherche) c.push(`${VECTEUR_RECHERCHE} @@ plainto_tsquery('french'::regconfig, ${p.p(sansAccents(f.recherche))})`);
  if (f.cpv) c.push(`code_cpv LIKE ${p.p(`${f.cpv}%`)}`);
  if (f.acheteur) c.push(`acheteur_id = ${p.p(f.acheteur)}`);
  if (f.titulaire) c.push(`titulaire_id = ${p.p(f.titulaire)}`);
  if (f.departement) c.push(`departement = ${p.p(f.departement)}`);
  if (f.montantMinCents !== undefined) c.push(`montant_ht_cents >= ${p.p(f.montantMinCents)}`);
  if (f.montantMaxCents !== undefined) c.push(`montant_ht_cents <= ${p.p(f.montantMaxCents)}`);
  if (f.du) c.push(`date_notification >= ${p.p(f.du)}::date`);
  if (f.au) c.push(`date_notification <= ${p.p(f.au)}::date`);
  return c.length > 0 ? `WHERE ${c.join(" AND ")}` : "";
}

/**
 * The sorts, on the table's columns (`a.`): the page selects `date_notification::text AS date_notification`, and an
 * unqualified ORDER BY name is the output column first: it sorted the dates as text, so no index could give the
 * order (every search read and sorted all its matches: 380 ms at 100,000 for a CPV prefix).
 */
const ORDRES = {
  "date-desc": "a.date_notification DESC NULLS LAST, a.acheteur_id, a.marche_id, a.titulaire_id",
  "date-asc": "a.date_notification ASC NULLS LAST, a.acheteur_id, a.marche_id, a.titulaire_id",
  "montant-desc": "a.montant_ht_cents DESC NULLS LAST, a.acheteur_id, a.marche_id, a.titulaire_id",
  "montant-asc": "a.montant_ht_cents ASC NULLS LAST, a.acheteur_id, a.marche_id, a.titulaire_id",
} as const;

/** The page of attributions and the (capped) count, as two SQL statements. */
export function requetesMarchesPublies(f: FiltresMarchesPublies): { page: RequeteSql; total: RequeteSql } {
  const p = new Parametres();
  const where = conditions(f, p);
  const page = `SELECT acheteur_id, acheteur_nom, marche_id, titulaire_id, titulaire_nom, objet, code_cpv, procedure, departement,
      montant_ht_cents, date_notification::text AS date_notification, offres_recues, avertissements
    FROM decp_attributions a ${where} ORDER BY ${ORDRES[f.tri]} LIMIT ${p.p(f.limit)} OFFSET ${p.p(f.offset)}`;
  const q = new Parametres();
  const total = `SELECT count(*)::int AS n FROM (SELECT 1 FROM decp_attributions ${conditions(f, q)} LIMIT ${TOTAL_PLAFOND + 1}) t`;
  return { page: { text: page, values: p.values }, total: { text: total, values: q.values } };
}

export interface LigneMarchePublie {
  acheteur_id: string;
  acheteur_nom: string | null;
  marche_id: string;
  titulaire_id: string;
  titulaire_nom: string | null;
  objet: string | null;
  code_cpv: string | null;
  procedure: string | null;
  departement: string | null;
  montant_ht_cents: number | string | null;
  date_notification: string | null;
  offres_recues: number | null;
  avertissements: number;
}

export async function rechercherMarchesPublies(db: Executor, f: FiltresMarchesPublies) {
  const r = requetesMarchesPublies(f);
  const [lignes, compte] = await Promise.all([
    selectRows<LigneMarchePublie & Record<string, unknown>>(db, rawSql(r.page.text, r.page.values)),
    selectRows<{ n: number }>(db, rawSql(r.total.text, r.total.values)),
  ]);
  const n = compte[0]?.n ?? 0;
  return { lignes, total: Math.min(n, TOTAL_PLAFOND), totalPlafonne: n > TOTAL_PLAFOND };
}

// ---------------------------------------------------------------- sourcing

export interface FiltresSourcing {
  cpv: string;
  departement: string;
  portee: "departement" | "region" | "france";
  du?: string | undefined;
  limit: number;
  offset: number;
}

/** The départements of the territory (empty: the whole of France). */
export function departementsDuTerritoire(departement: string, portee: FiltresSourcing["portee"]): string[] {
  if (portee === "france") return [];
  if (portee === "departement") return [departement];
  const region = regionDe(departement);
  return region ? [...departementsDe(region)] : [departement];
}

function territoire(f: FiltresSourcing, p: Parametres): string {
  const c = [`code_cpv LIKE ${p.p(`${f.cpv}%`)}`];
  const deps = departementsDuTerritoire(f.departement, f.portee);
  if (deps.length === 1) c.push(`departement = ${p.p(deps[0])}`);
  else if (deps.length > 1) c.push(`departement = ANY(${p.p(`{${deps.join(",")}}`)}::text[])`);
  if (f.du) c.push(`date_notification >= ${p.p(f.du)}::date`);
  return c.join(" AND ");
}

/** The companies that won similar contracts in the territory, nearest first, then by count. */
export function requetesSourcing(f: FiltresSourcing): { entreprises: RequeteSql; total: RequeteSql; concurrence: RequeteSql } {
  const region = regionDe(f.departement);
  const p = new Parametres();
  const depsRegion = region ? departementsDe(region) : [f.departement];
  const dep = p.p(f.departement);
  const reg = p.p(`{${depsRegion.join(",")}}`);
  const entreprises = `
    SELECT titulaire_id, max(titulaire_nom) AS titulaire_nom, count(*)::int AS attributions,
      coalesce(sum(montant_ht_cents), 0)::bigint AS montant_cents, count(DISTINCT acheteur_id)::int AS acheteurs,
      (array_agg(DISTINCT coalesce(acheteur_nom, acheteur_id)))[1:3] AS acheteurs_exemples,
      max(date_notification)::text AS derniere, max(categorie_entreprise) AS categorie,
      min(CASE WHEN departement = ${dep} OR titulaire_departement = ${dep} THEN 0
               WHEN departement = ANY(${reg}::text[]) OR titulaire_departement = ANY(${reg}::text[]) THEN 1 ELSE 2 END)::int AS distance
    FROM decp_attributions
    WHERE ${territoire(f, p)} AND titulaire_id <> ''
    GROUP BY titulaire_id
    ORDER BY distance, attributions DESC, montant_cents DESC, titulaire_id
    LIMIT ${p.p(f.limit)} OFFSET ${p.p(f.offset)}`;
  const q = new Parametres();
  const total = `SELECT count(DISTINCT titulaire_id)::int AS n FROM decp_attributions WHERE ${territoire(f, q)} AND titulaire_id <> ''`;
  const c = new Parametres();
  // one row per contract (a joint award is one contract): its published number of bids
  const concurrence = `
    SELECT count(*)::int AS marches, count(o)::int AS avec_offres,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY o) AS mediane, avg(o)::float8 AS moyenne,
      (count(*) FILTER (WHERE o = 1))::float8 / nullif(count(o), 0) AS part_unique
    FROM (SELECT max(offres_recues) AS o FROM decp_attributions WHERE ${territoire(f, c)} GROUP BY acheteur_id, marche_id) m`;
  return {
    entreprises: { text: entreprises, values: p.values },
    total: { text: total, values: q.values },
    concurrence: { text: concurrence, values: c.values },
  };
}

export async function sourcing(db: Executor, f: FiltresSourcing) {
  const r = requetesSourcing(f);
  const [entreprises, total, concurrence] = await Promise.all([
    selectRows<{
      titulaire_id: string;
      titulaire_nom: string | null;
      attributions: number;
      montant_cents: number | string;
      acheteurs: number;
      acheteurs_exemples: string[] | null;
      derniere: string | null;
      categorie: string | null;
      distance: number;
    }>(db, rawSql(r.entreprises.text, r.entreprises.values)),
    selectRows<{ n: number }>(db, rawSql(r.total.text, r.total.values)),
    selectRows<{ marches: number; avec_offres: number; mediane: number | null; moyenne: number | null; part_unique: number | null }>(
      db,
      rawSql(r.concurrence.text, r.concurrence.values),
    ),
  ]);
  return { entreprises, total: total[0]?.n ?? 0, concurrence: concurrence[0] };
}

// ---------------------------------------------------------------- pairs

/**
 * One buyer against the other buyers of the imported data (those with at least `minimum` contracts):
 * bids per contract, single-bid share, amendment rate, publication delay; the medians of the peers.
 */
export function requetePairs(f: { cpv?: string | undefined; minimum: number }): RequeteSql {
  const p = new Parametres();
  const cpv = f.cpv ? `WHERE code_cpv LIKE ${p.p(`${f.cpv}%`)}` : "";
  const text = `
    WITH marches AS (
      SELECT acheteur_id, marche_id, max(acheteur_nom) AS acheteur_nom, max(offres_recues) AS o,
        max(date_publication - date_notification) AS delai
      FROM decp_attributions ${cpv} GROUP BY acheteur_id, marche_id
    ), modifies AS (
      SELECT DISTINCT acheteur_id, marche_id FROM decp_modifications
    ), parAcheteur AS (
      SELECT m.acheteur_id, max(m.acheteur_nom) AS acheteur_nom, count(*)::int AS marches, avg(o)::float8 AS offres,
        (count(*) FILTER (WHERE o = 1))::float8 / nullif(count(o), 0) AS part_unique,
        (count(x.marche_id))::float8 / count(*) AS taux_modification,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY delai) FILTER (WHERE delai >= 0) AS delai
      FROM marches m LEFT JOIN modifies x USING (acheteur_id, marche_id)
      GROUP BY m.acheteur_id
    )
    SELECT * FROM parAcheteur WHERE marches >= ${p.p(f.minimum)}`;
  return { text, values: p.values };
}

export interface IndicateursAcheteur {
  acheteur_id: string;
  acheteur_nom: string | null;
  marches: number;
  offres: number | null;
  part_unique: number | null;
  taux_modification: number | null;
  delai: number | null;
}

export async function pairs(db: Executor, f: { acheteur: string; cpv?: string | undefined; minimum: number }) {
  const r = requetePairs({ cpv: f.cpv, minimum: 1 });
  const tous = await selectRows<IndicateursAcheteur & Record<string, unknown>>(db, rawSql(r.text, r.values));
  const lui = tous.find((t) => t.acheteur_id === f.acheteur) ?? null;
  const autres = tous.filter((t) => t.acheteur_id !== f.acheteur && t.marches >= f.minimum);
  return { lui, autres };
}
