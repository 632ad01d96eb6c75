import { DomainError, invalidInput } from "../commun/errors";
import type { AuditLog, Clock, Courriels, IdGenerator } from "../commun/ports";
import { systemActor, type Actor } from "../acces/roles";
import { membreDe } from "../entreprises/comptes.use-cases";
import type { MembreRepository } from "../entreprises/ports";
import { notFound, staleVersion } from "../organisation/organisation";
import { formatDateFr } from "../valeurs/date-legale";
import type { ConsultationOuverte, ConsultationsOuvertesSource, LignesPublieesSource, RechercheRepository, Signataire } from "./ports";
import {
  correspond,
  egaliteConstante,
  trierRecents,
  validerRecherche,
  type CriteresVeille,
  type ElementVeille,
  type RechercheEnregistree,
  type RechercheInput,
} from "./veille";

/**
 * Saved searches of a company account: created, listed, changed and deleted by the company's members only
 * (never another company's); digests of the new matching items sent by the job runner, each item at most once
 * per search; private feed addresses and unsubscribe links signed with the installation's key.
 */

interface Deps {
  recherches: RechercheRepository;
  membres: MembreRepository;
  audit: AuditLog;
  clock: Clock;
  ids: IdGenerator;
}

export const RECHERCHES_MAX = 20;

/** A search of the actor's company; another company's search is "not found" (its existence is not disclosed). */
async function rechercheDe(deps: Pick<Deps, "recherches" | "membres">, actor: Actor, id: string): Promise<RechercheEnregistree> {
  const membre = await membreDe(deps, actor);
  const recherche = await deps.recherches.get(id);
  if (!recherche || recherche.entrepriseId !== membre.entrepriseId) throw notFound("Recherche enregistrée");
  return recherche;
}

export async function listerRecherches(deps: Pick<Deps, "recherches" | "membres">, actor: Actor): Promise<RechercheEnregistree[]> {
  const membre = await membreDe(deps, actor);
  return deps.recherches.deEntreprise(membre.entrepriseId);
}

export async function creerRecherche(deps: Deps, actor: Actor, input: RechercheInput): Promise<RechercheEnregistree> {
  const membre = await membreDe(deps, actor);
  const valeurs = validerRecherche(input);
  const existantes = await deps.recherches.deEntreprise(membre.entrepriseId);
  if (existantes.length >= RECHERCHES_MAX)
    throw invalidInput([{ path: ["nom"], message: `Une entreprise garde ${RECHERCHES_MAX} recherches enregistrées au plus.` }]);
  const recherche: RechercheEnregistree = {
    ...valeurs,
    id: deps.ids.newId(),
    entrepriseId: membre.entrepriseId,
    utilisateurId: membre.utilisateurId,
    alertesActives: true,
    fluxGeneration: 1,
    fluxActif: true,
    creeLe: deps.clock.now(),
    version: 1,
  };
  await deps.recherches.insert(recherche);
  await deps.audit.append(actor, {
    type: "recherche.created",
    aggregateType: "recherche",
    aggregateId: recherche.id,
    payload: { entrepriseId: membre.entrepriseId, ...valeurs },
  });
  return recherche;
}

export async function modifierRecherche(
  deps: Deps,
  actor: Actor,
  id: string,
  input: RechercheInput & { alertesActives: boolean; version: number },
): Promise<RechercheEnregistree> {
  const recherche = await rechercheDe(deps, actor, id);
  const valeurs = validerRecherche(input);
  if (recherche.version !== input.version) throw staleVersion();
  const modifiee: RechercheEnregistree = { ...recherche, ...valeurs, alertesActives: input.alertesActives, version: recherche.version + 1 };
  if (!(await deps.recherches.update(modifiee, input.version))) throw staleVersion();
  await deps.audit.append(actor, {
    type: "recherche.updated",
    aggregateType: "recherche",
    aggregateId: id,
    payload: { ...valeurs, alertesActives: input.alertesActives },
  });
  return modifiee;
}

export async function supprimerRecherche(deps: Deps, actor: Actor, id: string): Promise<void> {
  await rechercheDe(deps, actor, id);
  await deps.recherches.delete(id);
  await deps.audit.append(actor, { type: "recherche.deleted", aggregateType: "recherche", aggregateId: id, payload: {} });
}

