/**
 * The database adapter of the publication context's `SourcePublication` port, over the tables of the contracts
 * context (`marches`, `marche_titulaires`, `fournisseurs`, `marche_modifications`, `marche_factures`, migration
 * 0007_marches.sql of the `marches` branch).
 *
 * Wired in the composition root (`createContext`: `sourcePublication`). Raw SQL: it reads the contracts context's
 * tables without importing its Drizzle schema.
 *
 * What the contracts record does not hold yet, and how it is filled here (each is a follow-up, listed in the doc):
 * - tenders received (`offresRecues`): `marches.nombre_offres` (null when unknown: the quality gate names the field);
 * - first publication dates of the contract and of its modifications: `date_publication_donnees` (null until published);
 * - place of performance: the département (`94`, code département);
 * - consortium type: « Conjoint » when several holders (not recorded), « Pas de groupement » otherwise;
 * - modification notification date: its signature date; new total = initial amount + cumulated amendment amounts;
 * - procedures (OCDS tender, lots, bids, retained tenders, programme lines): read from the procedures context's tables
 *   (`procedures`, `procedure_lots`, `offres`, `attributions`, `procedure_lignes`, `lignes_programme`), one contracting
 *   process per procedure; its contracts (`marches.procedure_id`) are its awards and contracts.
 */
import { sql } from "drizzle-orm";
import {
  decoderCurseur,
  encoderCurseur,
  type ChangementPublic,
  type CodeCcag,
  type FacturePayeePourPublication,
  type MarchePourPublication,
  type ModificationPourPublication,
  type PageChangements,
  type ProcedurePourPublication,
  type SourcePublication,
  type TitulairePublication,
} from "@achat-public/domain/publication";
import type { ProcedureDecp } from "@achat-public/domain/regles";
import { selectRows, type Executor } from "../client";

interface LigneMarche extends Record<string, unknown> {
  id: string;
  numero: string;
  objet: string;
  procedure: string;
  nature: string;
  cpv: string;
  forme_prix: string;
  accord_cadre: boolean;
  montant_ht_cents: string | number | null;
  montant_min_ht_cents: string | number | null;
  montant_max_ht_cents: string | number | null;
  date_notification: string;
  duree_mois: number;
  reconductions_nombre: number;
  reconduction_duree_mois: number | null;
  ccag: string;
  clause_sociale: boolean;
  clause_environnementale: boolean;
  marche_reserve: boolean;
  achat_innovant: boolean;
  avance_accordee: boolean;
  taux_avance_points_de_base: number | null;
  date_lancement: string | null;
  procedure_id: string | null;
  lot_numero: number | null;
  nombre_offres: number | null;
  date_publication_donnees: string | null;
  mis_a_jour_le: string;
  acheteur_siret: string;
  acheteur_nom: string;
}

const PAGE = 500;

const nombre = (v: string | number | null): number | null => (v === null ? null : Number(v));
const jour = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const instant = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

/** Whole months from `debut` to `fin` (at least 1), for a new end date turned into a DECP duration. */
function moisEntre(debut: string, fin: string): number {
  const [ay, am, ad] = debut.split("-").map(Number) as [number, number, number];
  const [by, bm, bd] = fin.split("-").map(Number) as [number, number, number];
  return Math.max(1, (by - ay) * 12 + (bm - am) + (bd > ad ? 1 : 0));
}

/**
 * Stamps the first publication of the département's data: the contracts and modifications an export has just
 * published, on `date`, when they have no publication date yet (a later export never moves it). Returns the counts
 * actually stamped.
 */
export async function marquerPublication(
  db: Executor,
  organisationId: string,
  publies: { marches: string[]; modifications: { marcheId: string; numero: number }[] },
  date: string,
): Promise<{ marches: number; modifications: number }> {
  let marches = 0;
  let modifications = 0;
  if (publies.marches.length) {
    const r = await selectRows<{ id: string }>(
      db,
      sql`update marches set date_publication_donnees = ${date}::date
           where organisation_id = ${organisationId} and date_publication_donnees is null
             and id::text in (${sql.join(
               publies.marches.map((id) => sql`${id}`),
               sql`, `,
             )})
           returning id`,
    );
    marches = r.length;
  }
  if (publies.modifications.length) {
    const r = await selectRows<{ id: string }>(
      db,
      sql`update marche_modifications x set date_publication_donnees = ${date}::date
            from marches m
           where m.id = x.marche_id and m.organisation_id = ${organisationId} and x.date_publication_donnees is null
             and (x.marche_id::text, x.numero) in (${sql.join(
               publies.modifications.map((p) => sql`(${p.marcheId}, ${p.numero}::integer)`),
               sql`, `,
             )})
           returning x.marche_id as id`,
    );
    modifications = r.length;
  }
  return { marches, modifications };
}

