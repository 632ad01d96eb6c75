/**
 * The steering counts, in SQL: one aggregate query per population, so that the figures over 650 contracts and over
 * 1.5 million cost the same code. Counts come back as numbers on both drivers (`::int`, `::float8`).
 */
import type {
  AgregatsMarches,
  AxeRepartition,
  CleIndicateur,
  FiltreIndicateurs,
  PilotageRepository,
  Repartition,
} from "@achat-public/domain/pilotage";
import { CodeCpv } from "@achat-public/domain/valeurs";
import { rawSql, type Executor } from "../client";

/**
 * The contracts of the population (notified in the period, in the direction, of at least the minimum amount), then
 * what each brings beyond its own row, set-based so that the cost follows the population and not one query per
 * contract: its holder (the sole holder or the mandatary, first by rank) and its insertion hours achieved by one
 * join each over the population's ids.
 */
const MARCHES = `
  SELECT m.id, m.organisation_id, m.direction_id, m.cpv, m.numero, m.objet, m.date_notification, m.date_lancement,
         m.nombre_offres, m.clause_environnementale, m.clause_sociale, m.marche_reserve, m.achat_innovant,
         m.heures_insertion_prevues, m.duree_mois, m.lignes_programme_ids,
         coalesce(m.montant_ht_cents, m.montant_max_ht_cents, m.montant_min_ht_cents)::float8 AS montant
    FROM marches m
   WHERE m.organisation_id = $1
     AND m.date_notification BETWEEN $2::date AND $3::date
     AND ($4::uuid IS NULL OR m.direction_id = $4::uuid)
     AND coalesce(m.montant_ht_cents, m.montant_max_ht_cents, m.montant_min_ht_cents) >= $5
     AND ($6::text IS NULL OR left(m.cpv, 2) = $6::text)`;

/** Whether a contract of the population is counted in an indicator's numerator (SQL over the row `p`). */
const NUMERATEURS: Partial<Record<CleIndicateur, string>> = {
  partPmeNombre: "p.categorie IN ('micro', 'pme')",
  partPmeMontant: "p.categorie IN ('micro', 'pme')",
  partLocaleNombre: "p.departement = '94'",
  partLocaleMontant: "p.departement = '94'",
  tauxOffreUnique: "p.nombre_offres = 1",
  partConsiderationEnvironnementale: "p.clause_environnementale",
  partConsiderationSociale: "(p.clause_sociale OR p.marche_reserve)",
  partMarchesReserves: "p.marche_reserve",
  partAchatsInnovants: "p.achat_innovant",
  heuresInsertionPrevues: "p.heures_insertion_prevues > 0",
  heuresInsertionRealisees: "p.heures_insertion_prevues > 0",
  economieEstimationAttribution: "p.valeur_estimee_ht_cents IS NOT NULL",
  economieMarchePrecedent: "p.precedent_annuel_ht_cents IS NOT NULL",
};