/** Renews (revokes the old address, `actif` true) or revokes (`actif` false) the private feed address. */
export async function renouvelerFlux(deps: Deps, actor: Actor, id: string, actif: boolean): Promise<RechercheEnregistree> {
  const recherche = await rechercheDe(deps, actor, id);
  const modifiee = { ...recherche, fluxGeneration: recherche.fluxGeneration + 1, fluxActif: actif, version: recherche.version + 1 };
  if (!(await deps.recherches.update(modifiee, recherche.version))) throw staleVersion();
  await deps.audit.append(actor, {
    type: "recherche.feed-renewed",
    aggregateType: "recherche",
    aggregateId: id,
    payload: { generation: modifiee.fluxGeneration, actif },
  });
  return modifiee;
}

// ------------------------------------------------------------------------------------------------ tokens

/** The private feed token of a search: its identifier and a signature of its current generation. */
export async function jetonFlux(signataire: Signataire, r: Pick<RechercheEnregistree, "id" | "fluxGeneration">): Promise<string> {
  return `${r.id}.${await signataire.signer(`flux:${r.id}:${r.fluxGeneration}`)}`;
}

/** The unsubscribe token of a search (valid without login, as long as the search exists). */
export async function jetonDesabonnement(signataire: Signataire, rechercheId: string): Promise<string> {
  return `${rechercheId}.${await signataire.signer(`desabonnement:${rechercheId}`)}`;
}

const lienInvalide = (champ: string) =>
  new DomainError("LINK_INVALID", "Ce lien n'est pas valable (faux, révoqué ou la recherche a été supprimée).", "invalid-input", [
    { path: [champ], message: "Lien invalide." },
  ]);

function separer(jeton: string): [string, string] | null {
  const i = jeton.indexOf(".");
  if (i <= 0 || !/^[0-9a-f-]{36}$/i.test(jeton.slice(0, i))) return null;
  return [jeton.slice(0, i), jeton.slice(i + 1)];
}

/** The search of a private feed token, if the token is the current one and the feed is not revoked. */
export async function rechercheDuFlux(
  deps: { recherches: RechercheRepository; signataire: Signataire },
  jeton: string,
): Promise<RechercheEnregistree> {
  const parts = separer(jeton);
  const recherche = parts ? await deps.recherches.get(parts[0]) : null;
  if (!parts || !recherche?.fluxActif) throw lienInvalide("jeton");
  if (!egaliteConstante(parts[1], await deps.signataire.signer(`flux:${recherche.id}:${recherche.fluxGeneration}`)))
    throw lienInvalide("jeton");
  return recherche;
}

/** Turns off the alerts of a search from the link of a digest (no login). Idempotent. */
export async function desabonner(
  deps: { recherches: RechercheRepository; signataire: Signataire; audit: AuditLog },
  jeton: string,
): Promise<{ nom: string }> {
  const parts = separer(jeton);
  const recherche = parts ? await deps.recherches.getForUpdate(parts[0]) : null;
  if (!parts || !recherche || !egaliteConstante(parts[1], await deps.signataire.signer(`desabonnement:${recherche.id}`)))
    throw lienInvalide("jeton");
  if (recherche.alertesActives) {
    await deps.recherches.update({ ...recherche, alertesActives: false, version: recherche.version + 1 }, recherche.version);
    await deps.audit.append(systemActor("lien de désabonnement"), {
      type: "recherche.unsubscribed",
      aggregateType: "recherche",
      aggregateId: recherche.id,
      payload: { entrepriseId: recherche.entrepriseId },
    });
  }
  return { nom: recherche.nom };
}

// ------------------------------------------------------------------------------------------------ items

/** The département of a consultation's items: the platform serves one département. */
export function elementDeConsultation(c: ConsultationOuverte, departement: string | null): ElementVeille {
  const lots = c.lots.map((l) => `lot ${l.numero} : ${l.objet}`).join(" ; ");
  const limite = new Date(c.dateLimiteReception);
  return {
    type: "consultation",
    id: c.id,
    titre: c.objet,
    description: [
      `Consultation (${c.procedure}) de la direction ${c.direction}`,
      lots,
      `remise des offres au plus tard le ${/^\d{4}-\d{2}-\d{2}$/.test(c.dateLimiteReception) ? formatDateFr(c.dateLimiteReception) : limite.toISOString()}`,
    ]
      .filter((s) => s !== "")
      .join(" — "),
    cpv: [...new Set([c.cpv, ...c.lots.map((l) => l.cpv)])],
    fourchette: null,
    departement,
    publieLe: c.publieeLe ? new Date(c.publieeLe) : limite,
    dateLimite: limite,
    lien: c.urlProfilAcheteur ?? "/api/public/consultations",
  };
}

export interface SourcesVeille {
  lignes: LignesPublieesSource;
  consultations: ConsultationsOuvertesSource;
  /** The département of the platform (items carry it). */
  departement: string | null;
}

