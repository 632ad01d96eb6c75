/**
 * The satisfaction survey after a held fair: a present company (any active member of its account) or an attending
 * buyer answers once and may change its answer until the survey closes; the organiser, the procurement directorate
 * and the management (`salon.bilan`) read the results aggregated per side, never who answered what (comments, for
 * the organiser only, without their author).
 */
import { assertCan, can } from "../acces/policies";
import type { Actor } from "../acces/roles";
import { DomainError } from "../commun/errors";
import type { AuditLog, Clock, IdGenerator } from "../commun/ports";
import { membreDe } from "../entreprises/comptes.use-cases";
import type { EntrepriseRepository, MembreRepository } from "../entreprises/ports";
import { notFound } from "../organisation/organisation";
import { jourParis } from "../sourcage/sourcage.use-cases";
import type { Salon } from "./evenement";
import type { InscriptionSalonRepository, SalonRepository } from "./evenement.ports";
import type { RendezVousSalonRepository, SatisfactionSalonRepository } from "./rendez-vous.ports";
import {
  agregerSatisfaction,
  clotureSatisfaction,
  etatSatisfaction,
  pasParticipant,
  satisfactionFermee,
  validerReponseSatisfaction,
  type CoteSatisfaction,
  type EtatSatisfaction,
  type ReponseSatisfaction,
  type ResultatsSatisfaction,
  type SatisfactionInput,
} from "./satisfaction";

interface Deps {
  salons: SalonRepository;
  inscriptionsSalon: InscriptionSalonRepository;
  rendezVousSalon: RendezVousSalonRepository;
  satisfactionSalon: SatisfactionSalonRepository;
  entreprises: EntrepriseRepository;
  membres: MembreRepository;
  audit: AuditLog;
  ids: IdGenerator;
  clock: Clock;
}

async function salonVisible(deps: Pick<Deps, "salons">, actor: Actor, id: string): Promise<Salon> {
  const organisationId = actor.kind === "user" && actor.role !== "entreprise" ? actor.organisationId : null;
  const salon = await deps.salons.get(id, organisationId);
  if (!salon || (actor.kind === "user" && actor.role === "entreprise" && salon.statut === "preparation")) throw notFound("Salon");
  return salon;
}

/** Who the actor answers for: its company (checked in present) or itself (a buyer who held a table). */
async function repondant(
  deps: Deps,
  actor: Actor,
  salon: Salon,
): Promise<{ cote: CoteSatisfaction; auteur: { entrepriseId: string } | { utilisateurId: string } }> {
  if (actor.kind === "user" && actor.role === "entreprise") {
    assertCan(actor, "salon.inscrire");
    const membre = await membreDe(deps, actor);
    const inscription = await deps.inscriptionsSalon.active(salon.id, membre.entrepriseId);
    if (inscription?.statut !== "acceptee" || inscription.presence !== "present") throw pasParticipant("entreprise");
    return { cote: "entreprise", auteur: { entrepriseId: membre.entrepriseId } };
  }
  assertCan(actor, "salon.rencontrer");
  const utilisateurId = actor.kind === "user" ? actor.userId : "";
  if (!(await deps.rendezVousSalon.acheteur(salon.id, utilisateurId))) throw pasParticipant("acheteur");
  return { cote: "acheteur", auteur: { utilisateurId } };
}

export interface MaSatisfaction {
  etat: EtatSatisfaction;
  /** Last day (YYYY-MM-DD) when answers are taken. */
  cloture: string;
  cote: CoteSatisfaction | null;
  /** Whether the actor may answer (a participant of the fair); false with `motif` otherwise. */
  peutRepondre: boolean;
  motif: string | null;
  reponse: (ReponseSatisfaction & { reponduLe: Date; modifieLe: Date }) | null;
}