/** Per-contract columns that the aggregate sums (one row per contract of the population). */
const AGREGATS = `
  count(*)::int AS nombre,
  coalesce(sum(montant), 0)::float8 AS montant,
  count(*) FILTER (WHERE categorie IN ('micro', 'pme'))::int AS nombre_pme,
  coalesce(sum(montant) FILTER (WHERE categorie IN ('micro', 'pme')), 0)::float8 AS montant_pme,
  count(*) FILTER (WHERE departement = '94')::int AS nombre_locaux,
  coalesce(sum(montant) FILTER (WHERE departement = '94'), 0)::float8 AS montant_locaux,
  count(*) FILTER (WHERE nombre_offres IS NOT NULL)::int AS lots_attribues,
  coalesce(sum(nombre_offres), 0)::int AS offres,
  count(*) FILTER (WHERE nombre_offres = 1)::int AS offre_unique,
  count(*) FILTER (WHERE date_lancement IS NOT NULL AND date_lancement <= date_notification)::int AS procedures_duree,
  coalesce(sum(date_notification - date_lancement) FILTER (WHERE date_lancement IS NOT NULL AND date_lancement <= date_notification), 0)::int AS duree_passation,
  count(*) FILTER (WHERE clause_environnementale)::int AS environnement,
  count(*) FILTER (WHERE clause_sociale OR marche_reserve)::int AS social,
  count(*) FILTER (WHERE marche_reserve)::int AS reserves,
  count(*) FILTER (WHERE achat_innovant)::int AS innovants,
  coalesce(sum(heures_insertion_prevues), 0)::int AS heures_prevues,
  coalesce(sum(heures_realisees), 0)::int AS heures_realisees,
  count(*) FILTER (WHERE valeur_estimee_ht_cents IS NOT NULL)::int AS eco_nombre,
  coalesce(sum(valeur_estimee_ht_cents) FILTER (WHERE valeur_estimee_ht_cents IS NOT NULL), 0)::float8 AS eco_reference,
  coalesce(sum(montant) FILTER (WHERE valeur_estimee_ht_cents IS NOT NULL), 0)::float8 AS eco_attribue,
  count(*) FILTER (WHERE precedent_annuel_ht_cents IS NOT NULL)::int AS prec_nombre,
  coalesce(sum(precedent_annuel_ht_cents), 0)::float8 AS prec_reference,
  coalesce(sum(montant_annuel) FILTER (WHERE precedent_annuel_ht_cents IS NOT NULL), 0)::float8 AS prec_attribue`;

/**
 * The population with what each contract brings (one row per contract, in CTE `x`):
 * - its holder and insertion hours achieved (one join each);
 * - the estimate of the programme lines it came from, only when it is the sole contract of its lines (so that an
 *   estimate is never compared with a part of what it covered): computed only for the contracts that have lines;
 * - the previous contract for the same need (same direction and CPV code, notified before, ended in the year before
 *   this notification or the six months after it; the last ended, then the last notified, then the greatest id),
 *   annualised for the « marché précédent » method: one top-1 probe per contract in the index
 *   `marches_precedent_idx`, which holds every column read (index-only).
 */
const POPULATION = `
  WITH p AS MATERIALIZED (${MARCHES}),
  t AS (
    SELECT DISTINCT ON (mt.marche_id) mt.marche_id, f.categorie, f.departement, f.nom AS titulaire
      FROM marche_titulaires mt JOIN fournisseurs f ON f.id = mt.fournisseur_id
     WHERE mt.marche_id IN (SELECT m.id FROM (${MARCHES}) m) AND mt.role IN ('titulaire', 'mandataire')
     ORDER BY mt.marche_id, mt.rang, mt.role, mt.fournisseur_id
  ),
  h AS (
    SELECT h.marche_id, sum(h.heures) AS heures FROM marche_heures_insertion h WHERE h.marche_id IN (SELECT m.id FROM (${MARCHES}) m) GROUP BY 1
  ),
  e AS (
    SELECT p.id, sum(l.valeur_estimee_ht_cents)::float8 AS valeur
      FROM p JOIN lignes_programme l ON l.id::text = ANY(p.lignes_programme_ids)
     WHERE cardinality(p.lignes_programme_ids) > 0
       AND NOT EXISTS (SELECT 1 FROM marches o WHERE o.id <> p.id AND o.organisation_id = p.organisation_id
                         AND o.lignes_programme_ids && p.lignes_programme_ids)
     GROUP BY p.id
  ),
  x AS (
    SELECT p.*, t.categorie, t.departement, t.titulaire, coalesce(h.heures, 0) AS heures_realisees,
           e.valeur AS valeur_estimee_ht_cents, pr.annuel AS precedent_annuel_ht_cents,
           (p.montant * 12.0 / greatest(p.duree_mois, 1))::float8 AS montant_annuel
      FROM p
      LEFT JOIN t ON t.marche_id = p.id
      LEFT JOIN h ON h.marche_id = p.id
      LEFT JOIN e ON e.id = p.id
      LEFT JOIN LATERAL (
        SELECT (coalesce(o.montant_ht_cents, o.montant_max_ht_cents) * 12.0 / greatest(o.duree_mois, 1))::float8 AS annuel
          FROM marches o
         WHERE o.organisation_id = p.organisation_id AND o.direction_id = p.direction_id AND o.cpv = p.cpv
           AND o.date_fin BETWEEN p.date_notification - 365 AND p.date_notification + 180
           AND o.date_notification < p.date_notification
         ORDER BY o.date_fin DESC, o.date_notification DESC, o.id DESC LIMIT 1
      ) pr ON true
  )`;

