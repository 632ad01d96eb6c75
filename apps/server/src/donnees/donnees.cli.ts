import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, isAbsolute, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { UsageError } from "../platform/cli/args";
import { defineCommands } from "../platform/cli/commands";
import { FichierIlisible, importerDecp, type RapportDecp } from "./import-decp";

const nombre = (n: number) => n.toLocaleString("fr-FR");
const PROBLEMES_AFFICHES = 50;

/** The JSON of `decp importer --json`: the counts and every problem (index, chemin, message). */
export function rapportJson(r: RapportDecp) {
  return {
    total: r.total,
    importes: r.importes,
    rejetes: r.rejetes,
    doublons: r.doublons,
    avertissements: r.avertissements,
    problemes: r.problemes,
    ...(r.problemesNonListes > 0 ? { problemesNonListes: r.problemesNonListes } : {}),
    format: r.format,
    empreinte: r.empreinte,
  };
}

/**
 * The same JSON written piece by piece, every problem on its own line: those kept in memory, then those of the
 * overflow file (read line by line), so that the report of a national file never sits whole in memory.
 */
export async function ecrireRapportJson(r: RapportDecp, debordement: string | null, ecrire: (t: string) => void): Promise<void> {
  const { problemes, ...reste } = rapportJson(r);
  const [debut, fin] = [
    { total: r.total, importes: r.importes, rejetes: r.rejetes, doublons: r.doublons, avertissements: r.avertissements },
    Object.fromEntries(Object.entries(reste).filter(([k]) => !["total", "importes", "rejetes", "doublons", "avertissements"].includes(k))),
  ];
  ecrire(`${JSON.stringify(debut, null, 2).slice(0, -2)},\n  "problemes": [`);
  let premier = true;
  let tampon = "";
  const ligne = (json: string) => {
    tampon += `${premier ? "" : ","}\n    ${json}`;
    premier = false;
    if (tampon.length > 1 << 16) {
      ecrire(tampon);
      tampon = "";
    }
  };
  for (const p of problemes) ligne(JSON.stringify(p));
  if (debordement && r.problemesDebordes > 0) {
    for await (const l of createInterface({ input: createReadStream(debordement), crlfDelay: Number.POSITIVE_INFINITY })) {
      if (l !== "") ligne(l);
    }
  }
  ecrire(`${tampon}${premier ? "" : "\n  "}],\n${JSON.stringify(fin, null, 2).slice(2)}\n`);
}

export const donneesCommands = defineCommands([
  {
    name: "decp importer",
    usage: "<fichier.json|fichier.xml|fichier.csv> [--json]",
    summary:
      "Importe un fichier de données essentielles publiées (DECP) de tous les acheteurs dans le magasin des données ouvertes :\n" +
      'JSON 2019 ({"marches": [...]}, schémas 1.4/1.5), JSON 2022 (2.0.x) et son jumeau XML, ou la table consolidée CSV\n' +
      "(une ligne par marché × titulaire). Lecture en flux, écriture par lots, idempotent (identité : acheteur + marché +\n" +
      "titulaire). Chaque enregistrement est importé (avec ses avertissements) ou rejeté avec ses raisons. Code 0 quand le\n" +
      "fichier a été lu (même avec des rejets), 2 quand ce n'est pas un fichier DECP lisible. Voir docs/donnees-ouvertes.md.",
    async run({ args, out, context, actor, cwd }) {
      const fichier = args.positionals[0];
      if (!fichier) throw new UsageError("Indiquez le fichier DECP à importer (.json, .xml ou .csv).");
      const chemin = isAbsolute(fichier) ? fichier : resolve(cwd, fichier);
      let octets: number;
      try {
        const s = await stat(chemin);
        if (!s.isFile()) throw new Error("pas un fichier");
        octets = s.size;
      } catch {
        throw new UsageError(`Fichier illisible ou introuvable : ${fichier}.`);
      }
      const ctx = await context();
      let rapport: RapportDecp;
      // beyond the problems kept in memory, the JSON report lists the others from a temporary file
      const temporaire = out.json ? mkdtempSync(join(tmpdir(), "decp-rapport-")) : null;
      const debordement = temporaire ? join(temporaire, "problemes.ndjson") : null;
      try {
        rapport = await importerDecp(ctx, actor, createReadStream(chemin, { highWaterMark: 1 << 20 }), {
          nomFichier: basename(chemin),
          octets,
          ...(debordement ? { debordement } : {}),
          progression: (lus) => out.progress(lus, octets, "lecture et écriture"),
        });
      } catch (error) {
        if (temporaire) rmSync(temporaire, { recursive: true, force: true });
        if (!(error instanceof FichierIlisible)) throw error;
        const detail = `${fichier} n'est pas un fichier DECP lisible : ${error.message}`;
        if (out.json) out.stdout(`${JSON.stringify({ code: "DECP_ILLISIBLE", detail, issues: [] }, null, 2)}\n`);
        out.stderr(`Erreur : ${detail}\n`);
        return 2;
      }
      out.progress(octets, octets, "terminé");
      if (out.json) {
        try {
          await ecrireRapportJson(rapport, debordement, (t) => out.stdout(t));
        } finally {
          if (temporaire) rmSync(temporaire, { recursive: true, force: true });
        }
        return 0;
      }
      out.stdout(
        `${nombre(rapport.total)} enregistrement${rapport.total > 1 ? "s" : ""} lu${rapport.total > 1 ? "s" : ""} : ` +
          `${nombre(rapport.importes)} importé${rapport.importes > 1 ? "s" : ""}, ${nombre(rapport.rejetes)} rejeté${rapport.rejetes > 1 ? "s" : ""}, ` +
          `${nombre(rapport.doublons)} déjà présent${rapport.doublons > 1 ? "s" : ""} ; ${nombre(rapport.avertissements)} avertissement${rapport.avertissements > 1 ? "s" : ""}.\n`,
      );
      for (const p of rapport.problemes.slice(0, PROBLEMES_AFFICHES))
        out.stderr(`  enregistrement ${p.index}${p.chemin ? `, ${p.chemin}` : ""} : ${p.message}\n`);
      const reste = rapport.problemes.length + rapport.problemesNonListes + rapport.problemesDebordes - PROBLEMES_AFFICHES;
      if (reste > 0) out.stderr(`  … et ${nombre(reste)} autre${reste > 1 ? "s" : ""} (--json pour la liste).\n`);
      return 0;
    },
  },
]);
