/**
 * Use cases of the procedures (consultations): creation from programme lines (or directly, with a reason),
 * the buyer's edits within the fields the state leaves open, publication (asked of the rule book), tenders per
 * lot, close of receipt, analysis, award per lot, notification (one outbox job per lot, same transaction),
 * the clause library and the picks into a procedure, the open consultations of the companies' portal.
 * Every write checks the optimistic version and is audited.
 */
import { assertCan, directionScope } from "../acces/policies";
import type { Actor } from "../acces/roles";
import type { AttributionNotifiee, TitulaireNotifie } from "../commun/attribution";
import { DomainError, invalidInput } from "../commun/errors";
import type { AuditLog, IdGenerator, Outbox } from "../commun/ports";
import { notFound, staleVersion } from "../organisation/organisation";
import type { ProgrammeRepository } from "../programme/ports";
import { cleAgregation, type FamilleAchat } from "../programme/programme";
import type { PublicationResult } from "../regles/publication";
import { heuresInsertion, validerClause, type Clause, type ClauseInput } from "./clausier";
import {
  assertModifiable,
  cloturerReception as cloturerMachine,
  LIBELLES_ETAT_PROCEDURE,
  notifier as notifierMachine,
  publier as publierMachine,
  transitionProcedure,
  type ChampProcedure,
} from "./machine";
import type { ConsultationPublique, ProceduresFilter, ProceduresRepository, ResumeProcedure } from "./ports";
import {
  caoRequise,
  calendrierProcedure,
  validerContenu,
  validerOffre,
  valeurEstimee,
  verifierChoixProcedure,
  verifierDates,
  type CalendrierProcedure,
  type ClauseChoisie,
  type ContenuProcedure,
  type Lot,
  type OffreInput,
  type Procedure,
} from "./procedure";

export interface ProceduresDeps {
  procedures: ProceduresRepository;
  programme: ProgrammeRepository;
  audit: AuditLog;
  ids: IdGenerator;
  clock: { now(): Date };
  outbox: Outbox;
}

