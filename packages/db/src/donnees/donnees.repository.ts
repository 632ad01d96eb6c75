import type { AttributionPubliee, ModificationPubliee } from "@achat-public/domain/donnees";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { rawSql, selectRows, type Executor } from "../client";

/** The key of an attribution (buyer, contract, holder). */
export const cleAttribution = (a: { acheteurId: string; marcheId: string; titulaireId: string }) =>
  `${a.acheteurId}\u0000${a.marcheId}\u0000${a.titulaireId}`;

const COLONNES_ATTRIBUTION = [
  ["acheteur_id", "text", "acheteurId"],
  ["marche_id", "text", "marcheId"],
  ["titulaire_id", "text", "titulaireId"],
  ["acheteur_nom", "text", "acheteurNom"],
  ["titulaire_type_identifiant", "text", "titulaireTypeIdentifiant"],
  ["titulaire_nom", "text", "titulaireNom"],
  ["nature", "text", "nature"],
  ["nature_publiee", "text", "naturePubliee"],
  ["objet", "text", "objet"],
  ["code_cpv", "text", "codeCpv"],
  ["code_cpv_publie", "text", "codeCpvPublie"],
  ["procedure", "text", "procedure"],
  ["lieu_code", "text", "lieuCode"],
  ["lieu_type_code", "text", "lieuTypeCode"],
  ["departement", "text", "departement"],
  ["titulaire_departement", "text", "titulaireDepartement"],
  ["montant_ht_cents", "bigint", "montantHtCents"],
  ["date_notification", "date", "dateNotification"],
  ["date_publication", "date", "datePublication"],
  ["duree_mois", "integer", "dureeMois"],
  ["offres_recues", "integer", "offresRecues"],
  ["forme_prix", "text", "formePrix"],
  ["nombre_titulaires", "integer", "nombreTitulaires"],
  ["avertissements", "integer", "avertissements"],
] as const;

const NOMS = COLONNES_ATTRIBUTION.map(([c]) => c).join(", ");

/**
 * The batch's staging table (temporary, dropped at commit): filled by COPY (text format), then moved into the store
 * by one statement. `rang` is the row's position in the batch (the first name met wins, as in the file).
 */
const SQL_TABLE_LOT = `
  CREATE TEMP TABLE IF NOT EXISTS decp_lot (rang integer, ${COLONNES_ATTRIBUTION.map(([c, t]) => `${c} ${t}`).join(", ")})
  ON COMMIT DROP`;
const COPY_LOT = `COPY decp_lot (rang, ${NOMS}) FROM`;

/** CPV prefix lengths kept in the sourcing summaries (longer prefixes match few rows: the sourcing reads the store). */
export const NIVEAUX_CPV_SYNTHESE = [2, 3, 4, 5] as const;

const NIVEAUX_SQL = `(VALUES ${NIVEAUX_CPV_SYNTHESE.map((n) => `(${n})`).join(", ")}) AS niveau(n)`;

/**
 * The sourcing summaries kept up to date by a batch: from the rows it inserted (`nouvelles`, the RETURNING of the
 * insert), aggregated as the full rebuild aggregates them (`reconstruireSyntheseSourcing`), then added to the rows
 * of the same key (sums, greatest values, union of the sorted distinct buyers, first three names of the union) or
 * inserted. A contract counts once in the competition summary, with the greatest number of bids of its rows: for a
 * contract that already had rows (a new holder of a known contract), its former count is taken back (-1 at its
 * former number of bids, +1 at the new greatest). The statement sees the store as it was before the batch (one
 * snapshot): the rows read from `decp_attributions` are the former ones. A département or a number of bids may be
 * NULL: the keys are compared through coalesce ('' and -1, values the normalisation never gives), which the
 * planner can hash. Rows whose count of contracts falls to 0 are deleted at the end (`terminerSyntheseSourcing`).
 */