/** The actor's own answer to the fair's survey, and whether it can (still) answer. */
export async function maSatisfaction(deps: Deps, actor: Actor, salonId: string): Promise<MaSatisfaction> {
  assertCan(actor, "salon.read");
  const salon = await salonVisible(deps, actor, salonId);
  const etat = etatSatisfaction(salon, jourParis(deps.clock.now()));
  const base = { etat, cloture: clotureSatisfaction(salon) };
  if (!(can(actor, "salon.inscrire") || can(actor, "salon.rencontrer")))
    return {
      ...base,
      cote: null,
      peutRepondre: false,
      motif: "Le questionnaire s'adresse aux entreprises et aux acheteurs présents.",
      reponse: null,
    };
  let qui: Awaited<ReturnType<typeof repondant>>;
  try {
    qui = await repondant(deps, actor, salon);
  } catch (e) {
    if (e instanceof DomainError && e.code === "NOT_ATTENDED")
      return {
        ...base,
        cote: can(actor, "salon.inscrire") ? "entreprise" : "acheteur",
        peutRepondre: false,
        motif: e.message,
        reponse: null,
      };
    throw e;
  }
  const r = await deps.satisfactionSalon.reponseDe(salonId, qui.auteur);
  return {
    ...base,
    cote: qui.cote,
    peutRepondre: etat === "ouvert",
    motif: etat === "ouvert" ? null : satisfactionFermee(salon, etat).message,
    reponse: r
      ? {
          satisfaction: r.satisfaction,
          utilite: r.utilite,
          reviendrait: r.reviendrait,
          commentaire: r.commentaire,
          reponduLe: r.reponduLe,
          modifieLe: r.modifieLe,
        }
      : null,
  };
}

/** Records (or changes, until the survey closes) the answer of the actor's company, or of the actor as a buyer. */
export async function repondreSatisfaction(
  deps: Deps,
  actor: Actor,
  salonId: string,
  input: SatisfactionInput,
): Promise<{ cote: CoteSatisfaction; modification: boolean }> {
  assertCan(actor, "salon.read");
  const salon = await salonVisible(deps, actor, salonId);
  if (!can(actor, "salon.inscrire")) assertCan(actor, "salon.rencontrer");
  // the calendar first: before the fair nobody is « present » yet, the answer is « not open », not « not attended »
  const etat = etatSatisfaction(salon, jourParis(deps.clock.now()));
  if (etat !== "ouvert") throw satisfactionFermee(salon, etat);
  const qui = await repondant(deps, actor, salon);
  const reponse = validerReponseSatisfaction(input);
  const existante = await deps.satisfactionSalon.reponseDe(salonId, qui.auteur);
  const now = deps.clock.now();
  if (existante) await deps.satisfactionSalon.modifier(existante.id, reponse, now);
  else
    await deps.satisfactionSalon.inserer({
      id: deps.ids.newId(),
      salonId,
      cote: qui.cote,
      entrepriseId: "entrepriseId" in qui.auteur ? qui.auteur.entrepriseId : null,
      utilisateurId: "utilisateurId" in qui.auteur ? qui.auteur.utilisateurId : null,
      ...reponse,
      reponduLe: now,
      modifieLe: now,
    });
  // the audit records that an answer was given, not what it says (the results are anonymous)
  await deps.audit.append(actor, {
    organisationId: salon.organisationId,
    type: "salon.satisfaction-answered",
    aggregateType: "salon",
    aggregateId: salonId,
    payload: { cote: qui.cote, modification: existante !== null },
  });
  return { cote: qui.cote, modification: existante !== null };
}

export interface BilanSatisfaction extends ResultatsSatisfaction {
  salonId: string;
  etat: EtatSatisfaction;
  cloture: string;
  /**
   * Comments without their author, in alphabetical order, of the sides published (too few answers: withheld); the
   * organiser only (null for the others).
   */
  commentaires: { cote: CoteSatisfaction; texte: string }[] | null;
}

/** The survey's results of one fair of the organisation, aggregated per side. */
export async function bilanSatisfaction(deps: Deps, actor: Actor, salonId: string): Promise<BilanSatisfaction> {
  assertCan(actor, "salon.bilan");
  if (actor.kind !== "user") throw notFound("Salon");
  const salon = await deps.salons.get(salonId, actor.organisationId);
  if (!salon) throw notFound("Salon");
  const reponses = await deps.satisfactionSalon.reponses(salonId);
  const resultats = agregerSatisfaction(reponses, await deps.satisfactionSalon.participants(salonId));
  const publies = new Set(resultats.cotes.filter((c) => !c.masque).map((c) => c.cote));
  return {
    salonId,
    etat: etatSatisfaction(salon, jourParis(deps.clock.now())),
    cloture: clotureSatisfaction(salon),
    ...resultats,
    commentaires: can(actor, "salon.manage")
      ? reponses
          .flatMap((r) => (r.commentaire && publies.has(r.cote) ? [{ cote: r.cote, texte: r.commentaire }] : []))
          .sort((a, b) => a.cote.localeCompare(b.cote) || a.texte.localeCompare(b.texte, "fr"))
      : null,
  };
}
