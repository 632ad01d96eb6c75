import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { Readable } from "node:stream";
import { join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { reconstruireSyntheseSourcing, selectRows, sql } from "@achat-public/db";
import { testTargets } from "@achat-public/db/testing";
import { ALL_COMMANDS } from "../contexts";
import { cliActor, findCommand, runCommand } from "../platform/cli/commands";
import { memoryOutput } from "../platform/cli/output";
import { apiTest, type ApiTest } from "../testing/harness";
import { runProcess } from "../testing/process";
import { ecrireRapportJson } from "./donnees.cli";
import { importerDansTransaction, importerDecp } from "./import-decp";
import { lireDecp } from "./lecture";

const RACINE = fileURLToPath(new URL("../../../../", import.meta.url));
const FIXTURES = join(RACINE, "fixtures/decp");
/** The real DECP files shared beside the repository (in CI: ../shared relative to the repository root). */
const PARTAGE = resolve(RACINE, "../shared/data/decp");

function fichiersDecp(dossier: string): string[] {
  return readdirSync(dossier).flatMap((nom) => {
    const chemin = join(dossier, nom);
    if (statSync(chemin).isDirectory()) return nom === "schemas" ? [] : fichiersDecp(chemin);
    return /\.(json|xml|csv)$/.test(nom) && !/acheteurs\.csv$/.test(nom) ? [chemin] : [];
  });
}

interface Rapport {
  total: number;
  importes: number;
  rejetes: number;
  doublons: number;
  avertissements: number;
  problemes: { index: number; chemin: string; message: string }[];
}

for (const target of testTargets()) {
  describe(`import des DECP publiées (${target.name})`, () => {
    let kit: ApiTest;
    let dossier: string;
    const cli = async (argv: string[]) => {
      const trouve = findCommand(ALL_COMMANDS, argv);
      assert.ok(trouve);
      const out = memoryOutput(argv.includes("--json"));
      const code = await runCommand(trouve.command, {
        args: trouve.args,
        out,
        context: async () => kit.ctx,
        actor: cliActor("test"),
        stdin: async () => "",
        cwd: "/",
      });
      return { code, stdout: out.out, stderr: out.err };
    };
    const importer = async (fichier: string) => {
      const r = await cli(["decp", "importer", fichier, "--json"]);
      assert.equal(r.code, 0, `${fichier} : ${r.stdout}${r.stderr}`);
      return JSON.parse(r.stdout) as Rapport;
    };
    const fichier = (nom: string, contenu: string) => {
      const chemin = join(dossier, nom);
      writeFileSync(chemin, contenu);
      return chemin;
    };

    before(async () => {
      kit = await apiTest(target);
      dossier = mkdtempSync(join(tmpdir(), "achat-decp-"));
    });
    after(async () => {
      rmSync(dossier, { recursive: true, force: true });
      await kit.close();
    });

    it("imports every fixture with a full report: imported + rejected + duplicates = total, each problem located", async () => {
      for (const f of fichiersDecp(FIXTURES)) {
        const r = await importer(f);
        assert.deepEqual(Object.keys(r).slice(0, 6), ["total", "importes", "rejetes", "doublons", "avertissements", "problemes"]);
        assert.equal(r.importes + r.rejetes + r.doublons, r.total, f);
        assert.ok(r.total > 0, f);
        for (const p of r.problemes) {
          assert.ok(Number.isInteger(p.index) && p.index >= 0 && p.index < r.total, JSON.stringify(p));
          assert.match(p.message, /^(Rejet|Avertissement) : /);
        }
        assert.equal(r.problemes.filter((p) => p.message.startsWith("Avertissement")).length, r.avertissements, f);
      }
    });

    it("keeps the real defects visible: null buyer rejected, time zones, lost accents, bad SIRET, CPV, text amounts warned", async () => {
      const vdm = await importer(join(FIXTURES, "decp2019_val-de-marne.json"));
      const messages = vdm.problemes.map((p) => `${p.chemin} ${p.message}`).join("\n");
      assert.match(messages, /acheteur\.id Rejet : identifiant de l'acheteur nul/);
      const aife = await importer(join(FIXTURES, "decp2019_aife_extrait.json"));
      const tout = aife.problemes.map((p) => `${p.chemin} ${p.message}`).join("\n");
      for (const attendu of [
        /accents perdus/,
        /espaces autour de l'identifiant retirés/,
        /code CPV de 7 chiffres/,
        /montant publié comme un texte/,
        /date de notification absente/,
        /TVA_INTRACOMMUNAUTAIRE/,
      ]) {
        assert.match(tout, attendu);
      }
      const pes = await importer(join(FIXTURES, "decp2019_pes_extrait.json"));
      assert.match(pes.problemes.map((p) => p.message).join("\n"), /fuseau horaire \(2018-\d\d-\d\d\+01:00\)/);
      const [row] = await selectRows<{ date_notification: string; objet: string }>(
        kit.database.db,
        sql`select date_notification::text, objet from decp_attributions where acheteur_id = '21940068600016' and objet like ${"%\uFFFD%"} limit 1`,
      );
      assert.ok(row, "le texte aux accents perdus est gardé tel que publié");
    });

    it("is idempotent: the same file twice adds nothing, and each import writes one audit event", async () => {
      const f = join(FIXTURES, "decp_tabular_2024H2_val-de-marne.csv");
      const compter = async () =>
        (await selectRows<{ n: number }>(kit.database.db, sql`select count(*)::int as n from decp_attributions`))[0]?.n ?? 0;
      const evenements = async () =>
        (await selectRows<{ n: number }>(kit.database.db, sql`select count(*)::int as n from audit_events where type = 'decp.imported'`))[0]
          ?.n ?? 0;
      const avant = await compter();
      const e0 = await evenements();
      const r = await importer(f);
      assert.equal(r.importes, 0, "déjà importé par le premier test");
      assert.equal(r.doublons, r.total - r.rejetes);
      assert.equal(await compter(), avant);
      assert.equal(await evenements(), e0 + 1);
      const [ev] = await selectRows<{ payload: { empreinte: string; total: number; doublons: number } }>(
        kit.database.db,
        sql`select payload from audit_events where type = 'decp.imported' order by occurred_at desc limit 1`,
      );
      assert.equal(ev?.payload.total, r.total);
      assert.match(ev?.payload.empreinte ?? "", /^[0-9a-f]{64}$/);
    });

    it("a bulk load (large file, small store) drops the secondary indexes and rebuilds them, same report", async () => {
      const index = async () =>
        (
          await selectRows<{ nom: string }>(
            kit.database.db,
            sql`select indexname as nom from pg_indexes where tablename = 'decp_attributions' order by 1`,
          )
        ).map((i) => i.nom);
      const avant = await index();
      const f = join(FIXTURES, "decp2019_pes_extrait.json");
      const rapport = await importerDecp(kit.ctx, cliActor("test"), createReadStream(f), { nomFichier: "pes", octets: 1e12 });
      assert.equal(rapport.importes + rapport.rejetes + rapport.doublons, rapport.total);
      assert.equal(rapport.importes, 0, "déjà importé par le premier test : idempotent aussi en chargement massif");
      assert.deepEqual(await index(), avant);
      assert.ok(avant.includes("decp_attributions_recherche_idx"));
    });

    it("exit 2 when the file is not a readable DECP file; a truncated file reports its lost end", async () => {
      for (const [nom, contenu] of [
        ["vide.json", ""],
        ["tableau.json", "[1, 2]"],
        ["autre.json", '{"foo": [1]}'],
        ["autre.xml", "<factures><facture/></factures>"],
        ["autre.csv", "a;b\n1;2\n"],
        ["binaire.json", "\u0000\u0001PK"],
      ] as const) {
        const r = await cli(["decp", "importer", fichier(nom, contenu), "--json"]);
        assert.equal(r.code, 2, `${nom} : ${r.stdout}`);
        assert.equal(JSON.parse(r.stdout).code, "DECP_ILLISIBLE");
      }
      assert.equal((await cli(["decp", "importer", join(dossier, "absent.json"), "--json"])).code, 2);
      const tronque = await cli([
        "decp",
        "importer",
        fichier("tronque.json", '{"marches": [{"id": "T1", "acheteur": {"id": "21940068600016"}, "objet": "A"}, {"id": "T2", "ach'),
        "--json",
      ]);
      assert.equal(tronque.code, 0);
      const r = JSON.parse(tronque.stdout) as Rapport;
      assert.equal(r.total, 2);
      assert.equal(r.rejetes, 1);
      assert.match(r.problemes.at(-1)?.message ?? "", /tronqué/);
      const malForme = JSON.parse(
        (
          await cli([
            "decp",
            "importer",
            fichier("mal.json", '{"marches": [{"id": "M1", "acheteur": {"id": "21940068600016"}}, {"id": tru}]}'),
            "--json",
          ])
        ).stdout,
      ) as Rapport;
      assert.equal(malForme.total, 2);
      assert.equal(malForme.rejetes, 1);
    });

    it("imports every file of the shared DECP folder without a crash (when it is beside the repository)", {
      skip: !existsSync(PARTAGE),
    }, async () => {
      for (const f of fichiersDecp(PARTAGE)) {
        const r = await importer(f);
        assert.equal(r.importes + r.rejetes + r.doublons, r.total, f);
      }
    });
  });
}

describe("the report lists every problem, its memory bounded", () => {
  it("writes the problems beyond the ones kept in memory to a file, then lists them all in the JSON report", async () => {
    const dossier = mkdtempSync(join(tmpdir(), "achat-decp-debord-"));
    try {
      const debordement = join(dossier, "problemes.ndjson");
      const ecrire = async (lot: { attributions: { acheteurId: string; marcheId: string; titulaireId: string }[] }) =>
        new Set(lot.attributions.map((a) => `${a.acheteurId}\u0000${a.marcheId}\u0000${a.titulaireId}`));
      const source = createReadStream(join(FIXTURES, "decp2019_aife_extrait.json"));
      const rapport = await importerDansTransaction(ecrire, source, { nomFichier: "x", debordement, problemesMax: 3, tailleLot: 7 });
      assert.equal(rapport.problemes.length, 3);
      assert.ok(rapport.problemesDebordes > 0);
      let texte = "";
      await ecrireRapportJson(rapport, debordement, (t) => {
        texte += t;
      });
      const json = JSON.parse(texte) as Rapport & { problemesNonListes?: number };
      assert.deepEqual(Object.keys(json).slice(0, 6), ["total", "importes", "rejetes", "doublons", "avertissements", "problemes"]);
      assert.equal(json.problemes.length, 3 + rapport.problemesDebordes);
      assert.equal(json.problemes.filter((p) => p.message.startsWith("Avertissement")).length, json.avertissements);
      assert.equal(json.problemesNonListes, undefined);
      assert.equal(json.importes + json.rejetes + json.doublons, json.total);
    } finally {
      rmSync(dossier, { recursive: true, force: true });
    }
  });
});

describe("decp importer, by npm (the stable interface)", () => {
  it("prints the report as JSON and exits 0", async () => {
    const dossier = mkdtempSync(join(tmpdir(), "achat-decp-npm-"));
    try {
      const run = await runProcess(
        "npm",
        ["run", "--silent", "cli", "--", "decp", "importer", join(FIXTURES, "decp2019_pes_extrait.json"), "--json"],
        { DATA_DIR: join(dossier, "donnees") },
      );
      assert.equal(run.code, 0, run.stderr);
      const r = JSON.parse(run.stdout) as Rapport;
      assert.equal(r.total, 40);
      assert.equal(r.importes, 40);
    } finally {
      rmSync(dossier, { recursive: true, force: true });
    }
  });
});

/**
 * The store and the reports of a fixed sequence of imports, as checksums recorded before the import was made faster
 * (byte scanner, batched parse, summaries kept per batch): the same files must give the same rows, reports and
 * summaries, byte for byte (the shared DECP folder adds its own files when present: not part of the golden run).
 */
const GOLDEN_FICHIERS = [
  "decp2019_aife_extrait.json",
  "decp2019_pes_extrait.json",
  "decp2019_val-de-marne.json",
  "decp2022_megalis-bretagne_59920013600241_2024-07-09.json",
  "decp_tabular_2024H2_travaux_cpv4521_200.csv",
  "decp_tabular_2024H2_val-de-marne.csv",
  "exemple-officiel-v1.5-paquet.xml",
  "exemple-officiel-v2-Contrat-concession-modification.xml",
  "exemple-officiel-v2-Marche.xml",
  "decp2019_aife_extrait.json",
];
const GOLDEN = {
  rapports: "c7c3e8d359b821124cc898257de0de38856a8f36a33ca2fb6206aa9856200596",
  attributions: "585:de9f281d63e57fb16063b7ebfe9fe311",
  modifications: "4:9c14ca8ebb2e05fc87d1ee9edf4312af",
  acheteurs: "129:34780931b85c5287444400f2711d9680",
  titulaires: "492:0e3d4ee72670234cdb25c4f81dc5527c",
  syntheseTitulaires: "2027:18c3d636d1eff18acabddfef722d27d6",
  syntheseConcurrence: "945:897b75555d13a030dd1ef7c6055a9aa9",
};

for (const target of testTargets()) {
  describe(`import des DECP : mêmes lignes et mêmes rapports qu'avant (${target.name})`, () => {
    let kit: ApiTest;
    before(async () => {
      kit = await apiTest(target);
    });
    after(() => kit.close());

    it("the fixtures give the recorded store, reports and sourcing summaries (checksums)", async () => {
      // the default batches, then batches of 7 records (a batch boundary inside every file), from an empty store each time
      for (const tailleLot of [undefined, 7]) {
        await kit.database.db.execute(
          sql.raw(
            "truncate decp_attributions, decp_modifications, decp_acheteurs, decp_titulaires, decp_sourcing_titulaires, decp_sourcing_concurrence",
          ),
        );
        const rapports: unknown[] = [];
        for (const nom of GOLDEN_FICHIERS) {
          const r = await importerDecp(kit.ctx, cliActor("test"), createReadStream(join(FIXTURES, nom)), { nomFichier: nom, tailleLot });
          rapports.push(r);
        }
        assert.deepEqual(await empreintesDe(kit.database.db, rapports), GOLDEN, `lots de ${tailleLot ?? "défaut"}`);
      }
    });

    it("the summaries updated batch by batch equal a full rebuild, a known contract gaining a holder and more bids included", async () => {
      const syntheses = async () =>
        Promise.all(
          ["decp_sourcing_titulaires", "decp_sourcing_concurrence"].map(async (t) =>
            (await selectRows<{ l: string }>(kit.database.db, sql.raw(`select t::text as l from ${t} t order by 1`))).map((r) => r.l),
          ),
        );
      const acheteur = { id: "21940028800010", nom: "Département du Val-de-Marne" };
      const marche = (id: string, titulaire: string, offres: number | null, departement = "94") => ({
        id,
        acheteur,
        nature: "Marché",
        objet: `Travaux ${id}`,
        codeCPV: "45210000-2",
        procedure: "Appel d'offres ouvert",
        lieuExecution: { code: departement, typeCode: "Code département", nom: "x" },
        dureeMois: 12,
        dateNotification: "2024-03-01",
        montant: 100000,
        offresRecues: offres,
        titulaires: [{ typeIdentifiant: "SIRET", id: titulaire, denomination: `Entreprise ${titulaire}` }],
      });
      const importer = async (nom: string, marches: unknown[], tailleLot?: number) => {
        const chemin = join(tmpdir(), `achat-decp-inc-${process.pid}-${nom}.json`);
        writeFileSync(chemin, JSON.stringify({ marches }));
        try {
          const r = await importerDecp(kit.ctx, cliActor("test"), createReadStream(chemin), { nomFichier: nom, tailleLot });
          assert.equal(r.rejetes, 0, JSON.stringify(r.problemes));
          return r;
        } finally {
          rmSync(chemin, { force: true });
        }
      };
      // a first holder with 2 bids; then a second holder of the same contract published with 5 bids (the contract
      // moves from 2 to 5 bids), a contract without any number of bids, and one in another département; batches of 1
      await importer("inc-1", [marche("INC-1", "44306184100047", 2), marche("INC-2", "44306184100047", null)]);
      const parOffres = async () =>
        (
          await selectRows<{ o2: number; o3: number; o5: number; sans: number }>(
            kit.database.db,
            sql`select coalesce(sum(marches) filter (where offres = 2), 0)::int as o2, coalesce(sum(marches) filter (where offres = 3), 0)::int as o3,
                  coalesce(sum(marches) filter (where offres = 5), 0)::int as o5, coalesce(sum(marches) filter (where offres is null), 0)::int as sans
                from decp_sourcing_concurrence where prefixe = '45210' and departement = '94'`,
          )
        )[0];
      const avant = await parOffres();
      assert.ok(avant && avant.o2 >= 1 && avant.sans >= 1);
      const r = await importer(
        "inc-2",
        [
          marche("INC-1", "55203253400646", 5),
          marche("INC-2", "55203253400646", 3),
          marche("INC-3", "44306184100047", null, "75"),
          marche("INC-1", "44306184100047", 2),
        ],
        1,
      );
      assert.equal(r.importes, 3);
      assert.equal(r.doublons, 1);
      const parLot = await syntheses();
      // INC-1 moved from 2 bids to 5, INC-2 from none to 3
      assert.deepEqual(await parOffres(), { ...avant, o2: avant.o2 - 1, o5: avant.o5 + 1, sans: avant.sans - 1, o3: avant.o3 + 1 });
      await kit.database.transaction((tx) => reconstruireSyntheseSourcing(tx));
      assert.deepEqual(parLot, await syntheses());
    });
  });
}
/** Row counts and checksums of the store, its summaries and the reports. */
async function empreintesDe(db: ApiTest["database"]["db"], rapports: unknown[]) {
  const empreinte = async (requete: string) => {
    const [l] = await selectRows<{ n: number; h: string }>(
      db,
      sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as h from (${requete}) t`),
    );
    return `${l?.n}:${l?.h}`;
  };
  const obtenu = {
    rapports: createHash("sha256").update(JSON.stringify(rapports)).digest("hex"),
    attributions: await empreinte(
      "select acheteur_id, marche_id, titulaire_id, acheteur_nom, titulaire_type_identifiant, titulaire_nom, nature, nature_publiee, objet, code_cpv, code_cpv_publie, procedure, lieu_code, lieu_type_code, departement, titulaire_departement, montant_ht_cents, date_notification, date_publication, duree_mois, offres_recues, forme_prix, nombre_titulaires, categorie_entreprise, avertissements, recherche from decp_attributions",
    ),
    modifications: await empreinte("select * from decp_modifications"),
    acheteurs: await empreinte("select * from decp_acheteurs"),
    titulaires: await empreinte("select * from decp_titulaires"),
    syntheseTitulaires: await empreinte("select * from decp_sourcing_titulaires"),
    syntheseConcurrence: await empreinte("select * from decp_sourcing_concurrence"),
  };
  return obtenu;
}

describe("lecture en flux du JSON (balayeur d'octets, un JSON.parse par morceau)", () => {
  const lire = async (texte: string, taille: number) => {
    const octets = Buffer.from(texte);
    const morceaux: Buffer[] = [];
    for (let i = 0; i < octets.length; i += taille) morceaux.push(octets.subarray(i, i + taille));
    const sortie: unknown[] = [];
    for await (const e of lireDecp(Readable.from(morceaux))) sortie.push(e);
    return sortie;
  };
  it("gives the same records whatever the chunks: byte order mark, accents cut between chunks, 2022 arrays, a malformed record", async () => {
    const texte =
      '\uFEFF {"marches": {"marche": [{"id": "É1", "objet": "Travaux d\'électricité \\"à\\" Créteil ]}"}, {"id": tru},' +
      ' {"id": "M3", "titulaires": [{"titulaire": {"id": "1"}}]}], "autre": [1, 2], "contrat-concession": [{"id": "C1"}, 7]}}';
    const attendu = [
      { format: "json", brut: { id: "É1", objet: 'Travaux d\'électricité "à" Créteil ]}' } },
      {
        format: "json",
        erreur: `enregistrement JSON mal formé : ${(() => {
          try {
            JSON.parse('{"id": tru}');
          } catch (e) {
            return (e as Error).message;
          }
        })()}`,
      },
      { format: "json", brut: { id: "M3", titulaires: [{ titulaire: { id: "1" } }] } },
      { format: "json", brut: { id: "C1" } },
      { format: "json", brut: 7 },
    ];
    for (const taille of [1, 2, 3, 5, 64, 1 << 20]) assert.deepEqual(await lire(texte, taille), attendu, `morceaux de ${taille} octets`);
    // a truncated file: the records read, then its lost end
    const tronque = await lire('{"marches": [{"id": "A"}, {"id": "B"}, {"id": "C', 4);
    assert.deepEqual(tronque.slice(0, 2), [
      { format: "json", brut: { id: "A" } },
      { format: "json", brut: { id: "B" } },
    ]);
    assert.match(String((tronque[2] as { erreur?: string }).erreur), /tronqué/);
  });
});