const SQL_SYNTHESE_LOT = `,
  synthese AS (
    SELECT left(code_cpv, niveau.n) AS prefixe, departement, titulaire_departement, titulaire_id, max(titulaire_nom) AS titulaire_nom,
      count(*)::int AS attributions, coalesce(sum(montant_ht_cents), 0)::bigint AS montant_cents, max(date_notification) AS derniere,
      max(categorie_entreprise) AS categorie, array_agg(DISTINCT acheteur_id) AS acheteurs,
      (array_agg(DISTINCT coalesce(acheteur_nom, acheteur_id)))[1:3] AS acheteurs_exemples
    FROM nouvelles, ${NIVEAUX_SQL}
    WHERE code_cpv IS NOT NULL AND titulaire_id <> ''
    GROUP BY 1, 2, 3, 4
  ), synthese_maj AS (
    UPDATE decp_sourcing_titulaires s SET
      titulaire_nom = greatest(s.titulaire_nom, n.titulaire_nom),
      attributions = s.attributions + n.attributions,
      montant_cents = s.montant_cents + n.montant_cents,
      derniere = greatest(s.derniere, n.derniere),
      categorie = greatest(s.categorie, n.categorie),
      acheteurs = ARRAY(SELECT DISTINCT x FROM unnest(s.acheteurs || n.acheteurs) AS x ORDER BY 1),
      acheteurs_exemples = ARRAY(SELECT DISTINCT x FROM unnest(s.acheteurs_exemples || n.acheteurs_exemples) AS x ORDER BY 1 LIMIT 3)
    FROM synthese n
    WHERE s.titulaire_id = n.titulaire_id AND s.prefixe = n.prefixe
      AND coalesce(s.departement, '') = coalesce(n.departement, '')
      AND coalesce(s.titulaire_departement, '') = coalesce(n.titulaire_departement, '')
  ), synthese_ajout AS (
    INSERT INTO decp_sourcing_titulaires (prefixe, departement, titulaire_departement, titulaire_id, titulaire_nom, attributions,
      montant_cents, derniere, categorie, acheteurs, acheteurs_exemples)
    SELECT n.prefixe, n.departement, n.titulaire_departement, n.titulaire_id, n.titulaire_nom, n.attributions, n.montant_cents,
      n.derniere, n.categorie, n.acheteurs, n.acheteurs_exemples
    FROM synthese n
    WHERE NOT EXISTS (
      SELECT 1 FROM decp_sourcing_titulaires s
      WHERE s.titulaire_id = n.titulaire_id AND s.prefixe = n.prefixe
        AND coalesce(s.departement, '') = coalesce(n.departement, '')
        AND coalesce(s.titulaire_departement, '') = coalesce(n.titulaire_departement, ''))
  ), marches_lot AS (
    SELECT left(code_cpv, niveau.n) AS prefixe, departement, acheteur_id, marche_id, max(offres_recues) AS offres
    FROM nouvelles, ${NIVEAUX_SQL}
    WHERE code_cpv IS NOT NULL
    GROUP BY 1, 2, 3, 4
  ), marches_avant AS (
    SELECT m.prefixe, m.departement, m.offres, avant.n, avant.offres AS offres_avant
    FROM marches_lot m CROSS JOIN LATERAL (
      SELECT count(*) AS n, max(d.offres_recues) AS offres FROM decp_attributions d
      WHERE d.acheteur_id = m.acheteur_id AND d.marche_id = m.marche_id
        AND left(d.code_cpv, length(m.prefixe)) = m.prefixe AND coalesce(d.departement, '') = coalesce(m.departement, '')
    ) avant
  ), concurrence AS (
    SELECT prefixe, departement, offres, sum(marches)::int AS marches FROM (
      SELECT prefixe, departement, CASE WHEN n > 0 THEN greatest(offres, offres_avant) ELSE offres END AS offres, 1 AS marches
      FROM marches_avant
      UNION ALL
      SELECT prefixe, departement, offres_avant, -1 FROM marches_avant WHERE n > 0
    ) d
    GROUP BY 1, 2, 3
    HAVING sum(marches) <> 0
  ), concurrence_maj AS (
    UPDATE decp_sourcing_concurrence c SET marches = c.marches + n.marches
    FROM concurrence n
    WHERE c.prefixe = n.prefixe AND coalesce(c.departement, '') = coalesce(n.departement, '')
      AND coalesce(c.offres, -1) = coalesce(n.offres, -1)
  ), concurrence_ajout AS (
    INSERT INTO decp_sourcing_concurrence (prefixe, departement, offres, marches)
    SELECT n.prefixe, n.departement, n.offres, n.marches FROM concurrence n
    WHERE NOT EXISTS (
      SELECT 1 FROM decp_sourcing_concurrence c
      WHERE c.prefixe = n.prefixe AND coalesce(c.departement, '') = coalesce(n.departement, '')
        AND coalesce(c.offres, -1) = coalesce(n.offres, -1))
  )`;

