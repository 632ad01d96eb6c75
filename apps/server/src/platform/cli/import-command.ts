import { isAbsolute, resolve } from "node:path";
import { readOnly } from "../../context";
import { analyse, formatOf, readImportFile, write, type ImportDefinition } from "../imports";
import { option, UsageError } from "./args";
import type { CommandSpec } from "./commands";

/**
 * The CLI twin of the import pipeline: `<commande> [--fichier] <fichier> [--confirmer]`. Without --confirmer, prints the
 * report (every problem with its row and column) and writes nothing; with it, writes every row in one
 * transaction when the report allows it. A progress bar on stderr.
 */
export function importCommand(name: string, definition: ImportDefinition): CommandSpec {
  return {
    name,
    usage: "[--fichier] <fichier.xlsx|fichier.csv> [--confirmer] [--json]",
    summary:
      `Importe ${definition.libelle.toLowerCase()} depuis un tableur (modèle : GET /api/imports/${definition.type}/modele). Sans --confirmer, ` +
      "affiche le rapport (chaque problème avec sa ligne et sa colonne) sans rien écrire ; avec --confirmer, écrit toutes les lignes en une\n" +
      "transaction, ou aucune.",
    booleans: ["confirmer"],
    async run({ args, out, context, actor, cwd }) {
      const file = option(args, "fichier") ?? args.positionals[0];
      if (!file) throw new UsageError("Indiquez le fichier à importer (.xlsx ou .csv).");
      const format = formatOf(file);
      if (!format) throw new UsageError("Le fichier doit être un .xlsx ou un .csv.");
      const contenu = await readImportFile(isAbsolute(file) ? file : resolve(cwd, file));
      const ctx = await context();
      const organisation = await readOnly(ctx).organisations.first();
      if (!organisation) throw new UsageError("La base ne contient encore aucune organisation.");
      const progress = (fraction: number, etape: string) => out.progress(Math.round(fraction * 1000), 1000, etape);
      const analysis = await analyse(ctx, definition, { contenu, format, actor, organisationId: organisation.id }, (f, e) =>
        progress(args.options.get("confirmer") === true ? f * 0.5 : f, e),
      );
      const { rapport } = analysis;
      if (!out.json) {
        out.stderr(`${rapport.resume}\n`);
        for (const p of rapport.problemes) {
          out.stderr(
            `  ligne ${p.ligne}${p.colonne ? `, colonne « ${p.colonne} »${p.lettre ? ` (${p.lettre})` : ""}` : ""} : ${p.message}\n`,
          );
        }
      }
      if (args.options.get("confirmer") !== true) {
        if (out.json) out.stdout(`${JSON.stringify(rapport, null, 2)}\n`);
        return rapport.ecriturePossible ? 0 : 2;
      }
      if (!rapport.ecriturePossible) {
        if (out.json) out.stdout(`${JSON.stringify(rapport, null, 2)}\n`);
        out.stderr("Rien n'a été importé.\n");
        return 2;
      }
      const ecrites = await write(
        ctx,
        definition,
        { analysis, actor, organisationId: organisation.id, nomFichier: file, importId: null },
        (f, e) => progress(0.5 + f * 0.5, e),
      );
      if (out.json) out.stdout(`${JSON.stringify({ ...rapport, ecrites }, null, 2)}\n`);
      else out.stdout(`${ecrites} ligne${ecrites > 1 ? "s" : ""} importée${ecrites > 1 ? "s" : ""}.\n`);
      return 0;
    },
  };
}
