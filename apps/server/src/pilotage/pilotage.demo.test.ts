/**
 * The indicators' SQL against an independent computation in plain TypeScript from the raw rows of the demo
 * département: every year, the whole period, every direction and all, with and without the 40 000 € HT minimum,
 * and the splits and drill-downs. The SQL is set-based (written for 1.5 million contracts); this computation is
 * the definition of docs/pilotage.md read literally, contract by contract.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { rawSql, repositories, systemClock, uuidGenerator, type Database } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import type { AgregatsMarches, AxeRepartition, CleIndicateur, FiltreIndicateurs } from "@achat-public/domain/pilotage";
import { testApp } from "../testing/harness";

type Ligne = Record<string, unknown>;

interface Marche {
  id: string;
  organisationId: string;
  directionId: string;
  cpv: string;
  notification: string;
  fin: string;
  lancement: string | null;
  montant: number | null;
  montantPrecedent: number | null;
  dureeMois: number;
  nombreOffres: number | null;
  env: boolean;
  social: boolean;
  reserve: boolean;
  innovant: boolean;
  heuresPrevues: number | null;
  lignes: string[];
}

interface Brut {
  marches: Marche[];
  titulaire: Map<string, { categorie: string | null; departement: string | null }>;
  heures: Map<string, number>;
  estimations: Map<string, number | null>;
  factures: { marcheId: string; reception: string; paiement: string; echeance: string; ttc: number; interets: number }[];
  lots: { directionId: string; cpv: string; publication: string; valeur: number; infructueux: boolean }[];
}

const jour = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

async function lire(database: Database): Promise<Brut> {
  const rows = async (text: string) => ((await database.db.execute(rawSql(text))) as unknown as { rows: Ligne[] }).rows;
  const d = (c: string) => `to_char(${c}, 'YYYY-MM-DD') AS ${c.replace(/^\w+\./, "")}`;
  const marches = (
    await rows(`SELECT id::text, organisation_id::text, direction_id::text, cpv, ${d("date_notification")}, ${d("date_fin")},
      ${d("date_lancement")}, montant_ht_cents::float8, montant_max_ht_cents::float8, montant_min_ht_cents::float8, duree_mois,
      nombre_offres, clause_environnementale, clause_sociale, marche_reserve, achat_innovant, heures_insertion_prevues,
      lignes_programme_ids FROM marches`)
  ).map(
    (m): Marche => ({
      id: String(m.id),
      organisationId: String(m.organisation_id),
      directionId: String(m.direction_id),
      cpv: String(m.cpv),
      notification: String(m.date_notification),
      fin: String(m.date_fin),
      lancement: m.date_lancement === null ? null : String(m.date_lancement),
      montant: num(m.montant_ht_cents) ?? num(m.montant_max_ht_cents) ?? num(m.montant_min_ht_cents),
      montantPrecedent: num(m.montant_ht_cents) ?? num(m.montant_max_ht_cents),
      dureeMois: Number(m.duree_mois),
      nombreOffres: num(m.nombre_offres),
      env: m.clause_environnementale === true,
      social: m.clause_sociale === true,
      reserve: m.marche_reserve === true,
      innovant: m.achat_innovant === true,
      heuresPrevues: num(m.heures_insertion_prevues),
      lignes: (m.lignes_programme_ids as string[]) ?? [],
    }),
  );
  // the holder counted: the sole holder or the mandatary, first by rank
  const titulaire = new Map<string, { categorie: string | null; departement: string | null; rang: number }>();
  for (const t of await rows(`SELECT mt.marche_id::text, mt.rang, mt.role, f.categorie, f.departement
      FROM marche_titulaires mt JOIN fournisseurs f ON f.id = mt.fournisseur_id`)) {
    if (t.role !== "titulaire" && t.role !== "mandataire") continue;
    const id = String(t.marche_id);
    const deja = titulaire.get(id);
    if (!deja || Number(t.rang) < deja.rang)
      titulaire.set(id, { categorie: t.categorie as string | null, departement: t.departement as string | null, rang: Number(t.rang) });
  }
  const heures = new Map<string, number>();
  for (const h of await rows("SELECT marche_id::text, heures FROM marche_heures_insertion"))
    heures.set(String(h.marche_id), (heures.get(String(h.marche_id)) ?? 0) + Number(h.heures));
  const lignes = new Map(
    (await rows("SELECT id::text, valeur_estimee_ht_cents::float8 AS v FROM lignes_programme")).map((l) => [String(l.id), num(l.v)]),
  );
  // the estimate of a contract's programme lines, only when no other contract of the organisation shares one of them
  const estimations = new Map<string, number | null>();
  for (const m of marches) {
    if (m.lignes.length === 0) continue;
    const partage = marches.some(
      (o) => o.id !== m.id && o.organisationId === m.organisationId && o.lignes.some((l) => m.lignes.includes(l)),
    );
    const valeurs = [...lignes].filter(([id]) => m.lignes.includes(id)).map(([, v]) => v);
    estimations.set(m.id, partage || valeurs.length === 0 ? null : valeurs.reduce((a: number, v) => a + (v ?? 0), 0));
  }
  const factures = (
    await rows(`SELECT marche_id::text, ${d("date_reception")}, ${d("date_paiement")}, ${d("date_echeance")},
      montant_ttc_cents::float8, (interets_moratoires_cents + indemnite_forfaitaire_cents)::float8 AS interets
      FROM marche_factures WHERE date_paiement IS NOT NULL`)
  ).map((f) => ({
    marcheId: String(f.marche_id),
    reception: String(f.date_reception),
    paiement: String(f.date_paiement),
    echeance: String(f.date_echeance),
    ttc: Number(f.montant_ttc_cents),
    interets: Number(f.interets),
  }));
  const lots = (
    await rows(`SELECT p.direction_id::text, l.cpv, ${d("p.date_publication")}, l.valeur_estimee_ht_cents::float8 AS valeur, l.infructueux
      FROM procedure_lots l JOIN procedures p ON p.id = l.procedure_id WHERE p.date_publication IS NOT NULL`)
  ).map((l) => ({
    directionId: String(l.direction_id),
    cpv: String(l.cpv),
    publication: String(l.date_publication),
    valeur: Number(l.valeur),
    infructueux: l.infructueux === true,
  }));
  return { marches, titulaire, heures, estimations, factures, lots };
}

/**
 * The previous contract for the same need: same organisation, direction and CPV code, notified before, ended
 * within the year before this notification or the six months after it; the one that ended last (then the one
 * notified last, then the greatest id, so that the choice never depends on a plan).
 */
