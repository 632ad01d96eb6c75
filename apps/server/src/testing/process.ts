import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

export interface ProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command from the repository root with only the given environment (plus PATH and HOME). */
export function runProcess(command: string, args: string[], env: Record<string, string>, stdin = ""): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** The CLI as `npm run cli` runs it (the server bundle, built by `npm test` beforehand), in its own process. */
export const runCli = (args: string[], env: Record<string, string>, stdin?: string): Promise<ProcessRun> =>
  runProcess(process.execPath, ["--enable-source-maps", `${REPO_ROOT}apps/server/dist/cli.js`, ...args], env, stdin);
