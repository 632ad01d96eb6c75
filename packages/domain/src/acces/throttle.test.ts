import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isSessionAlive, newSessionTimes, shouldTouchSession } from "./session";
import {
  ACCOUNT_THROTTLE,
  ADDRESS_THROTTLE,
  PAIR_THROTTLE,
  recordFailure,
  retryDelayMs,
  throttleKeys,
  type ThrottleState,
} from "./throttle";

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 26, 9, 0) + minutes * 60_000);

describe("login throttling", () => {
  it("allows four failures of one account from one address, blocks at the fifth, for one minute", () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 4; i++) state = recordFailure(state, at(i), PAIR_THROTTLE);
    assert.equal(retryDelayMs(state, at(4)), 0);
    state = recordFailure(state, at(4), PAIR_THROTTLE);
    assert.equal(retryDelayMs(state, at(4)), 60_000);
    assert.equal(retryDelayMs(state, at(5)), 0);
  });

  it("doubles the block for each further failure, capped at 15 minutes, never permanent", () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 5; i++) state = recordFailure(state, at(0), PAIR_THROTTLE);
    state = recordFailure(state, at(1), PAIR_THROTTLE);
    assert.equal(retryDelayMs(state, at(1)), 120_000);
    for (let i = 0; i < 30; i++) state = recordFailure(state, at(2), PAIR_THROTTLE);
    assert.equal(retryDelayMs(state, at(2)), 15 * 60_000);
  });

  it("starts a new window after 15 minutes", () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 4; i++) state = recordFailure(state, at(0), PAIR_THROTTLE);
    state = recordFailure(state, at(16), PAIR_THROTTLE);
    assert.equal(state.failures, 1);
    assert.equal(state.blockedUntil, null);
  });

  it("is gentler per address than per account: 30 failures from one office do not block it", () => {
    let address: ThrottleState | null = null;
    for (let i = 0; i < 30; i++) address = recordFailure(address, at(0), ADDRESS_THROTTLE);
    assert.equal(retryDelayMs(address, at(0)), 0);
    assert.ok(ADDRESS_THROTTLE.maxFailures > ACCOUNT_THROTTLE.maxFailures);
    assert.ok(ADDRESS_THROTTLE.maxBlockMs <= 5 * 60_000);
  });

  it("locks its keys in a stable order (no deadlock between concurrent logins)", () => {
    assert.deepEqual(
      throttleKeys("a@b.fr", "10.0.0.1").map(([k]) => k),
      ["adresse:10.0.0.1", "compte:a@b.fr", "paire:a@b.fr|10.0.0.1"],
    );
  });
});

describe("session lifetime", () => {
  const policy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

  it("ends after 30 idle minutes", () => {
    const s = newSessionTimes(at(0), policy);
    assert.equal(isSessionAlive(s, at(29), policy), true);
    assert.equal(isSessionAlive(s, at(30), policy), false);
  });

  it("ends after 12 hours even when active", () => {
    const s = { ...newSessionTimes(at(0), policy), lastSeenAt: at(12 * 60 - 1) };
    assert.equal(isSessionAlive(s, at(12 * 60 - 0.5), policy), true);
    assert.equal(isSessionAlive(s, at(12 * 60), policy), false);
  });

  it("writes last_seen_at at most once a minute", () => {
    const s = newSessionTimes(at(0), policy);
    assert.equal(shouldTouchSession(s, at(0.5), policy), false);
    assert.equal(shouldTouchSession(s, at(1), policy), true);
  });

  it("keeps an active user logged in with a 1-minute idle limit (touched every 6 seconds)", () => {
    const short = { idleMs: 60_000, absoluteMs: 3_600_000 };
    let s = newSessionTimes(at(0), short);
    // a request every 20 seconds for 5 minutes
    for (let t = 20; t <= 300; t += 20) {
      const now = new Date(at(0).getTime() + t * 1000);
      assert.equal(isSessionAlive(s, now, short), true, `alive at ${t}s`);
      if (shouldTouchSession(s, now, short)) s = { ...s, lastSeenAt: now };
    }
  });
});
