import { DomainError, invalidInput, type Issue } from "../commun/errors";
import type { AuditLog, Clock, Courriels, IdGenerator, PasswordHasher, TokenGenerator } from "../commun/ports";
import { assertCan } from "../acces/policies";
import { systemActor, type Actor } from "../acces/roles";
import type { ThrottleRepository } from "../acces/ports";
import { passwordProblems, type PasswordStrength } from "../acces/mot-de-passe";
import { recordFailure, retryDelayMs, type ThrottlePolicy } from "../acces/throttle";
import {
  emailProblem,
  normaliseEmail,
  NOM_LONGUEUR_MAX,
  NOM_LONGUEUR_MIN,
  notFound,
  staleVersion,
  type Utilisateur,
} from "../organisation/organisation";
import type { OrganisationRepository, UtilisateurRepository } from "../organisation/ports";
import { verifierTexte } from "../commun/texte";
import {
  validerProfil,
  validerRaisonSociale,
  validerSiret,
  type Collegue,
  type Entreprise,
  type Membre,
  type ProfilInput,
} from "./entreprise";
import type { EntrepriseRepository, JetonEntreprise, JetonRepository, MembreRepository } from "./ports";

/**
 * Self-registration of companies (one SIRET = one company account), e-mail confirmed by a single-use link,
 * colleagues invited by the company's administrator. The accounts are platform accounts of role
 * `entreprise` (they log in like agents, same password policy and throttling), attached to their company by
 * a membership; every read and write of a company account is scoped to its own company.
 */

/** Registrations from one address: 10 an hour, then blocks of 10 minutes doubling up to an hour. */
export const INSCRIPTION_THROTTLE: ThrottlePolicy = {
  maxFailures: 10,
  windowMs: 60 * 60_000,
  baseBlockMs: 10 * 60_000,
  maxBlockMs: 60 * 60_000,
};
/** Lifetime of a confirmation link and of an invitation link. */
export const CONFIRMATION_DUREE_MS = 48 * 3_600_000;
export const INVITATION_DUREE_MS = 7 * 24 * 3_600_000;

/**
 * Counts an attempt of a throttled public action (registration, invitation acceptance) for `key`, or refuses
 * it when the key is blocked. Row-locked: concurrent attempts are counted one by one.
 */