/** Invoices paid in the period on the contracts of the direction and of the minimum amount. */
const FACTURES = `
  SELECT f.*, m.direction_id, m.cpv, m.date_notification
    FROM marche_factures f JOIN marches m ON m.id = f.marche_id
   WHERE m.organisation_id = $1
     AND f.date_paiement BETWEEN $2::date AND $3::date
     AND ($4::uuid IS NULL OR m.direction_id = $4::uuid)
     AND coalesce(m.montant_ht_cents, m.montant_max_ht_cents, m.montant_min_ht_cents) >= $5
     AND ($6::text IS NULL OR left(m.cpv, 2) = $6::text)`;

const AGREGATS_FACTURES = `
  count(*)::int AS factures,
  coalesce(sum(f.date_paiement - f.date_reception), 0)::int AS delais,
  count(*) FILTER (WHERE f.date_paiement <= f.date_echeance)::int AS dans_les_delais,
  coalesce(sum(f.interets_moratoires_cents + f.indemnite_forfaitaire_cents), 0)::float8 AS interets,
  coalesce(sum(f.montant_ttc_cents), 0)::float8 AS paye`;

/**
 * Lots launched (their procedure published in the period) and lots declared unsuccessful among them, from the
 * procedures followed in the platform (tables `procedures`, `procedure_lots`); without any, the unsuccessful share
 * is « non calculable » (0 lots launched), never 0 %. Same filters as the contracts: direction, minimum amount (of
 * the lot's estimated value).
 */
const LOTS_POPULATION = `
  SELECT l.infructueux, l.cpv, p.direction_id, p.date_publication
    FROM procedure_lots l JOIN procedures p ON p.id = l.procedure_id
   WHERE p.organisation_id = $1
     AND p.date_publication BETWEEN $2::date AND $3::date
     AND ($4::uuid IS NULL OR p.direction_id = $4::uuid)
     AND l.valeur_estimee_ht_cents >= $5
     AND ($6::text IS NULL OR left(l.cpv, 2) = $6::text)`;
const LOTS = `SELECT count(*)::int AS lances, count(*) FILTER (WHERE infructueux)::int AS infructueux FROM (${LOTS_POPULATION}) x`;
const CLES_LOTS: Record<AxeRepartition, string> = {
  direction: "direction_id::text",
  famille: "left(cpv, 2)",
  mois: "to_char(date_publication, 'MM')",
  annee: "to_char(date_publication, 'YYYY')",
};
const lotsPar = (axe: AxeRepartition) =>
  `SELECT ${CLES_LOTS[axe]} AS cle, count(*)::int AS lances, count(*) FILTER (WHERE infructueux)::int AS infructueux FROM (${LOTS_POPULATION}) x GROUP BY 1`;

type Ligne = Record<string, unknown>;
const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