function precedent(brut: Brut, m: Marche): Marche | undefined {
  const n = jour(m.notification);
  let choisi: Marche | undefined;
  for (const o of brut.marches) {
    if (o.id === m.id || o.organisationId !== m.organisationId || o.directionId !== m.directionId || o.cpv !== m.cpv) continue;
    if (!(o.notification < m.notification) || jour(o.fin) < n - 365 || jour(o.fin) > n + 180) continue;
    const cle = (x: Marche) => `${x.fin}|${x.notification}|${x.id}`;
    if (!choisi || cle(o) > cle(choisi)) choisi = o;
  }
  return choisi;
}

const CLES: Record<
  AxeRepartition,
  { marche: (m: Marche) => string; facture: (paiement: string, m: Marche) => string; lot: (l: Brut["lots"][number]) => string }
> = {
  direction: { marche: (m) => m.directionId, facture: (_p, m) => m.directionId, lot: (l) => l.directionId },
  famille: { marche: (m) => m.cpv.slice(0, 2), facture: (_p, m) => m.cpv.slice(0, 2), lot: (l) => l.cpv.slice(0, 2) },
  mois: { marche: (m) => m.notification.slice(5, 7), facture: (p) => p.slice(5, 7), lot: (l) => l.publication.slice(5, 7) },
  annee: { marche: (m) => m.notification.slice(0, 4), facture: (p) => p.slice(0, 4), lot: (l) => l.publication.slice(0, 4) },
};

