/**
 * Login throttling (OWASP ASVS 6.3.1, CNIL délibération 2022-100): failures are counted per account and per
 * client address over a sliding window; past the limit the key is blocked for an exponentially growing time,
 * never permanently, so an attacker cannot lock a victim out for good.
 */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  /** First block duration; doubled for each further failure while blocked, capped at `maxBlockMs`. */
  baseBlockMs: number;
  maxBlockMs: number;
}

export const ACCOUNT_THROTTLE: ThrottlePolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  baseBlockMs: 60_000,
  maxBlockMs: 15 * 60_000,
};

export const ADDRESS_THROTTLE: ThrottlePolicy = {
  maxFailures: 30,
  windowMs: 15 * 60_000,
  baseBlockMs: 60_000,
  maxBlockMs: 15 * 60_000,
};

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  blockedUntil: Date | null;
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
