/**
 * Where a command writes: standard output (results), standard error (messages, progress). The same
 * command writes to the terminal when it runs in the CLI process, or to the socket when the running server
 * runs it on the CLI's behalf (platform/cli/socket.ts).
 */
export interface Output {
  /** `--json`: machine-readable output on stdout, messages on stderr. */
  readonly json: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** A progress bar on stderr: `done` of `total` (bytes, rows…), with a label. */
  progress(done: number, total: number, label: string): void;
}

/** Prints a result: the JSON with --json, the French sentence otherwise. */
export function print(out: Output, human: string, data: unknown): void {
  out.stdout(out.json ? `${JSON.stringify(data, null, 2)}\n` : `${human}\n`);
}

/** A progress bar drawn on one terminal line, or a line every 10 % when stderr is not a terminal. */
export function renderProgress(write: (text: string) => void, isTty: boolean, columns = 80) {
  let lastTenth = -1;
  return (done: number, total: number, label: string) => {
    const fraction = total > 0 ? Math.min(1, done / total) : 0;
    const percent = Math.floor(fraction * 100);
    if (isTty) {
      const width = Math.max(10, Math.min(40, columns - label.length - 12));
      const filled = Math.round(fraction * width);
      write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(percent).padStart(3)} % ${label}${fraction >= 1 ? "\n" : ""}`);
    } else {
      const tenth = Math.floor(percent / 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        write(`${percent} % ${label}\n`);
      }
    }
  };
}

/** The terminal of the CLI process. */
export function processOutput(json: boolean): Output {
  const progress = renderProgress((t) => process.stderr.write(t), process.stderr.isTTY === true, process.stderr.columns);
  return {
    json,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    progress,
  };
}

/** Output kept in memory (tests, and the commands the server runs for the CLI). */
export function memoryOutput(json: boolean): Output & { out: string; err: string } {
  const o = {
    json,
    out: "",
    err: "",
    stdout(t: string) {
      o.out += t;
    },
    stderr(t: string) {
      o.err += t;
    },
    progress() {},
  };
  return o;
}