export async function reserverTentative(
  deps: { throttles: ThrottleRepository; clock: Clock },
  key: string,
  policy: ThrottlePolicy,
): Promise<void> {
  const now = deps.clock.now();
  const states = await deps.throttles.lock([key]);
  const waitMs = retryDelayMs(states.get(key) ?? null, now);
  if (waitMs > 0) {
    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    throw new DomainError(
      "TOO_MANY_ATTEMPTS",
      `Trop de tentatives depuis cette adresse : réessayez dans ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      "rate-limited",
      [],
      { retryAfterSeconds },
    );
  }
  await deps.throttles.put(key, recordFailure(states.get(key) ?? null, now, policy));
}

function validerNomAffiche(brut: string, issues: Issue[], path = "nomAffiche"): string {
  const verifie = verifierTexte(brut, { compacter: true });
  if (!verifie.ok) {
    issues.push({ path: [path], message: verifie.message });
    return brut;
  }
  if (verifie.valeur.length < NOM_LONGUEUR_MIN || verifie.valeur.length > NOM_LONGUEUR_MAX) {
    issues.push({ path: [path], message: `Le nom doit contenir entre ${NOM_LONGUEUR_MIN} et ${NOM_LONGUEUR_MAX} caractères.` });
  }
  return verifie.valeur;
}

function validerEmail(brut: string, issues: Issue[], path = "email"): string {
  const probleme = emailProblem(brut);
  if (probleme) issues.push({ path: [path], message: probleme });
  return normaliseEmail(brut);
}

export interface InscriptionInput {
  siret: string;
  raisonSociale: string;
  email: string;
  nomAffiche: string;
  motDePasse: string;
}

export interface InscriptionPreparee {
  siret: string;
  raisonSociale: string;
  email: string;
  nomAffiche: string;
  passwordHash: string;
}

/**
 * Checks everything of a registration (every problem at once) and hashes the password, outside any
 * transaction (hashing is slow; no lock is held meanwhile).
 */
export async function preparerInscription(
  deps: { hasher: PasswordHasher; passwordStrength: PasswordStrength },
  input: InscriptionInput,
): Promise<InscriptionPreparee> {
  const issues: Issue[] = [];
  const siret = validerSiret(input.siret, issues);
  const raisonSociale = validerRaisonSociale(input.raisonSociale, issues);
  const email = validerEmail(input.email, issues);
  const nomAffiche = validerNomAffiche(input.nomAffiche, issues);
  for (const message of passwordProblems(input.motDePasse, { email, nomAffiche }, deps.passwordStrength)) {
    issues.push({ path: ["motDePasse"], message });
  }
  if (issues.length) throw invalidInput(issues);
  return { siret, raisonSociale, email, nomAffiche, passwordHash: await deps.hasher.hash(input.motDePasse) };
}

interface Deps {
  entreprises: EntrepriseRepository;
  membres: MembreRepository;
  jetons: JetonRepository;
  utilisateurs: UtilisateurRepository;
  organisations: OrganisationRepository;
  audit: AuditLog;
  ids: IdGenerator;
  clock: Clock;
  tokens: TokenGenerator;
  courriels: Courriels;
}

/** Where the links of the mails point (the platform's public address, without trailing slash). */
export interface Liens {
  publicUrl: string;
}

const INSCRIPTION = systemActor("inscription d'une entreprise");

async function organisationHote(deps: Pick<Deps, "organisations">): Promise<string> {
  const organisation = await deps.organisations.first();
  if (!organisation) throw new DomainError("NO_ORGANISATION", "La plateforme n'a pas encore d'organisation.", "conflict");
  return organisation.id;
}

/**
 * Writes a prepared registration: the company, its first account (inactive until the e-mail is confirmed,
 * administrator of the company), the confirmation link, and the mail that carries it — all or nothing.
 */
export async function inscrireEntreprise(
  deps: Deps,
  liens: Liens,
  prepared: InscriptionPreparee,
): Promise<{ entreprise: Entreprise; utilisateur: Utilisateur }> {
  const organisationId = await organisationHote(deps);
  const entreprise: Entreprise = {
    id: deps.ids.newId(),
    siret: prepared.siret,
    raisonSociale: prepared.raisonSociale,
    activites: [],
    territoires: [],
    categorie: null,
    statutInclusif: null,
    certifications: [],
    profilPublic: false,
    version: 1,
  };
  await deps.entreprises.insert(entreprise);
  const utilisateur: Utilisateur = {
    id: deps.ids.newId(),
    organisationId,
    email: prepared.email,
    nomAffiche: prepared.nomAffiche,
    role: "entreprise",
    directionId: null,
    serviceId: null,
    actif: false,
    aUnMotDePasse: true,
    motDePasseAChanger: false,
    derniereConnexion: null,
    version: 1,
  };
  await deps.utilisateurs.insert(utilisateur, prepared.passwordHash);
  await deps.membres.ajouter({ utilisateurId: utilisateur.id, entrepriseId: entreprise.id, administrateur: true });
  const jeton = deps.tokens.newToken();
  const now = deps.clock.now();
  await deps.jetons.insert({
    jetonHash: deps.tokens.fingerprint(jeton),
    type: "confirmation",
    entrepriseId: entreprise.id,
    utilisateurId: utilisateur.id,
    email: utilisateur.email,
    nomAffiche: utilisateur.nomAffiche,
    expireLe: new Date(now.getTime() + CONFIRMATION_DUREE_MS),
    utiliseLe: null,
    creePar: null,
  });
  const lien = `${liens.publicUrl}/entreprises/confirmation?jeton=${encodeURIComponent(jeton)}`;
  await deps.courriels.envoyer({
    organisationId,
    destinataires: [utilisateur.email],
    sujet: "Confirmez l'adresse de votre compte entreprise",
    texte:
      `Bonjour ${utilisateur.nomAffiche},\n\nVous avez inscrit ${entreprise.raisonSociale} (SIRET ${entreprise.siret}) sur la plateforme ` +
      `des achats du Département. Pour activer votre compte, ouvrez ce lien dans les 48 heures :\n\n${lien}\n\n` +
      "Si vous n'êtes pas à l'origine de cette inscription, ignorez ce message : le compte ne sera pas activé.\n",
    categorie: "entreprise.confirmation",
  });
  await deps.audit.append(INSCRIPTION, {
    organisationId,
    type: "entreprise.registered",
    aggregateType: "entreprise",
    aggregateId: entreprise.id,
    payload: { siret: entreprise.siret, raisonSociale: entreprise.raisonSociale, email: utilisateur.email, utilisateurId: utilisateur.id },
  });
  return { entreprise, utilisateur };
}

function lienInvalide(): DomainError {
  return new DomainError("LINK_INVALID", "Ce lien n'est pas valide, a déjà servi ou a expiré : demandez-en un nouveau.", "invalid-input", [
    { path: ["jeton"], message: "Lien invalide, déjà utilisé ou expiré." },
  ]);
}

async function jetonValide(
  deps: Pick<Deps, "jetons" | "tokens" | "clock">,
  jeton: string,
  type: JetonEntreprise["type"],
): Promise<JetonEntreprise> {
  const found = await deps.jetons.getForUpdate(deps.tokens.fingerprint(jeton));
  if (!found || found.type !== type || found.utiliseLe !== null || found.expireLe <= deps.clock.now()) throw lienInvalide();
  return found;
}

/** Activates the account of a confirmation link (single use). */
export async function confirmerEmail(deps: Deps, jeton: string): Promise<{ email: string }> {
  const found = await jetonValide(deps, jeton, "confirmation");
  const organisationId = await organisationHote(deps);
  const utilisateur = found.utilisateurId ? await deps.utilisateurs.get(found.utilisateurId, organisationId, { kind: "all" }) : null;
  if (!utilisateur) throw lienInvalide();
  await deps.jetons.marquerUtilise(found.jetonHash, deps.clock.now());
  if (!(await deps.utilisateurs.update({ ...utilisateur, actif: true, version: utilisateur.version + 1 }, utilisateur.version)))
    throw staleVersion();
  await deps.audit.append(INSCRIPTION, {
    organisationId,
    type: "entreprise.email-confirmed",
    aggregateType: "entreprise",
    aggregateId: found.entrepriseId,
    payload: { email: utilisateur.email, utilisateurId: utilisateur.id },
  });
  return { email: utilisateur.email };
}

/** The membership of a company account; a company account without one is refused. */
export async function membreDe(deps: Pick<Deps, "membres">, actor: Actor): Promise<Membre> {
  assertCan(actor, "entreprise.self");
  if (actor.kind !== "user") throw new DomainError("FORBIDDEN", "Réservé aux comptes d'entreprise.", "forbidden");
  const membre = await deps.membres.deUtilisateur(actor.userId);
  if (!membre) throw new DomainError("NOT_FOUND", "Entreprise introuvable : ce compte n'est rattaché à aucune entreprise.", "not-found");
  return membre;
}

/** The actor's own company (never another). */
export async function maEntreprise(
  deps: Pick<Deps, "membres" | "entreprises">,
  actor: Actor,
): Promise<{ entreprise: Entreprise; membre: Membre }> {
  const membre = await membreDe(deps, actor);
  const entreprise = await deps.entreprises.get(membre.entrepriseId);
  if (!entreprise) throw notFound("Entreprise");
  return { entreprise, membre };
}

/** Updates the actor's company profile (optimistic version). */
export async function modifierProfil(
  deps: Pick<Deps, "membres" | "entreprises" | "audit">,
  actor: Actor,
  input: ProfilInput & { version: number },
): Promise<Entreprise> {
  const { entreprise } = await maEntreprise(deps, actor);
  const valeurs = validerProfil(input);
  if (entreprise.version !== input.version) throw staleVersion();
  const modifiee: Entreprise = { ...entreprise, ...valeurs, version: entreprise.version + 1 };
  if (!(await deps.entreprises.update(modifiee, input.version))) throw staleVersion();
  await deps.audit.append(actor, {
    type: "entreprise.profile-updated",
    aggregateType: "entreprise",
    aggregateId: entreprise.id,
    payload: { ...valeurs },
  });
  return modifiee;
}

export async function listerCollegues(
  deps: Pick<Deps, "membres" | "jetons" | "clock">,
  actor: Actor,
): Promise<{ collegues: Collegue[]; invitations: { email: string; nomAffiche: string; expireLe: Date }[] }> {
  const membre = await membreDe(deps, actor);
  const collegues = await deps.membres.lister(membre.entrepriseId);
  const invitations = membre.administrateur ? await deps.jetons.invitationsEnCours(membre.entrepriseId, deps.clock.now()) : [];
  return { collegues, invitations: invitations.map((j) => ({ email: j.email, nomAffiche: j.nomAffiche, expireLe: j.expireLe })) };
}

/** The company's administrator invites a colleague: a single-use link by mail, valid 7 days. */
export async function inviterCollegue(
  deps: Deps,
  actor: Actor,
  liens: Liens,
  input: { email: string; nomAffiche: string },
): Promise<{ email: string; expireLe: Date }> {
  const { entreprise, membre } = await maEntreprise(deps, actor);
  if (!membre.administrateur) {
    throw new DomainError("NOT_COMPANY_ADMIN", "Seul l'administrateur du compte de l'entreprise peut inviter des collègues.", "forbidden");
  }
  const issues: Issue[] = [];
  const email = validerEmail(input.email, issues);
  const nomAffiche = validerNomAffiche(input.nomAffiche, issues);
  if (issues.length) throw invalidInput(issues);
  if (await deps.utilisateurs.findForLogin(email)) {
    const message = "Cette adresse a déjà un compte sur la plateforme.";
    throw new DomainError("EMAIL_TAKEN", message, "conflict", [{ path: ["email"], message }]);
  }
  const jeton = deps.tokens.newToken();
  const expireLe = new Date(deps.clock.now().getTime() + INVITATION_DUREE_MS);
  const organisationId = actor.kind === "user" ? actor.organisationId : await organisationHote(deps);
  await deps.jetons.insert({
    jetonHash: deps.tokens.fingerprint(jeton),
    type: "invitation",
    entrepriseId: entreprise.id,
    utilisateurId: null,
    email,
    nomAffiche,
    expireLe,
    utiliseLe: null,
    creePar: actor.kind === "user" ? actor.userId : null,
  });
  const lien = `${liens.publicUrl}/entreprises/invitation?jeton=${encodeURIComponent(jeton)}`;
  await deps.courriels.envoyer({
    organisationId,
    destinataires: [email],
    sujet: `${entreprise.raisonSociale} vous invite sur la plateforme des achats du Département`,
    texte:
      `Bonjour ${nomAffiche},\n\n${actor.kind === "user" ? actor.label : "Votre entreprise"} vous invite à rejoindre le compte de ` +
      `${entreprise.raisonSociale} sur la plateforme des achats du Département. Pour choisir votre mot de passe, ouvrez ce lien ` +
      `dans les 7 jours :\n\n${lien}\n`,
    categorie: "entreprise.invitation",
  });
  await deps.audit.append(actor, {
    type: "entreprise.colleague-invited",
    aggregateType: "entreprise",
    aggregateId: entreprise.id,
    payload: { email, nomAffiche },
  });
  return { email, expireLe };
}

/** Accepts an invitation: the account is created, active (the link proved the address), member of the company. */
export async function accepterInvitation(
  deps: Deps & { hasher: PasswordHasher; passwordStrength: PasswordStrength },
  input: { jeton: string; motDePasse: string },
): Promise<{ email: string }> {
  const found = await jetonValide(deps, input.jeton, "invitation");
  const problems = passwordProblems(input.motDePasse, { email: found.email, nomAffiche: found.nomAffiche }, deps.passwordStrength);
  if (problems.length) throw invalidInput(problems.map((message) => ({ path: ["motDePasse"], message })));
  const organisationId = await organisationHote(deps);
  const utilisateur: Utilisateur = {
    id: deps.ids.newId(),
    organisationId,
    email: found.email,
    nomAffiche: found.nomAffiche,
    role: "entreprise",
    directionId: null,
    serviceId: null,
    actif: true,
    aUnMotDePasse: true,
    motDePasseAChanger: false,
    derniereConnexion: null,
    version: 1,
  };
  await deps.utilisateurs.insert(utilisateur, await deps.hasher.hash(input.motDePasse));
  await deps.membres.ajouter({ utilisateurId: utilisateur.id, entrepriseId: found.entrepriseId, administrateur: false });
  await deps.jetons.marquerUtilise(found.jetonHash, deps.clock.now());
  await deps.audit.append(INSCRIPTION, {
    organisationId,
    type: "entreprise.invitation-accepted",
    aggregateType: "entreprise",
    aggregateId: found.entrepriseId,
    payload: { email: utilisateur.email, utilisateurId: utilisateur.id },
  });
  return { email: utilisateur.email };
}
