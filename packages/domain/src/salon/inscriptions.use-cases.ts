import { DomainError, invalidInput } from "../commun/errors";
import type { AuditLog, Clock, Courriels, IdGenerator } from "../commun/ports";
import { assertCan } from "../acces/policies";
import type { Actor } from "../acces/roles";
import { notFound, staleVersion } from "../organisation/organisation";
import type { OrganisationRepository } from "../organisation/ports";
import { membreDe } from "../entreprises/comptes.use-cases";
import type { EntrepriseRepository, MembreRepository } from "../entreprises/ports";
import { salonFerme, validerSalon, type InscriptionSalon, type Presence, type Salon, type SalonInput } from "./evenement";
import type { InscriptionListFilter, InscriptionSalonRepository, SalonRepository } from "./evenement.ports";

interface Deps {
  salons: SalonRepository;
  inscriptionsSalon: InscriptionSalonRepository;
  entreprises: EntrepriseRepository;
  membres: MembreRepository;
  organisations: OrganisationRepository;
  audit: AuditLog;
  ids: IdGenerator;
  clock: Clock;
  courriels: Courriels;
}

/**
 * Whose fairs an actor sees: an agent, its organisation's; a company account (a platform account, not an agent of
 * the organisation), every fair whose set-up is over (not « en préparation »); the platform, all.
 */
function perimetre(actor: Actor): { organisationId: string | null; publies: boolean } {
  if (actor.kind !== "user") return { organisationId: null, publies: false };
  if (actor.role === "entreprise") return { organisationId: null, publies: true };
  return { organisationId: actor.organisationId, publies: false };
}

async function salonVisible(deps: Pick<Deps, "salons" | "organisations">, actor: Actor, id: string): Promise<Salon> {
  const p = perimetre(actor);
  const salon = await deps.salons.get(id, p.organisationId);
  if (!salon || (p.publies && salon.statut === "preparation")) throw notFound("Salon");
  return salon;
}

export async function creerSalon(
  deps: Pick<Deps, "salons" | "audit" | "ids">,
  actor: Actor,
  organisationId: string,
  input: SalonInput,
): Promise<Salon> {
  assertCan(actor, "salon.manage");
  const salon: Salon = { id: deps.ids.newId(), organisationId, ...validerSalon(input), version: 1 };
  await deps.salons.insert(salon);
  await deps.audit.append(actor, {
    organisationId,
    type: "salon.created",
    aggregateType: "salon",
    aggregateId: salon.id,
    payload: { ...input },
  });
  return salon;
}

export async function modifierSalon(
  deps: Pick<Deps, "salons" | "audit" | "organisations">,
  actor: Actor,
  id: string,
  input: SalonInput & { version: number },
): Promise<Salon> {
  assertCan(actor, "salon.manage");
  const actuel = await salonVisible(deps, actor, id);
  const { version, ...valeurs } = input;
  const salon: Salon = { ...actuel, ...validerSalon(valeurs), version: actuel.version + 1 };
  if (actuel.version !== version || !(await deps.salons.update(salon, version))) throw staleVersion();
  await deps.audit.append(actor, {
    organisationId: actuel.organisationId,
    type: "salon.updated",
    aggregateType: "salon",
    aggregateId: id,
    payload: { ...valeurs },
  });
  return salon;
}

export async function listerSalons(deps: Pick<Deps, "salons" | "organisations">, actor: Actor) {
  assertCan(actor, "salon.read");
  const p = perimetre(actor);
  const salons = await deps.salons.list(p.organisationId);
  return p.publies ? salons.filter((s) => s.statut !== "preparation") : salons;
}

export async function lireSalon(deps: Pick<Deps, "salons" | "organisations">, actor: Actor, id: string): Promise<Salon> {
  assertCan(actor, "salon.read");
  return salonVisible(deps, actor, id);
}

export interface ResultatInscription {
  inscription: InscriptionSalon;
  /** 1 = next to be admitted; null when accepted. */
  positionAttente: number | null;
}

async function emailsDe(deps: Pick<Deps, "membres">, entrepriseId: string): Promise<string[]> {
  return (await deps.membres.lister(entrepriseId)).filter((c) => c.actif).map((c) => c.email);
}

