/**
 * Use cases of the purchase programme: the families nomenclature, the lines of the directions and their
 * workflow, the aggregation by family with the split-purchase alerts (asked of the rule book), the public
 * programme.
 */
import { assertCan, directionScope } from "../acces/policies";
import type { Actor } from "../acces/roles";
import { DomainError, invalidInput } from "../commun/errors";
import type { AuditLog, IdGenerator } from "../commun/ports";
import { notFound, staleVersion } from "../organisation/organisation";
import { agregerBesoins, estAlerteFractionnement, type GroupeAgrege } from "../regles/agregation";
import type { Alerte } from "../regles/reponse";
import { COUVERTURE_MOTEUR } from "../regles/seuils";
import { formatEuros } from "../valeurs/montant";
import type { LignesFilter, LignePublique, ProgrammeRepository, RecherchePublique } from "./ports";
import {
  cleAgregation,
  ligneScellee,
  STATUTS_MODIFIABLES,
  TRANSITIONS_LIGNE,
  transitionRefusee,
  validerFamille,
  validerLigne,
  type ActionLigne,
  type ContenuLigne,
  type FamilleAchat,
  type FamilleAchatInput,
  type LigneInput,
  type LigneProgramme,
  type VersionLigne,
} from "./programme";

interface Deps {
  programme: ProgrammeRepository;
  audit: AuditLog;
  ids: IdGenerator;
  clock: { now(): Date };
}

// ------------------------------------------------------------------------------------------------ families

export async function listFamilles(deps: Pick<Deps, "programme">, actor: Actor, organisationId: string): Promise<FamilleAchat[]> {
  assertCan(actor, "programme.read");
  return deps.programme.listFamilles(organisationId);
}

export async function createFamille(
  deps: Pick<Deps, "programme" | "audit" | "ids">,
  actor: Actor,
  organisationId: string,
  input: FamilleAchatInput,
): Promise<FamilleAchat> {
  assertCan(actor, "programme.familles");
  const values = validerFamille(input);
  const famille: FamilleAchat = { id: deps.ids.newId(), organisationId, ...values, version: 1 };
  await deps.programme.insertFamille(famille);
  await deps.audit.append(actor, {
    organisationId,
    type: "famille-achat.created",
    aggregateType: "famille-achat",
    aggregateId: famille.id,
    payload: values,
  });
  return famille;
}

export async function updateFamille(
  deps: Pick<Deps, "programme" | "audit">,
  actor: Actor,
  organisationId: string,
  id: string,
  input: FamilleAchatInput & { version: number },
): Promise<FamilleAchat> {
  assertCan(actor, "programme.familles");
  const current = await deps.programme.getFamille(id, organisationId);
  if (!current) throw notFound("Famille d'achat");
  const values = validerFamille(input);
  const next: FamilleAchat = { ...current, ...values, version: input.version + 1 };
  if (!(await deps.programme.updateFamille(next, input.version))) throw staleVersion();
  await deps.audit.append(actor, {
    organisationId,
    type: "famille-achat.updated",
    aggregateType: "famille-achat",
    aggregateId: id,
    payload: { before: { ...current, id: undefined, organisationId: undefined, version: undefined }, after: values },
  });
  return next;
}

// ------------------------------------------------------------------------------------------------ lines

/** The direction of a need: the one given, or the direction buyer's own. */
function directionDe(actor: Actor, input: LigneInput): LigneInput & { directionId: string } {
  const directionId = input.directionId ?? (actor.kind === "user" ? actor.directionId : null);
  if (!directionId) throw invalidInput([{ path: ["directionId"], message: "Indiquez la direction du besoin." }]);
  return { ...input, directionId };
}

/** A direction buyer declares only for its own direction. */
function assertDirection(actor: Actor, directionId: string): void {
  const scope = directionScope(actor);
  if (scope.kind === "none" || (scope.kind === "direction" && scope.directionId !== directionId)) {
    throw new DomainError("FORBIDDEN", "Vous ne pouvez déclarer des besoins que pour votre direction.", "forbidden", [
      { path: ["directionId"], message: "Direction hors de votre périmètre." },
    ]);
  }
}

