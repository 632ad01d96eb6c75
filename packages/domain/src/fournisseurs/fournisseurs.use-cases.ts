import { assertCan, directionScope } from "../acces/policies";
import type { Actor } from "../acces/roles";
import { DomainError } from "../commun/errors";
import type { AuditLog, IdGenerator } from "../commun/ports";
import { validerFournisseur, type Fournisseur, type FournisseurInput } from "./fournisseur";
import type { Fiche360, FournisseurFiltre, FournisseurRepository, FournisseurResume, OffresFournisseur } from "./ports";

interface Deps {
  fournisseurs: FournisseurRepository;
  audit: AuditLog;
  ids: IdGenerator;
}

const introuvable = () => new DomainError("NOT_FOUND", "Fournisseur introuvable.", "not-found");

export async function listerFournisseurs(
  deps: Pick<Deps, "fournisseurs">,
  actor: Actor,
  filtre: FournisseurFiltre,
): Promise<{ total: number; fournisseurs: FournisseurResume[] }> {
  assertCan(actor, "fournisseurs.read");
  return deps.fournisseurs.list(filtre, directionScope(actor));
}

/** The 360 page: contracts, amounts by year, bids made and won (procedures context), evaluations, payments. */
export async function ficheFournisseur(
  deps: Pick<Deps, "fournisseurs"> & { offresFournisseur: OffresFournisseur },
  actor: Actor,
  organisationId: string,
  id: string,
): Promise<Fiche360> {
  assertCan(actor, "fournisseurs.read");
  const scope = directionScope(actor);
  const fiche = await deps.fournisseurs.fiche(id, organisationId, scope);
  if (!fiche) throw introuvable();
  const offres = await deps.offresFournisseur.duSiret(fiche.fournisseur.siret, organisationId, scope);
  return { ...fiche, offres };
}

export async function creerFournisseur(deps: Deps, actor: Actor, organisationId: string, input: FournisseurInput): Promise<Fournisseur> {
  assertCan(actor, "fournisseurs.manage");
  const valeurs = validerFournisseur(input);
  const fournisseur: Fournisseur = { id: deps.ids.newId(), organisationId, ...valeurs, version: 1 };
  await deps.fournisseurs.insert(fournisseur);
  await deps.audit.append(actor, {
    organisationId,
    type: "fournisseur.created",
    aggregateType: "fournisseur",
    aggregateId: fournisseur.id,
    payload: { ...valeurs },
  });
  return fournisseur;
}

export async function modifierFournisseur(
  deps: Pick<Deps, "fournisseurs" | "audit">,
  actor: Actor,
  organisationId: string,
  id: string,
  input: FournisseurInput & { version: number },
): Promise<Fournisseur> {
  assertCan(actor, "fournisseurs.manage");
  const current = await deps.fournisseurs.get(id, organisationId);
  if (!current) throw introuvable();
  const valeurs = validerFournisseur(input);
  const next: Fournisseur = { ...current, ...valeurs, version: input.version + 1 };
  if (!(await deps.fournisseurs.update(next, input.version))) throw versionPerimee();
  const { id: _i, organisationId: _o, version: _v, ...avant } = current;
  await deps.audit.append(actor, {
    organisationId,
    type: "fournisseur.updated",
    aggregateType: "fournisseur",
    aggregateId: id,
    payload: { before: avant, after: valeurs },
  });
  return next;
}

export function versionPerimee(): DomainError {
  return new DomainError(
    "STALE_VERSION",
    "Cette fiche a été modifiée entre-temps par quelqu'un d'autre : rechargez-la pour voir ses changements, puis recommencez.",
    "conflict",
  );
}

/**
 * The supplier of a SIRET, created when it is not yet in the directory (award notified, import): the same
 * establishment is never entered twice. Audited only when created.
 */
export async function fournisseurParSiret(deps: Deps, actor: Actor, organisationId: string, input: FournisseurInput): Promise<Fournisseur> {
  const valeurs = validerFournisseur(input);
  const existant = await deps.fournisseurs.getBySiret(valeurs.siret, organisationId);
  if (existant) return existant;
  return creerFournisseur(deps, actor, organisationId, input);
}