/** The writes of the publication context, in a unit of work. */
export function publicationEcriture(db: Executor) {
  return {
    marquerPublication: (organisationId: string, publies: Parameters<typeof marquerPublication>[2], date: string) =>
      marquerPublication(db, organisationId, publies, date),
  };
}

export function publicationRepository(db: Executor): SourcePublication {
  async function lot(organisationId: string, apresNumero: string | null): Promise<LigneMarche[]> {
    return selectRows<LigneMarche>(
      db,
      sql`select m.id, m.numero, m.objet, m.procedure, m.nature, m.cpv, m.forme_prix, m.accord_cadre,
                 m.montant_ht_cents, m.montant_min_ht_cents, m.montant_max_ht_cents, m.date_notification::text as date_notification,
                 m.duree_mois, m.reconductions_nombre, m.reconduction_duree_mois, m.ccag, m.clause_sociale,
                 m.clause_environnementale, m.marche_reserve, m.achat_innovant, m.avance_accordee,
                 m.taux_avance_points_de_base, m.date_lancement::text as date_lancement, m.procedure_id, m.lot_numero,
                 m.nombre_offres, m.date_publication_donnees::text as date_publication_donnees,
                 greatest(m.updated_at, coalesce((select max(x.created_at) from marche_modifications x where x.marche_id = m.id), m.updated_at),
                          coalesce((select max(f.created_at) from marche_factures f where f.marche_id = m.id), m.updated_at)) as mis_a_jour_le,
                 o.siret as acheteur_siret, o.nom as acheteur_nom
            from marches m join organisations o on o.id = m.organisation_id
           where m.organisation_id = ${organisationId} ${apresNumero === null ? sql`` : sql`and m.numero > ${apresNumero}`}
           order by m.numero
           limit ${PAGE}`,
    );
  }

  async function details(ids: string[]) {
    if (ids.length === 0) return { titulaires: new Map(), modifications: new Map(), factures: new Map(), sousTraitance: new Set<string>() };
    const liste = sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    );
    const titulaires = await selectRows<{ marche_id: string; role: string; siret: string; nom: string }>(
      db,
      sql`select t.marche_id, t.role, f.siret, f.nom from marche_titulaires t join fournisseurs f on f.id = t.fournisseur_id
           where t.marche_id in (${liste}) order by t.marche_id, t.rang`,
    );
    const modifications = await selectRows<{
      marche_id: string;
      numero: number;
      objet: string;
      montant_ht_cents: string | number;
      nouvelle_date_fin: string | null;
      date_signature: string;
      date_publication_donnees: string | null;
    }>(
      db,
      sql`select marche_id, numero, objet, montant_ht_cents, nouvelle_date_fin::text as nouvelle_date_fin, date_signature::text as date_signature,
                 date_publication_donnees::text as date_publication_donnees
            from marche_modifications where marche_id in (${liste}) order by marche_id, numero`,
    );
    const factures = await selectRows<{ marche_id: string; numero: string; date_paiement: string; montant_ttc_cents: string | number }>(
      db,
      sql`select marche_id, numero, date_paiement::text as date_paiement, montant_ttc_cents from marche_factures
           where marche_id in (${liste}) and date_paiement is not null order by marche_id, date_paiement, numero`,
    );
    const parMarche = <T>(rows: T[], cle: (r: T) => string) => {
      const map = new Map<string, T[]>();
      for (const r of rows) map.set(cle(r), [...(map.get(cle(r)) ?? []), r]);
      return map;
    };
    return {
      titulaires: parMarche(
        titulaires.filter((t) => t.role !== "sous-traitant"),
        (t) => t.marche_id,
      ),
      sousTraitance: new Set(titulaires.filter((t) => t.role === "sous-traitant").map((t) => t.marche_id)),
      modifications: parMarche(modifications, (m) => m.marche_id),
      factures: parMarche(factures, (f) => f.marche_id),
    };
  }

  function versPublication(m: LigneMarche, d: Awaited<ReturnType<typeof details>>): MarchePourPublication {
    const montant = (m.accord_cadre ? nombre(m.montant_max_ht_cents) : nombre(m.montant_ht_cents)) ?? 0;
    const titulaires: TitulairePublication[] = (d.titulaires.get(m.id) ?? []).map((t: { siret: string; nom: string }) => ({
      siret: t.siret,
      nom: t.nom,
    }));
    const dateNotification = jour(m.date_notification);
    let cumul = montant;
    const modifications: ModificationPourPublication[] = (d.modifications.get(m.id) ?? []).map(
      (x: {
        numero: number;
        objet: string;
        montant_ht_cents: string | number;
        nouvelle_date_fin: string | null;
        date_signature: string;
        date_publication_donnees: string | null;
      }) => {
        const delta = Number(x.montant_ht_cents);
        cumul += delta;
        return {
          numero: x.numero,
          objet: x.objet,
          dateNotification: jour(x.date_signature),
          datePublication: x.date_publication_donnees ? jour(x.date_publication_donnees) : null,
          montantHtCents: delta !== 0 ? cumul : null,
          dureeMois: x.nouvelle_date_fin ? moisEntre(dateNotification, jour(x.nouvelle_date_fin)) : null,
          titulaires: null,
        };
      },
    );
    const factures: FacturePayeePourPublication[] = (d.factures.get(m.id) ?? []).map(
      (f: { numero: string; date_paiement: string; montant_ttc_cents: string | number }) => ({
        numero: f.numero,
        datePaiement: jour(f.date_paiement),
        montantTtcCents: Number(f.montant_ttc_cents),
      }),
    );
    return {
      id: m.id,
      numero: m.numero,
      acheteurSiret: m.acheteur_siret,
      acheteurNom: m.acheteur_nom,
      natureDecp: "Marché",
      nature: m.nature as MarchePourPublication["nature"],
      objet: m.objet,
      cpv: m.cpv,
      procedure: m.procedure as ProcedureDecp,
      fondementProcedure: null,
      dateLancement: m.date_lancement ? jour(m.date_lancement) : null,
      procedureId: m.procedure_id,
      lotNumero: m.lot_numero,
      valeurEstimeeProcedureHtCents: null,
      lieuExecution: { code: "94", typeCode: "Code département" },
      dureeMois: m.duree_mois + m.reconductions_nombre * (m.reconduction_duree_mois ?? 0),
      dateNotification,
      datePublicationDonnees: m.date_publication_donnees ? jour(m.date_publication_donnees) : null,
      montantHtCents: montant,
      montantMinimumHtCents: m.accord_cadre ? nombre(m.montant_min_ht_cents) : null,
      accordCadre: m.accord_cadre,
      idAccordCadre: null,
      formePrix: m.forme_prix as MarchePourPublication["formePrix"],
      typesPrix: ["Définitif ferme"],
      techniques: m.accord_cadre ? ["Accord-cadre"] : ["Sans objet"],
      modalitesExecution: m.accord_cadre ? ["Bons de commande"] : ["Sans objet"],
      ccag: m.ccag as CodeCcag,
      offresRecues: m.nombre_offres,
      avanceAccordee: m.avance_accordee,
      tauxAvancePointsDeBase: m.taux_avance_points_de_base,
      typeGroupement: titulaires.length > 1 ? "Conjoint" : "Pas de groupement",
      sousTraitanceDeclaree: d.sousTraitance.has(m.id),
      actesSousTraitance: [],
      titulaires,
      clauseSociale: m.clause_sociale,
      critereSocial: false,
      marcheReserve: m.marche_reserve,
      clauseEnvironnementale: m.clause_environnementale,
      critereEnvironnemental: false,
      marcheInnovant: m.achat_innovant,
      modifications,
      facturesPayees: factures,
      misAJourLe: instant(m.mis_a_jour_le),
    };
  }

  return {
    async *marches(organisationId) {
      let apres: string | null = null;
      for (;;) {
        const rows = await lot(organisationId, apres);
        if (rows.length === 0) return;
        const d = await details(rows.map((r) => r.id));
        for (const r of rows) yield versPublication(r, d);
        if (rows.length < PAGE) return;
        apres = rows[rows.length - 1]?.numero ?? null;
      }
    },
    async *procedures(organisationId): AsyncGenerator<ProcedurePourPublication> {
      const procs = await selectRows<{
        id: string;
        reference: string;
        objet: string;
        nature: string;
        procedure: string;
        etat: string;
        criteres: unknown;
        date_publication: string | null;
        date_limite_reception: string | null;
        date_attribution: string | null;
        updated_at: unknown;
      }>(
        db,
        sql`select id, reference, objet, nature, procedure, etat, criteres, date_publication::text as date_publication,
                   date_limite_reception::text as date_limite_reception, date_attribution::text as date_attribution, updated_at
              from procedures where organisation_id = ${organisationId} order by reference`,
      );
      if (procs.length === 0) return;
      const lots = await selectRows<{ procedure_id: string; numero: number; objet: string; cpv: string; valeur: string | number }>(
        db,
        sql`select l.procedure_id, l.numero, l.objet, l.cpv, l.valeur_estimee_ht_cents as valeur
              from procedure_lots l join procedures p on p.id = l.procedure_id
             where p.organisation_id = ${organisationId} order by l.procedure_id, l.numero`,
      );
      const offres = await selectRows<{
        procedure_id: string;
        lot_numero: number;
        siret: string;
        nom: string;
        prix: string | number;
        retenue: boolean;
      }>(
        db,
        sql`select o.procedure_id, o.lot_numero, o.siret, o.nom, o.prix_ht_cents as prix,
                   exists (select 1 from attributions a where a.offre_id = o.id) as retenue
              from offres o join procedures p on p.id = o.procedure_id
             where p.organisation_id = ${organisationId} order by o.procedure_id, o.lot_numero, o.siret`,
      );
      const lignes = await selectRows<{
        procedure_id: string;
        id: string;
        annee: number;
        objet: string;
        direction: string | null;
        valeur: string | number;
        trimestre: number | null;
      }>(
        db,
        sql`select pl.procedure_id, l.id, l.annee, l.objet, d.nom as direction, l.valeur_estimee_ht_cents as valeur, l.trimestre
              from procedure_lignes pl join procedures p on p.id = pl.procedure_id
              join lignes_programme l on l.id = pl.ligne_id left join directions d on d.id = l.direction_id
             where p.organisation_id = ${organisationId} order by pl.procedure_id, l.annee, l.id`,
      );
      const par = <T extends { procedure_id: string }>(rows: T[]) => {
        const map = new Map<string, T[]>();
        for (const r of rows) map.set(r.procedure_id, [...(map.get(r.procedure_id) ?? []), r]);
        return map;
      };
      const lotsDe = par(lots);
      const offresDe = par(offres);
      const lignesDe = par(lignes);
      for (const p of procs) {
        const sesLots = lotsDe.get(p.id) ?? [];
        const criteres = Array.isArray(p.criteres) ? (p.criteres as { libelle: string; poids: number; environnemental?: boolean }[]) : [];
        const sesOffres = offresDe.get(p.id) ?? [];
        yield {
          id: p.id,
          reference: p.reference,
          objet: p.objet,
          nature: p.nature as ProcedurePourPublication["nature"],
          cpv: sesLots[0]?.cpv ?? null,
          procedure: p.procedure as ProcedureDecp,
          statut: p.etat as ProcedurePourPublication["statut"],
          valeurEstimeeHtCents: sesLots.reduce((somme, l) => somme + Number(l.valeur), 0),
          datePublication: p.date_publication ? jour(p.date_publication) : null,
          dateLimiteReception: p.date_limite_reception ? jour(p.date_limite_reception) : null,
          dateAttribution: p.date_attribution ? jour(p.date_attribution) : null,
          criteres: criteres.map((c) => ({ libelle: c.libelle, poidsPourcentage: c.poids, environnemental: c.environnemental === true })),
          lots: sesLots.map((l) => ({ numero: l.numero, intitule: l.objet, valeurEstimeeHtCents: Number(l.valeur), cpv: l.cpv })),
          offres: sesOffres.map((o) => ({ lotNumero: o.lot_numero, siret: o.siret, nom: o.nom })),
          retenues: sesOffres
            .filter((o) => o.retenue)
            .map((o) => ({ lotNumero: o.lot_numero, siret: o.siret, nom: o.nom, prixHtCents: Number(o.prix) })),
          lignesProgramme: (lignesDe.get(p.id) ?? []).map((l) => ({
            id: l.id,
            annee: l.annee,
            objet: l.objet,
            direction: l.direction,
            valeurEstimeeHtCents: Number(l.valeur),
            trimestreLancement: l.trimestre,
          })),
          misAJourLe: instant(p.updated_at),
        };
      }
    },
    async changements(organisationId, depuis, limit): Promise<PageChangements> {
      const apres = depuis === null ? null : decoderCurseur(depuis);
      const rows = await selectRows<{ id: string; numero: string; mis_a_jour_le: unknown }>(
        db,
        // milliseconds: the cursor carries an ISO instant (ms), so the comparison must not see microseconds
        sql`select * from (
              select m.id, m.numero,
                     date_trunc('milliseconds', greatest(m.updated_at,
                       coalesce((select max(x.created_at) from marche_modifications x where x.marche_id = m.id), m.updated_at))) as mis_a_jour_le
                from marches m where m.organisation_id = ${organisationId}) c
             ${apres === null ? sql`` : sql`where (c.mis_a_jour_le, 'marche', c.id::text) > (${apres.misAJourLe}::timestamptz, ${apres.type}, ${apres.id})`}
             order by c.mis_a_jour_le, c.id
             limit ${limit}`,
      );
      const changements: ChangementPublic[] = rows.map((r) => ({
        type: "marche",
        id: r.id,
        reference: r.numero,
        misAJourLe: instant(r.mis_a_jour_le),
      }));
      const dernier = changements.at(-1);
      return { changements, suivant: dernier ? encoderCurseur(dernier) : depuis };
    },
  };
}