/** Today in Paris (`YYYY-MM-DD`). */
export function aujourdhui(now: Date): string {
  return new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

const auteur = (actor: Actor) => actor.label;

/** A direction buyer works only on its own direction's procedures. */
function assertDirection(actor: Actor, directionId: string): void {
  const scope = directionScope(actor);
  if (scope.kind === "none" || (scope.kind === "direction" && scope.directionId !== directionId)) {
    throw new DomainError("FORBIDDEN", "Vous ne pouvez conduire que les procédures de votre direction.", "forbidden", [
      { path: ["directionId"], message: "Direction hors de votre périmètre." },
    ]);
  }
}

// ------------------------------------------------------------------------------------------------ clause library

export async function listClauses(deps: Pick<ProceduresDeps, "procedures">, actor: Actor, organisationId: string): Promise<Clause[]> {
  assertCan(actor, "procedures.read");
  return deps.procedures.listClauses(organisationId);
}

export async function createClause(
  deps: Pick<ProceduresDeps, "procedures" | "audit" | "ids">,
  actor: Actor,
  organisationId: string,
  input: ClauseInput,
): Promise<Clause> {
  assertCan(actor, "procedures.clausier");
  const values = validerClause(input);
  const clause: Clause = { id: deps.ids.newId(), organisationId, ...values, version: 1 };
  await deps.procedures.insertClause(clause);
  await deps.audit.append(actor, {
    organisationId,
    type: "clause.created",
    aggregateType: "clause",
    aggregateId: clause.id,
    payload: { ...values },
  });
  return clause;
}

export async function updateClause(
  deps: Pick<ProceduresDeps, "procedures" | "audit">,
  actor: Actor,
  organisationId: string,
  id: string,
  input: ClauseInput & { version: number },
): Promise<Clause> {
  assertCan(actor, "procedures.clausier");
  const current = await deps.procedures.getClause(id, organisationId);
  if (!current) throw notFound("Clause");
  if (current.version !== input.version) throw staleVersion();
  const { version: _v, ...brut } = input;
  const values = validerClause(brut);
  const next: Clause = { ...current, ...values, version: input.version + 1 };
  if (!(await deps.procedures.updateClause(next, input.version))) throw staleVersion();
  await deps.audit.append(actor, {
    organisationId,
    type: "clause.updated",
    aggregateType: "clause",
    aggregateId: id,
    payload: { before: { titre: current.titre, texte: current.texte, actif: current.actif }, after: { ...values } },
  });
  return next;
}

// ------------------------------------------------------------------------------------------------ reads

export async function listProcedures(
  deps: Pick<ProceduresDeps, "procedures">,
  actor: Actor,
  filter: Omit<ProceduresFilter, "scope">,
): Promise<{ total: number; procedures: ResumeProcedure[] }> {
  assertCan(actor, "procedures.read");
  return deps.procedures.list({ ...filter, scope: directionScope(actor) });
}

export async function getProcedure(
  deps: Pick<ProceduresDeps, "procedures">,
  actor: Actor,
  organisationId: string,
  id: string,
): Promise<Procedure> {
  assertCan(actor, "procedures.read");
  const p = await deps.procedures.get(id, organisationId, directionScope(actor));
  if (!p) throw notFound("Procédure");
  return p;
}

/** The timeline of legal dates of the procedure (asked of the engine) and whether a CAO session is needed. */
export function calendrier(p: Procedure): CalendrierProcedure & { caoRequise: boolean } {
  const lancement = p.datePublication ?? `${p.annee}-01-01`;
  let cao = false;
  try {
    cao = caoRequise(p, lancement);
  } catch {
    cao = false;
  }
  try {
    return { ...calendrierProcedure(p), caoRequise: cao };
  } catch (e) {
    if (e instanceof DomainError) return { etapes: [], refus: [e.message], alertes: [], caoRequise: cao };
    throw e;
  }
}

/** Published consultations whose tender deadline has not passed (companies' portal, no login). */
export async function consultationsOuvertes(deps: Pick<ProceduresDeps, "procedures" | "clock">): Promise<ConsultationPublique[]> {
  return deps.procedures.consultationsOuvertes(aujourdhui(deps.clock.now()));
}

// ------------------------------------------------------------------------------------------------ create, edit

export interface CreationProcedure extends ContenuProcedure {
  annee: number;
  directionId: string | null;
  lignesProgrammeIds: string[];
  motifHorsProgramme: string | null;
  clauseIds: string[];
}

async function lotsDe(input: ContenuProcedure, anciens: readonly Lot[] = []): Promise<Lot[]> {
  return input.lots.map((l, i) => {
    const ancien = anciens[i];
    return {
      numero: i + 1,
      ...l,
      offres: ancien?.offres ?? [],
      infructueux: false,
      offresRetenues: [],
      montantAttribueHtCents: null,
    };
  });
}

/** The programme lines of a procedure: validated or published, of one aggregate (family or operation), not taken. */
async function verifierLignes(
  deps: Pick<ProceduresDeps, "procedures" | "programme">,
  actor: Actor,
  organisationId: string,
  ids: readonly string[],
  saufProcedureId?: string,
): Promise<void> {
  if (ids.length === 0) return;
  if (new Set(ids).size !== ids.length) throw invalidInput([{ path: ["lignesProgrammeIds"], message: "Une ligne est citée deux fois." }]);
  const familles = new Map<string, FamilleAchat>((await deps.programme.listFamilles(organisationId)).map((f) => [f.id, f]));
  const cles = new Set<string>();
  for (const [i, id] of ids.entries()) {
    const ligne = await deps.programme.get(id, organisationId, { kind: "all" });
    if (!ligne) throw invalidInput([{ path: ["lignesProgrammeIds", i], message: "Ligne de programmation introuvable." }]);
    if (ligne.statut !== "validee" && ligne.statut !== "publiee")
      throw invalidInput([
        {
          path: ["lignesProgrammeIds", i],
          message: `La ligne « ${ligne.objet} » n'est pas validée (seules les lignes validées ou publiées lancent une procédure).`,
        },
      ]);
    const scope = directionScope(actor);
    if (scope.kind === "direction" && scope.directionId !== ligne.directionId)
      throw new DomainError("FORBIDDEN", "Cette ligne appartient à une autre direction.", "forbidden", [
        {
          path: ["lignesProgrammeIds", i],
          message: "Ligne d'une autre direction : la direction de la commande publique agrège les familles.",
        },
      ]);
    cles.add(cleAgregation(ligne, familles));
  }
  if (cles.size > 1)
    throw invalidInput([
      { path: ["lignesProgrammeIds"], message: `Les lignes relèvent de familles ou d'opérations différentes (${[...cles].join(", ")}).` },
    ]);
  const prises = await deps.procedures.lignesEngagees(organisationId, ids, saufProcedureId);
  if (prises.length > 0)
    throw new DomainError("LINE_TAKEN", "Une ligne de programmation est déjà engagée dans une autre procédure.", "conflict", [
      { path: ["lignesProgrammeIds"], message: `Déjà engagée(s) : ${prises.length} ligne(s).` },
    ]);
}

async function clausesChoisies(
  deps: Pick<ProceduresDeps, "procedures">,
  actor: Actor,
  organisationId: string,
  ids: readonly string[],
  existantes: readonly ClauseChoisie[],
  quand: Date,
): Promise<{ choisies: ClauseChoisie[]; clauses: Clause[] }> {
  const bibliotheque = new Map((await deps.procedures.listClauses(organisationId)).map((c) => [c.id, c]));
  const clauses: Clause[] = [];
  const choisies: ClauseChoisie[] = [];
  for (const [i, id] of [...new Set(ids)].entries()) {
    const c = bibliotheque.get(id);
    if (!c || (!c.actif && !existantes.some((e) => e.clauseId === id)))
      throw invalidInput([{ path: ["clauseIds", i], message: "Clause introuvable ou retirée du clausier." }]);
    clauses.push(c);
    choisies.push(
      existantes.find((e) => e.clauseId === id) ?? {
        clauseId: id,
        type: c.type,
        titre: c.titre,
        choisieLe: quand.toISOString(),
        choisiePar: auteur(actor),
      },
    );
  }
  return { choisies, clauses };
}

/** Flags and insertion hours that the picked clauses imply. */
function effetsClauses(p: Procedure, clauses: readonly Clause[]): Procedure {
  const sociale = clauses.find((c) => c.type === "sociale" && c.formuleHeures);
  return {
    ...p,
    conditionExecutionSociale:
      p.conditionExecutionSociale || clauses.some((c) => c.type === "sociale" && c.usage === "condition-execution"),
    conditionExecutionEnvironnementale:
      p.conditionExecutionEnvironnementale || clauses.some((c) => c.type === "environnementale" && c.usage === "condition-execution"),
    innovant: p.innovant || clauses.some((c) => c.type === "innovation"),
    heuresInsertionPrevues: sociale?.formuleHeures ? heuresInsertion(valeurEstimee(p), sociale.formuleHeures) : null,
  };
}

export async function creerProcedure(
  deps: ProceduresDeps,
  actor: Actor,
  organisationId: string,
  input: CreationProcedure,
): Promise<Procedure> {
  assertCan(actor, "procedures.write");
  const directionId = input.directionId ?? (actor.kind === "user" ? actor.directionId : null);
  if (!directionId) throw invalidInput([{ path: ["directionId"], message: "Indiquez la direction qui conduit la procédure." }]);
  assertDirection(actor, directionId);
  const contenu = validerContenu(input);
  const motif = input.motifHorsProgramme?.trim() || null;
  if (input.lignesProgrammeIds.length === 0 && (!motif || motif.length < 10))
    throw invalidInput([
      {
        path: ["motifHorsProgramme"],
        message: "Sans ligne de programmation, expliquez pourquoi le besoin n'était pas programmé (10 caractères au moins).",
      },
    ]);
  await verifierLignes(deps, actor, organisationId, input.lignesProgrammeIds);
  const id = deps.ids.newId();
  const now = deps.clock.now();
  const base: Procedure = {
    id,
    organisationId,
    directionId,
    reference: `${input.annee}-P-${id.replace(/-/g, "").slice(0, 8).toUpperCase()}`,
    annee: input.annee,
    objet: contenu.objet,
    nature: contenu.nature,
    lignesProgrammeIds: [...input.lignesProgrammeIds],
    motifHorsProgramme: input.lignesProgrammeIds.length === 0 ? motif : null,
    procedure: contenu.procedure,
    justificationProcedure: contenu.justificationProcedure,
    publicite: "aucune",
    criteres: contenu.criteres,
    conditionExecutionSociale: contenu.conditionExecutionSociale,
    conditionExecutionEnvironnementale: contenu.conditionExecutionEnvironnementale,
    innovant: contenu.innovant,
    heuresInsertionPrevues: null,
    urlProfilAcheteur: contenu.urlProfilAcheteur,
    dureeMois: contenu.dureeMois,
    etat: "brouillon",
    lots: await lotsDe(contenu),
    clauses: [],
    datePublication: null,
    dateLimiteReception: contenu.dateLimiteReception,
    dateSeanceCao: null,
    dateAttribution: null,
    dateSignature: null,
    dateNotification: null,
    dateAvisAttribution: null,
    version: 1,
  };
  const { choisies, clauses } = await clausesChoisies(deps, actor, organisationId, input.clauseIds, [], now);
  let procedure = effetsClauses({ ...base, clauses: choisies }, clauses);
  const { publicite } = verifierChoixProcedure(
    procedure,
    contenu.publicite,
    aujourdhui(now) > `${input.annee}-01-01` ? aujourdhui(now) : `${input.annee}-01-01`,
  );
  procedure = { ...procedure, publicite };
  await deps.procedures.insert(procedure);
  await deps.audit.append(actor, {
    organisationId,
    type: "procedure.created",
    aggregateType: "procedure",
    aggregateId: id,
    payload: {
      reference: procedure.reference,
      objet: procedure.objet,
      procedure: procedure.procedure,
      lignesProgrammeIds: procedure.lignesProgrammeIds,
      motifHorsProgramme: procedure.motifHorsProgramme,
      lots: procedure.lots.length,
      valeurEstimeeHtCents: valeurEstimee(procedure),
    },
  });
  if (choisies.length > 0) {
    await deps.audit.append(actor, {
      organisationId,
      type: "procedure.clauses-choisies",
      aggregateType: "procedure",
      aggregateId: id,
      payload: { clauses: choisies.map((c) => c.clauseId) },
    });
  }
  return procedure;
}

export interface ModificationProcedure extends ContenuProcedure {
  clauseIds: string[];
  version: number;
}

const egal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Edits the buyer's content; a field sealed by the state is refused (FIELD_SEALED, naming the state). */
export async function modifierProcedure(
  deps: ProceduresDeps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: ModificationProcedure,
): Promise<Procedure> {
  assertCan(actor, "procedures.write");
  const current = await getProcedure(deps, actor, organisationId, id);
  assertDirection(actor, current.directionId);
  if (current.version !== input.version) throw staleVersion();
  const contenu = validerContenu(input);
  const lotsActuels = current.lots.map((l) => ({
    objet: l.objet,
    cpv: l.cpv,
    valeurEstimeeHtCents: l.valeurEstimeeHtCents,
    reserve: l.reserve,
    accordCadre: l.accordCadre,
  }));
  const changes: ChampProcedure[] = [];
  if (
    contenu.objet !== current.objet ||
    contenu.nature !== current.nature ||
    contenu.dureeMois !== current.dureeMois ||
    contenu.urlProfilAcheteur !== current.urlProfilAcheteur
  )
    changes.push("objet");
  if (!egal(contenu.lots, lotsActuels)) changes.push("lots");
  if (contenu.procedure !== current.procedure || contenu.justificationProcedure !== current.justificationProcedure)
    changes.push("procedure");
  if (contenu.publicite !== null && contenu.publicite !== current.publicite) changes.push("publicite");
  if (!egal(contenu.criteres, current.criteres)) changes.push("criteres");
  const idsActuels = current.clauses.map((c) => c.clauseId);
  if (
    !egal([...new Set(input.clauseIds)].sort(), [...idsActuels].sort()) ||
    contenu.conditionExecutionSociale !== current.conditionExecutionSociale ||
    contenu.conditionExecutionEnvironnementale !== current.conditionExecutionEnvironnementale ||
    contenu.innovant !== current.innovant
  )
    changes.push("clauses");
  if (contenu.dateLimiteReception !== current.dateLimiteReception) changes.push("dateLimiteReception");
  if (changes.length === 0) return current;
  assertModifiable(current.etat, changes);
  const now = deps.clock.now();
  const { choisies, clauses } = await clausesChoisies(deps, actor, organisationId, input.clauseIds, current.clauses, now);
  let next: Procedure = {
    ...current,
    objet: contenu.objet,
    nature: contenu.nature,
    dureeMois: contenu.dureeMois,
    urlProfilAcheteur: contenu.urlProfilAcheteur,
    procedure: contenu.procedure,
    justificationProcedure: contenu.justificationProcedure,
    criteres: contenu.criteres,
    conditionExecutionSociale: contenu.conditionExecutionSociale,
    conditionExecutionEnvironnementale: contenu.conditionExecutionEnvironnementale,
    innovant: contenu.innovant,
    dateLimiteReception: contenu.dateLimiteReception,
    lots: changes.includes("lots") ? await lotsDe(contenu, current.lots) : current.lots,
    clauses: choisies,
    version: input.version + 1,
  };
  next = effetsClauses(next, clauses);
  if (current.etat === "brouillon") {
    next.publicite = verifierChoixProcedure(next, contenu.publicite, aujourdhui(now)).publicite;
  } else if (changes.includes("dateLimiteReception")) {
    // postponing the deadline of a published consultation (correcting notice): still checked by the engine
    if (!next.dateLimiteReception) throw invalidInput([{ path: ["dateLimiteReception"], message: "Une date limite est attendue." }]);
    verifierDates(next, "dateLimiteReception");
  }
  if (!(await deps.procedures.save(next, input.version))) throw staleVersion();
  await deps.audit.append(actor, {
    organisationId,
    type: "procedure.updated",
    aggregateType: "procedure",
    aggregateId: id,
    payload: { champs: changes, etat: current.etat },
  });
  if (
    changes.includes("clauses") &&
    !egal(
      choisies.map((c) => c.clauseId),
      idsActuels,
    )
  ) {
    await deps.audit.append(actor, {
      organisationId,
      type: "procedure.clauses-choisies",
      aggregateType: "procedure",
      aggregateId: id,
      payload: { clauses: choisies.map((c) => c.clauseId) },
    });
  }
  return next;
}

// ------------------------------------------------------------------------------------------------ workflow

async function chargerPourEcrire(
  deps: ProceduresDeps,
  actor: Actor,
  organisationId: string,
  id: string,
  version: number,
): Promise<Procedure> {
  assertCan(actor, "procedures.write");
  const current = await getProcedure(deps, actor, organisationId, id);
  assertDirection(actor, current.directionId);
  if (current.version !== version) throw staleVersion();
  return current;
}

async function enregistrer(
  deps: ProceduresDeps,
  actor: Actor,
  before: Procedure,
  next: Procedure,
  type: string,
  payload: Record<string, unknown>,
): Promise<Procedure> {
  const saved = { ...next, version: before.version + 1 };
  if (!(await deps.procedures.save(saved, before.version))) throw staleVersion();
  await deps.audit.append(actor, {
    organisationId: before.organisationId,
    type,
    aggregateType: "procedure",
    aggregateId: before.id,
    payload: { de: before.etat, vers: saved.etat, ...payload },
  });
  return saved;
}

/**
 * Publication: the machine allows it from draft, and the rule book must find the consultation publishable
 * (procedure allowed, Climat duties from 2026-08-21, tender deadline not below the legal minimum, weights).
 */
export async function publierProcedure(
  deps: ProceduresDeps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: { version: number; datePublication?: string | null },
): Promise<{ procedure: Procedure; verification: PublicationResult }> {
  const current = await chargerPourEcrire(deps, actor, organisationId, id, input.version);
  const datePublication = input.datePublication ?? aujourdhui(deps.clock.now());
  if (!current.dateLimiteReception)
    throw invalidInput([{ path: ["dateLimiteReception"], message: "Fixez la date limite de réception des offres avant de publier." }]);
  verifierChoixProcedure(current, current.publicite, datePublication);
  const { etat, verification } = publierMachine(current.etat, {
    nature: current.nature,
    valeurEstimeeHtCents: valeurEstimee(current),
    dateLancement: datePublication,
    procedure: current.procedure,
    dateLimiteReception: current.dateLimiteReception,
    criteres: current.criteres,
    conditionExecutionEnvironnementale: current.conditionExecutionEnvironnementale,
    conditionExecutionSociale: current.conditionExecutionSociale,
    innovant: current.innovant,
  });
  const next: Procedure = { ...current, etat, datePublication };
  verifierDates(next, "datePublication");
  const procedure = await enregistrer(deps, actor, current, next, "procedure.published", {
    datePublication,
    dateLimiteReception: current.dateLimiteReception,
  });
  return { procedure, verification };
}

export async function saisirOffre(
  deps: ProceduresDeps,
  actor: Actor,
  organisationId: string,
  id: string,
  lotNumero: number,
  input: OffreInput & { version: number },
): Promise<Procedure> {
  const current = await chargerPourEcrire(deps, actor, organisationId, id, input.version);
  assertModifiable(current.etat, ["offres"]);
  const lot = current.lots.find((l) => l.numero === lotNumero);
  if (!lot) throw notFound("Lot");
  const offre = { id: deps.ids.newId(), ...validerOffre(input) };
  if (lot.offres.some((o) => o.siret === offre.siret))
    throw new DomainError("TENDER_DUPLICATE", "Ce soumissionnaire a déjà une offre sur ce lot.", "conflict", [
      { path: ["siret"], message: "Offre déjà saisie pour ce SIRET sur ce lot." },
    ]);
  const next: Procedure = {
    ...current,
    lots: current.lots.map((l) => (l.numero === lotNumero ? { ...l, offres: [...l.offres, offre] } : l)),
  };
  return enregistrer(deps, actor, current, next, "procedure.offre-saisie", {
    lot: lotNumero,
    siret: offre.siret,
    prixHtCents: offre.prixHtCents,
  });
}

export async function retirerOffre(
  deps: ProceduresDeps,
  actor: Actor,
  organisationId: string,
  id: string,
  lotNumero: number,
  offreId: string,
  input: { version: number },
): Promise<Procedure> {
  const current = await chargerPourEcrire(deps, actor, organisationId, id, input.version);
  assertModifiable(current.etat, ["offres"]);
  const lot = current.lots.find((l) => l.numero === lotNumero);
  const offre = lot?.offres.find((o) => o.id === offreId);
  if (!lot || !offre) throw notFound("Offre");
  const next: Procedure = {
    ...current,
    lots: current.lots.map((l) => (l.numero === lotNumero ? { ...l, offres: l.offres.filter((o) => o.id !== offreId) } : l)),
  };
  return enregistrer(deps, actor, current, next, "procedure.offre-retiree", { lot: lotNumero, siret: offre.siret });
}

/** Close of receipt: lots without tender become unsuccessful; the procedure too if every lot is. */
export async function cloturerReceptionOffres(
  deps: ProceduresDeps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: { version: number },
): Promise<Procedure> {
  const current = await chargerPourEcrire(deps, actor, organisationId, id, input.version);
  const { etat, lotsInfructueux } = cloturerMachine(
    current.etat,
    new Map(current.lots.map((l) => [l.numero, l.offres.length])),
    current.lots.map((l) => l.numero),
  );
  const next: Procedure = { ...current, etat, lots: current.lots.map((l) => ({ ...l, infructueux: lotsInfructueux.includes(l.numero) })) };
  return enregistrer(deps, actor, current, next, etat === "infructueuse" ? "procedure.unsuccessful" : "procedure.reception-cloturee", {
    lotsInfructueux,
    offresParLot: Object.fromEntries(current.lots.map((l) => [l.numero, l.offres.length])),
  });
}

export async function terminerAnalyse(
  deps: ProceduresDeps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: { version: number },
): Promise<Procedure> {
  const current = await chargerPourEcrire(deps, actor, organisationId, id, input.version);
  const next: Procedure = { ...current, etat: transitionProcedure(current.etat, "analyser") };
  return enregistrer(deps, actor, current, next, "procedure.analysed", {});
}

export interface AttributionInput {
  version: number;
  dateAttribution: string;
  dateSeanceCao: string | null;
  lots: { numero: number; offreIds: string[]; infructueux?: boolean; montantMaxHtCents?: number | null }[];
}

/**
 * Award per lot: the tenders retained (several only for a framework agreement, with its maximum amount), or
 * the lot declared unsuccessful. The CAO session is required when the engine says the procedure is formalised.
 */
export async function attribuerProcedure(
  deps: ProceduresDeps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: AttributionInput,
): Promise<Procedure> {
  const current = await chargerPourEcrire(deps, actor, organisationId, id, input.version);
  const etat = transitionProcedure(current.etat, "attribuer");
  const issues: { path: (string | number)[]; message: string }[] = [];
  const lots = current.lots.map((lot) => {
    if (lot.infructueux) return lot;
    const i = input.lots.findIndex((l) => l.numero === lot.numero);
    const choix = input.lots[i];
    if (!choix) {
      issues.push({ path: ["lots"], message: `Lot ${lot.numero} : retenez une offre ou déclarez le lot infructueux.` });
      return lot;
    }
    if (choix.infructueux) return { ...lot, infructueux: true, offresRetenues: [], montantAttribueHtCents: null };
    const retenues = lot.offres.filter((o) => choix.offreIds.includes(o.id));
    if (retenues.length === 0 || retenues.length !== new Set(choix.offreIds).size)
      issues.push({ path: ["lots", i, "offreIds"], message: `Lot ${lot.numero} : offre retenue introuvable.` });
    if (retenues.length > 1 && !lot.accordCadre)
      issues.push({ path: ["lots", i, "offreIds"], message: `Lot ${lot.numero} : plusieurs titulaires seulement pour un accord-cadre.` });
    let montant = retenues.length === 1 ? (retenues[0]?.prixHtCents ?? null) : null;
    if (lot.accordCadre) {
      montant = choix.montantMaxHtCents ?? lot.valeurEstimeeHtCents;
      if (!Number.isSafeInteger(montant) || montant <= 0)
        issues.push({ path: ["lots", i, "montantMaxHt"], message: "Montant maximum de l'accord-cadre positif attendu." });
    }
    return { ...lot, offresRetenues: retenues.map((o) => o.id), montantAttribueHtCents: montant };
  });
  if (issues.length > 0) throw invalidInput(issues, "Attribution incomplète.");
  const attribues = lots.filter((l) => !l.infructueux);
  const cao = caoRequise(current, current.datePublication ?? input.dateAttribution);
  if (cao && !input.dateSeanceCao)
    throw invalidInput([
      { path: ["dateSeanceCao"], message: "Procédure formalisée : la CAO attribue ; indiquez la date de sa séance (CGCT L1414-2)." },
    ]);
  let next: Procedure = { ...current, etat, lots, dateAttribution: input.dateAttribution, dateSeanceCao: input.dateSeanceCao };
  if (attribues.length === 0) {
    next = { ...next, etat: transitionProcedure(current.etat, "declarer-infructueuse"), dateAttribution: null };
    return enregistrer(deps, actor, current, next, "procedure.unsuccessful", { lotsInfructueux: lots.map((l) => l.numero) });
  }
  verifierDates(next, "dateAttribution");
  return enregistrer(deps, actor, current, next, "procedure.awarded", {
    dateAttribution: input.dateAttribution,
    dateSeanceCao: input.dateSeanceCao,
    lots: attribues.map((l) => ({ numero: l.numero, offres: l.offresRetenues, montantHtCents: l.montantAttribueHtCents })),
    lotsInfructueux: lots.filter((l) => l.infructueux).map((l) => l.numero),
  });
}

function titulairesDe(lot: Lot): TitulaireNotifie[] {
  return lot.offres
    .filter((o) => lot.offresRetenues.includes(o.id))
    .flatMap((o): TitulaireNotifie[] =>
      o.membres.length === 0
        ? [{ siret: o.siret, nom: o.nom, role: "titulaire", categorie: o.categorie }]
        : [
            { siret: o.siret, nom: o.nom, role: "mandataire", categorie: o.categorie },
            ...o.membres.map((m) => ({ siret: m.siret, nom: m.nom, role: "cotraitant" as const, categorie: null })),
          ],
    );
}

/** The payload of the contract record of each awarded lot. */
export function attributionsNotifiees(p: Procedure): AttributionNotifiee[] {
  // the contract record's social clause is the insertion clause, with its hours (shared among lots by value)
  const total = valeurEstimee(p);
  const heures = (l: Lot) =>
    p.heuresInsertionPrevues === null || total === 0
      ? null
      : Math.max(1, Math.floor((p.heuresInsertionPrevues * l.valeurEstimeeHtCents) / total));
  return p.lots
    .filter((l) => !l.infructueux && l.offresRetenues.length > 0)
    .map((l) => ({
      organisationId: p.organisationId,
      directionId: p.directionId,
      procedureId: p.id,
      lotNumero: l.numero,
      numero: p.lots.length > 1 ? `${p.reference}-L${l.numero}` : p.reference,
      objet: p.lots.length > 1 ? `${p.objet} — lot ${l.numero} : ${l.objet}` : p.objet,
      nature: p.nature,
      cpv: l.cpv,
      procedure: p.procedure,
      titulaires: titulairesDe(l),
      montantHtCents: l.accordCadre ? null : l.montantAttribueHtCents,
      accordCadre: l.accordCadre,
      montantMinHtCents: null,
      montantMaxHtCents: l.accordCadre ? l.montantAttribueHtCents : null,
      dateNotification: p.dateNotification ?? "",
      dureeMois: p.dureeMois,
      nombreOffres: l.offres.length,
      clauseSociale: heures(l) !== null,
      heuresInsertionPrevues: heures(l),
      clauseEnvironnementale: p.conditionExecutionEnvironnementale || p.clauses.some((c) => c.type === "environnementale"),
      marcheReserve: l.reserve,
      achatInnovant: p.innovant,
      lignesProgrammeIds: [...p.lignesProgrammeIds],
    }));
}

/**
 * Notification: signature not before the end of the standstill (asked of the engine), then the procedure is
 * notified and, in the same transaction, one `procedures.attribution-notifiee` job per awarded lot.
 */
export async function notifierProcedure(
  deps: ProceduresDeps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: { version: number; dateSignature: string; dateNotification: string; dateAvisAttribution?: string | null },
): Promise<Procedure> {
  const current = await chargerPourEcrire(deps, actor, organisationId, id, input.version);
  transitionProcedure(current.etat, "notifier");
  const datee: Procedure = {
    ...current,
    dateSignature: input.dateSignature,
    dateNotification: input.dateNotification,
    dateAvisAttribution: input.dateAvisAttribution ?? null,
  };
  verifierDates(datee, "dateSignature");
  const saved = { ...datee, etat: "notifiee" as const, version: current.version + 1 };
  // the versioned save first: of two concurrent notifications, the second is refused before any job is written
  if (!(await deps.procedures.save(saved, current.version))) throw staleVersion();
  const attributions = attributionsNotifiees(saved);
  await notifierMachine({ outbox: deps.outbox }, current.etat, attributions);
  await deps.audit.append(actor, {
    organisationId,
    type: "procedure.notified",
    aggregateType: "procedure",
    aggregateId: id,
    payload: {
      de: current.etat,
      vers: "notifiee",
      dateSignature: input.dateSignature,
      dateNotification: input.dateNotification,
      lots: attributions.map((a) => a.lotNumero),
    },
  });
  return saved;
}

export async function abandonnerProcedure(
  deps: ProceduresDeps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: { version: number; motif: string },
): Promise<Procedure> {
  const current = await chargerPourEcrire(deps, actor, organisationId, id, input.version);
  const motif = (input.motif ?? "").trim();
  if (motif.length < 3) throw invalidInput([{ path: ["motif"], message: "Expliquez l'abandon (déclaration sans suite)." }]);
  const next: Procedure = { ...current, etat: transitionProcedure(current.etat, "abandonner") };
  return enregistrer(deps, actor, current, next, "procedure.abandoned", { motif });
}

export async function declarerInfructueuse(
  deps: ProceduresDeps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: { version: number; motif: string },
): Promise<Procedure> {
  const current = await chargerPourEcrire(deps, actor, organisationId, id, input.version);
  const motif = (input.motif ?? "").trim();
  if (motif.length < 3) throw invalidInput([{ path: ["motif"], message: "Expliquez pourquoi la procédure est infructueuse." }]);
  const next: Procedure = {
    ...current,
    etat: transitionProcedure(current.etat, "declarer-infructueuse"),
    lots: current.lots.map((l) => ({ ...l, infructueux: true, offresRetenues: [], montantAttribueHtCents: null })),
  };
  return enregistrer(deps, actor, current, next, "procedure.unsuccessful", { motif });
}

export { LIBELLES_ETAT_PROCEDURE };