function versAgregats(m: Ligne | undefined, f: Ligne | undefined, lots: Ligne | undefined): AgregatsMarches {
  return {
    nombreMarchesNotifies: n(m?.nombre),
    montantNotifieHtCents: n(m?.montant),
    montantPayeTtcCents: n(f?.paye),
    nombreMarchesPme: n(m?.nombre_pme),
    montantPmeHtCents: n(m?.montant_pme),
    nombreMarchesLocaux: n(m?.nombre_locaux),
    montantLocauxHtCents: n(m?.montant_locaux),
    nombreLotsAttribues: n(m?.lots_attribues),
    nombreOffresLotsAttribues: n(m?.offres),
    nombreLotsOffreUnique: n(m?.offre_unique),
    nombreLotsLances: n(lots?.lances),
    nombreLotsInfructueux: n(lots?.infructueux),
    nombreFacturesPayees: n(f?.factures),
    sommeDelaisPaiementJours: n(f?.delais),
    nombreFacturesDansLesDelais: n(f?.dans_les_delais),
    interetsMoratoiresDusCents: n(f?.interets),
    nombreProceduresDuree: n(m?.procedures_duree),
    sommeDureesPassationJours: n(m?.duree_passation),
    nombreConsiderationEnvironnementale: n(m?.environnement),
    nombreConsiderationSociale: n(m?.social),
    nombreMarchesReserves: n(m?.reserves),
    nombreAchatsInnovants: n(m?.innovants),
    heuresInsertionPrevues: n(m?.heures_prevues),
    heuresInsertionRealisees: n(m?.heures_realisees),
    economies: [
      ...(n(m?.eco_nombre) > 0
        ? [
            {
              methode: "estimation-attribution" as const,
              nombre: n(m?.eco_nombre),
              referenceHtCents: n(m?.eco_reference),
              attribueHtCents: n(m?.eco_attribue),
            },
          ]
        : []),
      ...(n(m?.prec_nombre) > 0
        ? [
            {
              methode: "marche-precedent" as const,
              nombre: n(m?.prec_nombre),
              referenceHtCents: n(m?.prec_reference),
              attribueHtCents: n(m?.prec_attribue),
            },
          ]
        : []),
    ],
  };
}

/** « 45 — Travaux de construction » for the CPV division `45`. */
function libelleDivision(division: string): string {
  const code = CodeCpv.tryParse(`${division}000000`);
  return code ? `${division} — ${code.libelle}` : `Division CPV ${division}`;
}

/** Every year of the period, in order (a year without any contract still has its row). */
const anneesDe = (f: FiltreIndicateurs) =>
  Array.from({ length: Number(f.au.slice(0, 4)) - Number(f.du.slice(0, 4)) + 1 }, (_, i) => String(Number(f.du.slice(0, 4)) + i));

const MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** How a row of the population is keyed along an axis, and the label of a key. */
const AXES: Record<AxeRepartition, { cleMarche: string; cleFacture: string }> = {
  direction: { cleMarche: "direction_id::text", cleFacture: "f.direction_id::text" },
  famille: { cleMarche: "left(cpv, 2)", cleFacture: "left(f.cpv, 2)" },
  mois: { cleMarche: "to_char(date_notification, 'MM')", cleFacture: "to_char(f.date_paiement, 'MM')" },
  annee: { cleMarche: "to_char(date_notification, 'YYYY')", cleFacture: "to_char(f.date_paiement, 'YYYY')" },
};

interface RequeteAgregats {
  text: string;
  values: unknown[];
}

const valeurs = (organisationId: string, f: FiltreIndicateurs) => [
  organisationId,
  f.du,
  f.au,
  f.directionId,
  f.montantMinHtCents,
  f.divisionCpv ?? null,
];

/** The SQL of the indicators (contracts, invoices), as text and parameters: the bench runs exactly this bare. */
export function requetesAgregats(organisationId: string, filtre: FiltreIndicateurs): [RequeteAgregats, RequeteAgregats] {
  const v = valeurs(organisationId, filtre);
  return [
    { text: `${POPULATION} SELECT ${AGREGATS} FROM x`, values: v },
    { text: `SELECT ${AGREGATS_FACTURES} FROM (${FACTURES}) f`, values: v },
  ];
}

