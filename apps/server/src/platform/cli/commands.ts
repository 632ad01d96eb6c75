import { userInfo } from "node:os";
import { isDomainError, systemActor, type DomainError, type SystemActor } from "@achat-public/domain";
import type { AppContext } from "../../context";
import { apiIssues, domainDetail, EXIT_CODE_BY_KIND, problem, STATUS_BY_KIND } from "../problem";
import { parseArgs, UsageError, type ParsedArgs } from "./args";
import type { Output } from "./output";

/** What a command receives. */
export interface CommandInput {
  args: ParsedArgs;
  out: Output;
  /**
   * The application (database included), opened on first call: a pure computation that never calls it opens
   * no database. Inside the running server (CLI beside it), the server's own context.
   */
  context(): Promise<AppContext>;
  /** The actor of the audit trail: « ligne de commande (utilisateur système) ». */
  actor: SystemActor;
  /** Standard input of the CLI (JSON documents, passwords), read once. */
  stdin(): Promise<string>;
  /** The working directory of the CLI (relative file paths are resolved against it, also inside the server). */
  cwd: string;
}

export interface CommandSpec {
  /** Words of the command, e.g. "utilisateur creer". */
  name: string;
  /** Arguments, as shown in the help: `--email <adresse> [--json]`. */
  usage: string;
  /** French help, one or a few lines. */
  summary: string;
  /** Flags that take no value. `json` and `aide` are always known. */
  booleans?: readonly string[];
  run(input: CommandInput): Promise<number>;
}

/** A context's commands, registered in the table of apps/server/src/contexts.ts. */
export function defineCommands(commands: CommandSpec[]): CommandSpec[] {
  return commands;
}

/** The actor of the audit trail for the CLI, named after the operating-system account that ran it. */
export function cliActor(osUser: string = userInfo().username): SystemActor {
  return systemActor(`ligne de commande (${osUser})`);
}

/** Finds the command named by the first positionals (longest match) and the remaining arguments. */
export function findCommand(commands: readonly CommandSpec[], argv: readonly string[]): { command: CommandSpec; args: ParsedArgs } | null {
  const words = argv.filter((a) => !a.startsWith("--"));
  const candidates = commands
    .filter((c) => {
      const name = c.name.split(" ");
      return name.every((w, i) => words[i] === w);
    })
    .sort((a, b) => b.name.length - a.name.length);
  const command = candidates[0];
  if (!command) return null;
  const nameLength = command.name.split(" ").length;
  const booleans = new Set(["json", "aide", "help", ...(command.booleans ?? [])]);
  const parsed = parseArgs([...argv], booleans);
  return { command, args: { ...parsed, positionals: parsed.positionals.slice(nameLength) } };
}

/** Prints a domain refusal as the API answers it (on stdout with --json) and returns its exit code. */
export function reportDomainError(out: Output, error: DomainError): number {
  const issues = apiIssues(error.issues);
  const detail = domainDetail(error.message, issues);
  if (out.json) {
    const { requestId: _none, ...body } = problem(STATUS_BY_KIND[error.kind], error.code, detail, "", issues);
    out.stdout(`${JSON.stringify(body, null, 2)}\n`);
  }
  out.stderr(`Erreur : ${detail}\n`);
  if (detail !== error.message || issues.length > 1) {
    for (const issue of issues) out.stderr(`  - ${issue.path.join(".") || "(racine)"} : ${issue.message}\n`);
  }
  return EXIT_CODE_BY_KIND[error.kind];
}

/** Runs a command and turns its failures into messages and exit codes (0 success, 1 failure, 2 bad input). */
export async function runCommand(spec: CommandSpec, input: CommandInput): Promise<number> {
  try {
    return await spec.run(input);
  } catch (error) {
    if (error instanceof UsageError) {
      if (input.out.json) input.out.stdout(`${JSON.stringify({ code: "USAGE", detail: error.message, issues: [] }, null, 2)}\n`);
      input.out.stderr(`Erreur : ${error.message}\n`);
      return 2;
    }
    if (isDomainError(error)) return reportDomainError(input.out, error);
    throw error;
  }
}

/** The help, generated from the command table. */
export function helpText(commands: readonly CommandSpec[]): string {
  const lines = ["achat-public — administration en ligne de commande", "", "Usage : npm run cli -- <commande> [options]", ""];
  for (const c of commands) {
    lines.push(`  ${c.name} ${c.usage}`.trimEnd());
    for (const line of c.summary.split("\n")) lines.push(`      ${line}`);
  }
  lines.push(
    "  aide",
    "      Affiche cette aide.",
    "",
    "Options communes : --json (sortie JSON sur la sortie standard, messages sur la sortie d'erreur).",
    "Codes de sortie : 0 succès, 1 échec, 2 entrée invalide.",
    "La configuration vient des mêmes variables d'environnement que le serveur (DATA_DIR, DATABASE_URL…).",
    "En mode embarqué, si le serveur tourne sur le même DATA_DIR, c'est lui qui exécute la commande (par un",
    "canal local réservé à l'utilisateur système qui l'a démarré) ; sinon la commande ouvre la base elle-même.",
  );
  return lines.join("\n");
}
