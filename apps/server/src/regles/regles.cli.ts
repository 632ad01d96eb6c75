import type { z } from "zod";
import { basisPointsToPercent, setEcbRate, TAUX_BCE_PAR_DEFAUT } from "@achat-public/domain/regles";
import {
  invalidInputDetail,
  ReglesAnalyseInput,
  ReglesAvanceInput,
  ReglesDelaisInput,
  ReglesModificationInput,
  ReglesPaiementInput,
  TauxBceInput,
  toApiIssues,
  type ApiIssue,
} from "@achat-public/contracts";
import { ecbRateRepository } from "@achat-public/db";
import { unitOfWork } from "../context";
import { requiredOption, UsageError, type ParsedArgs } from "../platform/cli/args";
import { isDomainError } from "@achat-public/domain";
import { defineCommands, reportDomainError, type CommandInput, type CommandSpec } from "../platform/cli/commands";
import type { Output } from "../platform/cli/output";
import { problem } from "../platform/problem";
import { regles } from "./regles.analyses";

/** Prints a problem exactly as the API answers it (minus the request id) and returns exit code 2. */
function printProblem(out: Output, status: number, code: string, detail: string, issues: ApiIssue[]): number {
  const { requestId: _none, ...body } = problem(status, code, detail, "", issues);
  out.stdout(`${JSON.stringify(body, null, 2)}\n`);
  out.stderr(`Erreur : ${detail}\n`);
  return 2;
}

/** The JSON argument (or standard input with "-"), validated by the same schema as the API. */
async function parseInput<S extends z.ZodType>(input: CommandInput, schema: S): Promise<z.infer<S> | number> {
  const { args, out } = input;
  const raw = args.positionals[0] === "-" || args.positionals.length === 0 ? await input.stdin() : (args.positionals[0] as string);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return printProblem(
      out,
      400,
      "MALFORMED_JSON",
      "L'argument n'est pas du JSON valide : vérifiez les guillemets, les virgules et les accolades (et entourez-le d'apostrophes dans le shell).",
      [],
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((i) => toApiIssues({ ...i, keys: "keys" in i ? (i.keys as string[]) : [] }));
    return printProblem(out, 400, "INVALID_INPUT", invalidInputDetail(issues), issues);
  }
  return parsed.data;
}

/** A pure analysis: validated input in, the API's JSON out (domain refusals are printed as the API's problems). */
function analysis<S extends z.ZodType>(
  name: string,
  summary: string,
  schema: S,
  compute: (input: z.infer<S>, command: CommandInput) => Promise<unknown> | unknown,
): CommandSpec {
  return {
    name,
    usage: "'<json>'",
    summary,
    async run(command) {
      const input = await parseInput(command, schema);
      if (typeof input === "number") return input;
      // always JSON, as the API answers: the result, or the problem with the API's status and fields
      try {
        command.out.stdout(`${JSON.stringify(await compute(input, command), null, 2)}\n`);
        return 0;
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return reportDomainError({ ...command.out, json: true }, error);
      }
    },
  };
}

async function setEcbRateCommand(args: ParsedArgs, command: CommandInput): Promise<number> {
  const parsed = TauxBceInput.safeParse({
    tauxBce: Number(requiredOption(args, "taux").replace(",", ".")),
    source: requiredOption(args, "source"),
    statut: args.options.get("confirme") === true ? "confirme" : "a-confirmer",
  });
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues.map((i) => `--${i.path[0] === "tauxBce" ? "taux" : String(i.path[0])} : ${i.message}`).join(" ; "),
    );
  }
  const semestre = requiredOption(args, "semestre");
  const ctx = await command.context();
  const row = await unitOfWork(ctx, (uow) =>
    setEcbRate(uow, command.actor, {
      debutSemestre: semestre,
      tauxBcePointsDeBase: Math.round(parsed.data.tauxBce * 100),
      source: parsed.data.source,
      statut: parsed.data.statut,
    }),
  );
  const view = { ...row, tauxBce: basisPointsToPercent(row.tauxBcePointsDeBase) };
  command.out.stdout(
    command.out.json ? `${JSON.stringify(view, null, 2)}\n` : `Taux de la BCE du semestre ${row.debutSemestre} : ${view.tauxBce} %.\n`,
  );
  return 0;
}

const SAME_AS_API =
  "Mêmes entrées et mêmes sorties JSON que POST /api/regles/… (voir /api/docs) ; « - » lit le JSON sur l'entrée standard.\n" +
  "Entrée invalide : le problème au format de l'API sur la sortie standard, code 2.";

export const reglesCommands = defineCommands([
  analysis(
    "regles analyse",
    `Analyse d'un besoin : procédure, publicité, délais, obligations. ${SAME_AS_API}`,
    ReglesAnalyseInput,
    regles.analyse,
  ),
  analysis("regles delais", "Calendrier des dates légales (réception des offres, suspension, DECP…).", ReglesDelaisInput, regles.delais),
  analysis(
    "regles modification",
    "Contrôle d'une modification de marché (avenant) et avis de la CAO.",
    ReglesModificationInput,
    regles.modification,
  ),
  analysis("regles paiement", "Échéance, intérêts moratoires et indemnité forfaitaire.", ReglesPaiementInput, async (input, command) =>
    // With an explicit ECB rate the computation needs no database.
    regles.paiement(
      input,
      input.tauxBce !== undefined ? TAUX_BCE_PAR_DEFAUT : await ecbRateRepository((await command.context()).database.db).list(),
    ),
  ),
  analysis("regles avance", "Avance due et plafond de la retenue de garantie.", ReglesAvanceInput, regles.avance),
  {
    name: "regles taux-bce lister",
    usage: "[--json]",
    summary: "Table administrée des taux de la BCE (intérêts moratoires, CCP R2192-31).",
    async run({ out, context }) {
      const rows = await ecbRateRepository((await context()).database.db).list();
      const view = rows.map((r) => ({ ...r, tauxBce: basisPointsToPercent(r.tauxBcePointsDeBase) }));
      if (out.json) out.stdout(`${JSON.stringify(view, null, 2)}\n`);
      else {
        for (const r of view) {
          out.stdout(
            `${r.debutSemestre}  ${r.tauxBce.toFixed(2).replace(".", ",")} %  ${r.statut === "confirme" ? "confirmé  " : "à confirmer"}  ${r.source}\n`,
          );
        }
      }
      return 0;
    },
  },
  {
    name: "regles taux-bce definir",
    usage: '--semestre <AAAA-01-01|AAAA-07-01> --taux <2,15> --source <"…"> [--confirme]',
    summary: "Définit le taux de la BCE d'un semestre ; --confirme quand la source officielle a été vérifiée.",
    booleans: ["confirme"],
    run: (command) => setEcbRateCommand(command.args, command),
  },
]);