/**
 * The batch into the store, buyers and holders in the same statement (data-modifying CTEs all run); an attribution
 * already stored is left as it is (idempotent import): the keys actually inserted come back. With `synthese`, the
 * same statement updates the sourcing summaries from the rows it inserted (SQL_SYNTHESE_LOT).
 */
const sqlDepuisLot = (synthese: boolean) => `
  WITH acheteurs AS (
    INSERT INTO decp_acheteurs (id, nom)
    SELECT DISTINCT ON (acheteur_id) acheteur_id, acheteur_nom FROM decp_lot ORDER BY acheteur_id, acheteur_nom IS NULL, rang
    ON CONFLICT DO NOTHING
  ), titulaires AS (
    INSERT INTO decp_titulaires (id, type_identifiant, nom, departement)
    SELECT DISTINCT ON (titulaire_id) titulaire_id, titulaire_type_identifiant, titulaire_nom, titulaire_departement
      FROM decp_lot WHERE titulaire_id <> '' ORDER BY titulaire_id, rang
    ON CONFLICT DO NOTHING
  ), nouvelles AS (
    INSERT INTO decp_attributions (${NOMS})
    SELECT ${NOMS} FROM decp_lot ORDER BY rang
    ON CONFLICT DO NOTHING
    RETURNING ${
      synthese
        ? "acheteur_id, marche_id, titulaire_id, acheteur_nom, titulaire_nom, code_cpv, departement, titulaire_departement, montant_ht_cents, date_notification, categorie_entreprise, offres_recues"
        : "acheteur_id, marche_id, titulaire_id"
    }
  )${synthese ? SQL_SYNTHESE_LOT : ""}
  SELECT acheteur_id, marche_id, titulaire_id FROM nouvelles`;
const SQL_DEPUIS_LOT = sqlDepuisLot(false);
const SQL_DEPUIS_LOT_SYNTHESE = sqlDepuisLot(true);

const SQL_MODIFICATIONS = `
  INSERT INTO decp_modifications (acheteur_id, marche_id, rang, objet, montant_ht_cents, duree_mois, date_notification, date_publication)
  SELECT r->>0, r->>1, (r->>2)::integer, r->>3, (r->>4)::bigint, (r->>5)::integer, (r->>6)::date, (r->>7)::date
  FROM json_array_elements($1::json) AS r
  ON CONFLICT DO NOTHING`;

const ECHAPPEMENTS: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const A_ECHAPPER = /[\\\t\n\r]/;

/** One value in COPY's text format: `\N` for null, backslash, tab and line breaks escaped. */
function champCopy(v: unknown): string {
  if (v === null || v === undefined) return "\\N";
  const t = String(v);
  return A_ECHAPPER.test(t) ? t.replace(/[\\\t\n\r]/g, (c) => ECHAPPEMENTS[c] ?? c) : t;
}