/** The aggregates of a population, by the definitions, contract by contract (optionally only one key of an axis). */
function attendu(brut: Brut, org: string, f: FiltreIndicateurs, axe?: { axe: AxeRepartition; cle: string }): AgregatsMarches {
  const dedans = (m: Marche) =>
    m.organisationId === org &&
    (f.directionId === null || m.directionId === f.directionId) &&
    (f.divisionCpv === null || m.cpv.slice(0, 2) === f.divisionCpv) &&
    m.montant !== null &&
    m.montant >= f.montantMinHtCents;
  const population = brut.marches.filter(
    (m) => dedans(m) && m.notification >= f.du && m.notification <= f.au && (!axe || CLES[axe.axe].marche(m) === axe.cle),
  );
  const parId = new Map(brut.marches.map((m) => [m.id, m]));
  const a: AgregatsMarches & { economies: never[] } = {
    nombreMarchesNotifies: 0,
    montantNotifieHtCents: 0,
    montantPayeTtcCents: 0,
    nombreMarchesPme: 0,
    montantPmeHtCents: 0,
    nombreMarchesLocaux: 0,
    montantLocauxHtCents: 0,
    nombreLotsAttribues: 0,
    nombreOffresLotsAttribues: 0,
    nombreLotsOffreUnique: 0,
    nombreLotsLances: 0,
    nombreLotsInfructueux: 0,
    nombreFacturesPayees: 0,
    sommeDelaisPaiementJours: 0,
    nombreFacturesDansLesDelais: 0,
    interetsMoratoiresDusCents: 0,
    nombreProceduresDuree: 0,
    sommeDureesPassationJours: 0,
    nombreConsiderationEnvironnementale: 0,
    nombreConsiderationSociale: 0,
    nombreMarchesReserves: 0,
    nombreAchatsInnovants: 0,
    heuresInsertionPrevues: 0,
    heuresInsertionRealisees: 0,
    economies: [],
  };
  const eco = { nombre: 0, reference: 0, attribue: 0 };
  const prec = { nombre: 0, reference: 0, attribue: 0 };
  for (const m of population) {
    const montant = m.montant ?? 0;
    const t = brut.titulaire.get(m.id);
    a.nombreMarchesNotifies++;
    a.montantNotifieHtCents += montant;
    if (t?.categorie === "micro" || t?.categorie === "pme") {
      a.nombreMarchesPme++;
      a.montantPmeHtCents += montant;
    }
    if (t?.departement === "94") {
      a.nombreMarchesLocaux++;
      a.montantLocauxHtCents += montant;
    }
    if (m.nombreOffres !== null) {
      a.nombreLotsAttribues++;
      a.nombreOffresLotsAttribues += m.nombreOffres;
      if (m.nombreOffres === 1) a.nombreLotsOffreUnique++;
    }
    if (m.lancement !== null && m.lancement <= m.notification) {
      a.nombreProceduresDuree++;
      a.sommeDureesPassationJours += jour(m.notification) - jour(m.lancement);
    }
    if (m.env) a.nombreConsiderationEnvironnementale++;
    if (m.social || m.reserve) a.nombreConsiderationSociale++;
    if (m.reserve) a.nombreMarchesReserves++;
    if (m.innovant) a.nombreAchatsInnovants++;
    a.heuresInsertionPrevues += m.heuresPrevues ?? 0;
    a.heuresInsertionRealisees += brut.heures.get(m.id) ?? 0;
    const estimation = brut.estimations.get(m.id);
    if (estimation !== undefined && estimation !== null) {
      eco.nombre++;
      eco.reference += estimation;
      eco.attribue += montant;
    }
    const p = precedent(brut, m);
    if (p && p.montantPrecedent !== null) {
      prec.nombre++;
      prec.reference += (p.montantPrecedent * 12) / Math.max(p.dureeMois, 1);
      prec.attribue += (montant * 12) / Math.max(m.dureeMois, 1);
    }
  }
  for (const fa of brut.factures) {
    const m = parId.get(fa.marcheId);
    if (!m || !dedans(m) || fa.paiement < f.du || fa.paiement > f.au || (axe && CLES[axe.axe].facture(fa.paiement, m) !== axe.cle))
      continue;
    a.nombreFacturesPayees++;
    a.sommeDelaisPaiementJours += jour(fa.paiement) - jour(fa.reception);
    if (fa.paiement <= fa.echeance) a.nombreFacturesDansLesDelais++;
    a.interetsMoratoiresDusCents += fa.interets;
    a.montantPayeTtcCents += fa.ttc;
  }
  for (const l of brut.lots) {
    if (l.publication < f.du || l.publication > f.au || (f.directionId !== null && l.directionId !== f.directionId)) continue;
    if (l.valeur < f.montantMinHtCents || (f.divisionCpv !== null && l.cpv.slice(0, 2) !== f.divisionCpv)) continue;
    if (axe && CLES[axe.axe].lot(l) !== axe.cle) continue;
    a.nombreLotsLances++;
    if (l.infructueux) a.nombreLotsInfructueux++;
  }
  const economies = [
    ...(eco.nombre > 0
      ? [{ methode: "estimation-attribution" as const, nombre: eco.nombre, referenceHtCents: eco.reference, attribueHtCents: eco.attribue }]
      : []),
    ...(prec.nombre > 0
      ? [{ methode: "marche-precedent" as const, nombre: prec.nombre, referenceHtCents: prec.reference, attribueHtCents: prec.attribue }]
      : []),
  ];
  return { ...a, economies };
}

