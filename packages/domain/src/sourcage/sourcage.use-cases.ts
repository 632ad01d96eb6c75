/**
 * Use cases of sourcing: a company signals its interest in a published programme line (one signal per company
 * and line), withdraws it, lists its own; the buyers of the line's direction read the signals with the
 * companies' profiles (the profile becomes visible to buyers only through the signal); a buyer opens a short
 * questionnaire on a line, companies answer it (one answer each, editable until closing), the buyer reads the
 * answers. A company never sees another company's signals or answers.
 */
import { assertCan, directionScope } from "../acces/policies";
import type { Actor } from "../acces/roles";
import { DomainError, invalidInput } from "../commun/errors";
import type { AuditLog, Clock, Courriels, IdGenerator } from "../commun/ports";
import { membreDe } from "../entreprises/comptes.use-cases";
import type { MembreRepository } from "../entreprises/ports";
import { notFound, staleVersion } from "../organisation/organisation";
import type { LignePublique, ProgrammeRepository } from "../programme/ports";
import { LIBELLES_STATUT_LIGNE, type LigneProgramme } from "../programme/programme";
import { formatDateFr, type DateLegale } from "../valeurs/date-legale";
import type { MonSignal, ReponseVueParAcheteur, SourcageRepository } from "./ports";
import {
  demandeOuverte,
  validerDemande,
  validerNote,
  validerReponses,
  type DemandeInput,
  type DemandeSourcage,
  type ReponseSourcage,
  type SignalInteret,
  type SignalVuParAcheteur,
} from "./sourcage";

interface Deps {
  sourcage: SourcageRepository;
  programme: ProgrammeRepository;
  membres: MembreRepository;
  audit: AuditLog;
  clock: Clock;
  ids: IdGenerator;
  courriels: Courriels;
}

/** The day in Paris (the département's legal day), YYYY-MM-DD. */
export function jourParis(now: Date): DateLegale {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris" }).format(now) as DateLegale;
}

/** A published line (companies only act on what the public programme shows). */
async function lignePubliee(deps: Pick<Deps, "programme">, ligneId: string): Promise<LignePublique> {
  const ligne = await deps.programme.publicGet(ligneId);
  if (!ligne) throw notFound("Ligne du programme publiée");
  return ligne;
}

/** A line the buyer may see (its direction for a direction buyer); another direction's line is not found. */
async function ligneVisible(deps: Pick<Deps, "programme">, actor: Actor, ligneId: string): Promise<LigneProgramme> {
  if (actor.kind !== "user") throw new DomainError("FORBIDDEN", "Réservé aux agents.", "forbidden");
  const ligne = await deps.programme.get(ligneId, actor.organisationId, directionScope(actor));
  if (!ligne) throw notFound("Ligne de programmation");
  return ligne;
}

// ------------------------------------------------------------------------------------------------ signals

export async function signalerInteret(
  deps: Pick<Deps, "sourcage" | "programme" | "membres" | "audit" | "clock" | "ids">,
  actor: Actor,
  ligneId: string,
  input: { note?: string | null },
): Promise<{ signal: SignalInteret; cree: boolean }> {
  const membre = await membreDe(deps, actor);
  const issues: Parameters<typeof validerNote>[1] = [];
  const note = validerNote(input.note, issues);
  if (issues.length) throw invalidInput(issues);
  const ligne = await lignePubliee(deps, ligneId);
  const now = deps.clock.now();
  const resultat = await deps.sourcage.signaler({
    id: deps.ids.newId(),
    ligneId: ligne.id,
    entrepriseId: membre.entrepriseId,
    utilisateurId: membre.utilisateurId,
    note,
    creeLe: now,
    modifieLe: now,
  });
  await deps.audit.append(actor, {
    type: resultat.cree ? "signal-interet.created" : "signal-interet.updated",
    aggregateType: "signal-interet",
    aggregateId: resultat.signal.id,
    payload: { ligneId: ligne.id, entrepriseId: membre.entrepriseId, note },
  });
  return resultat;
}

