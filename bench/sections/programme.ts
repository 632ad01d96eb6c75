import { randomUUID } from "node:crypto";
import { openPgliteTestDatabase } from "@achat-public/db/testing";
import { programmeRepository, sql } from "@achat-public/db";
import { testApp } from "../../apps/server/src/testing/harness";
import type { SectionBanc } from "./section";

const LIGNES = Number(process.env.BENCH_PROGRAMME_LIGNES ?? 50_000);
const DUREE_MS = Number(process.env.BENCH_PROGRAMME_DUREE_MS ?? 5_000);

/** Keyword + family + quarter, as a company types them in the public programme (accents left out on purpose). */
const RECHERCHES = [
  { motCle: "ordinateurs portables", famille: "F-INFO" },
  { motCle: "entretien", famille: "S-ESPV" },
  { motCle: "maintenance chauffage", famille: "S-MAINT" },
  { motCle: "vehicules electriques", famille: "F-VEH" },
  { motCle: "denrees alimentaires", famille: "F-ALIM" },
  { motCle: "formation", famille: "S-FORM" },
];

const OBJETS = [
  ["Ordinateurs portables pour les agents", "F-INFO", "30213100-6"],
  ["Entretien des espaces verts des collèges", "S-ESPV", "77311000-3"],
  ["Maintenance des installations de chauffage", "S-MAINT", "50720000-8"],
  ["Véhicules électriques utilitaires", "F-VEH", "34144900-7"],
  ["Denrées alimentaires biologiques", "F-ALIM", "15800000-6"],
  ["Formation des agents à la sécurité", "S-FORM", "80562000-2"],
  ["Nettoyage des locaux administratifs", "S-NETT", "90911200-8"],
  ["Impression des supports de communication", "S-IMPR", "79820000-8"],
] as const;
const LIEUX = [
  "Créteil",
  "Vitry-sur-Seine",
  "Champigny-sur-Marne",
  "Ivry-sur-Seine",
  "Maisons-Alfort",
  "Villejuif",
  "Choisy-le-Roi",
  "Orly",
];

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Runs `fn` in turn over the searches for DUREE_MS; the sorted durations (ms). */
async function mesurer(fn: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 20; i++) await fn(i); // warm-up
  const durations: number[] = [];
  const deadline = performance.now() + DUREE_MS;
  for (let i = 0; performance.now() < deadline; i++) {
    const started = performance.now();
    await fn(i);
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b);
}

/**
 * Public programme search (keyword + family + quarter), over the demo year and over a generated programme of
 * 50,000 published lines: p95 of GET /api/public/programme (in process, whole request: routing, validation,
 * SQL, presentation) and of the same SQL run bare through the repository, in the same run, with their ratio.
 */
async function run(): Promise<void> {
  const database = await openPgliteTestDatabase();
  const { app } = await testApp(database);
  const repo = programmeRepository(database.db);
  try {
    const demo = Math.min(new Date().getFullYear(), 2026) + 1;
    const mesure = async (annee: number, libelle: string) => {
      const query = (i: number) => {
        const r = RECHERCHES[i % RECHERCHES.length] ?? RECHERCHES[0];
        return { annee, motCle: r?.motCle ?? "", famille: r?.famille ?? "", trimestre: 1 + (i % 4), page: 1, parPage: 50 };
      };
      let trouvees = 0;
      const api = await mesurer(async (i) => {
        const q = query(i);
        const response = await app.inject({
          method: "GET",
          url: `/api/public/programme?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`,
        });
        if (response.statusCode !== 200) throw new Error(`statut ${response.statusCode} ${response.body}`);
        trouvees += (response.json() as { total: number }).total;
      });
      const brut = await mesurer((i) => repo.publicSearch(query(i)));
      const p95Api = percentile(api, 0.95);
      const p95Brut = percentile(brut, 0.95);
      console.log(
        `   ${libelle} : API p50 ${percentile(api, 0.5).toFixed(1)} ms, p95 ${p95Api.toFixed(1)} ms ; même SQL seul p50 ${percentile(brut, 0.5).toFixed(1)} ms, p95 ${p95Brut.toFixed(1)} ms ; ` +
          `rapport p95 ${(p95Api / p95Brut).toFixed(2)} (${api.length} requêtes, ${(trouvees / api.length).toFixed(1)} lignes trouvées en moyenne)`,
      );
    };

    await mesure(demo, `programme de démonstration ${demo}`);

    // a generated programme of LIGNES published lines, one year apart from the demo's
    const annee = demo + 10;
    const rows = (await database.db.execute(
      sql`select d.id as direction, f.id as famille, f.code, d.organisation_id as org from directions d cross join familles_achat f`,
    )) as unknown as { rows: { direction: string; famille: string; code: string; org: string }[] };
    const parCode = new Map<string, { direction: string; famille: string; org: string }[]>();
    for (const r of rows.rows) parCode.set(r.code, [...(parCode.get(r.code) ?? []), r]);
    const started = performance.now();
    for (let i = 0; i < LIGNES; i += 1000) {
      const chunk = Array.from({ length: Math.min(1000, LIGNES - i) }, (_, k) => {
        const n = i + k;
        const [objet, code, cpv] = OBJETS[n % OBJETS.length] ?? OBJETS[0];
        const choix = parCode.get(code) ?? [];
        const c = choix[n % Math.max(1, choix.length)];
        const nature = code.startsWith("F-") ? "fournitures" : "services";
        return sql`(${randomUUID()}, ${c?.org}, ${annee}, ${c?.direction}, ${`${objet} — ${LIEUX[n % LIEUX.length]} n° ${n}`}, ${nature}, ${cpv}, ${c?.famille},
          ${1_000_000 + ((n * 7919) % 50_000_000)}, ${1 + (n % 4)}, 12, false, false, false, true, false, 'publiee', 'procedure-adaptee')`;
      });
      await database.db.execute(
        sql`insert into lignes_programme (id, organisation_id, annee, direction_id, objet, nature, cpv, famille_id, valeur_estimee_ht_cents,
              trimestre, duree_mois, renouvellement, clause_sociale, lot_reserve, critere_environnemental, innovation, statut, famille_procedure)
            values ${sql.join(chunk, sql`, `)}`,
      );
    }
    await database.db.execute(sql`analyze lignes_programme`);
    console.log(`   (${LIGNES.toLocaleString("fr-FR")} lignes générées en ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    await mesure(annee, `programme généré de ${LIGNES.toLocaleString("fr-FR")} lignes`);
  } finally {
    await app.close();
    await database.close();
  }
}

export const programme: SectionBanc = {
  nom: "programme",
  titre: "Programme public des achats : recherche mot-clé + famille + trimestre",
  run,
};
