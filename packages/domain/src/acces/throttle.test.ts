import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ACCOUNT_THROTTLE, recordFailure, retryDelayMs, type ThrottleState } from "./throttle";
import { isSessionAlive, newSessionTimes, shouldTouchSession } from "./session";

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 26, 9, 0) + minutes * 60_000);

describe("login throttling", () => {
  it("allows four failures, blocks at the fifth, for one minute", () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 4; i++) state = recordFailure(state, at(i), ACCOUNT_THROTTLE);
    assert.equal(retryDelayMs(state, at(4)), 0);
    state = recordFailure(state, at(4), ACCOUNT_THROTTLE);
    assert.equal(retryDelayMs(state, at(4)), 60_000);
    assert.equal(retryDelayMs(state, at(5)), 0);
  });

  it("doubles the block for each further failure, capped at 15 minutes, never permanent", () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 5; i++) state = recordFailure(state, at(0), ACCOUNT_THROTTLE);
    state = recordFailure(state, at(1), ACCOUNT_THROTTLE);
    assert.equal(retryDelayMs(state, at(1)), 120_000);
    for (let i = 0; i < 30; i++) state = recordFailure(state, at(2), ACCOUNT_THROTTLE);
    assert.equal(retryDelayMs(state, at(2)), 15 * 60_000);
  });

  it("starts a new window after 15 minutes", () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 4; i++) state = recordFailure(state, at(0), ACCOUNT_THROTTLE);
    state = recordFailure(state, at(16), ACCOUNT_THROTTLE);
    assert.equal(state.failures, 1);
    assert.equal(state.blockedUntil, null);
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
    assert.equal(shouldTouchSession(s, at(0.5)), false);
    assert.equal(shouldTouchSession(s, at(1)), true);
  });
});