/**
 * Registers the actor's company to a fair: accepted while places remain, otherwise on the waiting list. The
 * fair's row is locked first, so that concurrent registrations count the accepted ones one after the other:
 * never more accepted than the capacity, whatever the concurrency (tested with 500 parallel requests).
 */
export async function inscrireAuSalon(
  deps: Deps,
  actor: Actor,
  salonId: string,
  input: { personnes: number },
): Promise<ResultatInscription> {
  assertCan(actor, "salon.inscrire");
  const membre = await membreDe(deps, actor);
  // what does not depend on the other registrations is read before the lock, to keep the locked part short
  const visible = await salonVisible(deps, actor, salonId);
  if (visible.statut !== "ouvert") throw salonFerme(visible);
  if (!Number.isInteger(input.personnes) || input.personnes < 1 || input.personnes > visible.personnesParEntreprise) {
    throw invalidInput([
      { path: ["personnes"], message: `De 1 à ${visible.personnesParEntreprise} personne(s) par entreprise pour ce salon.` },
    ]);
  }
  const destinataires = await emailsDe(deps, membre.entrepriseId);
  const salon = await deps.salons.getForUpdate(salonId);
  if (!salon) throw notFound("Salon");
  if (salon.statut !== "ouvert") throw salonFerme(salon);
  if (input.personnes > salon.personnesParEntreprise) {
    throw invalidInput([
      { path: ["personnes"], message: `De 1 à ${salon.personnesParEntreprise} personne(s) par entreprise pour ce salon.` },
    ]);
  }
  if (await deps.inscriptionsSalon.active(salonId, membre.entrepriseId)) {
    throw new DomainError("ALREADY_REGISTERED", "Votre entreprise est déjà inscrite à ce salon (ou en liste d'attente).", "conflict");
  }
  const acceptees = await deps.inscriptionsSalon.compterAcceptees(salonId);
  const now = deps.clock.now();
  const base: Omit<InscriptionSalon, "rang"> = {
    id: deps.ids.newId(),
    salonId,
    entrepriseId: membre.entrepriseId,
    statut: acceptees < salon.capaciteEntreprises ? "acceptee" : "attente",
    personnes: input.personnes,
    inscritLe: now,
    promueLe: null,
    presence: null,
  };
  const rang = await deps.inscriptionsSalon.insert(base);
  const inscription: InscriptionSalon = { ...base, rang };
  const positionAttente = inscription.statut === "attente" ? await deps.inscriptionsSalon.positionAttente(salonId, rang) : null;
  await deps.courriels.envoyer({
    organisationId: salon.organisationId,
    destinataires,
    sujet:
      inscription.statut === "acceptee"
        ? `Inscription confirmée : ${salon.nom}`
        : `Liste d'attente : ${salon.nom} (position ${positionAttente})`,
    texte:
      inscription.statut === "acceptee"
        ? `Votre entreprise est inscrite au salon « ${salon.nom} » le ${salon.date}, ${salon.lieu} (${input.personnes} personne(s)).\n`
        : `Le salon « ${salon.nom} » est complet : votre entreprise est en liste d'attente, position ${positionAttente}. ` +
          "Vous serez prévenus par courriel si une place se libère.\n",
    categorie: "salon.inscription",
  });
  await deps.audit.append(actor, {
    organisationId: salon.organisationId,
    type: "salon.registered",
    aggregateType: "salon",
    aggregateId: salonId,
    payload: { entrepriseId: membre.entrepriseId, statut: inscription.statut, rang, personnes: input.personnes },
  });
  return { inscription, positionAttente };
}

/** The actor's company's registration to the fair (null when none). */
export async function monInscription(deps: Deps, actor: Actor, salonId: string): Promise<ResultatInscription | null> {
  assertCan(actor, "salon.inscrire");
  const membre = await membreDe(deps, actor);
  await salonVisible(deps, actor, salonId);
  const inscription = await deps.inscriptionsSalon.active(salonId, membre.entrepriseId);
  if (!inscription) return null;
  return {
    inscription,
    positionAttente: inscription.statut === "attente" ? await deps.inscriptionsSalon.positionAttente(salonId, inscription.rang) : null,
  };
}

/**
 * Cancels the actor's company's registration. When it held a place, the first on the waiting list is admitted
 * in the same transaction (under the fair's lock) and told by mail.
 */
