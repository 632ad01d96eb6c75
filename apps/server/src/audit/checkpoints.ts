/**
 * Checkpoints of the audit chain (OWASP ASVS V16, level 3): regularly, the head of the hash chain (sequence
 * number and hash) is signed with an Ed25519 key kept outside the database, appended to a file outside the
 * database (AUDIT_CHECKPOINT_DIR) and written to the server log. Whoever owns the audit table can rewrite
 * rows and recompute every later hash, or delete the tail: the chain alone would still look intact, but the
 * hash at the last checkpoint's sequence number would no longer be the signed one, or that event would be
 * missing. Only events appended after the last checkpoint are unprotected (the interval is configurable).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { appendFileSync, chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { auditChainHead, auditHashAt, verifyAuditChain, type ChainReport } from "@achat-public/db";
import type { AppContext } from "../context";

export interface Checkpoint {
  seq: number;
  hash: string;
  /** ISO 8601 instant of the checkpoint. */
  at: string;
  /** Base64 Ed25519 signature of `achat-public/audit|seq|hash|at`. */
  signature: string;
}

const FILE = "points-d-ancrage.jsonl";

const material = (c: Omit<Checkpoint, "signature">) => Buffer.from(`achat-public/audit|${c.seq}|${c.hash}|${c.at}`, "utf8");

/** The signing key: read from AUDIT_KEY_FILE, created there (readable by its owner only) on first use. */
export function signingKey(keyFile: string): { privateKey: KeyObject; publicKey: KeyObject } {
  if (!existsSync(keyFile)) {
    mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync("ed25519");
    writeFileSync(keyFile, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600, flag: "wx" });
  }
  const privateKey = createPrivateKey(readFileSync(keyFile));
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** Signs the current head of the chain and appends it to the checkpoint file (fsync'd). */
export async function writeCheckpoint(ctx: AppContext): Promise<Checkpoint> {
  const head = await auditChainHead(ctx.database.db);
  const { privateKey } = signingKey(ctx.config.audit.keyFile);
  const unsigned = { seq: head.seq, hash: head.hash, at: ctx.clock.now().toISOString() };
  const checkpoint: Checkpoint = { ...unsigned, signature: sign(null, material(unsigned), privateKey).toString("base64") };
  mkdirSync(ctx.config.audit.checkpointDir, { recursive: true, mode: 0o700 });
  const path = join(ctx.config.audit.checkpointDir, FILE);
  appendFileSync(path, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(path, 0o600);
  ctx.log.info(
    { auditCheckpoint: checkpoint },
    `point d'ancrage du journal d'audit : maillon n° ${checkpoint.seq}, empreinte ${checkpoint.hash}`,
  );
  return checkpoint;
}

/** The last checkpoint of the file, with whether its signature is valid; null when there is none. */
export function lastCheckpoint(ctx: AppContext): { checkpoint: Checkpoint; signatureValid: boolean } | null {
  const path = join(ctx.config.audit.checkpointDir, FILE);
  if (!existsSync(path)) return null;
  const lines = readFileSync(path, "utf8").split("\n").filter(Boolean);
  const last = lines.at(-1);
  if (!last) return null;
  let checkpoint: Checkpoint;
  try {
    checkpoint = JSON.parse(last) as Checkpoint;
  } catch {
    return { checkpoint: { seq: -1, hash: "", at: "", signature: "" }, signatureValid: false };
  }
  if (!existsSync(ctx.config.audit.keyFile)) return { checkpoint, signatureValid: false };
  const { publicKey } = signingKey(ctx.config.audit.keyFile);
  const signatureValid =
    typeof checkpoint.signature === "string" && verify(null, material(checkpoint), publicKey, Buffer.from(checkpoint.signature, "base64"));
  return { checkpoint, signatureValid };
}

export interface AuditVerification {
  chain: ChainReport;
  checkpoint: { seq: number; at: string; verified: boolean } | null;
  /** The first problem found: a broken link, a bad checkpoint signature, a truncated tail or a rewritten history. */
  problem: { seq: number; id: string; reason: string; expected: string; found: string } | null;
}

/** Verifies the chain from its first event, then against the last signed checkpoint. */
export async function verifyAudit(ctx: AppContext): Promise<AuditVerification> {
  const chain = await verifyAuditChain(ctx.database.db);
  if (chain.firstBreak) return { chain, checkpoint: null, problem: chain.firstBreak };
  const last = lastCheckpoint(ctx);
  if (!last) return { chain, checkpoint: null, problem: null };
  const { checkpoint, signatureValid } = last;
  const summary = { seq: checkpoint.seq, at: checkpoint.at };
  if (!signatureValid) {
    return {
      chain,
      checkpoint: { ...summary, verified: false },
      problem: {
        seq: checkpoint.seq,
        id: "",
        reason: "checkpoint-signature",
        expected: "signature valide",
        found: "signature invalide ou clé absente",
      },
    };
  }
  if (checkpoint.seq > chain.lastSeq) {
    return {
      chain,
      checkpoint: { ...summary, verified: false },
      problem: {
        seq: checkpoint.seq,
        id: "",
        reason: "tail-truncated",
        expected: `au moins ${checkpoint.seq} maillons`,
        found: `${chain.lastSeq} maillons`,
      },
    };
  }
  const stored = checkpoint.seq === 0 ? checkpoint.hash : await auditHashAt(ctx.database.db, checkpoint.seq);
  if (stored !== checkpoint.hash) {
    return {
      chain,
      checkpoint: { ...summary, verified: false },
      problem: {
        seq: checkpoint.seq,
        id: "",
        reason: "checkpoint-mismatch",
        expected: checkpoint.hash,
        found: stored ?? "(maillon absent)",
      },
    };
  }
  return { chain, checkpoint: { ...summary, verified: true }, problem: null };
}

/** The schedule of checkpoints: every `minutes` (a divisor of 60, or whole hours). */
export function checkpointCron(minutes: number): string {
  if (minutes < 60) return `*/${Math.max(1, minutes)} * * * *`;
  return `0 */${Math.max(1, Math.floor(minutes / 60))} * * *`;
}
