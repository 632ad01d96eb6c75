/**
 * The CLI beside a running embedded server. PGlite is one PostgreSQL inside one process: a second process must
 * never open the same data directory. While `npm start` runs, the server listens on a local socket (a Unix
 * socket in DATA_DIR, readable and writable by its operating-system account only, like the data itself); the
 * CLI sends its arguments there and the server runs the command in its own process, on the same database
 * instance and the same transactions as the web requests — so two writers can never corrupt the data. The
 * command's output, progress and exit code come back over the socket.
 *
 * Protocol: one JSON object per line. CLI → server: `{ argv, osUser, isTty, columns }`, later
 * `{ stdin }` when asked. Server → CLI: `{ stdout }`, `{ stderr }`, `{ progress: [done, total, label] }`,
 * `{ needStdin: true }`, and last `{ exit: code }`.
 */
import { createHash } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { AppContext } from "../../context";
import { cliActor, findCommand, runCommand, type CommandSpec } from "./commands";
import { readStdin } from "./args";
import { renderProgress, type Output } from "./output";

/** Where the server of `dataDir` listens (a short path: Unix sockets are limited to about 100 bytes). */
export function cliSocketPath(dataDir: string): string {
  const inDataDir = join(dataDir, "achat-public.sock");
  if (Buffer.byteLength(inDataDir) < 100) return inDataDir;
  return join(tmpdir(), `achat-public-${createHash("sha256").update(dataDir).digest("hex").slice(0, 16)}.sock`);
}

interface Request {
  argv: string[];
  cwd: string;
  osUser: string;
  isTty: boolean;
  columns: number;
}

function send(socket: Socket, message: unknown): void {
  if (!socket.destroyed) socket.write(`${JSON.stringify(message)}\n`);
}

/** Starts the server side; returns a function that closes it (and removes the socket file). */
export async function listenForCli(
  ctx: AppContext,
  commands: readonly CommandSpec[],
  path: string,
  log: (error: unknown) => void,
): Promise<() => Promise<void>> {
  rmSync(path, { force: true }); // left by a server that was killed: the pid lock proved it dead
  const server: Server = createServer((socket) => {
    const lines = createInterface({ input: socket });
    let stdinWaiter: ((text: string) => void) | null = null;
    let started = false;
    lines.on("line", (line) => {
      let message: Partial<Request> & { stdin?: string };
      try {
        message = JSON.parse(line);
      } catch {
        socket.destroy();
        return;
      }
      if (typeof message.stdin === "string" && stdinWaiter) {
        stdinWaiter(message.stdin);
        stdinWaiter = null;
        return;
      }
      if (started || !Array.isArray(message.argv) || !message.argv.every((a) => typeof a === "string")) {
        socket.destroy();
        return;
      }
      started = true;
      const request = message as Request;
      const progress = renderProgress((t) => send(socket, { stderr: t }), request.isTty === true, Number(request.columns) || 80);
      const found = findCommand(commands, request.argv);
      const json = request.argv.includes("--json");
      const out: Output = {
        json,
        stdout: (text) => send(socket, { stdout: text }),
        stderr: (text) => send(socket, { stderr: text }),
        progress,
      };
      let stdinText: Promise<string> | null = null;
      const stdin = () =>
        (stdinText ??= new Promise<string>((resolve) => {
          stdinWaiter = resolve;
          send(socket, { needStdin: true });
        }));
      const run = async (): Promise<number> => {
        if (!found) {
          out.stderr("Erreur : commande inconnue.\n");
          return 2;
        }
        const osUser = typeof request.osUser === "string" ? request.osUser.slice(0, 64) : "inconnu";
        const cwd = typeof request.cwd === "string" ? request.cwd : "/";
        return runCommand(found.command, { args: found.args, out, context: async () => ctx, actor: cliActor(osUser), stdin, cwd });
      };
      run()
        .catch((error: unknown) => {
          log(error);
          out.stderr("Erreur inattendue pendant la commande : voir le journal du serveur.\n");
          return 1;
        })
        .then((code) => {
          send(socket, { exit: code });
          socket.end();
        });
    });
    socket.on("error", () => {});
  });
  const previousUmask = process.umask(0o177); // the socket file is created rw------- (owner only)
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(path, () => resolve());
    });
  } finally {
    process.umask(previousUmask);
  }
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => {
        rmSync(path, { force: true });
        resolve();
      });
    });
}

/** Whether a server listens on `path` (the socket exists and accepts a connection). */
export function serverListens(path: string): Promise<boolean> {
  if (!existsSync(path)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const socket = createConnection(path);
    socket.once("connect", () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Client side: sends the arguments to the running server and relays its output; resolves with the exit code. */
export function delegateToServer(path: string, argv: string[], osUser: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    let exitCode: number | null = null;
    socket.once("connect", () => {
      send(socket, {
        argv,
        cwd: process.cwd(),
        osUser,
        isTty: process.stderr.isTTY === true,
        columns: process.stderr.columns ?? 80,
      } satisfies Request);
    });
    const lines = createInterface({ input: socket });
    lines.on("line", (line) => {
      const message = JSON.parse(line) as { stdout?: string; stderr?: string; needStdin?: boolean; exit?: number };
      if (message.stdout !== undefined) process.stdout.write(message.stdout);
      if (message.stderr !== undefined) process.stderr.write(message.stderr);
      if (message.needStdin) void readStdin().then((text) => send(socket, { stdin: text }));
      if (message.exit !== undefined) exitCode = message.exit;
    });
    socket.once("error", reject);
    socket.once("close", () => {
      if (exitCode === null) {
        process.stderr.write("Erreur : le serveur a fermé la connexion avant la fin de la commande.\n");
        resolve(1);
      } else resolve(exitCode);
    });
  });
}
