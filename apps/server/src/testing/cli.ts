import assert from "node:assert/strict";
import type { AppContext } from "../context";
import { ALL_COMMANDS } from "../contexts";
import { cliActor, findCommand, runCommand } from "../platform/cli/commands";
import { memoryOutput } from "../platform/cli/output";
import type { ProcessRun } from "./process";

/**
 * Runs a command in this process as the CLI runs it (same parsing, exit codes and output; JSON when `--json` is
 * given): `context` is what the command may open, `cwd` where relative paths start.
 */
export async function cliEnProcessus(
  argv: string[],
  options: { context: () => Promise<AppContext>; cwd?: string; stdin?: string },
): Promise<ProcessRun> {
  const trouve = findCommand(ALL_COMMANDS, argv);
  assert.ok(trouve, `commande inconnue : ${argv.join(" ")}`);
  const out = memoryOutput(argv.includes("--json"));
  const code = await runCommand(trouve.command, {
    args: trouve.args,
    out,
    context: options.context,
    actor: cliActor("test"),
    stdin: async () => options.stdin ?? "",
    cwd: options.cwd ?? "/",
  });
  return { code, stdout: out.out, stderr: out.err };
}
