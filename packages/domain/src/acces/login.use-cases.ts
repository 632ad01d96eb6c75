import { DomainError } from "../errors";
import type { AuditLog, Clock, PasswordHasher, SessionRepository, ThrottleRepository, TokenGenerator, UserRepository } from "../ports";
import { normaliseEmail, type User } from "../organisation/organisation";
import type { UserActor } from "./roles";
import { isSessionAlive, newSessionTimes, shouldTouchSession, type SessionPolicy } from "./session";
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, recordFailure, retryDelayMs, type ThrottlePolicy } from "./throttle";

/** Demo accounts exist only in demo mode; elsewhere they are refused like any wrong password. */
export const DEMO_EMAIL_DOMAIN = "@demo.achat-public.fr";

export interface LoginRepositories {
  users: UserRepository;
  sessions: SessionRepository;
  throttles: ThrottleRepository;
  audit: AuditLog;
}

export interface LoginDeps {
  /** Runs `fn` in one transaction. Login uses two short ones so that no lock is held while hashing. */
  transaction<T>(fn: (repos: LoginRepositories) => Promise<T>): Promise<T>;
  hasher: PasswordHasher;
  tokens: TokenGenerator;
  clock: Clock;
  sessionPolicy: SessionPolicy;
  demoMode: boolean;
}

export interface LoginInput {
  email: string;
  password: string;
  clientAddress: string;
}

export interface OpenedSession {
  user: User;
  token: string;
  csrfToken: string;
}

const INVALID_CREDENTIALS_MESSAGE = "Adresse électronique ou mot de passe incorrect.";

export function actorOf(user: User): UserActor {
  return {
    kind: "user",
    userId: user.id,
    organisationId: user.organisationId,
    role: user.role,
    directionId: user.directionId,
    label: user.email,
  };
}

const throttleKeys = (email: string, address: string) =>
  [
    [`compte:${email}`, ACCOUNT_THROTTLE],
    [`adresse:${address}`, ADDRESS_THROTTLE],
  ] as const satisfies readonly (readonly [string, ThrottlePolicy])[];

/**
 * Local login with throttling per account and per address. Unknown account, wrong password, inactive
 * account and demo account outside demo mode all get the same answer and take the same time.
 */
export async function login(deps: LoginDeps, input: LoginInput): Promise<OpenedSession> {
  const email = normaliseEmail(input.email);
  const keys = throttleKeys(email, input.clientAddress);
  const now = deps.clock.now();

  const candidate = await deps.transaction(async ({ throttles, users }) => {
    const states = await throttles.getForUpdate(keys.map(([k]) => k));
    const waitMs = Math.max(...keys.map(([k]) => retryDelayMs(states.get(k) ?? null, now)));
    if (waitMs > 0) {
      const retryAfterSeconds = Math.ceil(waitMs / 1000);
      throw new DomainError(
        "TOO_MANY_ATTEMPTS",
        `Trop de tentatives de connexion : réessayez dans ${formatWait(retryAfterSeconds)}.`,
        "rate-limited",
        [],
        { retryAfterSeconds },
      );
    }
    return users.findForLogin(email);
  });

  let valid = false;
  if (candidate?.passwordHash) valid = await deps.hasher.verify(candidate.passwordHash, input.password);
  else await deps.hasher.dummyVerify(input.password);
  const user = candidate?.user;
  if (user && (!user.active || (!deps.demoMode && user.email.endsWith(DEMO_EMAIL_DOMAIN)))) valid = false;

  const opened = await deps.transaction(async ({ throttles, sessions, users, audit }) => {
    const states = await throttles.getForUpdate(keys.map(([k]) => k));
    if (!valid || !user) {
      for (const [key, policy] of keys) await throttles.put(key, recordFailure(states.get(key) ?? null, now, policy));
      return null; // the failure counters must be committed, so the refusal is thrown after the transaction
    }
    await throttles.clear(keys[0][0]);
    return openSession({ sessions, users, audit, tokens: deps.tokens, sessionPolicy: deps.sessionPolicy }, user, now, {
      clientAddress: input.clientAddress,
      method: "mot-de-passe",
    });
  });
  if (!opened) throw new DomainError("INVALID_CREDENTIALS", INVALID_CREDENTIALS_MESSAGE, "unauthenticated");
  return opened;
}

/**
 * Opens a session for an authenticated account, whatever proved who it is: the local password above, or
 * an identity provider (ProConnect / OpenID Connect) whose adapter finds the account and calls this.
 */
export async function openSession(
  deps: Pick<LoginRepositories, "sessions" | "users" | "audit"> & { tokens: TokenGenerator; sessionPolicy: SessionPolicy },
  user: User,
  now: Date,
  context: { clientAddress: string; method: string },
): Promise<OpenedSession> {
  const token = deps.tokens.newToken();
  const csrfToken = deps.tokens.newToken();
  await deps.sessions.insert({
    tokenHash: deps.tokens.fingerprint(token),
    userId: user.id,
    csrfToken,
    ...newSessionTimes(now, deps.sessionPolicy),
  });
  await deps.users.recordLogin(user.id, now);
  await deps.audit.append(actorOf(user), {
    type: "user.logged-in",
    aggregateType: "user",
    aggregateId: user.id,
    payload: { clientAddress: context.clientAddress, method: context.method },
  });
  return { user: { ...user, lastLoginAt: now }, token, csrfToken };
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} seconde${seconds > 1 ? "s" : ""}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes > 1 ? "s" : ""}`;
}

export interface CurrentSession {
  user: User;
  actor: UserActor;
  csrfToken: string;
  tokenHash: string;
}

/** Resolves a session cookie: null when unknown, expired (then deleted) or the account is inactive. */
export async function resolveSession(
  deps: { sessions: SessionRepository; tokens: TokenGenerator; clock: Clock; sessionPolicy: SessionPolicy },
  token: string,
): Promise<CurrentSession | null> {
  const tokenHash = deps.tokens.fingerprint(token);
  const found = await deps.sessions.findWithUser(tokenHash);
  if (!found) return null;
  const now = deps.clock.now();
  if (!found.user.active || !isSessionAlive(found.session, now, deps.sessionPolicy)) {
    await deps.sessions.delete(tokenHash);
    return null;
  }
  if (shouldTouchSession(found.session, now)) await deps.sessions.touch(tokenHash, now);
  return { user: found.user, actor: actorOf(found.user), csrfToken: found.session.csrfToken, tokenHash };
}

export async function logout(deps: { sessions: SessionRepository; audit: AuditLog }, current: CurrentSession): Promise<void> {
  await deps.sessions.delete(current.tokenHash);
  await deps.audit.append(current.actor, {
    type: "user.logged-out",
    aggregateType: "user",
    aggregateId: current.user.id,
    payload: {},
  });
}
