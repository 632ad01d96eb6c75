/**
 * Spreadsheet benchmarks (`npm run bench:tableur`): each scenario runs in its own Node process so that its peak
 * RSS (`maxRSS`) is its own. Printed: time, output size, RSS at start and peak RSS.
 *  - export of 100 000 rows to CSV and to XLSX (streamed, written to a counting sink);
 *  - import of 100 000 rows from CSV and from XLSX (file built first, in memory);
 *  - refusal of a 1 000 000-row CSV stream by the row cap, and of two zip bombs.
 * Options: BENCH_LIGNES (default 100 000).
 */
import { spawnSync } from "node:child_process";
import { PassThrough, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { defineColonnes, exporterListe, isErreurTableur, lireTableur } from "@achat-public/tableur";
import { bombeChevauchante, bombeDeclaree, csvGenere } from "../packages/tableur/src/testing/fixtures";

const LIGNES = Number(process.env.BENCH_LIGNES ?? 100_000);

const colonnes = defineColonnes([
  { cle: "objet", entete: "Objet", type: "texte", obligatoire: true },
  { cle: "montantEstimeHt", entete: "Montant estimé (€ HT)", type: "euros", obligatoire: true },
  { cle: "dateDebut", entete: "Date de début", type: "date" },
  { cle: "duree", entete: "Durée (mois)", type: "entier" },
  { cle: "reconductible", entete: "Reconductible", type: "booleen" },
  {
    cle: "nature",
    entete: "Nature",
    type: "liste",
    valeurs: [
      { valeur: "travaux", libelle: "Travaux" },
      { valeur: "services", libelle: "Services" },
    ],
  },
]);

function* lignes(n: number) {
  for (let i = 0; i < n; i++) {
    yield {
      objet: `Marché n° ${i} — entretien des bâtiments départementaux, lot ${i % 17}`,
      montantEstimeHt: i * 137,
      dateDebut: "2026-03-15",
      duree: 1 + (i % 48),
      reconductible: i % 2 === 0,
      nature: i % 3 === 0 ? "travaux" : "services",
    };
  }
}

async function fichier(format: "csv" | "xlsx", n: number): Promise<Buffer> {
  const morceaux: Buffer[] = [];
  const vers = new PassThrough();
  vers.on("data", (m: Buffer) => morceaux.push(m));
  await exporterListe(lignes(n), colonnes, { format, vers });
  return Buffer.concat(morceaux);
}

/** Set by a scenario once its input is ready: what comes before is not measured (except in the peak RSS). */
let debut = 0;
let rssDepart = 0;
function demarrer(): void {
  rssDepart = process.memoryUsage().rss;
  debut = performance.now();
}

const scenarios: Record<string, () => Promise<{ octets?: number; detail?: string }>> = {
  async "export-csv"() {
    return exporter("csv");
  },
  async "export-xlsx"() {
    return exporter("xlsx");
  },
  async "import-csv"() {
    return importer("csv");
  },
  async "import-xlsx"() {
    return importer("xlsx");
  },
  async "refus-csv-1M"() {
    const { flux, octetsProduits } = csvGenere(1_000_000, "Objet;Montant estimé (€ HT)\r\n");
    demarrer();
    return {
      detail: await lireTableur(flux, { format: "csv", colonnes }).then(
        () => "accepté ?!",
        (e: unknown) => `${isErreurTableur(e) ? e.code : String(e)}, ${(octetsProduits() / 1e6).toFixed(1)} Mo lus sur ~22 Mo`,
      ),
    };
  },
  async "refus-bombes"() {
    const codes: string[] = [];
    const bombes = [bombeDeclaree(1024 * 1024 * 1024, 1024 * 1024), bombeChevauchante(1100, 1024 * 1024)];
    demarrer();
    for (const bombe of bombes) {
      await lireTableur(bombe, { format: "xlsx", colonnes }).catch((e: unknown) => codes.push(isErreurTableur(e) ? e.code : String(e)));
    }
    return {
      detail: `${codes.join(", ")} ; ${bombes.map((b) => `${Math.round(b.length / 1024)} ko`).join(" et ")} déclarant plus de 1 Go`,
    };
  },
};

async function exporter(format: "csv" | "xlsx") {
  let octets = 0;
  const vers = new Writable({
    write(m: Buffer, _e, rappel) {
      octets += m.length;
      setImmediate(rappel);
    },
  });
  demarrer();
  await exporterListe(lignes(LIGNES), colonnes, { format, vers });
  return { octets };
}

async function importer(format: "csv" | "xlsx") {
  const octets = await fichier(format, LIGNES);
  demarrer();
  const r = await lireTableur(octets, { format, colonnes, maxLignes: LIGNES });
  return { octets: octets.length, detail: `${r.lignes.length} lignes valides` };
}

const scenario = process.argv[2];
if (scenario) {
  // Child: the scenario builds its input, calls `demarrer`, then does the measured work.
  const { octets, detail } = await (scenarios[scenario] as () => Promise<{ octets?: number; detail?: string }>)();
  const duree = performance.now() - debut;
  process.stdout.write(JSON.stringify({ duree, octets, detail, rssDepart, rssPic: process.resourceUsage().maxRSS * 1024 }));
} else {
  const mo = (n: number) => `${(n / 1024 / 1024).toFixed(0)} Mo`;
  console.log(`Tableur, ${LIGNES.toLocaleString("fr-FR")} lignes (Node ${process.version})`);
  for (const nom of Object.keys(scenarios)) {
    const enfant = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), nom], {
      encoding: "utf8",
      env: process.env,
    });
    if (enfant.status !== 0) {
      console.log(`${nom.padEnd(14)} échec : ${enfant.stderr.slice(0, 500)}`);
      continue;
    }
    const m = JSON.parse(enfant.stdout) as { duree: number; octets?: number; detail?: string; rssDepart: number; rssPic: number };
    console.log(
      `${nom.padEnd(14)} ${String(Math.round(m.duree)).padStart(6)} ms` +
        `${m.octets !== undefined ? `, fichier ${(m.octets / 1e6).toFixed(1)} Mo` : ""}` +
        `, RSS ${mo(m.rssDepart)} → pic ${mo(m.rssPic)}${m.detail ? ` (${m.detail})` : ""}`,
    );
  }
}