export async function listLignes(
  deps: Pick<Deps, "programme">,
  actor: Actor,
  filter: Omit<LignesFilter, "scope">,
): Promise<{ total: number; lignes: LigneProgramme[] }> {
  assertCan(actor, "programme.read");
  return deps.programme.list({ ...filter, scope: directionScope(actor) });
}

export async function getLigne(deps: Pick<Deps, "programme">, actor: Actor, organisationId: string, id: string): Promise<LigneProgramme> {
  assertCan(actor, "programme.read");
  const ligne = await deps.programme.get(id, organisationId, directionScope(actor));
  if (!ligne) throw notFound("Ligne de programmation");
  return ligne;
}

export async function historiqueLigne(
  deps: Pick<Deps, "programme">,
  actor: Actor,
  organisationId: string,
  id: string,
): Promise<VersionLigne[]> {
  await getLigne(deps, actor, organisationId, id);
  return deps.programme.listVersions(id);
}

export async function createLigne(deps: Deps, actor: Actor, organisationId: string, brut: LigneInput): Promise<LigneProgramme> {
  assertCan(actor, "programme.write");
  const input = directionDe(actor, brut);
  assertDirection(actor, input.directionId);
  const contenu = validerLigne(input, await deps.programme.listFamilles(organisationId));
  const ligne: LigneProgramme = {
    ...contenu,
    id: deps.ids.newId(),
    organisationId,
    statut: "brouillon",
    commentaire: null,
    numeroVersion: 1,
    familleProcedure: null,
    version: 1,
  };
  await deps.programme.insert(ligne);
  await deps.audit.append(actor, {
    organisationId,
    type: "ligne-programme.created",
    aggregateType: "ligne-programme",
    aggregateId: ligne.id,
    payload: { ...contenu },
  });
  return ligne;
}

/** Edits a draft or sent-back line; a submitted, validated or published line is refused (sealed). */
export async function updateLigne(
  deps: Deps,
  actor: Actor,
  organisationId: string,
  id: string,
  brut: LigneInput & { version: number },
): Promise<LigneProgramme> {
  assertCan(actor, "programme.write");
  const input = { ...directionDe(actor, { ...brut, directionId: brut.directionId ?? null }), version: brut.version };
  const current = await getLigne(deps, actor, organisationId, id);
  assertDirection(actor, current.directionId);
  assertDirection(actor, input.directionId);
  if (current.version !== input.version) throw staleVersion();
  if (!STATUTS_MODIFIABLES.includes(current.statut)) throw ligneScellee(current.statut);
  const contenu = validerLigne(input, await deps.programme.listFamilles(organisationId));
  const next: LigneProgramme = { ...current, ...contenu, version: input.version + 1 };
  if (!(await deps.programme.update(next, input.version))) throw staleVersion();
  await deps.audit.append(actor, {
    organisationId,
    type: "ligne-programme.updated",
    aggregateType: "ligne-programme",
    aggregateId: id,
    payload: { before: contenuDe(current), after: contenu },
  });
  return next;
}

function contenuDe(l: LigneProgramme): ContenuLigne {
  const { id: _i, organisationId: _o, statut: _s, commentaire: _c, numeroVersion: _n, familleProcedure: _f, version: _v, ...contenu } = l;
  return contenu;
}

/**
 * Moves a line through its workflow. `soumettre` and `reviser` belong to the direction (programme.write,
 * own direction); `valider`, `renvoyer` (with a comment) and `publier` to the procurement directorate
 * (programme.validate). `reviser` keeps the validated content in the history and reopens the line as a
 * draft of the next version. `publier` fixes the procedure family of the family's aggregate.
 */
