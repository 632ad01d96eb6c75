import type { z } from "zod";
import { basisPointsToPercent, setEcbRate, TAUX_BCE_PAR_DEFAUT } from "@achat-public/domain/regles";
import { isDomainError, systemActor } from "@achat-public/domain";
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
import { userInfo } from "node:os";
import { problem, STATUS_BY_KIND } from "../http/problem";
import { unitOfWork } from "../context";
import { regles } from "../regles";
import { readStdin, requiredOption, UsageError, type ParsedArgs } from "./args";
import { withContext, type Output } from "./shared";

/** Prints a problem exactly as the API answers it (minus the request id) and returns exit code 2. */
function printProblem(status: number, code: string, detail: string, issues: ApiIssue[]): number {
  const { requestId: _none, ...body } = problem(status, code, detail, "", issues);
  process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  process.stderr.write(`Erreur : ${detail}\n`);
  return 2;
}

/** The JSON argument (or standard input with "-"), validated by the same schema as the API. */
async function parseInput<S extends z.ZodType>(args: ParsedArgs, schema: S): Promise<z.infer<S> | number> {
  const raw = args.positionals[0] === "-" || args.positionals.length === 0 ? await readStdin() : args.positionals[0]!;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return printProblem(
      400,
      "MALFORMED_JSON",
      "L'argument n'est pas du JSON valide : vérifiez les guillemets, les virgules et les accolades (et entourez-le d'apostrophes dans le shell).",
      [],
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((i) => toApiIssues({ ...i, keys: "keys" in i ? (i.keys as string[]) : [] }));
    return printProblem(400, "INVALID_INPUT", invalidInputDetail(issues), issues);
  }
  return parsed.data;
}

/** Runs a pure analysis: validated input in, the API's JSON out; domain refusals become problems. */
function analysis<S extends z.ZodType>(schema: S, compute: (input: z.infer<S>, args: ParsedArgs) => Promise<unknown> | unknown) {
  return async (args: ParsedArgs): Promise<number> => {
    const input = await parseInput(args, schema);
    if (typeof input === "number") return input;
    try {
      process.stdout.write(`${JSON.stringify(await compute(input, args), null, 2)}\n`);
      return 0;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return printProblem(STATUS_BY_KIND[error.kind], error.code, error.message, error.issues);
    }
  };
}

async function listEcbRates(out: Output): Promise<number> {
  return withContext(async (ctx) => {
    const rows = await ecbRateRepository(ctx.database.db).list();
    const view = rows.map((r) => ({ ...r, tauxBce: basisPointsToPercent(r.tauxBcePointsDeBase) }));
    if (out.json) process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
    else {
      for (const r of view) {
        process.stdout.write(
          `${r.debutSemestre}  ${r.tauxBce.toFixed(2).replace(".", ",")} %  ${r.statut === "confirme" ? "confirmé  " : "à confirmer"}  ${r.source}\n`,
        );
      }
    }
    return 0;
  });
}

async function setEcbRateCommand(args: ParsedArgs, out: Output): Promise<number> {
  const parsed = TauxBceInput.safeParse({
    tauxBce: Number(requiredOption(args, "taux").replace(",", ".")),
    source: requiredOption(args, "source"),
    statut: args.options.get("confirme") === true ? "confirme" : "a-confirmer",
  });
  if (!parsed.success)
    throw new UsageError(
      parsed.error.issues.map((i) => `--${i.path[0] === "tauxBce" ? "taux" : String(i.path[0])} : ${i.message}`).join(" ; "),
    );
  const semestre = requiredOption(args, "semestre");
  return withContext(async (ctx) => {
    const row = await unitOfWork(ctx, (repos) =>
      setEcbRate(repos, systemActor(`ligne de commande (${userInfo().username})`), {
        debutSemestre: semestre,
        tauxBcePointsDeBase: Math.round(parsed.data.tauxBce * 100),
        source: parsed.data.source,
        statut: parsed.data.statut,
      }),
    );
    const view = { ...row, tauxBce: basisPointsToPercent(row.tauxBcePointsDeBase) };
    process.stdout.write(
      out.json ? `${JSON.stringify(view, null, 2)}\n` : `Taux de la BCE du semestre ${row.debutSemestre} : ${view.tauxBce} %.\n`,
    );
    return 0;
  });
}

export const REGLES_COMMANDS = {
  "regles analyse": analysis(ReglesAnalyseInput, regles.analyse),
  "regles delais": analysis(ReglesDelaisInput, regles.delais),
  "regles modification": analysis(ReglesModificationInput, regles.modification),
  "regles avance": analysis(ReglesAvanceInput, regles.avance),
  "regles paiement": analysis(ReglesPaiementInput, async (input) =>
    // With an explicit ECB rate the computation needs no database (it works while the server runs).
    regles.paiement(
      input,
      input.tauxBce !== undefined ? TAUX_BCE_PAR_DEFAUT : await withContext((ctx) => ecbRateRepository(ctx.database.db).list()),
    ),
  ),
  "regles taux-bce": async (args: ParsedArgs, out: Output) => {
    const [verb, ...rest] = args.positionals;
    if (verb === "lister") return listEcbRates(out);
    if (verb === "definir") return setEcbRateCommand({ ...args, positionals: rest }, out);
    throw new UsageError(
      'Sous-commande attendue : regles taux-bce lister | definir --semestre AAAA-01-01 --taux 2,15 --source "…" [--confirme].',
    );
  },
} satisfies Record<string, (args: ParsedArgs, out: Output) => Promise<number>>;