/** Equal, sums of annualised amounts (fractions of cents added in another order) to a millionth of a cent. */
function egal(obtenu: unknown, attendu: unknown, ou: string): void {
  if (typeof attendu === "number" && typeof obtenu === "number") {
    assert.ok(Math.abs(obtenu - attendu) <= 1e-6 * Math.max(1, Math.abs(attendu)), `${ou} : ${obtenu} ≠ ${attendu}`);
    return;
  }
  if (attendu !== null && typeof attendu === "object") {
    assert.ok(obtenu !== null && typeof obtenu === "object", `${ou} : ${JSON.stringify(obtenu)}`);
    assert.deepEqual(Object.keys(obtenu).sort(), Object.keys(attendu).sort(), ou);
    for (const [k, v] of Object.entries(attendu)) egal((obtenu as Record<string, unknown>)[k], v, `${ou}.${k}`);
    return;
  }
  assert.equal(obtenu, attendu, ou);
}

/** The numerator of each indicator with a drill-down condition, as the definitions say (the others list the whole population). */
const DANS_LE_NUMERATEUR: Partial<Record<CleIndicateur, (m: Marche, b: Brut) => boolean>> = {
  partPmeNombre: (m, b) => ["micro", "pme"].includes(b.titulaire.get(m.id)?.categorie ?? ""),
  partLocaleMontant: (m, b) => b.titulaire.get(m.id)?.departement === "94",
  tauxOffreUnique: (m) => m.nombreOffres === 1,
  partConsiderationEnvironnementale: (m) => m.env,
  partConsiderationSociale: (m) => m.social || m.reserve,
  partMarchesReserves: (m) => m.reserve,
  partAchatsInnovants: (m) => m.innovant,
  heuresInsertionRealisees: (m) => (m.heuresPrevues ?? 0) > 0,
  economieEstimationAttribution: (m, b) => (b.estimations.get(m.id) ?? null) !== null,
  economieMarchePrecedent: (m, b) => (precedent(b, m)?.montantPrecedent ?? null) !== null,
  nombreMarchesNotifies: () => true,
};