export async function transitionLigne(
  deps: Deps,
  actor: Actor,
  organisationId: string,
  id: string,
  action: ActionLigne,
  input: { version: number; commentaire?: string | null },
): Promise<LigneProgramme> {
  const direction = action === "soumettre" || action === "reviser";
  assertCan(actor, direction ? "programme.write" : "programme.validate");
  const current = await getLigne(deps, actor, organisationId, id);
  if (direction) assertDirection(actor, current.directionId);
  if (current.version !== input.version) throw staleVersion();
  const transition = TRANSITIONS_LIGNE[action];
  if (!transition.depuis.includes(current.statut)) throw transitionRefusee(action, current.statut);
  const commentaire = (input.commentaire ?? "").trim();
  if (action === "renvoyer" && (commentaire.length < 3 || commentaire.length > 2000)) {
    throw new DomainError("INVALID_INPUT", "Un commentaire explique le renvoi à la direction.", "invalid-input", [
      { path: ["commentaire"], message: "Expliquez ce que la direction doit revoir (3 à 2 000 caractères)." },
    ]);
  }
  const next: LigneProgramme = { ...current, statut: transition.vers, version: input.version + 1 };
  if (action === "renvoyer") next.commentaire = commentaire;
  if (action === "soumettre") next.commentaire = null;
  if (action === "reviser") {
    await deps.programme.insertVersion({
      ligneId: id,
      numeroVersion: current.numeroVersion,
      statut: current.statut,
      contenu: contenuDe(current),
      creeLe: deps.clock.now(),
    });
    next.numeroVersion = current.numeroVersion + 1;
    next.familleProcedure = null;
  }
  if (action === "publier") {
    const groupe = (await agregationAnnee(deps, organisationId, current.annee)).groupes.find((g) => g.lignes.includes(id));
    next.familleProcedure = groupe?.procedure ?? null;
  }
  if (!(await deps.programme.update(next, input.version))) throw staleVersion();
  await deps.audit.append(actor, {
    organisationId,
    type: transition.evenement,
    aggregateType: "ligne-programme",
    aggregateId: id,
    payload: {
      de: current.statut,
      vers: next.statut,
      numeroVersion: next.numeroVersion,
      ...(action === "renvoyer" ? { commentaire } : {}),
    },
  });
  return next;
}

/**
 * Publishes every validated line of the year at once (the procurement directorate publishes its programme):
 * one aggregation fixes each line's procedure family; one audit event per line. Returns the lines published.
 */
export async function publierProgramme(deps: Deps, actor: Actor, organisationId: string, annee: number): Promise<LigneProgramme[]> {
  assertCan(actor, "programme.validate");
  const agregation = await agregationAnnee(deps, organisationId, annee);
  const procedureDe = new Map(agregation.groupes.flatMap((g) => g.lignes.map((id) => [id, g.procedure] as const)));
  const publiees: LigneProgramme[] = [];
  for (const ligne of await deps.programme.listAnnee(organisationId, annee)) {
    if (ligne.statut !== "validee") continue;
    const next: LigneProgramme = {
      ...ligne,
      statut: "publiee",
      familleProcedure: procedureDe.get(ligne.id) ?? null,
      version: ligne.version + 1,
    };
    if (!(await deps.programme.update(next, ligne.version))) throw staleVersion();
    await deps.audit.append(actor, {
      organisationId,
      type: TRANSITIONS_LIGNE.publier.evenement,
      aggregateType: "ligne-programme",
      aggregateId: ligne.id,
      payload: { de: "validee", vers: "publiee", numeroVersion: ligne.numeroVersion },
    });
    publiees.push(next);
  }
  return publiees;
}

// ------------------------------------------------------------------------------------------------ aggregation

/** A group of the aggregation, with its family's label and its lines. */
export interface GroupeProgramme extends GroupeAgrege {
  libelle: string;
  familleId: string | null;
  lignesDetail: Pick<LigneProgramme, "id" | "objet" | "directionId" | "valeurEstimeeHtCents" | "statut" | "trimestre">[];
}

/** The aggregation of the year: one group per family (supplies, services) or operation (works). */
export interface AgregationProgramme {
  annee: number;
  dateReference: string;
  groupes: GroupeProgramme[];
  /** Groups with a split-purchase alert, largest sum first. */
  alertes: (GroupeProgramme & { alerte: Alerte })[];
}

