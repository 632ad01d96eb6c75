import { DomainError } from "../commun/errors";
import type { AuditLog, Clock, PasswordHasher, TokenGenerator } from "../commun/ports";
import { normaliseEmail, type Utilisateur } from "../organisation/organisation";
import type { UtilisateurRepository } from "../organisation/ports";
import type { SecurityEventLog, SessionRepository, ThrottleRepository } from "./ports";
import { actorOf, newSessionTimes, type SessionPolicy } from "./session";
import { forgiveAttempt, recordFailure, retryDelayMs, throttleKeys } from "./throttle";

/** Demo accounts exist only in demo mode; elsewhere they are refused like any wrong password. */
export const DEMO_EMAIL_DOMAIN = "@demo.achat-public.fr";

export interface LoginRepositories {
  utilisateurs: UtilisateurRepository;
  sessions: SessionRepository;
  throttles: ThrottleRepository;
  securityEvents: SecurityEventLog;
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
  motDePasse: string;
  clientAddress: string;
  /** `POST /api/auth/connexion`, recorded with security events. */
  route: string;
}

export interface OpenedSession {
  utilisateur: Utilisateur;
  token: string;
  csrfToken: string;
}

const INVALID_CREDENTIALS_MESSAGE = "Adresse électronique ou mot de passe incorrect.";

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} seconde${seconds > 1 ? "s" : ""}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes > 1 ? "s" : ""}`;
}

/**
 * Local login with throttling per account, per (account, address) and per address. Counting and checking are
 * one atomic step: each attempt is counted as a failure, under row locks taken in key order, BEFORE the
 * password is verified (and taken back if it was right) — so that however many guesses arrive at once, no
 * more than the limit are ever verified. Unknown account, wrong password, inactive account and demo account
 * outside demo mode all get the same answer and take the same time.
 */
export async function login(deps: LoginDeps, input: LoginInput): Promise<OpenedSession> {
  const email = normaliseEmail(input.email);
  const keys = throttleKeys(email, input.clientAddress);
  const now = deps.clock.now();
  const reserved = await deps.transaction(async ({ throttles, utilisateurs, securityEvents }) => {
    const states = await throttles.lock(keys.map(([key]) => key));
    const candidate = await utilisateurs.findForLogin(email);
    const waitMs = Math.max(...keys.map(([key]) => retryDelayMs(states.get(key) ?? null, now)));
    if (waitMs > 0) {
      await securityEvents.record({
        type: "login.blocked",
        organisationId: candidate?.utilisateur.organisationId ?? null,
        actorId: candidate?.utilisateur.id ?? null,
        actorLabel: email,
        clientAddress: input.clientAddress,
        route: input.route,
        details: { retryAfterSeconds: Math.ceil(waitMs / 1000) },
      });
      return { blockedMs: waitMs, candidate: null };
    }
    for (const [key, policy] of keys) await throttles.put(key, recordFailure(states.get(key) ?? null, now, policy));
    return { blockedMs: 0, candidate };
  });
  if (reserved.blockedMs > 0) {
    const retryAfterSeconds = Math.ceil(reserved.blockedMs / 1000);
    throw new DomainError(
      "TOO_MANY_ATTEMPTS",
      `Trop de tentatives de connexion : réessayez dans ${formatWait(retryAfterSeconds)}.`,
      "rate-limited",
      [],
      { retryAfterSeconds },
    );
  }

  const candidate = reserved.candidate;
  let valid = false;
  if (candidate?.passwordHash) valid = await deps.hasher.verify(candidate.passwordHash, input.motDePasse);
  else await deps.hasher.dummyVerify(input.motDePasse);
  const utilisateur = candidate?.utilisateur;
  if (utilisateur && (!utilisateur.actif || (!deps.demoMode && utilisateur.email.endsWith(DEMO_EMAIL_DOMAIN)))) valid = false;

  const opened = await deps.transaction(async ({ throttles, sessions, utilisateurs, audit, securityEvents }) => {
    if (!valid || !utilisateur) {
      await securityEvents.record({
        type: "login.failed",
        organisationId: utilisateur?.organisationId ?? null,
        actorId: utilisateur?.id ?? null,
        actorLabel: email,
        clientAddress: input.clientAddress,
        route: input.route,
        details: { compteConnu: utilisateur !== undefined },
      });
      return null;
    }
    const states = await throttles.lock(keys.map(([key]) => key));
    for (const [key] of keys) {
      const state = states.get(key);
      if (key.startsWith("adresse:")) {
        if (state) await throttles.put(key, forgiveAttempt(state));
      } else await throttles.clear(key);
    }
    return openSession({ sessions, utilisateurs, audit, tokens: deps.tokens, sessionPolicy: deps.sessionPolicy }, utilisateur, now, {
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
  deps: Pick<LoginRepositories, "sessions" | "utilisateurs" | "audit"> & { tokens: TokenGenerator; sessionPolicy: SessionPolicy },
  utilisateur: Utilisateur,
  now: Date,
  context: { clientAddress: string; method: string },
): Promise<OpenedSession> {
  const token = deps.tokens.newToken();
  const csrfToken = deps.tokens.newToken();
  await deps.sessions.insert({
    tokenHash: deps.tokens.fingerprint(token),
    userId: utilisateur.id,
    csrfToken,
    ...newSessionTimes(now, deps.sessionPolicy),
  });
  await deps.utilisateurs.recordLogin(utilisateur.id, now);
  await deps.audit.append(actorOf(utilisateur), {
    type: "user.logged-in",
    aggregateType: "user",
    aggregateId: utilisateur.id,
    payload: { clientAddress: context.clientAddress, method: context.method },
  });
  return { utilisateur: { ...utilisateur, derniereConnexion: now }, token, csrfToken };
}