export async function retirerInteret(deps: Pick<Deps, "sourcage" | "membres" | "audit">, actor: Actor, ligneId: string): Promise<void> {
  const membre = await membreDe(deps, actor);
  if (!(await deps.sourcage.retirer(ligneId, membre.entrepriseId))) throw notFound("Signal d'intérêt");
  await deps.audit.append(actor, {
    type: "signal-interet.withdrawn",
    aggregateType: "signal-interet",
    aggregateId: ligneId,
    payload: { ligneId, entrepriseId: membre.entrepriseId },
  });
}

/** The actor's company's signals (never another company's). */
export async function mesSignaux(deps: Pick<Deps, "sourcage" | "membres">, actor: Actor): Promise<MonSignal[]> {
  const membre = await membreDe(deps, actor);
  return deps.sourcage.signauxDeEntreprise(membre.entrepriseId);
}

/** The signals of a line, for the buyers who may see the line (read-only for readers). */
export async function signauxDeLigne(
  deps: Pick<Deps, "sourcage" | "programme">,
  actor: Actor,
  ligneId: string,
  departement: string | null,
): Promise<{ ligne: LigneProgramme; signaux: SignalVuParAcheteur[] }> {
  assertCan(actor, "sourcage.read");
  const ligne = await ligneVisible(deps, actor, ligneId);
  return { ligne, signaux: await deps.sourcage.signauxDeLigne(ligne.id, departement) };
}

// ------------------------------------------------------------------------------------------------ sourcing

export async function ouvrirDemande(
  deps: Deps,
  actor: Actor,
  ligneId: string,
  input: DemandeInput & { inviterInteresses?: boolean },
  urlLigne: string,
): Promise<{ demande: DemandeSourcage; invites: number }> {
  assertCan(actor, "sourcage.manage");
  const ligne = await ligneVisible(deps, actor, ligneId);
  if (ligne.statut !== "publiee")
    throw new DomainError(
      "LINE_NOT_PUBLISHED",
      `Un questionnaire de sourçage porte sur une ligne publiée : celle-ci est à l'état « ${LIBELLES_STATUT_LIGNE[ligne.statut]} ».`,
      "conflict",
      [{ path: ["ligneId"], message: "Ligne non publiée." }],
    );
  const now = deps.clock.now();
  const valeurs = validerDemande(input, jourParis(now));
  const demande: DemandeSourcage = {
    id: deps.ids.newId(),
    ligneId: ligne.id,
    organisationId: ligne.organisationId,
    ...valeurs,
    closeLe: null,
    creePar: actor.kind === "user" ? actor.userId : null,
    creeLe: now,
    version: 1,
  };
  await deps.sourcage.insertDemande(demande);
  let invites = 0;
  if (input.inviterInteresses) {
    const emails = await deps.sourcage.comptesInteresses(ligne.id);
    for (const email of emails) {
      await deps.courriels.envoyer({
        organisationId: ligne.organisationId,
        destinataires: [email],
        sujet: `Questionnaire de sourçage : ${ligne.objet}`,
        texte: [
          "Bonjour,",
          "",
          `Votre entreprise a signalé son intérêt pour l'achat « ${ligne.objet} » du programme des achats publié.`,
          `L'acheteur ouvre un questionnaire de sourçage (« ${demande.titre} »), ouvert aux réponses jusqu'au ${formatDateFr(demande.dateCloture)} inclus :`,
          urlLigne,
          "",
          "Répondre n'engage pas votre entreprise et ne vous donne aucun avantage dans la consultation à venir (article R2111-1 du code de la commande publique).",
        ].join("\n"),
        categorie: "sourcage.invitation",
      });
      invites++;
    }
  }
  await deps.audit.append(actor, {
    organisationId: ligne.organisationId,
    type: "demande-sourcage.opened",
    aggregateType: "demande-sourcage",
    aggregateId: demande.id,
    payload: { ligneId: ligne.id, ...valeurs, invites },
  });
  return { demande, invites };
}

export async function cloreDemande(
  deps: Pick<Deps, "sourcage" | "programme" | "audit" | "clock">,
  actor: Actor,
  id: string,
  version: number,
): Promise<DemandeSourcage> {
  assertCan(actor, "sourcage.manage");
  const demande = await deps.sourcage.getDemande(id);
  if (!demande) throw notFound("Questionnaire de sourçage");
  await ligneVisible(deps, actor, demande.ligneId);
  if (demande.version !== version) throw staleVersion();
  const now = deps.clock.now();
  if (!(await deps.sourcage.cloreDemande(id, now, version))) throw staleVersion();
  await deps.audit.append(actor, {
    organisationId: demande.organisationId,
    type: "demande-sourcage.closed",
    aggregateType: "demande-sourcage",
    aggregateId: id,
    payload: { ligneId: demande.ligneId },
  });
  return { ...demande, closeLe: now, version: version + 1 };
}