/** Published lines and open consultations matching the criteria, newest first, at most `limite`. */
export async function elementsCorrespondants(sources: SourcesVeille, criteres: CriteresVeille, limite: number): Promise<ElementVeille[]> {
  const [lignes, consultations] = await Promise.all([sources.lignes.lignesPubliees(1000), sources.consultations.lister()]);
  const tous = [...lignes, ...consultations.map((c) => elementDeConsultation(c, sources.departement))];
  return trierRecents(tous.filter((e) => correspond(e, criteres))).slice(0, limite);
}

export const cleElement = (e: Pick<ElementVeille, "type" | "id">) => `${e.type}:${e.id}`;
export const SYNTHESE_MAX = 50;

export interface Synthese {
  recherche: RechercheEnregistree;
  email: string;
  organisationId: string;
  elements: ElementVeille[];
}

/**
 * The digest of one search: the matching items never mailed for it (at most SYNTHESE_MAX, the rest next time),
 * recorded as sent in the same transaction as the mail. Null when nothing new, or alerts off, or no recipient.
 */
export async function composerSynthese(
  deps: { recherches: RechercheRepository; clock: Clock },
  sources: SourcesVeille,
  rechercheId: string,
): Promise<Synthese | null> {
  const recherche = await deps.recherches.getForUpdate(rechercheId);
  if (!recherche?.alertesActives) return null;
  const destinataire = await deps.recherches.destinataire(recherche.utilisateurId);
  if (!destinataire?.actif) return null;
  const deja = await deps.recherches.envoyes(recherche.id);
  const nouveaux = (await elementsCorrespondants(sources, recherche, 2000)).filter((e) => !deja.has(cleElement(e))).slice(0, SYNTHESE_MAX);
  if (nouveaux.length === 0) return null;
  const inseres = new Set(await deps.recherches.marquerEnvoyes(recherche.id, nouveaux.map(cleElement), deps.clock.now()));
  const elements = nouveaux.filter((e) => inseres.has(cleElement(e)));
  return elements.length ? { recherche, email: destinataire.email, organisationId: destinataire.organisationId, elements } : null;
}

/** French text of a digest mail. */
export function texteSynthese(
  s: Synthese,
  liens: { publicUrl: string; desabonnement: string; flux: string | null },
): {
  sujet: string;
  texte: string;
} {
  const absolu = (l: string) => (l.startsWith("/") ? `${liens.publicUrl}${l}` : l);
  const lignes = s.elements.filter((e) => e.type === "ligne");
  const consultations = s.elements.filter((e) => e.type === "consultation");
  const n = s.elements.length;
  const texte = [
    `Votre recherche « ${s.recherche.nom} » : ${n} nouveauté${n > 1 ? "s" : ""}.`,
    "",
    ...(consultations.length
      ? [
          `Consultations ouvertes (${consultations.length})`,
          ...consultations.map(
            (e) =>
              `  - ${e.titre} — offres avant le ${e.dateLimite?.toLocaleDateString("fr-FR", { timeZone: "Europe/Paris" })} : ${absolu(e.lien)}`,
          ),
          "",
        ]
      : []),
    ...(lignes.length
      ? [
          `Achats prévus au programme (${lignes.length})`,
          ...lignes.map((e) => `  - ${e.titre}${e.fourchette ? ` (${e.fourchette.libelle})` : ""} : ${absolu(e.lien)}`),
          "",
        ]
      : []),
    ...(liens.flux ? [`Flux RSS de cette recherche : ${liens.flux}`] : []),
    `Ne plus recevoir ces alertes : ${liens.desabonnement}`,
  ].join("\n");
  return { sujet: `Achat public : ${n} nouveauté${n > 1 ? "s" : ""} pour « ${s.recherche.nom} »`, texte };
}

/** Sends the digest (mail and audit); the caller runs it in the unit of work of `composerSynthese`. */
export async function envoyerSynthese(
  deps: { courriels: Courriels; audit: AuditLog },
  s: Synthese,
  contenu: { sujet: string; texte: string },
): Promise<void> {
  const organisationId = s.organisationId;
  await deps.courriels.envoyer({ organisationId, destinataires: [s.email], ...contenu, categorie: "portail.synthese" });
  await deps.audit.append(systemActor("tâche : synthèse des recherches"), {
    organisationId,
    type: "recherche.digest-sent",
    aggregateType: "recherche",
    aggregateId: s.recherche.id,
    payload: { elements: s.elements.length, entrepriseId: s.recherche.entrepriseId },
  });
}