for (const target of testTargets()) {
  describe(`pilotage : indicateurs de la démonstration recalculés marché par marché [${target.name}]`, () => {
    let database: Database;
    let close: () => Promise<void>;
    let brut: Brut;
    let org: string;
    let directions: string[];
    let annees: number[];

    before(async () => {
      database = await target.open();
      const { app } = await testApp(database);
      close = async () => {
        await app.close();
        await database.close();
      };
      const sql = (text: string, values: unknown[] = []) => database.db.execute(rawSql(text, values));
      // The demo links no contract to its programme line: link some, alone on their line (an estimate to compare)
      // or sharing one (no estimate), so that both branches of « estimation contre attribution » are exercised.
      await sql(`WITH l AS (SELECT id::text AS id, row_number() OVER (ORDER BY id) AS r FROM lignes_programme),
                      m AS (SELECT id, row_number() OVER (ORDER BY numero) AS r FROM marches)
                 UPDATE marches SET lignes_programme_ids = ARRAY[(SELECT id FROM l WHERE l.r = CASE WHEN m.r <= 2 THEN 1 ELSE m.r END)]
                   FROM m WHERE m.id = marches.id AND m.r % 7 < 3 AND m.r <= 60`);
      brut = await lire(database);
      org = brut.marches[0]?.organisationId ?? "";
      directions = [...new Set(brut.marches.map((m) => m.directionId))].sort();
      annees = [...new Set(brut.marches.map((m) => Number(m.notification.slice(0, 4))))].sort();
    });
    after(async () => close());

    const repo = () => repositories(database.db, { clock: systemClock, ids: uuidGenerator }).pilotage;

    it("has a demo that exercises every count (several years, directions, savings by both methods, invoices)", () => {
      assert.ok(annees.length >= 4 && directions.length >= 5, `${annees} / ${directions.length}`);
      const tout = attendu(brut, org, { du: "2000-01-01", au: "2099-12-31", directionId: null, montantMinHtCents: 0, divisionCpv: null });
      assert.deepEqual(
        tout.economies.map((e) => e.methode),
        ["estimation-attribution", "marche-precedent"],
      );
      assert.ok(
        tout.economies.every((e) => e.nombre >= 5),
        JSON.stringify(tout.economies),
      );
      assert.ok(tout.nombreFacturesPayees > 1000 && tout.heuresInsertionRealisees > 0 && tout.nombreLotsLances > 0, JSON.stringify(tout));
      assert.ok(
        [...brut.estimations.values()].some((v) => v === null),
        "a shared line (no estimate)",
      );
    });

    it("gives, for every year and the whole period, all directions and the three largest, with and without 40 000 € HT, the figures computed contract by contract", async () => {
      // all directions, and the three with the most contracts (CI time: each comparison is three queries)
      const nombre = (d: string) => brut.marches.filter((m) => m.directionId === d).length;
      const plusFournies = [...directions].sort((a, b) => nombre(b) - nombre(a) || a.localeCompare(b)).slice(0, 3);
      const periodes = [...annees.map((a) => ({ du: `${a}-01-01`, au: `${a}-12-31` })), { du: "2000-01-01", au: "2099-12-31" }];
      let comparaisons = 0;
      for (const p of periodes)
        for (const directionId of [null, ...plusFournies])
          for (const montantMinHtCents of [0, 4_000_000]) {
            const f = { ...p, directionId, montantMinHtCents, divisionCpv: null };
            egal(await repo().agreger(org, f), attendu(brut, org, f), JSON.stringify(f));
            comparaisons++;
          }
      assert.equal(comparaisons, (annees.length + 1) * 4 * 2);
    });

    it("splits a year by direction, CPV division and month as the same computation restricted to each key", async () => {
      for (const axe of ["direction", "famille", "mois"] as const)
        for (const montantMinHtCents of [0, 4_000_000]) {
          const f = { du: `${annees[2]}-01-01`, au: `${annees[2]}-12-31`, directionId: null, montantMinHtCents, divisionCpv: null };
          const series = await repo().repartir(org, f, axe);
          assert.ok(series.length > 0, axe);
          for (const s of series) egal(s.agregats, attendu(brut, org, f, { axe, cle: s.cle }), `${axe} ${s.cle}`);
        }
    });

    it("restricts to one purchase family (CPV division) and splits five years by year, as the same computation", async () => {
      const nombre = (d: string) => brut.marches.filter((m) => m.cpv.slice(0, 2) === d).length;
      const divisions = [...new Set(brut.marches.map((m) => m.cpv.slice(0, 2)))].sort(
        (a, b) => nombre(b) - nombre(a) || a.localeCompare(b),
      );
      for (const divisionCpv of divisions.slice(0, 2)) {
        const f = { du: "2000-01-01", au: "2099-12-31", directionId: null, montantMinHtCents: 0, divisionCpv };
        egal(await repo().agreger(org, f), attendu(brut, org, f), divisionCpv);
      }
      const f = { du: `${annees[0]}-01-01`, au: `${annees.at(-1)}-12-31`, directionId: null, montantMinHtCents: 0, divisionCpv: null };
      const series = await repo().repartir(org, f, "annee");
      assert.deepEqual(
        series.map((s) => s.cle),
        annees.map(String),
      );
      for (const s of series) egal(s.agregats, attendu(brut, org, f, { axe: "annee", cle: s.cle }), `annee ${s.cle}`);
    });

    it("lists behind each figure exactly the contracts of its numerator", async () => {
      const f = { du: "2000-01-01", au: "2099-12-31", directionId: null, montantMinHtCents: 4_000_000, divisionCpv: null };
      for (const [cle, dedans] of Object.entries(DANS_LE_NUMERATEUR)) {
        const attendus = brut.marches
          .filter((m) => m.organisationId === org && m.montant !== null && m.montant >= f.montantMinHtCents && dedans(m, brut))
          .map((m) => m.id)
          .sort();
        const obtenus: string[] = [];
        for (let offset = 0; ; offset += 500) {
          const page = await repo().marchesDerriere(org, f, cle as CleIndicateur, { limit: 500, offset });
          assert.equal(page.total, attendus.length, cle);
          obtenus.push(...page.marches.map((m) => m.id));
          if (page.marches.length < 500) break;
        }
        assert.deepEqual(obtenus.sort(), attendus, cle);
      }
    });
  });
}
