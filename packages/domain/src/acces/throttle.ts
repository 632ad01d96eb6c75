/**
 * Login throttling (OWASP ASVS 6.3.1, CNIL délibération 2022-100): attempts are counted per account, per
 * (account, address) pair and per address over a sliding window; past the limit the key is blocked for an
 * exponentially growing time, never permanently, so an attacker cannot lock a victim out for good. The
 * per-address limit is gentler, so that one office behind a proxy or a NAT is not locked out as a whole.
 */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  /** First block duration; doubled for each further failure while blocked, capped at `maxBlockMs`. */
  baseBlockMs: number;
  maxBlockMs: number;
}

/** One account from one address: 5 attempts, then 1 minute, doubling up to 15 minutes. */
export const PAIR_THROTTLE: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, baseBlockMs: 60_000, maxBlockMs: 15 * 60_000 };
/** One account from anywhere (distributed guessing): 10 attempts. */
export const ACCOUNT_THROTTLE: ThrottlePolicy = { maxFailures: 10, windowMs: 15 * 60_000, baseBlockMs: 60_000, maxBlockMs: 15 * 60_000 };
/** One address on any account: 100 attempts, then short blocks (5 minutes at most). */
export const ADDRESS_THROTTLE: ThrottlePolicy = { maxFailures: 100, windowMs: 15 * 60_000, baseBlockMs: 30_000, maxBlockMs: 5 * 60_000 };

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  blockedUntil: Date | null;
}

/** The keys of a login attempt with their policies, sorted by key (the order in which they are locked). */
export function throttleKeys(email: string, address: string): [string, ThrottlePolicy][] {
  const keys: [string, ThrottlePolicy][] = [
    [`compte:${email}`, ACCOUNT_THROTTLE],
    [`paire:${email}|${address}`, PAIR_THROTTLE],
    [`adresse:${address}`, ADDRESS_THROTTLE],
  ];
  return keys.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Milliseconds to wait before another attempt is allowed (0 when allowed). */
export function retryDelayMs(state: ThrottleState | null, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, state.blockedUntil.getTime() - now.getTime());
}

/** The state after one more failed attempt. */
export function recordFailure(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
  const windowExpired = !state || now.getTime() - state.windowStartedAt.getTime() > policy.windowMs;
  const failures = windowExpired ? 1 : state.failures + 1;
  const windowStartedAt = windowExpired ? now : state.windowStartedAt;
  if (failures < policy.maxFailures) return { failures, windowStartedAt, blockedUntil: null };
  const exponent = failures - policy.maxFailures;
  const blockMs = Math.min(policy.maxBlockMs, policy.baseBlockMs * 2 ** Math.min(exponent, 20));
  return { failures, windowStartedAt, blockedUntil: new Date(now.getTime() + blockMs) };
}

/** The state after an attempt counted in advance turned out to be a success: that attempt is taken back. */
export function forgiveAttempt(state: ThrottleState): ThrottleState {
  return { ...state, failures: Math.max(0, state.failures - 1) };
}