export async function annulerInscription(deps: Deps, actor: Actor, salonId: string): Promise<{ promue: InscriptionSalon | null }> {
  assertCan(actor, "salon.inscrire");
  const membre = await membreDe(deps, actor);
  await salonVisible(deps, actor, salonId);
  const salon = await deps.salons.getForUpdate(salonId);
  if (!salon) throw notFound("Salon");
  if (salon.statut === "tenu")
    throw new DomainError("FAIR_HELD", "Ce salon a déjà eu lieu : l'inscription ne peut plus être annulée.", "conflict");
  const inscription = await deps.inscriptionsSalon.active(salonId, membre.entrepriseId);
  if (!inscription) throw notFound("Inscription");
  await deps.inscriptionsSalon.changerStatut(inscription.id, "annulee", null);
  await deps.audit.append(actor, {
    organisationId: salon.organisationId,
    type: "salon.registration-cancelled",
    aggregateType: "salon",
    aggregateId: salonId,
    payload: { entrepriseId: membre.entrepriseId, statutPrecedent: inscription.statut },
  });
  const promue = inscription.statut === "acceptee" ? await promouvoir(deps, actor, salon) : null;
  return { promue };
}

/** Admits the first waiting company while places remain (call under the fair's lock). */
async function promouvoir(deps: Deps, actor: Actor, salon: Salon): Promise<InscriptionSalon | null> {
  if ((await deps.inscriptionsSalon.compterAcceptees(salon.id)) >= salon.capaciteEntreprises) return null;
  const suivante = await deps.inscriptionsSalon.premiereEnAttente(salon.id);
  if (!suivante) return null;
  const now = deps.clock.now();
  await deps.inscriptionsSalon.changerStatut(suivante.id, "acceptee", now);
  const entreprise = await deps.entreprises.get(suivante.entrepriseId);
  await deps.courriels.envoyer({
    organisationId: salon.organisationId,
    destinataires: await emailsDe(deps, suivante.entrepriseId),
    sujet: `Une place s'est libérée : ${salon.nom}`,
    texte:
      `Bonjour,\n\nUne place s'est libérée au salon « ${salon.nom} » le ${salon.date}, ${salon.lieu} : ` +
      `${entreprise?.raisonSociale ?? "votre entreprise"} y est maintenant inscrite. Si vous ne pouvez plus venir, annulez l'inscription ` +
      "depuis votre compte pour laisser la place à l'entreprise suivante.\n",
    categorie: "salon.promotion",
  });
  await deps.audit.append(actor, {
    organisationId: salon.organisationId,
    type: "salon.registration-promoted",
    aggregateType: "salon",
    aggregateId: salon.id,
    payload: { entrepriseId: suivante.entrepriseId, rang: suivante.rang },
  });
  return { ...suivante, statut: "acceptee", promueLe: now };
}

export async function listerInscriptions(
  deps: Pick<Deps, "salons" | "inscriptionsSalon" | "organisations">,
  actor: Actor,
  filter: InscriptionListFilter,
) {
  assertCan(actor, "salon.manage");
  await salonVisible(deps, actor, filter.salonId);
  return deps.inscriptionsSalon.list(filter);
}

/** Check-in at the door: present or absent (a no-show), for an accepted registration. */
export async function pointerPresence(
  deps: Pick<Deps, "salons" | "inscriptionsSalon" | "organisations" | "audit">,
  actor: Actor,
  salonId: string,
  inscriptionId: string,
  presence: Presence,
): Promise<void> {
  assertCan(actor, "salon.manage");
  const salon = await salonVisible(deps, actor, salonId);
  const inscription = await deps.inscriptionsSalon.get(inscriptionId, salonId);
  if (!inscription) throw notFound("Inscription");
  if (inscription.statut !== "acceptee") {
    throw new DomainError("NOT_ACCEPTED", "Seules les entreprises admises au salon peuvent être pointées.", "conflict");
  }
  await deps.inscriptionsSalon.pointer(inscriptionId, presence);
  await deps.audit.append(actor, {
    organisationId: salon.organisationId,
    type: "salon.checked-in",
    aggregateType: "salon",
    aggregateId: salonId,
    payload: { inscriptionId, entrepriseId: inscription.entrepriseId, presence },
  });
}