/** The questionnaires of a line with every company's answers, for the buyers who may see the line. */
export async function demandesDeLigne(
  deps: Pick<Deps, "sourcage" | "programme">,
  actor: Actor,
  ligneId: string,
): Promise<{ demande: DemandeSourcage; reponses: ReponseVueParAcheteur[] }[]> {
  assertCan(actor, "sourcage.read");
  const ligne = await ligneVisible(deps, actor, ligneId);
  const demandes = await deps.sourcage.demandesDeLigne(ligne.id);
  return Promise.all(demandes.map(async (demande) => ({ demande, reponses: await deps.sourcage.reponsesDe(demande.id) })));
}

/** One questionnaire with its answers (the export), for the buyers who may see its line. */
export async function demandeAvecReponses(
  deps: Pick<Deps, "sourcage" | "programme">,
  actor: Actor,
  id: string,
): Promise<{ demande: DemandeSourcage; ligne: LigneProgramme; reponses: ReponseVueParAcheteur[] }> {
  assertCan(actor, "sourcage.read");
  const demande = await deps.sourcage.getDemande(id);
  if (!demande) throw notFound("Questionnaire de sourçage");
  const ligne = await ligneVisible(deps, actor, demande.ligneId);
  return { demande, ligne, reponses: await deps.sourcage.reponsesDe(id) };
}

/** The questionnaires of a published line, each with the actor's company's own answer (never another's). */
export async function demandesPourEntreprise(
  deps: Pick<Deps, "sourcage" | "programme" | "membres" | "clock">,
  actor: Actor,
  ligneId: string,
): Promise<{ demande: DemandeSourcage; ouverte: boolean; maReponse: ReponseSourcage | null }[]> {
  const membre = await membreDe(deps, actor);
  const ligne = await lignePubliee(deps, ligneId);
  const aujourdhui = jourParis(deps.clock.now());
  const demandes = await deps.sourcage.demandesDeLigne(ligne.id);
  return Promise.all(
    demandes.map(async (demande) => ({
      demande,
      ouverte: demandeOuverte(demande, aujourdhui),
      maReponse: await deps.sourcage.reponseDe(demande.id, membre.entrepriseId),
    })),
  );
}

export async function repondreDemande(
  deps: Pick<Deps, "sourcage" | "programme" | "membres" | "audit" | "clock" | "ids">,
  actor: Actor,
  demandeId: string,
  input: { reponses: Record<string, unknown>; version: number | null },
): Promise<ReponseSourcage> {
  const membre = await membreDe(deps, actor);
  const demande = await deps.sourcage.getDemande(demandeId);
  if (!demande) throw notFound("Questionnaire de sourçage");
  await lignePubliee(deps, demande.ligneId);
  const now = deps.clock.now();
  if (!demandeOuverte(demande, jourParis(now)))
    throw new DomainError(
      "SOURCING_CLOSED",
      demande.closeLe
        ? "Ce questionnaire a été clos par l'acheteur."
        : `Ce questionnaire était ouvert jusqu'au ${formatDateFr(demande.dateCloture)}.`,
      "conflict",
      [{ path: ["reponses"], message: "Questionnaire clos." }],
    );
  const reponses = validerReponses(demande.questions, input.reponses);
  const enregistree = await deps.sourcage.repondre(
    {
      id: deps.ids.newId(),
      demandeId,
      entrepriseId: membre.entrepriseId,
      utilisateurId: membre.utilisateurId,
      reponses,
      creeLe: now,
      modifieLe: now,
      version: 1,
    },
    input.version,
  );
  if (!enregistree) throw staleVersion();
  await deps.audit.append(actor, {
    organisationId: demande.organisationId,
    type: "reponse-sourcage.saved",
    aggregateType: "reponse-sourcage",
    aggregateId: enregistree.id,
    payload: { demandeId, entrepriseId: membre.entrepriseId, version: enregistree.version },
  });
  return enregistree;
}