async function agregationAnnee(deps: Pick<Deps, "programme">, organisationId: string, annee: number): Promise<AgregationProgramme> {
  const [lignes, familles] = await Promise.all([
    deps.programme.listAnnee(organisationId, annee),
    deps.programme.listFamilles(organisationId),
  ]);
  const parId = new Map(familles.map((f) => [f.id, f]));
  const dateReference = `${annee}-01-01`;
  const resultat = agregerBesoins({
    dateReference,
    lignes: lignes.map((l) => ({
      id: l.id,
      objet: l.objet,
      nature: l.nature,
      famille: cleAgregation(l, parId),
      valeurEstimeeHtCents: l.valeurEstimeeHtCents,
    })),
  });
  const lignesParId = new Map(lignes.map((l) => [l.id, l]));
  const groupes: GroupeProgramme[] = resultat.groupes.map((g) => {
    const detail = g.lignes.map((id) => lignesParId.get(id)).filter((l): l is LigneProgramme => l !== undefined);
    const premiere = detail[0];
    return {
      ...g,
      libelle: g.famille,
      familleId: premiere?.familleId ?? null,
      lignesDetail: detail.map((l) => ({
        id: l.id,
        objet: l.objet,
        directionId: l.directionId,
        valeurEstimeeHtCents: l.valeurEstimeeHtCents,
        statut: l.statut,
        trimestre: l.trimestre,
      })),
    };
  });
  const alertes = groupes
    .filter((g) => g.seuilFranchi !== null)
    .sort((a, b) => b.valeurAgregeeHtCents - a.valeurAgregeeHtCents || (a.famille < b.famille ? -1 : 1))
    .flatMap((g) => {
      const alerte = g.alertes.find(estAlerteFractionnement);
      return alerte ? [{ ...g, alerte }] : [];
    });
  return { annee, dateReference, groupes, alertes };
}

/**
 * The aggregated value of every family (supplies, services) and operation (works) of the year, across
 * directions, with the procedure the aggregate calls for and the split-purchase alerts (R2121-1,
 * R2121-5, R2121-6), as the rule book answers them. Thresholds in force on 1 January of the year.
 */
export async function agregationProgramme(
  deps: Pick<Deps, "programme">,
  actor: Actor,
  organisationId: string,
  annee: number,
): Promise<AgregationProgramme> {
  assertCan(actor, "programme.aggregate");
  return agregationAnnee(deps, organisationId, annee);
}

/**
 * The split-purchase alert message of each line of the year that belongs to an alerted group (shown on
 * the line, to its direction too: the alert is about the aggregate, not about other directions' lines).
 */
export async function alertesParLigne(
  deps: Pick<Deps, "programme">,
  actor: Actor,
  organisationId: string,
  annee: number,
): Promise<Map<string, string>> {
  assertCan(actor, "programme.read");
  const debut = `${annee}-01-01`;
  if (debut < COUVERTURE_MOTEUR.du || debut > COUVERTURE_MOTEUR.au) return new Map(); // no rule known: no alert to show on the lines
  const { alertes } = await agregationAnnee(deps, organisationId, annee);
  const out = new Map<string, string>();
  for (const g of alertes) {
    const seuil = g.seuilFranchi;
    const message =
      `Risque de fractionnement : « ${g.famille} » compte ${g.lignes.length} lignes chacune sous le ${seuil?.libelle ?? "seuil"} ` +
      `(${formatEuros(seuil?.valeurHtCents ?? 0)} HT), qui totalisent ${formatEuros(g.valeurAgregeeHtCents)} HT (R2121-1).`;
    for (const id of g.lignes) out.set(id, message);
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ public

/** The published lines of the year, filtered; no account needed (the exact amount is not published). */
export async function rechercherProgrammePublic(
  deps: Pick<Deps, "programme">,
  query: RecherchePublique,
): Promise<{ total: number; lignes: LignePublique[] }> {
  return deps.programme.publicSearch(query);
}

export async function ligneProgrammePublique(deps: Pick<Deps, "programme">, id: string): Promise<LignePublique> {
  const ligne = await deps.programme.publicGet(id);
  if (!ligne) throw notFound("Ligne de programmation publiée");
  return ligne;
}