/** The batch as COPY text: one line per attribution, its rank first. */
export function texteCopy(attributions: LotDecp["attributions"]): string {
  let texte = "";
  for (let i = 0; i < attributions.length; i++) {
    const a = attributions[i] as LotDecp["attributions"][number];
    texte += String(i);
    for (const [, , champ] of COLONNES_ATTRIBUTION) texte += `\t${champCopy(a[champ])}`;
    texte += "\n";
  }
  return texte;
}

/** What the drivers give under drizzle: node-postgres's client (COPY FROM STDIN), or PGlite's (COPY FROM '/dev/blob'). */
interface ClientPg {
  query(q: unknown): unknown;
}
interface ClientPglite {
  query(q: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
  rollback(): Promise<void>;
}

/** COPY of `texte` into the staging table, on the transaction's own connection (the temporary table lives there). */
async function copier(db: Executor, texte: string): Promise<void> {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  if (!client) throw new Error("COPY des DECP : client de base introuvable");
  if (typeof (client as ClientPglite).rollback === "function") {
    await (client as ClientPglite).query(`${COPY_LOT} '/dev/blob'`, [], { blob: new Blob([texte]) });
    return;
  }
  if (typeof (client as { release?: unknown }).release !== "function") {
    throw new Error("COPY des DECP : l'import s'exécute dans une transaction (une connexion), pas sur le pool");
  }
  const flux = (client as ClientPg).query(copyFrom(`${COPY_LOT} STDIN`)) as Writable;
  await pipeline(Readable.from([Buffer.from(texte)]), flux);
}

export interface LotDecp {
  attributions: (AttributionPubliee & { avertissements: number })[];
  modifications: ModificationPubliee[];
}

/**
 * Writes a batch: COPY into the staging table, then one statement into the store (and the modifications, as one JSON
 * parameter). The same on PGlite and PostgreSQL. Returns the keys actually inserted.
 */
export async function ecrireLotDecp(
  db: Executor,
  lot: LotDecp,
  options: { tableCreee?: boolean; synthese?: boolean } = {},
): Promise<Set<string>> {
  const inserees = new Set<string>();
  if (lot.attributions.length === 0) return inserees;
  // the staging table lives until the commit: created by the first batch of the transaction, emptied by the others
  await db.execute(rawSql(options.tableCreee ? "TRUNCATE decp_lot" : SQL_TABLE_LOT, []));
  await copier(db, texteCopy(lot.attributions));
  const lignes = await selectRows<{ acheteur_id: string; marche_id: string; titulaire_id: string }>(
    db,
    rawSql(options.synthese ? SQL_DEPUIS_LOT_SYNTHESE : SQL_DEPUIS_LOT, []),
  );
  if (lot.modifications.length > 0) {
    const mods = lot.modifications.map((m) => [
      m.acheteurId,
      m.marcheId,
      m.rang,
      m.objet,
      m.montantHtCents,
      m.dureeMois,
      m.dateNotification,
      m.datePublication,
    ]);
    await db.execute(rawSql(SQL_MODIFICATIONS, [JSON.stringify(mods)]));
  }
  for (const r of lignes) inserees.add(cleAttribution({ acheteurId: r.acheteur_id, marcheId: r.marche_id, titulaireId: r.titulaire_id }));
  return inserees;
}

/** Bytes of a published record, about (the generated national file: 675): to tell a bulk load from an update. */
const OCTETS_PAR_ENREGISTREMENT = 700;
/** Below this size a file is never a bulk load (the indexes are kept up to date). */
export const SEUIL_CHARGEMENT_MASSIF = 16 * 1024 * 1024;

export interface ChargementDecp {
  /** Whether the secondary indexes were dropped, to be rebuilt by `terminer`. */
  massif: boolean;
  terminer(): Promise<void>;
}

/**
 * Prepares the store for a file of `octets` bytes. A bulk load (a file bigger than SEUIL_CHARGEMENT_MASSIF bringing
 * more records than the store holds, such as the first national load) drops the secondary indexes of the
 * attributions in the transaction and rebuilds them at the end (`terminer`): building an index once over sorted data
 * is far cheaper than keeping seven up to date row by row. The index definitions are read from the catalogue, so
 * that the migrations stay their only source; the primary key stays (it makes the import idempotent). Readers of
 * the store wait for the commit (the indexes are dropped under the transaction's exclusive lock); a failed import
 * rolls back and finds its indexes as they were.
 */
export async function ouvrirChargementDecp(db: Executor, octets: number | undefined): Promise<ChargementDecp> {
  const simple: ChargementDecp = { massif: false, terminer: async () => {} };
  if (octets === undefined || octets < SEUIL_CHARGEMENT_MASSIF) return simple;
  const [estimation] = await selectRows<{ n: number }>(
    db,
    rawSql("SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = 'decp_attributions'::regclass", []),
  );
  const [reel] = await selectRows<{ n: number }>(
    db,
    rawSql("SELECT count(*)::int AS n FROM (SELECT 1 FROM decp_attributions LIMIT 100000) t", []),
  );
  const existantes = Math.max(estimation?.n ?? 0, reel?.n ?? 0);
  if (existantes * OCTETS_PAR_ENREGISTREMENT >= octets) return simple;
  const index = await selectRows<{ nom: string; definition: string }>(
    db,
    rawSql(
      `SELECT i.indexrelid::regclass::text AS nom, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i WHERE i.indrelid = 'decp_attributions'::regclass AND NOT i.indisprimary ORDER BY 1`,
      [],
    ),
  );
  for (const i of index) await db.execute(rawSql(`DROP INDEX ${i.nom}`, []));
  return {
    massif: true,
    async terminer() {
      const pglite = typeof (db as unknown as { session?: { client?: { rollback?: unknown } } }).session?.client?.rollback === "function";
      if (!pglite) await db.execute(rawSql("SET LOCAL maintenance_work_mem = '256MB'", []));
      // the table rewritten in the order of the default sort (newest first): a search sorted or filtered by date
      // then reads neighbouring rows in few pages (the heap reads dominate at national scale), then the other indexes
      const parDate = index.find((i) => i.nom.endsWith("decp_attributions_date_idx"));
      if (parDate) {
        await db.execute(rawSql(parDate.definition, []));
        await db.execute(rawSql(`CLUSTER decp_attributions USING ${parDate.nom}`, []));
      }
      for (const i of index) if (i !== parDate) await db.execute(rawSql(i.definition, []));
      await db.execute(rawSql("ANALYZE decp_attributions", []));
    },
  };
}

/**
 * Rebuilds the sourcing summaries (migration 0018) from the store, in the caller's transaction (the import's: readers
 * see the old summaries until the commit). One row per (prefix, département, holder's département, holder) with
 * what the sourcing page shows; one per (prefix, département, number of bids) with the count of contracts (a
 * contract: buyer + id in a département, counted once whatever its holders). Inserted in the order of the index the
 * sourcing reads, so that a territory's rows lie side by side.
 */
export async function reconstruireSyntheseSourcing(db: Executor): Promise<void> {
  const pglite = typeof (db as unknown as { session?: { client?: { rollback?: unknown } } }).session?.client?.rollback === "function";
  if (!pglite) {
    await db.execute(rawSql("SET LOCAL work_mem = '256MB'", []));
    await db.execute(rawSql("SET LOCAL maintenance_work_mem = '256MB'", []));
  }
  await db.execute(rawSql("TRUNCATE decp_sourcing_titulaires, decp_sourcing_concurrence", []));
  // the summaries' indexes built once over the filled tables (a sort) rather than kept up to date row by row; their
  // definitions read from the catalogue (the migrations stay their only source); readers wait for the commit
  const index = await selectRows<{ nom: string; definition: string }>(
    db,
    rawSql(
      `SELECT i.indexrelid::regclass::text AS nom, pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
        WHERE i.indrelid IN ('decp_sourcing_titulaires'::regclass, 'decp_sourcing_concurrence'::regclass) ORDER BY 1`,
      [],
    ),
  );
  for (const i of index) await db.execute(rawSql(`DROP INDEX ${i.nom}`, []));
  await db.execute(
    rawSql(
      `INSERT INTO decp_sourcing_titulaires (prefixe, departement, titulaire_departement, titulaire_id, titulaire_nom, attributions,
         montant_cents, derniere, categorie, acheteurs, acheteurs_exemples)
       SELECT left(code_cpv, niveau.n), departement, titulaire_departement, titulaire_id, max(titulaire_nom), count(*)::int,
         coalesce(sum(montant_ht_cents), 0)::bigint, max(date_notification), max(categorie_entreprise),
         array_agg(DISTINCT acheteur_id), (array_agg(DISTINCT coalesce(acheteur_nom, acheteur_id)))[1:3]
       FROM decp_attributions, ${NIVEAUX_SQL}
       WHERE code_cpv IS NOT NULL AND titulaire_id <> ''
       GROUP BY 1, 2, 3, 4
       ORDER BY 1, 2`,
      [],
    ),
  );
  await db.execute(
    rawSql(
      `INSERT INTO decp_sourcing_concurrence (prefixe, departement, offres, marches)
       SELECT prefixe, departement, o, count(*)::int FROM (
         SELECT left(code_cpv, niveau.n) AS prefixe, departement, max(offres_recues) AS o
         FROM decp_attributions, ${NIVEAUX_SQL}
         WHERE code_cpv IS NOT NULL
         GROUP BY 1, 2, acheteur_id, marche_id
       ) m
       GROUP BY 1, 2, 3
       ORDER BY 1, 2`,
      [],
    ),
  );
  for (const i of index) await db.execute(rawSql(i.definition, []));
  await db.execute(rawSql("ANALYZE decp_sourcing_titulaires", []));
  await db.execute(rawSql("ANALYZE decp_sourcing_concurrence", []));
}

/**
 * Whether the sourcing summaries follow the store, so that a batch can update them (else the import rebuilds
 * them): they hold rows, or the store has no attribution with a CPV code (the summaries are then rightly empty).
 * Summaries left empty beside a filled store (a store filled before migration 0022) are rebuilt by the next import.
 */
export async function syntheseSourcingSuivie(db: Executor): Promise<boolean> {
  const [r] = await selectRows<{ suivie: boolean }>(
    db,
    rawSql(
      `SELECT EXISTS (SELECT 1 FROM decp_sourcing_concurrence)
           OR NOT EXISTS (SELECT 1 FROM decp_attributions WHERE code_cpv IS NOT NULL) AS suivie`,
      [],
    ),
  );
  return r?.suivie === true;
}

/** After batches that updated the summaries: the competition rows left without any contract go. */
export async function terminerSyntheseSourcing(db: Executor): Promise<void> {
  await db.execute(rawSql("DELETE FROM decp_sourcing_concurrence WHERE marches = 0", []));
}

/** The store of public award data, bound to one executor (the unit of work's transaction). */
export function decpRepository(db: Executor) {
  let tableCreee = false;
  return {
    async ecrireLot(lot: LotDecp, options: { synthese?: boolean } = {}) {
      const inserees = await ecrireLotDecp(db, lot, { ...options, tableCreee });
      tableCreee ||= lot.attributions.length > 0;
      return inserees;
    },
    ouvrirChargement: (octets: number | undefined) => ouvrirChargementDecp(db, octets),
    reconstruireSyntheseSourcing: () => reconstruireSyntheseSourcing(db),
    syntheseSuivie: () => syntheseSourcingSuivie(db),
    terminerSyntheseSourcing: () => terminerSyntheseSourcing(db),
  };
}