export function pilotageRepository(db: Executor): PilotageRepository {
  const rows = async (text: string, values: unknown[]): Promise<Ligne[]> =>
    ((await db.execute(rawSql(text, values))) as unknown as { rows: Ligne[] }).rows;

  return {
    async agreger(organisationId, filtre) {
      const [marches, factures] = requetesAgregats(organisationId, filtre);
      const [[m], [f], [lots]] = await Promise.all([
        rows(marches.text, marches.values),
        rows(factures.text, factures.values),
        rows(LOTS, valeurs(organisationId, filtre)),
      ]);
      return versAgregats(m, f, lots);
    },

    async repartir(organisationId, filtre, axe) {
      const v = valeurs(organisationId, filtre);
      const { cleMarche, cleFacture } = AXES[axe];
      const [marches, factures, lots, libelles] = await Promise.all([
        rows(`${POPULATION} SELECT ${cleMarche} AS cle, ${AGREGATS} FROM x GROUP BY 1`, v),
        rows(`SELECT ${cleFacture} AS cle, ${AGREGATS_FACTURES} FROM (${FACTURES}) f GROUP BY 1`, v),
        rows(lotsPar(axe), v),
        axe === "direction"
          ? rows(
              "SELECT id::text AS cle, nom AS libelle FROM directions WHERE organisation_id = $1 ORDER BY immutable_unaccent(lower(nom))",
              [organisationId],
            )
          : Promise.resolve(axe === "mois" ? MOIS.map((libelle, i) => ({ cle: String(i + 1).padStart(2, "0"), libelle })) : []),
      ]);
      const par = (liste: Ligne[]) => new Map(liste.map((l) => [String(l.cle), l]));
      const pm = par(marches);
      const pf = par(factures);
      const pl = par(lots);
      const cles =
        axe === "mois"
          ? libelles.map((l) => String(l.cle))
          : axe === "annee"
            ? anneesDe(filtre)
            : [...new Set([...pm.keys(), ...pf.keys()])];
      const nom = new Map(libelles.map((l) => [String(l.cle), String(l.libelle)]));
      const series: Repartition[] = cles.map((cle) => ({
        cle,
        libelle: nom.get(cle) ?? (axe === "famille" ? libelleDivision(cle) : cle),
        agregats: versAgregats(pm.get(cle), pf.get(cle), pl.get(cle)),
      }));
      if (axe === "direction") {
        const ordre = libelles.map((l) => String(l.cle));
        series.sort((a, b) => ordre.indexOf(a.cle) - ordre.indexOf(b.cle));
      } else if (axe === "famille") series.sort((a, b) => b.agregats.montantNotifieHtCents - a.agregats.montantNotifieHtCents);
      return series;
    },

    async marchesDerriere(organisationId, filtre, indicateur, page) {
      const v = valeurs(organisationId, filtre);
      const condition = NUMERATEURS[indicateur] ?? "true";
      const base = `${POPULATION}, r AS (SELECT p.* FROM x p WHERE ${condition})`;
      const [[total], marches] = await Promise.all([
        rows(`${base} SELECT count(*)::int AS total FROM r`, v),
        rows(
          `${base} SELECT id, numero, objet, direction_id, to_char(date_notification, 'YYYY-MM-DD') AS date_notification, montant, titulaire
             FROM r ORDER BY date_notification DESC, numero LIMIT $7 OFFSET $8`,
          [...v, page.limit, page.offset],
        ),
      ]);
      return {
        total: n(total?.total),
        marches: marches.map((m) => ({
          id: String(m.id),
          numero: String(m.numero),
          objet: String(m.objet),
          directionId: String(m.direction_id),
          dateNotification: String(m.date_notification),
          montantHtCents: n(m.montant),
          titulaire: m.titulaire === null || m.titulaire === undefined ? null : String(m.titulaire),
        })),
      };
    },

    async cibles(organisationId, annee) {
      const liste = await rows("SELECT indicateur, annee, valeur FROM cibles_spaser WHERE organisation_id = $1 AND annee = $2", [
        organisationId,
        annee,
      ]);
      return liste.map((c) => ({ indicateur: String(c.indicateur) as CleIndicateur, annee: n(c.annee), valeur: n(c.valeur) }));
    },

    async fixerCible(organisationId, cible) {
      await db.execute(
        rawSql(
          `INSERT INTO cibles_spaser (organisation_id, annee, indicateur, valeur) VALUES ($1, $2, $3, $4)
           ON CONFLICT (organisation_id, annee, indicateur) DO UPDATE SET valeur = excluded.valeur`,
          [organisationId, cible.annee, cible.indicateur, cible.valeur],
        ),
      );
    },
  };
}
