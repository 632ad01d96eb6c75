/**
 * Test factories: `buildX(overrides)` gives a valid domain object, so that a test states only what matters
 * to it. Valid SIRETs come from `validSiret(n)`.
 */
import type { Direction, Organisation, Service, Utilisateur } from "../organisation/organisation";
import type { UserActor } from "../acces/roles";
import { actorOf } from "../acces/session";

let counter = 0;
/** A fresh, readable, deterministic identifier (UUID-shaped, so that schemas accept it). */
export function testId(): string {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, "0")}`;
}

/** A SIRET that passes the Luhn check, derived from `n` (14 digits). */
export function validSiret(n: number): string {
  const base = `${String(n % 1e13).padStart(13, "0")}`;
  for (let d = 0; d <= 9; d++) {
    const candidate = `${base}${d}`;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let digit = Number(candidate[13 - i]);
      if (i % 2 === 1) {
        digit *= 2;
        if (digit > 9) digit -= 9;
      }
      sum += digit;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error("unreachable");
}

export function buildOrganisation(overrides: Partial<Organisation> = {}): Organisation {
  return { id: testId(), nom: "Département de test", siret: validSiret(229400288), ...overrides };
}

export function buildDirection(overrides: Partial<Direction> = {}): Direction {
  const id = overrides.id ?? testId();
  return {
    id,
    organisationId: testId(),
    nom: `Direction ${id.slice(-4)}`,
    sigle: `D${id.slice(-4).toUpperCase()}`,
    version: 1,
    ...overrides,
  };
}

export function buildService(overrides: Partial<Service> = {}): Service {
  const id = overrides.id ?? testId();
  return { id, directionId: testId(), nom: `Service ${id.slice(-4)}`, version: 1, ...overrides };
}

export function buildUtilisateur(overrides: Partial<Utilisateur> = {}): Utilisateur {
  const id = overrides.id ?? testId();
  return {
    id,
    organisationId: testId(),
    email: `agent.${id.slice(-6)}@test.achat-public.fr`,
    nomAffiche: `Agent ${id.slice(-4)}`,
    role: "acheteur-central",
    directionId: null,
    serviceId: null,
    actif: true,
    aUnMotDePasse: true,
    motDePasseAChanger: false,
    derniereConnexion: null,
    version: 1,
    ...overrides,
  };
}

/** The actor of an account, as a session gives it. */
export const actorFor: (utilisateur: Utilisateur) => UserActor = actorOf;
