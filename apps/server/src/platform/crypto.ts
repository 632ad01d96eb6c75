import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import type { PasswordHasher, TokenGenerator } from "@achat-public/domain";

/** argon2id (algorithm 2 of @node-rs/argon2) with the OWASP minimum parameters (m = 19 MiB, t = 2, p = 1). */
const ARGON2ID = 2;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function argon2Hasher(): PasswordHasher {
  let dummyHash: Promise<string> | null = null;
  return {
    hash: (password) => hash(password, ARGON2_OPTIONS),
    async verify(stored, password) {
      try {
        return await verify(stored, password);
      } catch {
        return false; // a malformed stored hash never authenticates
      }
    },
    async dummyVerify(password) {
      dummyHash ??= hash(randomBytes(16).toString("hex"), ARGON2_OPTIONS);
      await verify(await dummyHash, password).catch(() => false);
    },
  };
}

/** 256-bit random tokens; only their SHA-256 is stored. */
export const randomTokens: TokenGenerator = {
  newToken: () => randomBytes(32).toString("base64url"),
  fingerprint: (token) => createHash("sha256").update(token).digest("hex"),
};
