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

/**
 * The WHERE clause. `plein` says how the full-text condition is written: `index` as `recherche @@ q` (the GIN index
 * can answer it), `filtre` as `ts_match_vq(recherche, q)`, the same test written as a function call, which no index
 * matches: the planner then reads the sort's B-tree in order and filters (see `FormePage`).
 */
function conditions(
  f: Omit<FiltresMarchesPublies, "tri" | "limit" | "offset">,
  p: Parametres,
  plein: "index" | "filtre" = "index",
): string {
  const c: string[] = [];
  // the words are unaccented here, not by immutable_unaccent($n): around a parameter, it kept the planner from
  // folding the query to a constant (10 s instead of 0.1 s at 300,000 rows)
  if (f.recherche) {
    const q = `plainto_tsquery('french'::regconfig, ${p.p(sansAccents(f.recherche))})`;
    c.push(plein === "index" ? `${VECTEUR_RECHERCHE} @@ ${q}` : `ts_match_vq(${VECTEUR_RECHERCHE}, ${q})`);
  }
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

const COLONNES_PAGE = `acheteur_id, acheteur_nom, marche_id, titulaire_id, titulaire_nom, objet, code_cpv, procedure, departement,
      montant_ht_cents, date_notification, offres_recues, avertissements`;

/**
 * How the page is read, chosen from the capped count (and the planner's estimate) rather than left to the planner,
 * which misjudges full-text selectivity (« travaux electricite »: 2,552 matches estimated, 4,750 real; it read the
 * dates index and filtered 22,354 rows for 20, 2.9 s, when the GIN index finds them all in 61 ms):
 * - `correspondances`: every match, found by whatever index suits the filters (the GIN index for words), then sorted
 *   (top-N): a subquery fenced by `OFFSET 0` is planned without the ORDER BY and LIMIT, so no sort index tempts it;
 *   its cost grows with the matches, so it is for few matches;
 * - `ordre`: the sort's B-tree read in order, every filter tested on the way (the words by `ts_match_vq`, which the
 *   GIN index cannot answer), stopping at the page's last row: it reads about (offset + limit) / density rows, so it
 *   is for many matches.
 * Both forms return the same rows in the same order (the sort is total: its tie-breakers are the key).
 */
export type FormePage = "correspondances" | "ordre";

/** Up to this many matches (counted or estimated), the page is read by `correspondances`; beyond, by `ordre`. */
export const SEUIL_CORRESPONDANCES = 20_000;

/** The page of attributions in the given form. */
export function requetePageMarchesPublies(f: FiltresMarchesPublies, forme: FormePage): RequeteSql {
  const p = new Parametres();
  if (forme === "ordre") {
    const text = `SELECT ${COLONNES_PAGE.replace("date_notification,", "date_notification::text AS date_notification,")}
    FROM decp_attributions a ${conditions(f, p, "filtre")} ORDER BY ${ORDRES[f.tri]} LIMIT ${p.p(f.limit)} OFFSET ${p.p(f.offset)}`;
    return { text, values: p.values };
  }
  const text = `SELECT ${COLONNES_PAGE.replace("date_notification,", "date_notification::text AS date_notification,")}
    FROM (SELECT ${COLONNES_PAGE} FROM decp_attributions ${conditions(f, p, "index")} OFFSET 0) a
    ORDER BY ${ORDRES[f.tri]} LIMIT ${p.p(f.limit)} OFFSET ${p.p(f.offset)}`;
  return { text, values: p.values };
}

/**
 * The statements of a search: the count of matches, stopped at TOTAL_PLAFOND + 1 (the GIN index finds rare words
 * at once; frequent ones fill the cap in a few thousand rows), and the planner's estimate of the matches (EXPLAIN,
 * no execution: « environ N » beyond the cap, and the choice of the page's form).
 */
export function requetesMarchesPublies(f: FiltresMarchesPublies): { total: RequeteSql; estimation: RequeteSql } {
  const q = new Parametres();
  const total = `SELECT count(*)::int AS n FROM (SELECT 1 FROM decp_attributions ${conditions(f, q)} LIMIT ${TOTAL_PLAFOND + 1}) t`;
  const e = new Parametres();
  const estimation = `EXPLAIN (FORMAT JSON) SELECT 1 FROM decp_attributions ${conditions(f, e)}`;
  return { total: { text: total, values: q.values }, estimation: { text: estimation, values: e.values } };
}

/** The page's form: every match when they are few (counted under the cap, or estimated under SEUIL_CORRESPONDANCES). */
export function formePage(compte: number, estimation: number): FormePage {
  if (compte <= TOTAL_PLAFOND) return "correspondances";
  return estimation <= SEUIL_CORRESPONDANCES ? "correspondances" : "ordre";
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

/** Runs one statement and gives its rows: the drizzle executor (the API) or a bare driver (the bench). */
export type Lecteur = <T extends Record<string, unknown>>(q: RequeteSql) => Promise<T[]>;

export const lecteurDe =
  (db: Executor): Lecteur =>
  <T extends Record<string, unknown>>(q: RequeteSql) =>
    selectRows<T>(db, rawSql(q.text, q.values));

/** The planner's row estimate out of `EXPLAIN (FORMAT JSON)` (PostgreSQL gives the JSON parsed or as text). */
function lignesEstimees(lignes: Record<string, unknown>[]): number {
  const brut = Object.values(lignes[0] ?? {})[0];
  const plan = (typeof brut === "string" ? JSON.parse(brut) : brut) as { Plan?: { "Plan Rows"?: number } }[] | undefined;
  return Math.round(Number(plan?.[0]?.Plan?.["Plan Rows"] ?? 0));
}

/**
 * A search: the capped count and the estimate together, then the page in the form they choose. Beyond the cap the
 * total is not counted (« plus de 1 000 », with the planner's estimate): counting a national result set would cost
 * as much as reading it.
 */
export async function rechercherAvec(lire: Lecteur, f: FiltresMarchesPublies, forcer?: FormePage) {
  const r = requetesMarchesPublies(f);
  const [compte, plan] = await Promise.all([lire<{ n: number }>(r.total), lire(r.estimation)]);
  const n = compte[0]?.n ?? 0;
  const estimation = lignesEstimees(plan);
  const forme = forcer ?? formePage(n, estimation);
  const lignes = n === 0 && !forcer ? [] : await lire<LigneMarchePublie & Record<string, unknown>>(requetePageMarchesPublies(f, forme));
  const plafonne = n > TOTAL_PLAFOND;
  return {
    lignes,
    total: Math.min(n, TOTAL_PLAFOND),
    totalPlafonne: plafonne,
    totalEstime: plafonne ? Math.max(estimation, TOTAL_PLAFOND + 1) : n,
    forme,
  };
}

export function rechercherMarchesPublies(db: Executor, f: FiltresMarchesPublies, forcer?: FormePage) {
  return rechercherAvec(lecteurDe(db), f, forcer);
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

function territoire(f: FiltresSourcing, p: Parametres, prefixe: "like" | "egal" = "like"): string {
  const c = [prefixe === "like" ? `code_cpv LIKE ${p.p(`${f.cpv}%`)}` : `prefixe = ${p.p(f.cpv)}`];
  const deps = departementsDuTerritoire(f.departement, f.portee);
  if (deps.length === 1) c.push(`departement = ${p.p(deps[0])}`);
  else if (deps.length > 1) c.push(`departement = ANY(${p.p(`{${deps.join(",")}}`)}::text[])`);
  if (f.du) c.push(`date_notification >= ${p.p(f.du)}::date`);
  return c.join(" AND ");
}

/** The distance class of a row: same département, same region, elsewhere (execution or holder's département). */
function distance(f: FiltresSourcing, p: Parametres): string {
  const region = regionDe(f.departement);
  const dep = p.p(f.departement);
  const reg = p.p(`{${(region ? departementsDe(region) : [f.departement]).join(",")}}`);
  return `CASE WHEN departement = ${dep} OR titulaire_departement = ${dep} THEN 0
               WHEN departement = ANY(${reg}::text[]) OR titulaire_departement = ANY(${reg}::text[]) THEN 1 ELSE 2 END`;
}

const ORDRE_ENTREPRISES = "distance, attributions DESC, montant_cents DESC, titulaire_id";

/** Where the sourcing reads: the summaries (migration 0018) for a prefix of 2 to 5 digits without date, else the store. */
export type SourceSourcing = "synthese" | "attributions";

export function sourceSourcing(f: Pick<FiltresSourcing, "cpv" | "du">): SourceSourcing {
  return !f.du && f.cpv.length >= 2 && f.cpv.length <= 5 ? "synthese" : "attributions";
}

/**
 * The sourcing's three statements: the companies that won similar contracts in the territory (nearest first, then by
 * count), the number of such companies, and the competition as a histogram (number of bids published, or NULL →
 * contracts), summarised by `resumerConcurrence`. From the summaries or from the store (`source`): the same rows.
 */
export function requetesSourcing(
  f: FiltresSourcing,
  source: SourceSourcing = sourceSourcing(f),
): { entreprises: RequeteSql; total: RequeteSql; concurrence: RequeteSql } {
  const p = new Parametres();
  const q = new Parametres();
  const c = new Parametres();
  if (source === "attributions") {
    const dist = distance(f, p);
    const entreprises = `
    SELECT titulaire_id, max(titulaire_nom) AS titulaire_nom, count(*)::int AS attributions,
      coalesce(sum(montant_ht_cents), 0)::bigint AS montant_cents, count(DISTINCT acheteur_id)::int AS acheteurs,
      (array_agg(DISTINCT coalesce(acheteur_nom, acheteur_id)))[1:3] AS acheteurs_exemples,
      max(date_notification)::text AS derniere, max(categorie_entreprise) AS categorie, min(${dist})::int AS distance
    FROM decp_attributions
    WHERE ${territoire(f, p)} AND titulaire_id <> ''
    GROUP BY titulaire_id
    ORDER BY ${ORDRE_ENTREPRISES}
    LIMIT ${p.p(f.limit)} OFFSET ${p.p(f.offset)}`;
    const total = `SELECT count(DISTINCT titulaire_id)::int AS n FROM decp_attributions WHERE ${territoire(f, q)} AND titulaire_id <> ''`;
    // one row per contract in a département (a joint award is one contract): its published number of bids
    const concurrence = `
    SELECT o AS offres, count(*)::int AS marches
    FROM (SELECT max(offres_recues) AS o FROM decp_attributions WHERE ${territoire(f, c)} GROUP BY acheteur_id, marche_id, departement) m
    GROUP BY o`;
    return {
      entreprises: { text: entreprises, values: p.values },
      total: { text: total, values: q.values },
      concurrence: { text: concurrence, values: c.values },
    };
  }
  const dist = distance(f, p);
  const ou = territoire(f, p, "egal");
  // the buyers of the page's companies only: distinct over the rows' sets (a buyer may appear in several départements)
  const entreprises = `
    SELECT t.*,
      (SELECT count(DISTINCT a)::int FROM decp_sourcing_titulaires s, unnest(s.acheteurs) a
        WHERE s.titulaire_id = t.titulaire_id AND ${ou}) AS acheteurs,
      (SELECT (array_agg(DISTINCT e))[1:3] FROM decp_sourcing_titulaires s, unnest(s.acheteurs_exemples) e
        WHERE s.titulaire_id = t.titulaire_id AND ${ou}) AS acheteurs_exemples
    FROM (
      SELECT titulaire_id, max(titulaire_nom) AS titulaire_nom, sum(attributions)::int AS attributions,
        sum(montant_cents)::bigint AS montant_cents, max(derniere)::text AS derniere, max(categorie) AS categorie,
        min(${dist})::int AS distance
      FROM decp_sourcing_titulaires
      WHERE ${ou}
      GROUP BY titulaire_id
      ORDER BY ${ORDRE_ENTREPRISES}
      LIMIT ${p.p(f.limit)} OFFSET ${p.p(f.offset)}
    ) t
    ORDER BY ${ORDRE_ENTREPRISES}`;
  const total = `SELECT count(DISTINCT titulaire_id)::int AS n FROM decp_sourcing_titulaires WHERE ${territoire(f, q, "egal")}`;
  const concurrence = `SELECT offres, sum(marches)::int AS marches FROM decp_sourcing_concurrence WHERE ${territoire(f, c, "egal")} GROUP BY offres`;
  return {
    entreprises: { text: entreprises, values: p.values },
    total: { text: total, values: q.values },
    concurrence: { text: concurrence, values: c.values },
  };
}

export interface EntrepriseSourcing {
  titulaire_id: string;
  titulaire_nom: string | null;
  attributions: number;
  montant_cents: number | string;
  acheteurs: number;
  acheteurs_exemples: string[] | null;
  derniere: string | null;
  categorie: string | null;
  distance: number;
}

export interface Concurrence {
  marches: number;
  avec_offres: number;
  mediane: number | null;
  moyenne: number | null;
  part_unique: number | null;
}

/**
 * The competition out of its histogram: contracts, those with a published number of bids, the median (interpolated
 * between the two middle values, as PostgreSQL's percentile_cont(0.5)), the mean, the share of single-bid contracts.
 */
export function resumerConcurrence(histogramme: { offres: number | null; marches: number }[]): Concurrence {
  let marches = 0;
  let avec = 0;
  let somme = 0;
  let uniques = 0;
  const valeurs: { o: number; n: number }[] = [];
  for (const h of histogramme) {
    marches += h.marches;
    if (h.offres === null) continue;
    avec += h.marches;
    somme += h.offres * h.marches;
    if (h.offres === 1) uniques += h.marches;
    valeurs.push({ o: h.offres, n: h.marches });
  }
  valeurs.sort((a, b) => a.o - b.o);
  const rang = (k: number) => {
    let vu = 0;
    for (const v of valeurs) {
      vu += v.n;
      if (k < vu) return v.o;
    }
    return valeurs[valeurs.length - 1]?.o ?? 0;
  };
  const milieu = (avec - 1) / 2;
  const mediane =
    avec === 0 ? null : rang(Math.floor(milieu)) + (rang(Math.ceil(milieu)) - rang(Math.floor(milieu))) * (milieu - Math.floor(milieu));
  return {
    marches,
    avec_offres: avec,
    mediane,
    moyenne: avec === 0 ? null : somme / avec,
    part_unique: avec === 0 ? null : uniques / avec,
  };
}

/** The sourcing through any reader (the API's executor, the bench's bare driver). */
export async function sourcingAvec(lire: Lecteur, f: FiltresSourcing, source: SourceSourcing = sourceSourcing(f)) {
  const r = requetesSourcing(f, source);
  const [entreprises, total, histogramme] = await Promise.all([
    lire<EntrepriseSourcing & Record<string, unknown>>(r.entreprises),
    lire<{ n: number }>(r.total),
    lire<{ offres: number | null; marches: number }>(r.concurrence),
  ]);
  return { entreprises, total: total[0]?.n ?? 0, concurrence: resumerConcurrence(histogramme), source };
}

export function sourcing(db: Executor, f: FiltresSourcing, source?: SourceSourcing) {
  return sourcingAvec(lecteurDe(db), f, source);
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
