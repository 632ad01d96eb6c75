import type { AttributionPubliee, ModificationPubliee } from "@achat-public/domain/donnees";
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
/** Positional JSON rows (arrays, not objects: smaller to send, faster to read). */
const SQL_ATTRIBUTIONS = `
  INSERT INTO decp_attributions (${NOMS})
  SELECT ${COLONNES_ATTRIBUTION.map(([, t], i) => `(r->>${i})::${t}`).join(", ")} FROM json_array_elements($1::json) AS r
  ON CONFLICT DO NOTHING
  RETURNING acheteur_id, marche_id, titulaire_id`;

const SQL_MODIFICATIONS = `
  INSERT INTO decp_modifications (acheteur_id, marche_id, rang, objet, montant_ht_cents, duree_mois, date_notification, date_publication)
  SELECT r->>0, r->>1, (r->>2)::integer, r->>3, (r->>4)::bigint, (r->>5)::integer, (r->>6)::date, (r->>7)::date
  FROM json_array_elements($1::json) AS r
  ON CONFLICT DO NOTHING`;

const SQL_ACHETEURS = `
  INSERT INTO decp_acheteurs (id, nom) SELECT DISTINCT ON (r->>0) r->>0, r->>1 FROM json_array_elements($1::json) AS r
  ON CONFLICT DO NOTHING`;

const SQL_TITULAIRES = `
  INSERT INTO decp_titulaires (id, type_identifiant, nom, departement)
  SELECT DISTINCT ON (r->>0) r->>0, r->>1, r->>2, r->>3 FROM json_array_elements($1::json) AS r
  ON CONFLICT DO NOTHING`;

export interface LotDecp {
  attributions: (AttributionPubliee & { avertissements: number })[];
  modifications: ModificationPubliee[];
}

/**
 * Writes a batch in four statements (one JSON parameter each, the same on PGlite and PostgreSQL); an
 * attribution already stored is left as it is (idempotent import). Returns the keys actually inserted.
 */
export async function ecrireLotDecp(db: Executor, lot: LotDecp): Promise<Set<string>> {
  if (lot.attributions.length === 0) return new Set();
  const lignes = lot.attributions.map((a) => COLONNES_ATTRIBUTION.map(([, , champ]) => a[champ]));
  const inserees = await selectRows<{ acheteur_id: string; marche_id: string; titulaire_id: string }>(
    db,
    rawSql(SQL_ATTRIBUTIONS, [JSON.stringify(lignes)]),
  );
  const acheteurs = new Map<string, string | null>();
  const titulaires = new Map<string, (string | null)[]>();
  for (const a of lot.attributions) {
    if (!acheteurs.has(a.acheteurId) || acheteurs.get(a.acheteurId) === null) acheteurs.set(a.acheteurId, a.acheteurNom);
    if (a.titulaireId !== "" && !titulaires.has(a.titulaireId)) {
      titulaires.set(a.titulaireId, [a.titulaireId, a.titulaireTypeIdentifiant, a.titulaireNom, a.titulaireDepartement]);
    }
  }
  await db.execute(rawSql(SQL_ACHETEURS, [JSON.stringify([...acheteurs])]));
  if (titulaires.size > 0) await db.execute(rawSql(SQL_TITULAIRES, [JSON.stringify([...titulaires.values()])]));
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
  return new Set(inserees.map((r) => cleAttribution({ acheteurId: r.acheteur_id, marcheId: r.marche_id, titulaireId: r.titulaire_id })));
}

/** The store of public award data, bound to one executor (the unit of work's transaction). */
export function decpRepository(db: Executor) {
  return {
    ecrireLot: (lot: LotDecp) => ecrireLotDecp(db, lot),
  };
}
